/**
 * User-facing language, one module for the CLI, the API and the dashboard: Norwegian bokmål first,
 * English on request. Texts are written in pairs at the call site.
 *
 * - Servers answer several users at once, so they choose the language per call:
 *   `translator(lang)('Ferdig', 'Done')`, `pick(text, lang)`.
 * - The CLI serves one user per process and may bind the language once (`setLang` from `--lang en`
 *   or INTEGRERINGSMONITOR_LANG=en) and then write `tr('Ferdig', 'Done')`.
 * Labels of codes (dimensions, categories, status symbols) are in `labels.ts` beside this file.
 */
export type Lang = 'nb' | 'en';

/** A text in both languages (catalogue names, labels, messages). */
export interface Text {
  readonly nb: string;
  readonly en: string;
}

export const LANGS: readonly Lang[] = ['nb', 'en'];

/**
 * Reads a language code: `nb`, `no` (SSB's and PxWebApi's code for Norwegian) and `en`;
 * null for anything else. Case-insensitive.
 */
export function parseLangCode(code: string | null | undefined): Lang | null {
  const c = code?.trim().toLowerCase();
  if (c === 'nb' || c === 'no') return 'nb';
  if (c === 'en') return 'en';
  return null;
}

/** The text of a pair in a language. The one `pick`: text first, language second. */
export function pick(text: Text, lang: Lang): string {
  return lang === 'en' ? text.en : text.nb;
}

/** A pair of texts bound to a language: `t('Ferdig', 'Done')`. */
export type Translate = (nb: string, en: string) => string;

export function translator(lang: Lang): Translate {
  return (nb, en) => (lang === 'en' ? en : nb);
}

/** Shorthand for a Text literal: `text('Kommune', 'Municipality')`. */
export function text(nb: string, en: string): Text {
  return { nb, en };
}

// The CLI's process-wide language (one user per process). Servers must not use these.
let current: Lang = parseLangCode(process.env['INTEGRERINGSMONITOR_LANG']) ?? 'nb';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Picks the text for the CLI's language (see setLang). */
export function tr(nb: string, en: string): string {
  return current === 'en' ? en : nb;
}
