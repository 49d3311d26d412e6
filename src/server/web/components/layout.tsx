/** The page shell: landmarks, skip link, header with navigation and the language switch, footer. */
import type { Child } from 'hono/jsx';
import { stylesheetUrls } from '../assets.ts';
import { href, translator, type Lang } from '../i18n.ts';

export interface LayoutProps {
  readonly lang: Lang;
  readonly title: string;
  /** The current URL (path + query): the language switch links to it with the other language. */
  readonly url: URL;
  readonly nav?: 'front' | 'kommune' | 'data' | 'indikator' | 'lov';
  readonly children?: Child;
}

/** The same page in the other language (all other query parameters kept). */
export function switchLangHref(url: URL, lang: Lang): string {
  const q = new URLSearchParams(url.search);
  if (lang === 'en') q.delete('lang');
  else q.set('lang', 'en');
  const s = q.toString();
  return s ? `${url.pathname}?${s}` : url.pathname;
}

export function Layout(p: LayoutProps): Child {
  const t = translator(p.lang);
  const other = p.lang === 'en' ? 'nb' : 'en';
  const navItem = (key: LayoutProps['nav'], path: string, label: string): Child => (
    <li>
      <a href={href(path, p.lang)} aria-current={p.nav === key ? 'page' : undefined}>{label}</a>
    </li>
  );
  return (
    <html lang={p.lang === 'en' ? 'en' : 'nb'} data-color-scheme="light">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${p.title} – Integreringsmonitor`}</title>
        {stylesheetUrls().map((u) => <link rel="stylesheet" href={u} />)}
      </head>
      <body>
        <a class="ds-skip-link" href="#main">{t('Hopp til hovedinnholdet', 'Skip to main content')}</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={href('/', p.lang)}>Integreringsmonitor</a>
            <nav aria-label={t('Hovedmeny', 'Main menu')}>
              <ul class="nav-list">
                {navItem('front', '/', t('Resultatkjeden', 'Results chain'))}
                {navItem('kommune', '/kommune', t('Kommuner', 'Municipalities'))}
                {navItem('lov', '/lov', t('Ny og gammel lov', 'New and old act'))}
                {navItem('data', '/data', t('Data og kvalitet', 'Data and quality'))}
              </ul>
            </nav>
            <a class="lang-switch ds-button" data-variant="secondary" data-size="sm" href={switchLangHref(p.url, p.lang)} hreflang={other} lang={other}>
              {p.lang === 'en' ? 'Norsk (bokmål)' : 'English'}
            </a>
          </div>
        </header>
        <main id="main" tabindex={-1} class="wrap">
          {p.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>
              {t(
                'Integreringsmonitor viser indikatorer for integreringsloven ordnet som en resultatkjede (NIBR-rapport 2020). Tall for små grupper er prikket.',
                'Integreringsmonitor shows indicators for the Integration Act arranged as a results chain (NIBR report 2020). Figures for small groups are suppressed.',
              )}
            </p>
            <p>{t('Kartgrunnlag: © Kartverket, CC BY 4.0.', 'Map data: © Kartverket, CC BY 4.0.')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
