/**
 * Pure helpers over the analyses table (A1–A3, src/contract/analysis.ts) for the pages: the latest
 * window, observed vs expected in plain words, the chain diagnosis' weakest link, A3's raw and
 * adjusted rows. No I/O, so they are tested on hand-made rows.
 */
import type { AnalysisRow, Vurdering } from '../../contract/analysis.ts';
import type { IndicatorMeta, Unit } from '../../catalogue/types.ts';
import { parsePeriodeKey } from '../../contract/results.ts';
import type { Lang } from './i18n.ts';
import { num, signed, withUnit } from './format.ts';
import { measureMeta, unitOf } from './select.ts';
import { pick } from '../../shared/lang.ts';

/** Comparison codes the pages read (output contract, "Analyses"). */
export const A1_COMPARISON = 'kommune_mot_forventet';
export const A3_RAW = 'ny_mot_gammel_lov';
export const A3_ADJUSTED = 'ny_mot_gammel_lov_justert';

/** Sort key of a period text (`2023` or `2021-2023`): its last year, then its length. */
const periodSortKey = (p: string): number => {
  const k = parsePeriodeKey(p);
  return k ? k.periode * 100 + k.vindu : 0;
};

/** The rows of the latest window (by last year) among the rows given. */
export function latestWindow(rows: readonly AnalysisRow[]): AnalysisRow[] {
  let best = -1;
  for (const r of rows) best = Math.max(best, periodSortKey(r.periode));
  return rows.filter((r) => periodSortKey(r.periode) === best);
}

/** A published analysis cell (status '' with observed, expected and interval). */
export const isShown = (r: AnalysisRow | undefined): r is AnalysisRow & { observert: number; forventet: number; differanse: number; ki_nedre: number; ki_ovre: number } =>
  !!r && r.status === '' && r.observert !== null && r.forventet !== null && r.differanse !== null && r.ki_nedre !== null && r.ki_ovre !== null;

export function vurderingText(lang: Lang, v: Vurdering | null): string {
  switch (v) {
    case 'lavere':
      return lang === 'en' ? 'lower than expected' : 'lavere enn forventet';
    case 'hoyere':
      return lang === 'en' ? 'higher than expected' : 'høyere enn forventet';
    case 'som_forventet':
      return lang === 'en' ? 'as expected' : 'som forventet';
    default:
      return lang === 'en' ? 'not assessed' : 'ikke vurdert';
  }
}

/** The unit of a difference: percentage points for shares, else the measure's own unit. */
export function differenceUnit(unit: Unit): Unit {
  return unit === 'prosent' ? 'prosentpoeng' : unit;
}

/** "+4 prosentpoeng (−1 til +9)" / "+4 percentage points (−1 to +9)". */
export function differenceText(lang: Lang, r: { differanse: number; ki_nedre: number; ki_ovre: number }, unit: Unit): string {
  const d = differenceUnit(unit);
  const dec = d === 'kr' ? 0 : 1;
  const word = d === 'prosentpoeng' ? (lang === 'en' ? 'percentage points' : 'prosentpoeng') : withUnit(lang, 0, d).replace(/^[\d,.\s]+/, '').trim();
  const to = lang === 'en' ? 'to' : 'til';
  return `${signed(lang, r.differanse, dec)} ${word} (${signed(lang, r.ki_nedre, dec)} ${to} ${signed(lang, r.ki_ovre, dec)})`;
}

/** The outcome's name as the pages say it: "I arbeid og/eller utdanning", with measure and follow-up. */
export function outcomeName(lang: Lang, meta: IndicatorMeta | undefined, r: Pick<AnalysisRow, 'indikator' | 'maal' | 'botid'>): string {
  if (!meta) return `${r.indikator} ${r.maal}`;
  const mm = measureMeta(meta, r.maal);
  const base = pick(meta.navn, lang);
  // The measure is named only where it adds something (R2's `andel` is called what R2 is called).
  const measureText = mm && !mm.kode.endsWith('*') ? pick(mm.navn, lang) : '';
  const measure = meta.maal.length > 1 && measureText && measureText !== base ? ` (${measureText})` : '';
  const after = r.botid !== null ? (lang === 'en' ? `, ${r.botid} yr after settlement` : `, ${r.botid} år etter bosetting`) : '';
  return `${base}${measure}${after}`;
}

/**
 * Observed vs expected in plain words (issue 10): "54,0 % i arbeid og/eller utdanning; forventet
 * ut fra hvem som ble bosatt: 50,0 %; +4,0 prosentpoeng (−1,0 til +9,0): som forventet".
 */
export function observedExpectedSentence(lang: Lang, meta: IndicatorMeta | undefined, r: AnalysisRow): string {
  const unit: Unit = meta ? unitOf(meta, r.maal) : 'prosent';
  const name = outcomeName(lang, meta, r);
  if (!isShown(r)) {
    return lang === 'en' ? `${name}: too few persons for an adjusted comparison` : `${name}: for få personer til en justert sammenligning`;
  }
  const obs = withUnit(lang, r.observert, unit);
  const lead = /^(I|In) /.test(name) ? `${obs} ${name.charAt(0).toLowerCase()}${name.slice(1)}` : `${name}: ${obs}`;
  const exp = lang === 'en' ? `expected from who was settled: ${withUnit(lang, r.forventet, unit)}` : `forventet ut fra hvem som ble bosatt: ${withUnit(lang, r.forventet, unit)}`;
  return `${lead}; ${exp}; ${differenceText(lang, r, unit)}: ${vurderingText(lang, r.vurdering)}`;
}

export interface ChainLink {
  readonly ledd: IndicatorMeta['ledd'];
  readonly row: AnalysisRow;
  readonly meta: IndicatorMeta | undefined;
}

/**
 * A2: the chain's links for one region — rows `ledd_<link>` (each link's key outcome, adjusted, its
 * latest window) — and the weakest link. The analysis' own summary row (`svakeste_ledd`: maal = the
 * link, or `ingen_skiller_seg_ut`) decides when present; otherwise the link significantly below
 * expected (vurdering 'lavere') with the lowest difference, else none.
 */
export function chainDiagnosis(rows: readonly AnalysisRow[], metas: readonly IndicatorMeta[]): { links: ChainLink[]; weakest: ChainLink | null } {
  const byId = new Map(metas.map((m) => [m.id, m]));
  const order = ['innsats', 'programresultat', 'integreringsresultat'];
  const linkOf = (r: AnalysisRow): IndicatorMeta['ledd'] | undefined => {
    const code = r.sammenligning.startsWith('ledd_') ? r.sammenligning.slice(5) : byId.get(r.indikator)?.ledd;
    return order.includes(code ?? '') ? (code as IndicatorMeta['ledd']) : undefined;
  };
  const linkRows = rows.filter((r) => r.sammenligning !== 'svakeste_ledd' && linkOf(r) !== undefined);
  const links: ChainLink[] = [];
  for (const ledd of order as IndicatorMeta['ledd'][]) {
    const mine = linkRows.filter((r) => linkOf(r) === ledd);
    const row = latestWindow(mine)[0];
    if (row) links.push({ ledd, row, meta: byId.get(row.indikator) });
  }
  const summary = rows.find((r) => r.sammenligning === 'svakeste_ledd');
  if (summary) {
    return { links, weakest: summary.maal === 'ingen_skiller_seg_ut' ? null : (links.find((l) => l.ledd === summary.maal) ?? null) };
  }
  let weakest: ChainLink | null = null;
  for (const l of links) {
    if (l.row.vurdering !== 'lavere' || !isShown(l.row)) continue;
    if (!weakest || l.row.differanse! < weakest.row.differanse!) weakest = l;
  }
  return { links, weakest };
}

/** Formats an analysis value (observed/expected) in the measure's unit, or '..'. */
export function analysisValue(lang: Lang, v: number | null, unit: Unit): string {
  return v === null ? '..' : withUnit(lang, v, unit);
}

/** `n = 1 234`. */
export function nText(lang: Lang, n: number | null): string {
  return n === null ? '' : `n = ${num(lang, n, 0)}`;
}
