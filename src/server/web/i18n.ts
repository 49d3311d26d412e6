/**
 * Per-request language for the dashboard. Norwegian bokmål is the default; `?lang=en` switches to
 * English and is carried on every link and form. (src/shared/lang.ts holds one process-wide
 * language, fine for the CLI but not for a server answering several users at once.)
 */
import type { Text } from '../../catalogue/types.ts';

export type Lang = 'nb' | 'en';

/** Reads the language from the query value (`en` → English, anything else → bokmål). */
export function langFrom(query: string | undefined): Lang {
  return query === 'en' ? 'en' : 'nb';
}

/** A pair of texts bound to a language: `t('Ferdig', 'Done')`. */
export type Translate = (nb: string, en: string) => string;

export function translator(lang: Lang): Translate {
  return (nb, en) => (lang === 'en' ? en : nb);
}

/** Picks the catalogue text for the language. */
export function pick(lang: Lang, text: Text): string {
  return lang === 'en' ? text.en : text.nb;
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
