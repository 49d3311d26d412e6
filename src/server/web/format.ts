/** Number and status formatting for the dashboard, Norwegian or English conventions. */
import type { Unit } from '../../catalogue/types.ts';
import type { Status } from '../../contract/results.ts';
import type { Lang } from './i18n.ts';

const locale = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'nb-NO');

/** One formatter per language and decimals (building one per number costs more than the page's queries). */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(lang: Lang, minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${lang}|${minDecimals}|${maxDecimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formatters.set(key, f);
  }
  return f;
}

/** Formats a number with a fixed number of decimals: 45.25 → "45,3" (nb) / "45.3" (en). */
export function num(lang: Lang, value: number, decimals = 1): string {
  return formatter(lang, decimals, decimals).format(value);
}

/** Whole numbers with a thousands separator: 12345 → "12 345". */
export function count(lang: Lang, value: number): string {
  return formatter(lang, 0, 0).format(value);
}

const UNIT_SUFFIX: Record<Unit, { nb: string; en: string }> = {
  prosent: { nb: ' %', en: '%' },
  prosentpoeng: { nb: ' pp', en: ' pp' },
  timer: { nb: ' t', en: ' h' },
  maaneder: { nb: ' mnd', en: ' mo' },
  kr: { nb: ' kr', en: ' NOK' },
  antall: { nb: '', en: '' },
};

/** A value with its unit: (45.25, 'prosent') → "45,3 %". */
export function withUnit(lang: Lang, value: number, unit: Unit): string {
  const decimals = unit === 'kr' || unit === 'antall' ? 0 : 1;
  return num(lang, value, decimals) + UNIT_SUFFIX[unit][lang];
}

/**
 * SSB's symbols (output contract: ':' suppressed, '..' no data, '.' not applicable) and what
 * they mean, for visible footnotes and tooltips.
 */
export function statusText(lang: Lang, status: Exclude<Status, ''>): string {
  switch (status) {
    case ':':
      return lang === 'en'
        ? 'Suppressed to prevent individuals from being identified'
        : 'Prikket for å hindre at enkeltpersoner kan gjenkjennes';
    case '..':
      return lang === 'en' ? 'No data' : 'Tall mangler';
    case '.':
      return lang === 'en' ? 'Not applicable' : 'Ikke mulig å føre opp tall';
  }
}

/** The unit as an axis or legend title: 'prosent' → "Prosent (%)". */
export function unitTitle(lang: Lang, unit: Unit): string {
  const titles: Record<Unit, [string, string]> = {
    prosent: ['Prosent (%)', 'Per cent (%)'],
    prosentpoeng: ['Prosentpoeng', 'Percentage points'],
    timer: ['Timer', 'Hours'],
    maaneder: ['Måneder', 'Months'],
    kr: ['Kroner', 'NOK'],
    antall: ['Antall', 'Number'],
  };
  return titles[unit][lang === 'en' ? 1 : 0];
}

/** A signed figure with a true minus sign: 4.2 → "+4,2", −1 → "−1,0". */
export function signed(lang: Lang, value: number, decimals = 1): string {
  const s = num(lang, Math.abs(value), decimals);
  if (Math.abs(value) < 0.5 * 10 ** -decimals) return s;
  return (value < 0 ? '\u2212' : '+') + s;
}

/** A date or ISO date-time in the page's language: "1. juni 2024 kl. 14:00" / "1 June 2024, 14:00". */
export function dateText(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hasTime = /T\d\d:\d\d/.test(iso);
  const date = d.toLocaleDateString(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Oslo' });
  if (!hasTime) return date;
  const time = d.toLocaleTimeString(locale(lang), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
  return lang === 'en' ? `${date}, ${time}` : `${date} kl. ${time}`;
}
