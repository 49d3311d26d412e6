/** Display names for the results table's dimension codes (docs/output-contract.md). */
import type { Gruppe, Ledd, Lovregime, Regionniva } from '../../contract/results.ts';
import type { Lang } from './i18n.ts';

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
