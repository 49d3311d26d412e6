/**
 * Norwegian and English labels for the results table's dimensions and code values
 * (docs/output-contract.md). Used by the JSON-stat and XLSX writers and by the API.
 */
import type { Lang } from '../shared/lang.ts';
import type { Text } from '../catalogue/types.ts';

const t = (nb: string, en: string): Text => ({ nb, en });

export const DIMENSION_LABELS: Readonly<Record<string, Text>> = {
  indikator: t('Indikator', 'Indicator'),
  maal: t('Mål', 'Measure'),
  ledd: t('Ledd i resultatkjeden', 'Link in the results chain'),
  kohort: t('Kohort', 'Cohort'),
  periode: t('Periode', 'Period'),
  botid: t('Botid (år siden bosetting)', 'Years since settlement'),
  lovregime: t('Lovregime', 'Legal regime'),
  regionniva: t('Regionnivå', 'Regional level'),
  region: t('Region', 'Region'),
  gruppe: t('Gruppe', 'Group'),
  kjonn: t('Kjønn', 'Sex'),
  maaltall: t('Måltall', 'Statistic'),
};

export const CATEGORY_LABELS: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  ledd: {
    innsats: t('Innsats', 'Input'),
    programresultat: t('Programresultat', 'Programme result'),
    integreringsresultat: t('Integreringsresultat', 'Integration result'),
  },
  kohort: {
    bosettingskohort: t('Bosettingskohort', 'Settlement cohort'),
    startkohort: t('Startkohort', 'Start cohort'),
    avslutningskohort: t('Avslutningskohort', 'Completion cohort'),
    aktive: t('Aktive deltakere', 'Active participants'),
  },
  lovregime: {
    introduksjonsloven: t('Introduksjonsloven', 'Introduction Act'),
    integreringsloven: t('Integreringsloven', 'Integration Act'),
    alle: t('Alle', 'All'),
  },
  regionniva: { land: t('Landet', 'Country'), fylke: t('Fylke', 'County'), kommune: t('Kommune', 'Municipality') },
  gruppe: {
    under_25: t('Under 25 år', 'Under 25'),
    har_vgo: t('Har videregående', 'Has upper secondary'),
    ovrige: t('Øvrige', 'Others'),
    intro: t('Alle i introduksjonsprogram', 'All in the introduction programme'),
    norsk_rett_plikt: t('Rett og plikt til norskopplæring', 'Right and duty to Norwegian training'),
    norsk_plikt: t('Plikt til norskopplæring', 'Duty to Norwegian training'),
    alle: t('Alle', 'All'),
  },
  kjonn: { '1': t('Menn', 'Men'), '2': t('Kvinner', 'Women'), alle: t('Begge kjønn', 'Both sexes') },
  maaltall: {
    verdi: t('Verdi', 'Value'),
    teller: t('Teller', 'Numerator'),
    nevner: t('Nevner (personer)', 'Denominator (persons)'),
    ki_nedre: t('95 % KI nedre', '95 % CI lower'),
    ki_ovre: t('95 % KI øvre', '95 % CI upper'),
    mangler: t('Utelatt for manglende data', 'Left out for missing data'),
  },
};

/** The symbols of the `status` column, as SSB uses them. */
export const STATUS_LABELS: Readonly<Record<string, Text>> = {
  ':': t('Skjult av personvernhensyn', 'Suppressed for confidentiality'),
  '..': t('Ingen data', 'No data'),
  '.': t('Ikke relevant', 'Not applicable'),
};

/** Code used in JSON-stat for an empty (null) dimension value, e.g. botid outside link 3. */
export const NULL_CATEGORY = 'ingen';
export const NULL_CATEGORY_LABEL = t('Ikke relevant', 'Not applicable');

export const COUNTRY_NAME = t('Hele landet', 'Norway');

export function pick(text: Text, lang: Lang): string {
  return lang === 'en' ? text.en : text.nb;
}

/** Label of one category of a dimension, or the code itself when none is known. */
export function categoryLabel(dim: string, code: string, lang: Lang): string {
  const known = CATEGORY_LABELS[dim]?.[code];
  return known ? pick(known, lang) : code;
}

/** The level of a harmonised region code: '0' → land, 2 digits → fylke, 4 digits → kommune. */
export function regionLevel(code: string): 'land' | 'fylke' | 'kommune' {
  if (code === '0') return 'land';
  return code.length <= 2 ? 'fylke' : 'kommune';
}
