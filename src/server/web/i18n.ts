/**
 * Per-request language for the dashboard. Norwegian bokmål is the default; `?lang=en` switches to
 * English and is carried on every link and form. `Lang`, `Translate` and `translator` are the
 * shared ones (src/shared/lang.ts: one language module for CLI, API and dashboard, per call).
 */
import { parseLangCode, type Lang } from '../../shared/lang.ts';

export { translator, type Lang, type Translate } from '../../shared/lang.ts';

/** Reads the language from the query value (`en` → English; `no`, `nb` and anything else → bokmål). */
export function langFrom(query: string | undefined): Lang {
  return parseLangCode(query) ?? 'nb';
}

/**
 * Builds a link that keeps the language: href('/indikator/P4', 'en', { gruppe: 'under_25' })
 * → '/indikator/P4?gruppe=under_25&lang=en'. Empty parameter values are left out.
 */
export function href(path: string, lang: Lang, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
