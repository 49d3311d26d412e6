/**
 * Labels of every published code, in both languages: the dimensions of the results table and the
 * analyses table (docs/output-contract.md), their category values and the status symbols. The one
 * label table for the CLI, the writers, the API and the dashboard; pick a text with `pick(text, lang)`.
 */
import { pick, text as t, type Lang, type Text } from './lang.ts';
import type { Gruppe, KjonnDim, Lovregime, Regionniva } from '../contract/dimensions.ts';

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
  teller: t('Teller', 'Numerator'),
  nevner: t('Nevner (personer)', 'Denominator (persons)'),
  verdi: t('Verdi', 'Value'),
  ki_nedre: t('95 % KI nedre', '95 % CI lower'),
  ki_ovre: t('95 % KI øvre', '95 % CI upper'),
  mangler: t('Utelatt for manglende data', 'Left out for missing data'),
  status: t('Status', 'Status'),
  // The analyses table (A1–A4).
  analyse: t('Analyse', 'Analysis'),
  sammenligning: t('Sammenligning', 'Comparison'),
  n: t('Antall personer', 'Number of persons'),
  observert: t('Observert', 'Observed'),
  forventet: t('Forventet', 'Expected'),
  differanse: t('Differanse (observert − forventet)', 'Difference (observed − expected)'),
  krympet: t('Krympet differanse (empirisk Bayes)', 'Shrunken difference (empirical Bayes)'),
  vurdering: t('Vurdering', 'Assessment'),
};

/**
 * Labels of the results table's dimension values (contract/dimensions.ts). Records over the value
 * types, so a new value in dimensions.ts does not compile until it has its label here.
 */
const GROUP_LABELS: Readonly<Record<Gruppe, Text>> = {
  under_25: t('Under 25 år', 'Under 25'),
  har_vgo: t('Har videregående', 'Has upper secondary'),
  ovrige: t('Øvrige', 'Others'),
  intro: t('Alle i introduksjonsprogram', 'All in the introduction programme'),
  norsk_rett_plikt: t('Rett og plikt til norskopplæring', 'Right and duty to Norwegian training'),
  norsk_plikt: t('Plikt til norskopplæring', 'Duty to Norwegian training'),
  alle: t('Alle', 'All'),
};
/** The dashboard's shorter group names (menus, legends); a group without one uses its full label. */
const GROUP_SHORT_LABELS: Readonly<Partial<Record<Gruppe, Text>>> = {
  intro: t('Alle introdeltakere', 'All intro participants'),
  norsk_rett_plikt: t('Rett og plikt til norsk', 'Right and duty to Norwegian'),
  norsk_plikt: t('Plikt til norsk', 'Duty to Norwegian'),
};
const REGIME_LABELS: Readonly<Record<Lovregime, Text>> = {
  introduksjonsloven: t('Introduksjonsloven (gammel lov)', 'Introduction Act (old act)'),
  integreringsloven: t('Integreringsloven (ny lov)', 'Integration Act (new act)'),
  alle: t('Begge lover', 'Both acts'),
};
const SEX_LABELS: Readonly<Record<KjonnDim, Text>> = { '1': t('Menn', 'Men'), '2': t('Kvinner', 'Women'), alle: t('Begge kjønn', 'Both sexes') };
const LEVEL_LABELS: Readonly<Record<Regionniva, Text>> = { land: t('Hele landet', 'Whole country'), fylke: t('Fylke', 'County'), kommune: t('Kommune', 'Municipality') };

export const CATEGORY_LABELS: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  ledd: {
    innsats: t('Innsats', 'Effort'),
    programresultat: t('Programresultat', 'Programme results'),
    integreringsresultat: t('Integreringsresultat', 'Integration outcomes'),
  },
  kohort: {
    bosettingskohort: t('Bosettingskohort', 'Settlement cohort'),
    startkohort: t('Startkohort', 'Start cohort'),
    avslutningskohort: t('Avslutningskohort', 'Completion cohort'),
    aktive: t('Aktive deltakere', 'Active participants'),
  },
  lovregime: REGIME_LABELS,
  regionniva: LEVEL_LABELS,
  gruppe: GROUP_LABELS,
  kjonn: SEX_LABELS,
  maaltall: {
    verdi: t('Verdi', 'Value'),
    teller: t('Teller', 'Numerator'),
    nevner: t('Nevner (personer)', 'Denominator (persons)'),
    ki_nedre: t('95 % KI nedre', '95 % CI lower'),
    ki_ovre: t('95 % KI øvre', '95 % CI upper'),
    mangler: t('Utelatt for manglende data', 'Left out for missing data'),
  },
  analyse: {
    A1: t('Kommunens resultat mot forventet ut fra hvem som ble bosatt', "The municipality's result against what was expected from who was settled"),
    A2: t('Hvor resultatkjeden stopper opp', 'Where the results chain stalls'),
    A3: t('Ny lov mot gammel lov, justert for hvem som kom', 'New act against old act, adjusted for who came'),
    A4a: t('Videregående blant deltakerne, ny mot gammel lov', 'Upper secondary among participants, new against old act'),
    A4b: t('Kommuner med gode resultater før 2021: endring etter', 'Municipalities with good results before 2021: change after'),
    A4c: t('Sluttmål mot forventet ut fra utdanning og alder', 'End goals against what education and age predict'),
    A4d: t('Deltakernes vurderinger over tid', "Participants' assessments over time"),
  },
  sammenligning: {
    kommune_mot_forventet: t('Kommune mot forventet', 'Municipality against expected'),
    ny_mot_gammel_lov: t('Ny mot gammel lov (ujustert)', 'New against old act (unadjusted)'),
    ny_mot_gammel_lov_justert: t('Ny mot gammel lov (justert)', 'New against old act (adjusted)'),
    ny_mot_gammel_lov_standardisert: t('Ny mot gammel lov (standardisert sammensetning)', 'New against old act (standardised composition)'),
  },
  vurdering: {
    lavere: t('Lavere enn forventet', 'Lower than expected'),
    som_forventet: t('Som forventet', 'As expected'),
    hoyere: t('Høyere enn forventet', 'Higher than expected'),
  },
};

/**
 * Completion reasons (P1, data contract `avslutning`) and their groups, for measure codes such as
 * `hoved:arbeid` or `gruppe:utdanning` (so English texts never show Norwegian codes).
 */
export const REASON_LABELS: Readonly<Record<string, Text>> = {
  arbeid: t('arbeid', 'work'),
  utdanning: t('utdanning', 'education'),
  utdanning_grunnskole: t('utdanning, grunnskole', 'education, primary'),
  utdanning_vgo: t('utdanning, videregående', 'education, upper secondary'),
  utdanning_vgo_studiespesialisering: t('utdanning, vgo studiespesialisering', 'education, upper secondary (general)'),
  utdanning_vgo_yrkesfag: t('utdanning, vgo yrkesfag', 'education, upper secondary (vocational)'),
  utdanning_hoyere: t('utdanning, høyere', 'education, higher'),
  fullfort_grunnskole: t('fullført grunnskole', 'completed primary school'),
  fullfort_vgo: t('fullført videregående', 'completed upper secondary'),
  arbeidssoker_tiltak: t('arbeidssøker på tiltak', 'job seeker in a programme'),
  arbeidssoker_kvp: t('arbeidssøker på KVP', 'job seeker in the qualification programme'),
  arbeidssoker_lonnstilskudd: t('arbeidssøker på lønnstilskudd', 'job seeker with wage subsidy'),
  arbeidssoker_nav_tiltak: t('arbeidssøker på NAV-tiltak', 'job seeker in a NAV programme'),
  arbeidssoker_tiltak_andre: t('arbeidssøker på tiltak hos andre', 'job seeker in a programme run by others'),
  stonad: t('stønad eller trygd', 'benefits'),
  sosial_stonad: t('sosial stønad', 'social assistance'),
  trygdeytelser: t('trygdeytelser', 'social security benefits'),
  omsorg_helse: t('omsorg eller helse', 'care or health'),
  omsorg_barn_0_1: t('omsorg for barn 0–1 år', 'caring for a child aged 0–1'),
  omsorg_barn_1_3: t('omsorg for barn 1–3 år', 'caring for a child aged 1–3'),
  ikke_arbeidssoker: t('ikke arbeidssøker', 'not seeking work'),
  ikke_arbeidssoker_forsorget: t('ikke arbeidssøker, forsørget', 'not seeking work, provided for'),
  ikke_arbeidssoker_sosial_trygd: t('ikke arbeidssøker, sosialhjelp/trygd', 'not seeking work, assistance/benefits'),
  helse: t('helse', 'health'),
  atferd: t('atferd', 'conduct'),
  avbrutt: t('avbrutt', 'discontinued'),
  mistet_rett: t('mistet retten', 'lost the right'),
  flyttet: t('flyttet', 'moved'),
  dod: t('død', 'died'),
  annet: t('annet', 'other'),
  ikke_registrert: t('ikke registrert', 'not registered'),
};

/** Families of measure codes (`<family>:<reason>`) in P1. */
export const MEASURE_FAMILY_LABELS: Readonly<Record<string, Text>> = {
  hoved: t('Hovedårsak', 'Main reason'),
  alle: t('Alle årsaker', 'Any reason'),
  gruppe: t('Hovedårsak gruppert', 'Main reason grouped'),
};

/** Short forms for tight places (chart legends, table headers). */
export const SHORT_LABELS: Readonly<Record<string, Readonly<Record<string, Text>>>> = {
  lovregime: { introduksjonsloven: t('Gammel lov', 'Old act'), integreringsloven: t('Ny lov', 'New act'), alle: t('Begge', 'Both') },
  regionniva: { land: t('Hele landet', 'Whole country'), fylke: t('Fylker', 'Counties'), kommune: t('Kommuner', 'Municipalities') },
  gruppe: GROUP_SHORT_LABELS,
};

/** One line about each link of the chain (indicators.md). */
export const LEDD_HINTS: Readonly<Record<string, Text>> = {
  innsats: t('Hva kommuner og fylker gjør', 'What municipalities and counties do'),
  programresultat: t('Hva deltakerne har oppnådd når programmet slutter', 'What participants have achieved when the programme ends'),
  integreringsresultat: t('Hvordan det går etterpå, år for år', 'How they fare afterwards, year by year'),
};

/** The symbols of the `status` column, as SSB uses them. */
export const STATUS_LABELS: Readonly<Record<string, Text>> = {
  ':': t('Skjult av personvernhensyn', 'Suppressed for confidentiality'),
  '..': t('Ingen data', 'No data'),
  '.': t('Ikke relevant', 'Not applicable'),
};

/** Code used for an empty (null) dimension value, e.g. botid outside link 3. */
export const NULL_CATEGORY = 'ingen';
export const NULL_CATEGORY_LABEL = t('Ikke relevant', 'Not applicable');

export const COUNTRY_NAME = t('Hele landet', 'Norway');

/** The label of one category of a dimension, or null when none is known. */
export function knownCategoryLabel(dim: string, code: string, lang: Lang): string | null {
  if (code === NULL_CATEGORY) return pick(NULL_CATEGORY_LABEL, lang);
  const known = CATEGORY_LABELS[dim]?.[code];
  return known ? pick(known, lang) : null;
}

/** The label of one category of a dimension, or the code itself when none is known. */
export function categoryLabel(dim: string, code: string, lang: Lang): string {
  return knownCategoryLabel(dim, code, lang) ?? code;
}

/** A short label (SHORT_LABELS), else the full one. */
export function shortLabel(dim: string, code: string, lang: Lang): string {
  const s = SHORT_LABELS[dim]?.[code];
  return s ? pick(s, lang) : categoryLabel(dim, code, lang);
}

/** The label of a dimension or column, or its code. */
export function dimensionLabel(dim: string, lang: Lang): string {
  const known = DIMENSION_LABELS[dim];
  return known ? pick(known, lang) : dim;
}

/** Every label of one dimension as `{ code: text }` in a language (metadata answers). */
export function categoryLabels(dim: string, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(CATEGORY_LABELS[dim] ?? {}).map(([k, v]) => [k, pick(v, lang)]));
}

/** The level of a harmonised region code: '0' → land, 2 digits → fylke, 4 digits → kommune. */
export function regionLevel(code: string): 'land' | 'fylke' | 'kommune' {
  if (code === '0') return 'land';
  return code.length <= 2 ? 'fylke' : 'kommune';
}

/** Years since settlement as text: `1 år etter bosetting` / `1 year after settlement`. */
export function botidLabel(botid: number, lang: Lang): string {
  return lang === 'en' ? `${botid} year${botid === 1 ? '' : 's'} after settlement` : `${botid} år etter bosetting`;
}

/**
 * The name of a measure code: from the indicator's measure list, where a code ending in `*` names
 * a family (`hoved:*`); a family code with a known reason is translated (`hoved:arbeid` →
 * `Hovedårsak: arbeid` / `Main reason: work`); other family members show their code after the
 * family's name; the code itself when unknown.
 */
export function measureLabel(measures: readonly { readonly kode: string; readonly navn: Text }[] | undefined, code: string, lang: Lang): string {
  const fam = /^([a-z_]+):(.+)$/.exec(code);
  if (fam) {
    const family = MEASURE_FAMILY_LABELS[fam[1]!];
    const reason = REASON_LABELS[fam[2]!];
    if (family && reason) return `${pick(family, lang)}: ${pick(reason, lang)}`;
  }
  for (const m of measures ?? []) {
    if (m.kode === code) return pick(m.navn, lang);
    if (m.kode.endsWith('*') && code.startsWith(m.kode.slice(0, -1))) return `${pick(m.navn, lang)}: ${code.slice(m.kode.length - 1).replace(/_/g, ' ')}`;
  }
  return code;
}
