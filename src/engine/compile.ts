/**
 * Compiles an indicator definition (catalogue IR) to one SQL query over `person_fakta` and the
 * input tables. The query yields one row per cell (GROUPING SETS) with, per measure, the counts
 * and sums the statistics step needs: tot (persons in the denominator population), n (with data),
 * s (numerator / sum), sd, med.
 */
import type { IndicatorDef, MeasureSpec, PopulationSpec } from '../catalogue/index.ts';
import type { Kohort } from '../contract/results.ts';
import { sql } from '../store/index.ts';
import type { CompileContext } from './context.ts';
import { compileFact, type HelperCte } from './facts.ts';
import { groupingSetsSql } from './grouping.ts';

export interface CompiledMeasure {
  readonly spec: MeasureSpec;
  /** Column prefix in the result rows: m0, m1, … */
  readonly col: string;
}

export interface CompiledIndicator {
  readonly def: IndicatorDef;
  readonly cohort: Kohort;
  readonly sql: string;
  readonly measures: readonly CompiledMeasure[];
  /** Input tables the indicator reads; when one is absent the indicator has no data. */
  readonly tables: readonly string[];
}

const last = (ctx: CompileContext) => sql.dateLit(ctx.lastDate);

/** The cohort year (periode) of a unit, per cohort definition (indicators.md "Cohorts"). */
function periodeExpr(cohort: Kohort, ctx: CompileContext): string {
  switch (cohort) {
    case 'bosettingskohort':
      return 'pf.bosatt_aar';
    case 'startkohort':
      return sql.yearOf('pf.intro_start');
    case 'avslutningskohort':
      return sql.yearOf('COALESCE(pf.intro_slutt, pf.avslutning_dato)');
    case 'aktive':
      // Active in year Y: start ≤ 31 Dec Y and end empty or ≥ 1 Jan Y.
      return `unnest(generate_series(${sql.yearOf('pf.intro_start')}, ${sql.yearOf(`COALESCE(pf.intro_slutt, ${last(ctx)})`)}))`;
  }
}

function readinessSql(p: Extract<PopulationSpec, { kind: 'settled' }>, ctx: CompileContext): string {
  if (p.ready.kind === 'rights_period_ended') return `pf.rett_plikt_slutt < ${last(ctx)}`;
  const anchor = p.ready.anchor === 'bosetting' ? 'pf.bosatt_dato' : 'pf.samf_anker';
  return `${sql.addMonths(anchor, p.ready.months)} <= ${last(ctx)}`;
}

/** The unit rows: one per person × periode (× botid for link 3), with the person's facts. */
export function unitSql(def: IndicatorDef, cohort: Kohort, ctx: CompileContext): string {
  const p = def.population;
  const region = def.region === 'ansvarlig' ? 'ansvarlig' : 'bosetting';
  const dims = `pf.maalgruppe AS g1, pf.undergruppe AS g2, pf.fylke_${region} AS fylke, pf.kommune_${region} AS kommune`;
  const periode = periodeExpr(cohort, ctx);
  switch (p.kind) {
    case 'intro': {
      const need = cohort === 'startkohort' || cohort === 'aktive' ? 'pf.intro_start IS NOT NULL' : 'pf.intro_vedtak IS NOT NULL';
      return `SELECT pf.*, ${dims}, ${periode} AS periode, CAST(NULL AS INTEGER) AS botid, CAST(NULL AS INTEGER) AS maaleaar
  FROM person_fakta pf WHERE ${need}`;
    }
    case 'settled':
      return `SELECT pf.*, ${dims}, ${periode} AS periode, CAST(NULL AS INTEGER) AS botid, CAST(NULL AS INTEGER) AS maaleaar
  FROM person_fakta pf
  WHERE pf.maalgruppe IN ${sql.litList(p.groups)} AND pf.bosatt_dato IS NOT NULL AND ${readinessSql(p, ctx)}`;
    case 'outcome_years': {
      // Link 3 (section 5.3.1.1): years since settlement t = 1 … as far as outcome data reach;
      // resident on 1 November of Y + t (not emigrated, not dead before it).
      const lastYear = ctx.lastOutcomeYear ?? 0;
      const nov = sql.dateInYear('x.maaleaar', 11, 1);
      return `SELECT * FROM (
    SELECT *, periode + botid AS maaleaar FROM (
      SELECT pf.*, ${dims}, ${periode} AS periode, unnest(generate_series(1, ${sql.litNum(lastYear)} - pf.bosatt_aar)) AS botid
      FROM person_fakta pf WHERE pf.bosatt_aar < ${sql.litNum(lastYear)}
    )
  ) x
  WHERE (x.utvandret_dato IS NULL OR x.utvandret_dato >= ${nov}) AND (x.dod_dato IS NULL OR x.dod_dato >= ${nov})`;
    }
    case 'municipality_year':
      throw new Error('municipality-year populations are compiled by compileMunicipality');
  }
}

/** Stage 1 (finest cell) aggregates for one measure (prefix c): tot, n, s [, sq]. */
function cellAggregates(m: MeasureSpec, c: string): string[] {
  const where = `FILTER (WHERE ${c}_in)`;
  const out = [`count(*) ${where} AS ${c}_tot`, `count(${c}_v) ${where} AS ${c}_n`];
  if (m.kind === 'share') out.push(`sum(CAST(${c}_v AS INTEGER)) ${where} AS ${c}_s`);
  if (m.kind === 'mean') out.push(`sum(${c}_v) ${where} AS ${c}_s`, `sum(${c}_v * ${c}_v) ${where} AS ${c}_sq`);
  return out;
}

/** Stage 2 aggregates over the finest cells: counts and sums are additive, so totals stay exact. */
function rollupAggregates(m: MeasureSpec, c: string): string[] {
  const n = `sum(${c}_n)`;
  const out = [`CAST(sum(${c}_tot) AS DOUBLE) AS ${c}_tot`, `CAST(${n} AS DOUBLE) AS ${c}_n`];
  if (m.kind === 'share') out.push(`CAST(sum(${c}_s) AS DOUBLE) AS ${c}_s`);
  if (m.kind === 'mean') {
    out.push(
      `sum(${c}_s) / NULLIF(${n}, 0) AS ${c}_s`,
      // sample standard deviation from the sums: (Σx² − (Σx)²/n) / (n − 1)
      `sqrt(greatest(sum(${c}_sq) - sum(${c}_s) * sum(${c}_s) / NULLIF(${n}, 0), 0) / NULLIF(${n} - 1, 0)) AS ${c}_sd`,
    );
  }
  return out;
}

/** One-stage aggregates straight from unit rows (needed for medians, which do not add up). */
function directAggregates(m: MeasureSpec, c: string): string[] {
  const where = `FILTER (WHERE ${c}_in)`;
  const out = [`CAST(count(*) ${where} AS DOUBLE) AS ${c}_tot`, `CAST(count(${c}_v) ${where} AS DOUBLE) AS ${c}_n`];
  if (m.kind === 'share') out.push(`CAST(sum(CAST(${c}_v AS INTEGER)) ${where} AS DOUBLE) AS ${c}_s`);
  if (m.kind === 'mean') out.push(`avg(${c}_v) ${where} AS ${c}_s`, `stddev_samp(${c}_v) ${where} AS ${c}_sd`);
  if (m.kind === 'median') out.push(`median(${c}_v) ${where} AS ${c}_s`);
  return out;
}

const DIMS = 'periode, botid, lovregime, g1, g2, fylke, kommune, kjonn';
const GROUPING_FLAGS = `GROUPING(lovregime) AS gr_lovregime, GROUPING(g1) AS gr_g1, GROUPING(g2) AS gr_g2,
  GROUPING(fylke) AS gr_fylke, GROUPING(kommune) AS gr_kommune, GROUPING(kjonn) AS gr_kjonn`;

/**
 * The aggregation: two stages (finest cells, then GROUPING SETS over them) when every measure is
 * additive; one stage over unit rows when a median is asked for.
 */
function aggregationSql(measures: readonly CompiledMeasure[]): string {
  if (measures.some((m) => m.spec.kind === 'median')) {
    return `SELECT ${DIMS},
  ${GROUPING_FLAGS},
  ${measures.flatMap((m) => directAggregates(m.spec, m.col)).join(',\n  ')}
FROM f
WHERE periode IS NOT NULL
GROUP BY GROUPING SETS (
    ${groupingSetsSql()}
)`;
  }
  return `c AS (
  SELECT ${DIMS},
    ${measures.flatMap((m) => cellAggregates(m.spec, m.col)).join(',\n    ')}
  FROM f
  WHERE periode IS NOT NULL
  GROUP BY ALL
)
SELECT ${DIMS},
  ${GROUPING_FLAGS},
  ${measures.flatMap((m) => rollupAggregates(m.spec, m.col)).join(',\n  ')}
FROM c
GROUP BY GROUPING SETS (
    ${groupingSetsSql()}
)`;
}

/** Compiles a person-level indicator to one SQL query (stable formatting: the tests assert it). */
export function compileIndicator(def: IndicatorDef, ctx: CompileContext): CompiledIndicator {
  const cohort = ctx.cohort && def.kohorter.includes(ctx.cohort) ? ctx.cohort : def.kohort;
  const byYear = cohort === 'aktive';
  const ctes = new Map<string, HelperCte>();
  const tables = new Set<string>(['personer', 'introprogram']);
  const outcome = def.population.kind === 'outcome_years';
  if (outcome) {
    tables.add('utfall');
    ctes.set('uf', { name: 'uf', body: 'SELECT * FROM utfall', on: 'uf.person_id = u.person_id AND uf.aar = u.maaleaar' });
  }
  const measures: CompiledMeasure[] = [];
  const cols: string[] = [];
  def.measures.forEach((m, i) => {
    const c = `m${i}`;
    const fact = compileFact(m.fact, ctx, byYear);
    const among = m.among ? compileFact(m.among, ctx, byYear) : null;
    for (const f of [fact, among]) {
      if (!f) continue;
      f.tables.forEach((t) => tables.add(t));
      f.ctes.forEach((h) => ctes.set(h.name, h));
    }
    const conds = [among ? `COALESCE(${among.expr}, FALSE)` : null, fact.among ?? null].filter((x): x is string => x !== null);
    // Link 3: a person without an outcome row for the year is missing, not "no" (indicators.md).
    const value = outcome ? `CASE WHEN uf.person_id IS NULL THEN NULL ELSE ${fact.expr} END` : fact.expr;
    cols.push(`${value} AS ${c}_v`, `${conds.length ? conds.join(' AND ') : 'TRUE'} AS ${c}_in`);
    measures.push({ spec: m, col: c });
  });
  const helper = [...ctes.values()];
  const withs = [`u AS (\n  ${unitSql(def, cohort, ctx)}\n)`, ...helper.map((h) => `${h.name} AS (\n  ${h.body}\n)`)];
  const joins = helper.map((h) => `\n  LEFT JOIN ${h.name} ON ${h.on}`).join('');
  const aggregation = aggregationSql(measures);
  const staged = aggregation.startsWith('c AS (');
  const text = `WITH ${withs.join(',\n')},
f AS (
  SELECT u.periode, u.botid, u.lovregime, u.g1, u.g2, u.fylke, u.kommune, u.kjonn,
    ${cols.join(',\n    ')}
  FROM u${joins}
)${staged ? ',\n' : '\n'}${aggregation}`;
  return { def, cohort, sql: text, measures, tables: [...tables] };
}
