/** Display names for the results table's dimension codes (docs/output-contract.md). */
import type { Gruppe, Ledd, Lovregime, Regionniva } from '../../contract/results.ts';
import type { Lang } from './i18n.ts';
import type { IndicatorMeta } from '../../catalogue/types.ts';
import { measureMeta } from './select.ts';

type Pair = readonly [nb: string, en: string];
const say = (lang: Lang, p: Pair): string => (lang === 'en' ? p[1] : p[0]);

const LEDD: Record<Ledd, Pair> = {
  innsats: ['Innsats', 'Effort'],
  programresultat: ['Programresultat', 'Programme results'],
  integreringsresultat: ['Integreringsresultat', 'Integration outcomes'],
};
const LEDD_HINT: Record<Ledd, Pair> = {
  innsats: ['Hva kommuner og fylker gjør', 'What municipalities and counties do'],
  programresultat: ['Hva deltakerne har oppnådd når programmet slutter', 'What participants have achieved when the programme ends'],
  integreringsresultat: ['Hvordan det går etterpå, år for år', 'How they fare afterwards, year by year'],
};
const GRUPPE: Record<Gruppe, Pair> = {
  under_25: ['Under 25 år', 'Under 25'],
  har_vgo: ['Har videregående', 'Has upper secondary'],
  ovrige: ['Øvrige', 'Others'],
  intro: ['Alle introdeltakere', 'All intro participants'],
  norsk_rett_plikt: ['Rett og plikt til norsk', 'Right and duty to Norwegian'],
  norsk_plikt: ['Plikt til norsk', 'Duty to Norwegian'],
  alle: ['Alle', 'All'],
};
const REGIME: Record<Lovregime, Pair> = {
  introduksjonsloven: ['Introduksjonsloven (gammel lov)', 'Introduction Act (old act)'],
  integreringsloven: ['Integreringsloven (ny lov)', 'Integration Act (new act)'],
  alle: ['Begge lover', 'Both acts'],
};
const REGIME_SHORT: Record<Lovregime, Pair> = {
  introduksjonsloven: ['Gammel lov', 'Old act'],
  integreringsloven: ['Ny lov', 'New act'],
  alle: ['Begge', 'Both'],
};
const NIVA: Record<Regionniva, Pair> = {
  land: ['Hele landet', 'Whole country'],
  fylke: ['Fylker', 'Counties'],
  kommune: ['Kommuner', 'Municipalities'],
};

export const leddName = (lang: Lang, l: Ledd): string => say(lang, LEDD[l]);
export const leddHint = (lang: Lang, l: Ledd): string => say(lang, LEDD_HINT[l]);
export const gruppeName = (lang: Lang, g: Gruppe): string => say(lang, GRUPPE[g]);
export const regimeName = (lang: Lang, r: Lovregime): string => say(lang, REGIME[r]);
export const regimeShort = (lang: Lang, r: Lovregime): string => say(lang, REGIME_SHORT[r]);
export const nivaName = (lang: Lang, n: Regionniva): string => say(lang, NIVA[n]);

/** The chain's links in order (indicators.md: Innsats → Programresultat → Integreringsresultat). */
export const LEDD_ORDER: readonly Ledd[] = ['innsats', 'programresultat', 'integreringsresultat'];
/** The three intro subgroups the report asks to be shown separately (section 6). */
export const SUBGROUPS: readonly Gruppe[] = ['under_25', 'har_vgo', 'ovrige'];

/** Completion-reason codes (P1, data contract `avslutning`) and their groups, in both languages. */
const REASON: Record<string, Pair> = {
  arbeid: ['arbeid', 'work'],
  utdanning: ['utdanning', 'education'],
  utdanning_grunnskole: ['utdanning, grunnskole', 'education, primary'],
  utdanning_vgo: ['utdanning, videregående', 'education, upper secondary'],
  utdanning_vgo_studiespesialisering: ['utdanning, vgo studiespesialisering', 'education, upper secondary (general)'],
  utdanning_vgo_yrkesfag: ['utdanning, vgo yrkesfag', 'education, upper secondary (vocational)'],
  utdanning_hoyere: ['utdanning, høyere', 'education, higher'],
  fullfort_grunnskole: ['fullført grunnskole', 'completed primary school'],
  fullfort_vgo: ['fullført videregående', 'completed upper secondary'],
  arbeidssoker_tiltak: ['arbeidssøker på tiltak', 'job seeker in a programme'],
  arbeidssoker_kvp: ['arbeidssøker på KVP', 'job seeker in the qualification programme'],
  arbeidssoker_lonnstilskudd: ['arbeidssøker på lønnstilskudd', 'job seeker with wage subsidy'],
  arbeidssoker_nav_tiltak: ['arbeidssøker på NAV-tiltak', 'job seeker in a NAV programme'],
  arbeidssoker_tiltak_andre: ['arbeidssøker på tiltak hos andre', 'job seeker in a programme run by others'],
  stonad: ['stønad eller trygd', 'benefits'],
  sosial_stonad: ['sosial stønad', 'social assistance'],
  trygdeytelser: ['trygdeytelser', 'social security benefits'],
  omsorg_helse: ['omsorg eller helse', 'care or health'],
  omsorg_barn_0_1: ['omsorg for barn 0–1 år', 'caring for a child aged 0–1'],
  omsorg_barn_1_3: ['omsorg for barn 1–3 år', 'caring for a child aged 1–3'],
  ikke_arbeidssoker: ['ikke arbeidssøker', 'not seeking work'],
  ikke_arbeidssoker_forsorget: ['ikke arbeidssøker, forsørget', 'not seeking work, provided for'],
  ikke_arbeidssoker_sosial_trygd: ['ikke arbeidssøker, sosialhjelp/trygd', 'not seeking work, assistance/benefits'],
  helse: ['helse', 'health'],
  atferd: ['atferd', 'conduct'],
  avbrutt: ['avbrutt', 'discontinued'],
  mistet_rett: ['mistet retten', 'lost the right'],
  flyttet: ['flyttet', 'moved'],
  dod: ['død', 'died'],
  annet: ['annet', 'other'],
  ikke_registrert: ['ikke registrert', 'not registered'],
};
const REASON_FAMILY: Record<string, Pair> = {
  hoved: ['Hovedårsak', 'Main reason'],
  alle: ['Alle årsaker', 'Any reason'],
  gruppe: ['Hovedårsak gruppert', 'Main reason grouped'],
};

/**
 * A measure's display name. Family codes (`hoved:arbeid`, `gruppe:utdanning`) get their code
 * translated ("Main reason: work"), so English pages never show Norwegian codes; a `sporsmal:*`
 * code shows the question code after the family name.
 */
export function measureLabel(lang: Lang, code: string, catalogueName: string | undefined, familyName?: string): string {
  const m = /^([a-z_]+):(.+)$/.exec(code);
  if (m) {
    const fam = REASON_FAMILY[m[1]!];
    const reason = REASON[m[2]!];
    if (fam && reason) return `${say(lang, fam)}: ${say(lang, reason)}`;
    if (familyName) return `${familyName}: ${m[2]!.replace(/_/g, ' ')}`;
  }
  return catalogueName ?? code;
}

/** The measure's name for the page: catalogue name, family codes translated (see measureLabel). */
export function measureName(lang: Lang, meta: IndicatorMeta, code: string): string {
  const mm = measureMeta(meta, code);
  const name = mm ? (lang === 'en' ? mm.navn.en : mm.navn.nb) : undefined;
  return measureLabel(lang, code, mm && !mm.kode.endsWith('*') ? name : undefined, mm?.kode.endsWith('*') ? name : undefined);
}
