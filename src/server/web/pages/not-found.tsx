/** 404 page, in the page's language. */
import type { Child } from 'hono/jsx';
import { Layout } from '../components/layout.tsx';
import { href, translator, type Lang } from '../i18n.ts';

export function notFoundPage(lang: Lang, url: URL): Child {
  const t = translator(lang);
  return (
    <Layout lang={lang} url={url} title={t('Fant ikke siden', 'Page not found')}>
      <h1 class="ds-heading" data-size="md" data-page="not-found">{t('Fant ikke siden', 'Page not found')}</h1>
      <p>
        {t('Vi fant ikke det du lette etter. ', 'We could not find what you were looking for. ')}
        <a href={href('/', lang)}>{t('Gå til resultatkjeden', 'Go to the results chain')}</a>
      </p>
    </Layout>
  );
}
