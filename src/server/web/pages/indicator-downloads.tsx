/** Download links to the API (served by src/server): the whole indicator and the current selection. */
import type { Child } from 'hono/jsx';
import { DOWNLOAD_FORMATS } from '../../../publish/index.ts';
import { pick } from '../../../shared/lang.ts';
import { translator } from '../i18n.ts';
import type { IndicatorView } from './indicator.tsx';


/** `/api/v1/indikatorer/P4?outputFormat=csv&valueCodes[gruppe]=under_25…` (PxWebApi-style). */
export function downloadUrl(id: string, format: string, selection: Record<string, string> = {}, lang: string = 'nb'): string {
  const q = new URLSearchParams({ outputFormat: format });
  for (const [k, v] of Object.entries(selection)) q.set(`valueCodes[${k}]`, v);
  if (lang === 'en') q.set('lang', 'en');
  return `/api/v1/indikatorer/${encodeURIComponent(id)}?${q.toString()}`;
}

/** Links to the whole indicator and to the selection, one per format of the registry (publish/writers.ts) in its link order. */
export function Downloads(v: IndicatorView): Child {
  const t = translator(v.lang);
  const selection: Record<string, string> = {
    maal: v.f.maal,
    gruppe: v.f.gruppe,
    lovregime: v.f.lovregime,
    ...(v.f.botid !== null ? { botid: String(v.f.botid) } : {}),
  };
  return (
    <section aria-labelledby="last-ned">
      <h2 id="last-ned" class="ds-heading" data-size="sm">{t('Last ned tallene', 'Download the figures')}</h2>
      <div class="downloads">
        <div>
          <h3 class="ds-heading" data-size="2xs">{t('Hele indikatoren', 'The whole indicator')}</h3>
          <ul>
            {DOWNLOAD_FORMATS.map((f) => <li><a class="ds-link" href={downloadUrl(v.meta.id, f.format, {}, v.lang)} download>{pick(f.label, v.lang)}</a></li>)}
          </ul>
        </div>
        <div>
          <h3 class="ds-heading" data-size="2xs">{t('Utvalget ditt (alle perioder og regioner)', 'Your selection (all periods and regions)')}</h3>
          <ul>
            {DOWNLOAD_FORMATS.map((f) => <li><a class="ds-link" href={downloadUrl(v.meta.id, f.format, selection, v.lang)} download>{pick(f.label, v.lang)}</a></li>)}
          </ul>
        </div>
      </div>
      <p class="footnote">{t('Prikkede celler har «:» i filene, som hos SSB.', 'Suppressed cells carry “:” in the files, as at SSB.')}</p>
    </section>
  );
}
