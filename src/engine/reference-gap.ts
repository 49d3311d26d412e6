/**
 * Derived measures against a municipality's reference rate (MeasureSpec.referenceGap), e.g. R3
 * `gap_befolkning`: the cohort's share minus the share of the municipality's resident population
 * with earned income above 2G (kommune_aar.ref_inntekt_over_2g), in percentage points.
 *
 * Choices (docs/indicators.md, R3):
 * - Municipality level only. The reference is a municipality figure; a county or country
 *   reference would need the resident population per municipality as weights, which the data
 *   contract does not have, so there are no gap rows at county or country level.
 * - The year is the measurement year: periode + botid for link 3 (settlement cohort Y measured in
 *   Y + t), else periode.
 * - Only where the reference is given: no kommune_aar table, or no value for the municipality and
 *   year, means no gap row (indicators.md: "where the municipality's reference rate is given").
 * - The reference is a register figure for the whole population, treated as exact: the interval
 *   is the share's Wilson interval shifted by the reference.
 * - Fields: teller empty (a difference has no numerator); nevner, mangler and the cell keys are
 *   the share cell's, so disclosure control can tie the gap to that cell (the gap reveals the
 *   share exactly once the public reference is known: it must be suppressed with it).
 */
import type { IndicatorDef, MeasureSpec } from '../catalogue/index.ts';
import type { ResultRow } from '../contract/results.ts';
import { sql, type Store } from '../store/index.ts';
import { round1, wilson } from '../stats/index.ts';

/** Reference rates by `kommune|aar` for one kommune_aar column (NULLs left out). */
async function referenceRates(store: Store, column: string): Promise<Map<string, number>> {
  const rows = await store.all<{ k: string; a: number; v: number }>(
    `SELECT kommune AS k, CAST(aar AS INTEGER) AS a, CAST(${sql.quoteIdent(column)} AS DOUBLE) AS v
     FROM kommune_aar WHERE ${sql.quoteIdent(column)} IS NOT NULL`,
  );
  return new Map(rows.map((r) => [`${r.k}|${r.a}`, r.v]));
}

/** The gap row of one share cell, or null when the cell is not at municipality level or has no reference. */
export function gapRow(share: ResultRow, m: MeasureSpec, refs: ReadonlyMap<string, number>): ResultRow | null {
  if (share.regionniva !== 'kommune') return null;
  const year = share.periode + (share.botid ?? 0);
  const ref = refs.get(`${share.region}|${year}`);
  if (ref === undefined) return null;
  const base = { ...share, maal: m.kode, teller: null };
  if (share.status !== '' || share.teller === null || !share.nevner) {
    return { ...base, verdi: null, ki_nedre: null, ki_ovre: null };
  }
  const ci = wilson(share.teller, share.nevner);
  return {
    ...base,
    verdi: round1((100 * share.teller) / share.nevner - ref),
    ki_nedre: round1(ci.lower - ref),
    ki_ovre: round1(ci.upper - ref),
  };
}

/** Gap rows for every referenceGap measure of `def`, from the definition's computed rows. */
export async function referenceGapRows(store: Store, def: IndicatorDef, rows: readonly ResultRow[], tables: ReadonlySet<string>): Promise<ResultRow[]> {
  const out: ResultRow[] = [];
  for (const m of def.measures) {
    const g = m.referenceGap;
    if (!g || !tables.has(g.table)) continue;
    const refs = await referenceRates(store, g.column);
    for (const r of rows) {
      if (r.maal !== g.of) continue;
      const row = gapRow(r, m, refs);
      if (row) out.push(row);
    }
  }
  return out;
}
