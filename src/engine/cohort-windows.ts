/**
 * Complete cohorts only (issue 11): drops the cells whose observation window (src/catalogue/
 * windows.ts) has not closed by the data's last date, so no figure is ever computed on the part of
 * a cohort that happens to have finished. With `preliminary`, incomplete yearly cells are kept and
 * flagged `forelopig` instead. A pooled cell is kept only when every year of its window is inside
 * the data and complete (never preliminary).
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
  return { rows: out, withheld, withheldByIndicator: byIndicator, preliminary: prelim, poolsDropped };
}
