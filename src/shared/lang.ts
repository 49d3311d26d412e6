/**
 * User-facing language: Norwegian bokmål first, English on request (--lang en, or
 * INTEGRERINGSMONITOR_LANG=en). Texts are written in pairs at the call site: tr('Ferdig', 'Done').
 */
export type Lang = 'nb' | 'en';

let current: Lang = process.env['INTEGRERINGSMONITOR_LANG'] === 'en' ? 'en' : 'nb';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** Picks the text for the current language. */
export function tr(nb: string, en: string): string {
  return current === 'en' ? en : nb;
}
