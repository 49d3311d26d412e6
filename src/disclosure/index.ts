/**
 * Disclosure control: a transform on the results table that suppresses every cell which would
 * reveal a small group of persons, directly (primary) or by subtraction (secondary).
 * See docs/disclosure.md.
 */
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { ResultRow } from '../contract/results.ts';
import { buildCellTable } from './cell-table.ts';
import { DEFAULT_DISCLOSURE, type DisclosureConfig } from './config.ts';
import { fallbacks, type DisclosureFallback } from './fallback.ts';
import { MeasureLookup } from './measure-kind.ts';
import { isPrimaryUnsafe, suppressRow } from './primary.ts';
import { protectIndicator } from './protect-indicator.ts';

export { DEFAULT_DISCLOSURE, type DisclosureConfig } from './config.ts';
export type { DisclosureFallback } from './fallback.ts';
export { assertNoUnsafeCells, findUnsafeCells } from './assert-safe.ts';
export { isPrimaryUnsafe } from './primary.ts';

export interface DisclosureSummary {
  cells: number;
  primary: number;
  secondary: number;
  cellsSuppressedShare: number;
  personsSuppressedShare: number;
  seconds: number;
  config: DisclosureConfig;
  method: string;
  fallbacks: DisclosureFallback[];
}

export const METHOD =
  'primary rule per cell; secondary by relation rules (no lone hidden part, hidden parts ≥ minCount persons) ' +
  'to a fixed point over region, group, sex, regime and distribution relations on numerators and denominators; ' +
  'verified by Gaussian elimination (exact) and bound propagation (intervals)';

/** Independent sub-tables: no relation crosses indicators or periods. */
function byIndicator(rows: readonly ResultRow[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const k = `${r.indikator}\u0000${r.periode}`;
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return out;
}

/**
 * Suppress unsafe cells and enough other cells that none can be recovered from the rest.
 * @example const { rows: safe, summary } = protect(results, catalogue);
 */
export function protect(
  rows: readonly ResultRow[],
  catalogue: readonly IndicatorMeta[],
  config: DisclosureConfig = DEFAULT_DISCLOSURE,
): { rows: ResultRow[]; summary: DisclosureSummary } {
  const t0 = performance.now();
  const lookup = new MeasureLookup(catalogue);
  const out = rows.slice();
  let primary = 0;
  let secondary = 0;
  let eligible = 0;
  let persons = 0;
  let personsHidden = 0;
  let unresolved = 0;
  for (const indices of byIndicator(rows).values()) {
    const table = buildCellTable(rows, indices, lookup, (r) => isPrimaryUnsafe(r, lookup.info(r), config));
    const outcome = protectIndicator(table, config.minCount);
    unresolved += outcome.unresolved;
    for (let c = 0; c < table.rowIndex.length; c++) {
      const ri = table.rowIndex[c]!;
      const n = Math.max(0, table.den[c]!);
      eligible++;
      persons += n;
      if (!outcome.suppressed[c]) continue;
      personsHidden += n;
      if (table.primary[c]) primary++;
      else secondary++;
      out[ri] = suppressRow(rows[ri]!);
    }
  }
  const method = unresolved === 0 ? METHOD : `${METHOD}; WARNING: ${unresolved} variable(s) left recoverable`;
  return {
    rows: out,
    summary: {
      cells: rows.length,
      primary,
      secondary,
      cellsSuppressedShare: eligible === 0 ? 0 : (primary + secondary) / eligible,
      personsSuppressedShare: persons === 0 ? 0 : personsHidden / persons,
      seconds: (performance.now() - t0) / 1000,
      config,
      method,
      fallbacks: fallbacks(out),
    },
  };
}
