/**
 * Derived measures against the population's reference rate (MeasureSpec.referenceGap): R3
 * `gap_befolkning` (the cohort's share with earned income above 2G minus the resident
 * population's, kommune_aar.ref_inntekt_over_2g) and R2 `gap_befolkning` (employment against
 * kommune_aar.ref_sysselsatt), in percentage points (report 5.3.1.1: "i kommunen eller fylket").
 *
 * Choices (docs/indicators.md, R2/R3):
 * - Municipality: the municipality's own reference. County and country: the reference rates of
 *   their municipalities weighted by the resident population in the reference ages
 *   (kommune_aar.ref_befolkning), formed only when EVERY municipality of the county (country)
 *   with a kommune_aar row that year has both a rate and a weight; otherwise no gap row there.
 * - The year is the measurement year: periode + botid for link 3 (settlement cohort Y measured in
 *   Y + t), else periode.
 * - Only where the reference is given: no kommune_aar table, or no value, means no gap row.
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

/** Reference rates by `regionniva|region|aar` for one kommune_aar column. */
export type ReferenceRates = ReadonlyMap<string, number>;

interface MunicipalityRate {
  readonly kommune: string;
  readonly fylke: string;
  readonly aar: number;
  readonly rate: number | null;
  readonly weight: number | null;
}

/**
 * The reference rates of municipalities, and of counties and the country as weighted means of
 * their municipalities' rates (only where every municipality has a rate and a weight). Pure.
 */
export function referenceRatesOf(rows: readonly MunicipalityRate[]): Map<string, number> {
  const out = new Map<string, number>();
  const acc = new Map<string, { sw: number; swr: number; complete: boolean }>();
  for (const r of rows) {
    if (r.rate !== null) out.set(`kommune|${r.kommune}|${r.aar}`, r.rate);
    for (const key of [`fylke|${r.fylke}|${r.aar}`, `land|0|${r.aar}`]) {
      const a = acc.get(key) ?? { sw: 0, swr: 0, complete: true };
      if (r.rate === null || r.weight === null) a.complete = false;
      else {
        a.sw += r.weight;
        a.swr += r.weight * r.rate;
      }
      acc.set(key, a);
    }
  }
  for (const [key, a] of acc) if (a.complete && a.sw > 0) out.set(key, a.swr / a.sw);
  return out;
}

async function referenceRates(store: Store, column: string, tables: ReadonlySet<string>): Promise<Map<string, number>> {
  const weight = (await store.all<{ n: number }>(
    `SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'kommune_aar' AND column_name = 'ref_befolkning'`,
  ))[0]?.n ? 'CAST(k.ref_befolkning AS DOUBLE)' : 'CAST(NULL AS DOUBLE)';
  const fylke = tables.has('ref_kommuner') ? 'COALESCE(rk.fylke, substr(k.kommune, 1, 2))' : 'substr(k.kommune, 1, 2)';
  const join = tables.has('ref_kommuner') ? 'LEFT JOIN ref_kommuner rk ON rk.kommune = k.kommune' : '';
  const rows = await store.all<{ k: string; f: string; a: number; v: number | null; w: number | null }>(
    `SELECT k.kommune AS k, ${fylke} AS f, CAST(k.aar AS INTEGER) AS a, CAST(k.${sql.quoteIdent(column)} AS DOUBLE) AS v, ${weight} AS w
     FROM kommune_aar k ${join}`,
  );
  return referenceRatesOf(rows.map((r) => ({ kommune: r.k, fylke: r.f, aar: Number(r.a), rate: r.v, weight: r.w })));
}

/** The gap row of one share cell, or null when its region has no reference for the year. */
export function gapRow(share: ResultRow, m: MeasureSpec, refs: ReferenceRates): ResultRow | null {
  const year = share.periode + (share.botid ?? 0);
  const ref = refs.get(`${share.regionniva}|${share.region}|${year}`);
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
    const refs = await referenceRates(store, g.column, tables);
    for (const r of rows) {
      if (r.maal !== g.of) continue;
      const row = gapRow(r, m, refs);
      if (row) out.push(row);
    }
  }
  return out;
}
