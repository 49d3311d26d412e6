/**
 * Complete cohorts only (issue 11): drops the cells whose observation window (src/catalogue/
 * windows.ts) has not closed by the data's last date, so no figure is ever computed on the part of
 * a cohort that happens to have finished. With `preliminary`, incomplete yearly cells are kept and
 * flagged `forelopig` instead. A pooled cell is kept only when every year of its window is inside
 * the data and complete (never preliminary), and only for the windows that do not overlap
 * (`anchoredPools`): the latest complete year's window, the one three years before, and so on.
 */
import { isComplete, type DataHorizon } from '../catalogue/index.ts';
import type { ResultRow } from '../contract/results.ts';

export interface WindowOutcome {
  readonly rows: ResultRow[];
  /** Yearly cells withheld because their window is open (0 with `preliminary`). */
  readonly withheld: number;
  readonly withheldByIndicator: ReadonlyMap<string, number>;
  /** Yearly cells kept as preliminary (flagged `forelopig`). */
  readonly preliminary: number;
  /** Pooled cells dropped: a year of the window open, or before the first year with data. */
  readonly poolsDropped: number;
  /** Pooled cells dropped because their window overlaps a published one (`anchoredPools`). */
  readonly poolsOverlapping: number;
}

/** A sub-table's key: pools are anchored per (indikator, kohort, botid). */
const anchorKey = (r: ResultRow): string => `${r.indikator}\u0000${r.kohort}\u0000${r.botid ?? ''}`;

/**
 * Pooled windows that do not overlap, anchored at the latest complete year of each sub-table
 * (indikator, kohort, botid): with windows of 3 years and cohorts 2015–2023, the pools 2021-2023,
 * 2018-2020 and 2015-2017. Overlapping windows (2020-2022 beside 2021-2023) would tie every year
 * of a sub-table into one disclosure universe — pool A − pool B is a difference of single years,
 * so a window cannot be protected on its own — while the windows kept here are independent:
 * each pool meets only its own years (disclosure/universe.ts), and the latest window, the one the
 * municipality page and the map fall back to, always covers the latest complete cohort.
 * The anchor is the latest yearly period with a complete (not preliminary) cell in the sub-table,
 * the same for every measure, since the measures of a sub-table share their denominators.
 */
export function anchoredPools(rows: readonly ResultRow[]): { rows: ResultRow[]; dropped: number } {
  const anchor = new Map<string, number>();
  for (const r of rows) {
    if ((r.vindu ?? 1) > 1 || r.forelopig) continue;
    const k = anchorKey(r);
    if (r.periode > (anchor.get(k) ?? -Infinity)) anchor.set(k, r.periode);
  }
  const out: ResultRow[] = [];
  let dropped = 0;
  for (const r of rows) {
    const w = r.vindu ?? 1;
    const a = anchor.get(anchorKey(r));
    if (w <= 1 || (a !== undefined && (((a - r.periode) % w) + w) % w === 0 && r.periode <= a)) out.push(r);
    else dropped++;
  }
  return { rows: out, dropped };
}

/** Applies the completeness rule to one indicator's computed rows. */
export function applyWindows(rows: readonly ResultRow[], h: DataHorizon, preliminary = false): WindowOutcome {
  let first = Infinity;
  for (const r of rows) if (!r.vindu && r.periode < first) first = r.periode;
  const memo = new Map<string, boolean>();
  const complete = (r: ResultRow, periode: number): boolean => {
    const k = `${r.indikator}|${r.kohort}|${r.maal}|${periode}|${r.botid ?? ''}`;
    let c = memo.get(k);
    if (c === undefined) memo.set(k, (c = isComplete(r.indikator, r.kohort, r.maal, periode, r.botid, h)));
    return c;
  };
  const out: ResultRow[] = [];
  let withheld = 0;
  const byIndicator = new Map<string, number>();
  let prelim = 0;
  let poolsDropped = 0;
  for (const r of rows) {
    const w = r.vindu ?? 1;
    if (w > 1) {
      let ok = r.periode - w + 1 >= first;
      for (let y = r.periode - w + 1; ok && y <= r.periode; y++) ok = complete(r, y);
      if (ok) out.push(r);
      else poolsDropped++;
    } else if (complete(r, r.periode)) out.push(r);
    else if (preliminary) {
      out.push({ ...r, forelopig: true });
      prelim++;
    } else {
      withheld++;
      byIndicator.set(r.indikator, (byIndicator.get(r.indikator) ?? 0) + 1);
    }
  }
  const anchored = anchoredPools(out);
  return { rows: anchored.rows, withheld, withheldByIndicator: byIndicator, preliminary: prelim, poolsDropped, poolsOverlapping: anchored.dropped };
}
