/**
 * Municipal coverage of each indicator's headline figure (issue 11 acceptance): the share of the
 * persons in the indicator's latest complete cohort who live in a municipality with a published
 * yearly or pooled figure. The headline is what the front page shows (server/web/select.ts): the
 * first catalogue measure with data, two years after settlement for link 3 (else the first botid),
 * the group `intro` where the indicator has it, else `alle`; the latest complete cohort is the
 * latest yearly period of those municipal cells (incomplete cohorts are not in the rows).
 * Pure: rows in, numbers out.
 */
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Gruppe, ResultRow } from '../contract/results.ts';
import { coverage, type Coverage } from '../publish/information-loss.ts';

export interface HeadlineCoverage extends Coverage {
  readonly indikator: string;
  readonly maal: string;
  readonly kohort: ResultRow['kohort'];
  readonly periode: number;
  readonly botid: number | null;
  readonly gruppe: Gruppe;
  /** yearly / persons: the share without pools. */
  readonly yearlyShare: number;
}

const rankOf = (meta: IndicatorMeta, code: string): number => {
  const i = meta.maal.findIndex((m) => m.kode === code || (m.kode.endsWith('*') && code.startsWith(m.kode.slice(0, -1))));
  return i < 0 ? meta.maal.length : i;
};

/**
 * Coverage of the headline cell of each indicator in `catalogue` (every indicator when `coreOnly`
 * is false, else the front page's core indicators) that has municipal cells.
 * `original` are the rows before protection (for the persons of suppressed cells), in the same order.
 */
export function headlineCoverage(
  protectedRows: readonly ResultRow[], original: readonly ResultRow[], catalogue: readonly IndicatorMeta[], coreOnly = true,
): HeadlineCoverage[] {
  const metas = new Map(catalogue.filter((m) => !coreOnly || m.kjerne).map((m) => [m.id, m] as const));
  const byIndicator = new Map<string, number[]>();
  original.forEach((r, i) => {
    if (r.regionniva !== 'kommune' || !metas.has(r.indikator)) return;
    let list = byIndicator.get(r.indikator);
    if (!list) byIndicator.set(r.indikator, (list = []));
    list.push(i);
  });
  const out: HeadlineCoverage[] = [];
  for (const [id, meta] of metas) {
    const idx = byIndicator.get(id);
    if (!idx?.length) continue;
    const cells = idx.map((i) => original[i]!).filter((r) => r.status === '' || r.status === ':');
    if (!cells.length) continue;
    const maal = [...new Set(cells.map((r) => r.maal))].sort((a, b) => rankOf(meta, a) - rankOf(meta, b) || a.localeCompare(b))[0]!;
    const botids = [...new Set(cells.flatMap((r) => (r.botid === null ? [] : [r.botid])))].sort((a, b) => a - b);
    const botid = botids.length === 0 ? null : botids.includes(2) ? 2 : botids[0]!;
    const groups = new Set(cells.map((r) => r.gruppe));
    const gruppe: Gruppe = groups.has('intro') ? 'intro' : 'alle';
    const yearly = cells.filter((r) => r.maal === maal && r.botid === botid && r.gruppe === gruppe && (r.vindu ?? 1) === 1);
    if (!yearly.length) continue;
    const periode = Math.max(...yearly.map((r) => r.periode));
    const kohort = yearly[0]!.kohort;
    const c = coverage(idx.map((i) => protectedRows[i]!), { indikator: id, maal, periode, kohort, botid, gruppe }, idx.map((i) => original[i]!));
    out.push({ ...c, indikator: id, maal, kohort, periode, botid, gruppe, yearlyShare: c.persons > 0 ? c.yearly / c.persons : 0 });
  }
  return out;
}
