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
import { protectUniverseWithSplits } from './split-withholding.ts';
import { buildUniverse, universes } from './universe.ts';
import { derivedToSuppress, isDerived } from './derived.ts';

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
  /** Cells of withheld splits (status '.': the coarser table is published; split-withholding.ts). */
  splitWithheld: number;
  /** The splits withheld, per universe. */
  withheldSplits: string[];
  fallbacks: DisclosureFallback[];
}

export const METHOD =
  'per universe (indikator, kohort, periode, botid; periods tied by pools together): phase 1 hides unsafe populations (denominator) and, by line rules ' +
  '(no lone hidden member; hidden parts of a published total hold >= minCount persons; all-zero lines exempt) over region, ' +
  'group, sex and regime lines, enough others; phase 2 hides every cell of those populations and the unsafe cells of each ' +
  'measure or distribution, then the same line rules on numerators, complements and denominators (amounts for means); ' +
  'then an audit of the reader\'s whole model (exact elimination mod p and bound propagation over all lines, intro and alle ' +
  '>= their groups, numerator <= denominator, sum of reasons <= n, denominators shared between measures) with repair ' +
  'until no hidden count other than a zero is narrower than minCount; zeros are not protected; pooled windows enter as ' +
  'pool = sum of its years (windows that do not overlap, each with its own years; a pooled cell is hidden rather than a year); ' +
  'for sensitive measures teller = nevner is unsafe and no hidden complement may be bounded below minCount';

/** Added to the method when `protectLarge` is on (split-withholding.ts). */
const SPLIT_METHOD =
  '; where a cell of at least protectLarge persons, safe by itself, would be hidden to protect a small split (regime, subgroups, groups, sex), ' +
  "the split is withheld instead (status '.', from the finest region level up) and the coarser table published";

/** Suppressed row indices of the universes in `lists`, with the loop's counters. */
export interface UniversesOutcome {
  suppressed: number[];
  /** Rows of withheld splits (status '.'). */
  withheld: number[];
  splits: string[];
  unresolved: number;
  repairs: number;
  coarsened: number;
}

/** Protect the given universes (lists of row indices into `rows`); the worker runs this too. */
export function protectUniverses(
  rows: readonly ResultRow[], lists: readonly (readonly number[])[], catalogue: readonly IndicatorMeta[], config: DisclosureConfig,
  onProgress?: (done: number, total: number) => void,
): UniversesOutcome {
  const lookup = new MeasureLookup(catalogue);
  const out: UniversesOutcome = { suppressed: [], withheld: [], splits: [], unresolved: 0, repairs: 0, coarsened: 0 };
  for (const [k, indices] of lists.entries()) {
    onProgress?.(k, lists.length);
    const o = protectUniverseWithSplits(rows, buildUniverse(rows, indices, lookup), config);
    out.unresolved += o.unresolved;
    out.repairs += o.repairs ?? 0;
    out.coarsened += o.coarsened ?? 0;
    for (const i of o.suppressed) out.suppressed.push(i);
    for (const i of o.withheld) out.withheld.push(i);
    out.splits.push(...o.splits);
  }
  return out;
}

/** The protected table and its summary from the suppressed indices. */
export function applySuppression(
  rows: readonly ResultRow[], catalogue: readonly IndicatorMeta[], config: DisclosureConfig, outcome: UniversesOutcome,
  /** performance.now() when protection started: the summary's seconds include this step. */
  t0: number,
): { rows: ResultRow[]; summary: DisclosureSummary } {
  const lookup = new MeasureLookup(catalogue);
  const out = rows.slice();
  const hiddenSet = new Set(outcome.suppressed);
  const withheldSet = new Set(outcome.withheld);
  // A derived cell follows its source: withheld with a withheld source, else suppressed.
  const derived = derivedToSuppress(rows, lookup, hiddenSet, withheldSet);
  for (const i of derived.suppressed) if (!hiddenSet.has(i) && !withheldSet.has(i)) outcome.suppressed.push(i);
  for (const i of derived.withheld) if (!hiddenSet.has(i) && !withheldSet.has(i)) outcome.withheld.push(i);
  let primary = 0;
  let secondary = 0;
  let eligible = 0;
  let persons = 0;
  let personsHidden = 0;
  rows.forEach((r) => {
    if (r.status !== '' && r.status !== ':') return;
    eligible++;
    persons += Math.max(0, r.nevner ?? 0);
  });
  for (const i of outcome.suppressed) {
    const r = rows[i]!;
    personsHidden += Math.max(0, r.nevner ?? 0);
    if (r.status === ':' || isPrimaryUnsafe(r, lookup.info(r), config)) primary++;
    else secondary++;
    out[i] = suppressRow(r);
  }
  for (const i of outcome.withheld) out[i] = suppressRow(rows[i]!, '.');
  const base = (config.protectLarge ?? 0) > 0 ? METHOD + SPLIT_METHOD : METHOD;
  const method = outcome.unresolved === 0 ? base : `${base}; WARNING: ${outcome.unresolved} line(s) left unprotected`;
  const fb = fallbacks(out);
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
      intervalRepairs: outcome.repairs,
      coarsened: outcome.coarsened,
      splitWithheld: outcome.withheld.length,
      withheldSplits: outcome.splits,
      fallbacks: fb,
    },
  };
}

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
  const outcome = protectUniverses(rows, universes(rows, (r) => isDerived(r, lookup)), catalogue, config, onProgress);
  return applySuppression(rows, catalogue, config, outcome, t0);
}

export { protectParallel } from './parallel.ts';
