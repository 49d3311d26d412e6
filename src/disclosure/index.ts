/**
 * Disclosure control: a transform on the results table that suppresses every cell which would
 * reveal a small group of persons, directly (primary) or by subtraction (secondary).
 * See docs/disclosure.md.
 */
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { ResultRow } from '../contract/results.ts';
import { DEFAULT_DISCLOSURE, type DisclosureConfig } from './config.ts';
import { fallbacks, type DisclosureFallback } from './fallback.ts';
import { MeasureLookup } from './measure-kind.ts';
import { isPrimaryUnsafe, suppressRow } from './primary.ts';
import { protectUniverse } from './protect-universe.ts';
import { buildUniverse, universes } from './universe.ts';

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
  /** Cells hidden by the interval audit's repairs. */
  intervalRepairs: number;
  /** Cells withheld by the audit's last resort (a measure withheld in one universe). */
  coarsened: number;
  fallbacks: DisclosureFallback[];
}

export const METHOD =
  'per universe (indikator, kohort, periode, botid): phase 1 hides unsafe populations (denominator) and, by line rules ' +
  '(no lone hidden member; hidden parts of a published total hold >= minCount persons; all-zero lines exempt) over region, ' +
  'group, sex and regime lines, enough others; phase 2 hides every cell of those populations and the unsafe cells of each ' +
  'measure or distribution, then the same line rules on numerators, complements and denominators (amounts for means); ' +
  'then an audit of the reader\'s whole model (exact elimination mod p and bound propagation over all lines, intro and alle ' +
  '>= their groups, numerator <= denominator, sum of reasons <= n, denominators shared between measures) with repair ' +
  'until no hidden count other than a zero is narrower than minCount; zeros are not protected';

/**
 * Suppress unsafe cells and enough other cells that none can be recovered from the rest.
 * @example const { rows: safe, summary } = protect(results, catalogue);
 */
export function protect(
  rows: readonly ResultRow[],
  catalogue: readonly IndicatorMeta[],
  config: DisclosureConfig = DEFAULT_DISCLOSURE,
  /** Called after each independent sub-table (universe): for progress output on long runs. */
  onProgress?: (done: number, total: number) => void,
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
  let intervalRepairs = 0;
  let coarsened = 0;
  const isPrimary = (i: number) => rows[i]!.status === ':' || isPrimaryUnsafe(rows[i]!, lookup.info(rows[i]!), config);
  const all = [...universes(rows)];
  for (const [k, indices] of all.entries()) {
    onProgress?.(k, all.length);
    const outcome = protectUniverse(rows, buildUniverse(rows, indices, lookup), config);
    unresolved += outcome.unresolved;
    intervalRepairs += outcome.repairs ?? 0;
    coarsened += outcome.coarsened ?? 0;
    for (const i of indices) {
      eligible++;
      persons += Math.max(0, rows[i]!.nevner ?? 0);
    }
    for (const i of outcome.suppressed) {
      personsHidden += Math.max(0, rows[i]!.nevner ?? 0);
      if (isPrimary(i)) primary++;
      else secondary++;
      out[i] = suppressRow(rows[i]!);
    }
  }
  const method = unresolved === 0 ? METHOD : `${METHOD}; WARNING: ${unresolved} line(s) left unprotected`;
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
      intervalRepairs,
      coarsened,
      fallbacks: fallbacks(out),
    },
  };
}
