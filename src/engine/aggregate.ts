/**
 * The aggregation part of a compiled query: finest cells, then GROUPING SETS over them (or one
 * stage over unit rows when a median is asked for), and optionally pooled windows of years at
 * municipality level (`pool` > 1, one more column `vindu`). Aggregates are deduplicated by their SQL
 * text, so measures that share a denominator (the same `among`, or none) share one count column:
 * with several indicators in one query (compile.ts, batches) this halves the work per row.
 */
import type { MeasureSpec } from '../catalogue/index.ts';
import { isAdditive, measureKind } from '../catalogue/measure-kinds.ts';
import { assertNever } from '../shared/assert-never.ts';
import { groupingSetsSql, pooledGroupingSets, publishedGroupsHaving } from './grouping.ts';
import { sql } from '../store/index.ts';

/** A measure as the aggregation sees it: columns of the unit rows `f`. */
export interface AggregateInput {
  readonly spec: MeasureSpec;
  /** Column prefix: m0, m1, … */
  readonly col: string;
  /** The `f` column holding the value. */
  readonly value: string;
  /** The `f` column holding the denominator condition, or null for every unit. */
  readonly cond: string | null;
  /**
   * When the value is known to be non-NULL: 'always', or 'with_row' (non-NULL exactly when the
   * unit has its outcome row, column `has_row`); null when it can be NULL for other reasons.
   */
  readonly notNull: 'always' | 'with_row' | null;
}

/** Where a measure's statistics are in the result rows. */
export interface MeasureColumns {
  readonly tot: string;
  readonly n: string;
  readonly s: string;
  readonly sd: string;
}

/** Aggregates deduplicated by text (first alias wins). */
class Aggregates {
  private readonly byText = new Map<string, string>();
  readonly list: string[] = [];
  readonly aliases: string[] = [];
  add(expr: string, alias: string): string {
    const seen = this.byText.get(expr);
    if (seen) return seen;
    this.byText.set(expr, alias);
    this.list.push(`${expr} AS ${alias}`);
    this.aliases.push(alias);
    return alias;
  }
}

/** Output columns of the aggregation, in SELECT order (`vindu` last when pools are computed). */
const outputs = (aggs: Aggregates, pool: number): string[] => [
  ...DIMS.split(', '), 'gr_lovregime', 'gr_g1', 'gr_g2', 'gr_fylke', 'gr_kommune', 'gr_kjonn', ...aggs.aliases,
  ...(pool > 1 ? ['vindu'] : []),
];

const filterOf = (cond: string | null, extra?: string): string => {
  const parts = [cond, extra ?? null].filter((x): x is string => x !== null);
  return parts.length ? ` FILTER (WHERE ${parts.join(' AND ')})` : '';
};

const DIMS = 'periode, botid, lovregime, g1, g2, fylke, kommune, kjonn';
const GROUPING_FLAGS = `GROUPING(lovregime) AS gr_lovregime, GROUPING(g1) AS gr_g1, GROUPING(g2) AS gr_g2,
  GROUPING(fylke) AS gr_fylke, GROUPING(kommune) AS gr_kommune, GROUPING(kjonn) AS gr_kjonn`;

function setsSql(): string {
  return `GROUP BY GROUPING SETS (
    ${groupingSetsSql()}
)
HAVING ${publishedGroupsHaving()}`;
}

/** Column of the pooled period: the window's last year (periode + 0 … pool − 1). */
const POOL_END = 'pool_slutt';

/**
 * The pooled part (issue 11): every row of `from` (unit rows or finest cells) is repeated for the
 * `pool` windows it belongs to, keyed by the window's last year, and grouped by the pooled sets
 * (dimensions.ts POOLED_PUBLICATION). Sums over a window are sums over its years' unit rows, so a
 * pool's counts equal the sum of its years' counts exactly. Dimensions no pooled set uses are
 * NULL with GROUPING flag 1 (the total). Windows reaching before the first or past the last year
 * with unit rows are not formed; windows holding a year whose observation window is still open are
 * dropped afterwards (engine/cohort-windows.ts).
 */
function pooledSql(from: string, aggs: readonly string[], pool: number): string {
  const sets = pooledGroupingSets(POOL_END);
  const used = new Set(sets.flat());
  const dims = DIMS.split(', ').map((d) => (d === 'periode' ? `${POOL_END} AS periode` : used.has(d) ? d : `NULL AS ${d}`));
  const flags = ['lovregime', 'g1', 'g2', 'fylke', 'kommune', 'kjonn'].map((d) => (used.has(d) ? `GROUPING(${d})` : '1') + ` AS gr_${d}`);
  return `SELECT ${dims.join(', ')},
  ${flags.join(', ')},
  ${aggs.join(',\n  ')},
  ${sql.litNum(pool)} AS vindu
FROM (SELECT ${from}.*, ${from}.periode + pool_k.k AS ${POOL_END} FROM ${from} CROSS JOIN (SELECT unnest(generate_series(0, ${sql.litNum(pool - 1)})) AS k) pool_k) ${from}
WHERE periode IS NOT NULL
  AND ${POOL_END} BETWEEN (SELECT min(periode) FROM ${from}) + ${sql.litNum(pool - 1)} AND (SELECT max(periode) FROM ${from})
GROUP BY GROUPING SETS (
    ${sets.map((s) => `(${s.join(', ')})`).join(',\n    ')}
)
HAVING ${publishedGroupsHaving()}`;
}

/** The yearly SELECT's tail, and the pooled part after it when pool > 1. */
const withPool = (yearly: string, from: string, aggs: readonly string[], pool: number): string =>
  pool > 1 ? `${yearly.replace(/\nFROM /, `,\n  1 AS vindu\nFROM `)}\nUNION ALL\n${pooledSql(from, aggs, pool)}` : yearly;

/** The count columns of a measure (tot and n), added to `aggs` with `wrap` around each count. */
function counts(m: AggregateInput, aggs: Aggregates, wrap: (x: string) => string): { tot: string; n: string } {
  const c = m.col;
  const tot = aggs.add(wrap(`count(*)${filterOf(m.cond)}`), `${c}_tot`);
  const n =
    m.notNull === 'always' ? tot
    : m.notNull === 'with_row' ? aggs.add(wrap(`count(*)${filterOf(m.cond, 'has_row')}`), `${c}_n`)
    : aggs.add(wrap(`count(${m.value})${filterOf(m.cond)}`), `${c}_n`);
  return { tot, n };
}

/** The yearly grouping-sets SELECT over `from` (a relation, with its WHERE if any). */
function yearlySelect(aggs: readonly string[], from: string): string {
  return `SELECT ${DIMS},
  ${GROUPING_FLAGS},
  ${aggs.join(',\n  ')}
FROM ${from}
${setsSql()}`;
}

/** A derived measure (catalogue `referenceGap`) comes from its source's cells, never from unit rows. */
function notAggregated(m: AggregateInput): Error {
  return new Error(`${m.spec.kode}: a derived measure is computed from its source's cells (reference-gap.ts), not aggregated`);
}

/** One stage straight from unit rows (medians do not add up). */
function directSql(ms: readonly AggregateInput[], pool: number): { sql: string; columns: MeasureColumns[]; outputs: string[] } {
  const aggs = new Aggregates();
  const asDouble = (x: string) => `CAST(${x} AS DOUBLE)`;
  const columns = ms.map((m): MeasureColumns => {
    const { tot, n } = counts(m, aggs, asDouble);
    const f = filterOf(m.cond);
    const c = m.col;
    const how = measureKind(m.spec.kind).aggregation;
    switch (how) {
      case 'flag_sum':
        return { tot, n, s: aggs.add(asDouble(`sum(CAST(${m.value} AS INTEGER))${f}`), `${c}_s`), sd: `${c}_sd` };
      case 'mean':
        return { tot, n, s: aggs.add(`avg(${m.value})${f}`, `${c}_s`), sd: aggs.add(`stddev_samp(${m.value})${f}`, `${c}_sd`) };
      case 'median':
        return { tot, n, s: aggs.add(`${sql.median(m.value)}${f}`, `${c}_s`), sd: `${c}_sd` };
      case 'from_measure':
        throw notAggregated(m);
      default:
        return assertNever(how, 'aggregation');
    }
  });
  const yearly = yearlySelect(aggs.list, 'f\nWHERE periode IS NOT NULL');
  const text = withPool(yearly, 'f', aggs.list, pool);
  return { sql: text, columns, outputs: outputs(aggs, pool) };
}

/** Two stages: finest cells, then the grouping sets over them; counts and sums add up exactly. */
function stagedSql(ms: readonly AggregateInput[], pool: number): { sql: string; columns: MeasureColumns[]; outputs: string[] } {
  const cell = new Aggregates();
  const roll = new Aggregates();
  const summed = (alias: string) => roll.add(`CAST(sum(${alias}) AS DOUBLE)`, alias);
  const columns = ms.map((m): MeasureColumns => {
    const { tot, n } = counts(m, cell, (x) => x);
    summed(tot);
    summed(n);
    const f = filterOf(m.cond);
    const c = m.col;
    const how = measureKind(m.spec.kind).aggregation;
    switch (how) {
      case 'flag_sum':
        return { tot, n, s: summed(cell.add(`sum(CAST(${m.value} AS INTEGER))${f}`, `${c}_s`)), sd: `${c}_sd` };
      case 'mean': {
        const s = cell.add(`sum(${m.value})${f}`, `${c}_s`);
        const sq = cell.add(`sum(${m.value} * ${m.value})${f}`, `${c}_sq`);
        return {
          tot, n,
          s: roll.add(`sum(${s}) / NULLIF(sum(${n}), 0)`, `${c}_s`),
          // sample standard deviation from the sums: (Σx² − (Σx)²/n) / (n − 1)
          sd: roll.add(`sqrt(greatest(sum(${sq}) - sum(${s}) * sum(${s}) / NULLIF(sum(${n}), 0), 0) / NULLIF(sum(${n}) - 1, 0))`, `${c}_sd`),
        };
      }
      case 'median':
        throw new Error(`${m.spec.kode}: a median does not add up; aggregationSql uses the one-stage form`);
      case 'from_measure':
        throw notAggregated(m);
      default:
        return assertNever(how, 'aggregation');
    }
  });
  const yearly = yearlySelect(roll.list, 'c');
  const text = `c AS (
  SELECT ${DIMS},
    ${cell.list.join(',\n    ')}
  FROM f
  WHERE periode IS NOT NULL
  ${sql.groupBy(DIMS.split(', '))}
)
${withPool(yearly, 'c', roll.list, pool)}`;
  return { sql: text, columns, outputs: outputs(roll, pool) };
}

/**
 * The aggregation over `f`: two stages (finest cells, then GROUPING SETS over them) when every
 * measure is additive; one stage over unit rows when a median is asked for. The text starts with
 * `c AS (` in the staged form (it continues the WITH list).
 */
export function aggregationSql(ms: readonly AggregateInput[], pool = 1): { sql: string; columns: MeasureColumns[]; outputs: string[] } {
  return ms.some((m) => !isAdditive(m.spec.kind)) ? directSql(ms, pool) : stagedSql(ms, pool);
}
