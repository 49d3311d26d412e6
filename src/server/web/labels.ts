/**
 * The dashboard's names for the results table's codes: the one label table (src/shared/labels.ts)
 * with the dashboard's short group names, and the group lists from contract/dimensions.ts.
 */
import { LEDD, type Gruppe, type Ledd, type Lovregime, type Regionniva } from '../../contract/results.ts';
import { SUBGROUPS as CONTRACT_SUBGROUPS } from '../../contract/dimensions.ts';
import { LEDD_HINTS, MEASURE_FAMILY_LABELS, REASON_LABELS, categoryLabel, shortLabel } from '../../shared/labels.ts';
import { pick } from '../../shared/lang.ts';
import type { Lang } from './i18n.ts';
import type { IndicatorMeta } from '../../catalogue/types.ts';
import { measureMeta } from './select.ts';

export const leddName = (lang: Lang, l: Ledd): string => categoryLabel('ledd', l, lang);
export const leddHint = (lang: Lang, l: Ledd): string => pick(LEDD_HINTS[l]!, lang);
export const gruppeName = (lang: Lang, g: Gruppe): string => shortLabel('gruppe', g, lang);
export const regimeName = (lang: Lang, r: Lovregime): string => categoryLabel('lovregime', r, lang);
export const regimeShort = (lang: Lang, r: Lovregime): string => shortLabel('lovregime', r, lang);
export const nivaName = (lang: Lang, n: Regionniva): string => shortLabel('regionniva', n, lang);

/** The chain's links in order (indicators.md: Innsats → Programresultat → Integreringsresultat). */
export const LEDD_ORDER: readonly Ledd[] = LEDD;
/** The three intro subgroups the report asks to be shown separately (section 6). */
export const SUBGROUPS: readonly Gruppe[] = CONTRACT_SUBGROUPS;

/**
 * A measure's display name. Family codes (`hoved:arbeid`, `gruppe:utdanning`) get their code
 * translated ("Main reason: work"), so English pages never show Norwegian codes; a `sporsmal:*`
 * code shows the question code after the family name.
 */
export function measureLabel(lang: Lang, code: string, catalogueName: string | undefined, familyName?: string): string {
  const m = /^([a-z_]+):(.+)$/.exec(code);
  if (m) {
    const fam = MEASURE_FAMILY_LABELS[m[1]!];
    const reason = REASON_LABELS[m[2]!];
    if (fam && reason) return `${pick(fam, lang)}: ${pick(reason, lang)}`;
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
