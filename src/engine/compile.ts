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
import { compileFact, RIGHTS_PERIOD, type HelperCte } from './facts.ts';
import { aggregationSql, type AggregateInput, type MeasureColumns } from './aggregate.ts';
import { isAdditive, measureKind } from '../catalogue/measure-kinds.ts';

export interface CompiledMeasure {
  readonly spec: MeasureSpec;
  /** Column prefix in the result rows: m0, m1, … */
  readonly col: string;
  /** Its statistics' columns in the result rows (measures may share count columns). */
  readonly columns: MeasureColumns;
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
  if (p.ready.kind === 'rights_period_ended') return RIGHTS_PERIOD.endedBy(last(ctx), 'pf');
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

/** The measures of one definition as `f` columns and aggregation inputs (numbered from `first`). */
interface DefPlan {
  readonly cohort: Kohort;
  readonly inputs: AggregateInput[];
  /** `f` column expression → alias (identical expressions share one column). */
  readonly cols: Map<string, string>;
  readonly ctes: Map<string, HelperCte>;
  readonly tables: Set<string>;
  readonly outcome: boolean;
}

const colAlias = (cols: Map<string, string>, expr: string, alias: string): string => {
  const seen = cols.get(expr);
  if (seen) return seen;
  cols.set(expr, alias);
  return alias;
};

function planDefinition(def: IndicatorDef, ctx: CompileContext, first: number, cols: Map<string, string>): DefPlan {
  const cohort = ctx.cohort && def.kohorter.includes(ctx.cohort) ? ctx.cohort : def.kohort;
  const byYear = cohort === 'aktive';
  const ctes = new Map<string, HelperCte>();
  const tables = new Set<string>(['personer', 'introprogram']);
  const outcome = def.population.kind === 'outcome_years';
  if (outcome) {
    tables.add('utfall');
    ctes.set('uf', { name: 'uf', body: 'SELECT * FROM utfall', on: 'uf.person_id = u.person_id AND uf.aar = u.maaleaar' });
  }
  const inputs: AggregateInput[] = [];
  // Derived measures (a gap to a reference rate) come from other measures' cells: reference-gap.ts.
  def.measures.filter((m) => measureKind(m.kind).aggregation !== 'from_measure').forEach((m, i) => {
    const c = `m${first + i}`;
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
    inputs.push({
      spec: m,
      col: c,
      value: colAlias(cols, value, `${c}_v`),
      cond: conds.length ? colAlias(cols, conds.join(' AND '), `${c}_in`) : null,
      notNull: fact.notNull ? (outcome ? 'with_row' : 'always') : null,
    });
  });
  return { cohort, inputs, cols, ctes, tables, outcome };
}

/**
 * The plan of one query (the step between a catalogue definition and its SQL text): the unit rows,
 * the helper joins, the `f` columns, and per measure its value, condition and aggregation input.
 * Frozen; `renderPlan` turns it into text through the dialect. One plan may hold several
 * definitions that share their unit rows (compileBatch).
 */
export interface QueryPlan {
  readonly cohort: Kohort;
  /** SQL of the unit rows (one per person × periode, × botid for link 3). */
  readonly unit: string;
  readonly helpers: readonly HelperCte[];
  /** `f` columns: [expression, alias]. */
  readonly columns: readonly (readonly [string, string])[];
  readonly measures: readonly AggregateInput[];
  readonly outcome: boolean;
  /** Input tables the query reads. */
  readonly tables: readonly string[];
  /** Pooled window length in years (1 = yearly cells only). */
  readonly poolYears: number;
}

function freezePlan(plan: QueryPlan): QueryPlan {
  return Object.freeze({ ...plan, helpers: Object.freeze([...plan.helpers]), columns: Object.freeze([...plan.columns]), measures: Object.freeze([...plan.measures]), tables: Object.freeze([...plan.tables]) });
}

/** The plan of one definition's query. */
export function planIndicator(def: IndicatorDef, ctx: CompileContext): QueryPlan {
  const plan = planDefinition(def, ctx, 0, new Map());
  return freezePlan({ cohort: plan.cohort, unit: unitSql(def, plan.cohort, ctx), helpers: [...plan.ctes.values()], columns: [...plan.cols], measures: plan.inputs, outcome: plan.outcome, tables: [...plan.tables], poolYears: ctx.poolYears ?? 1 });
}

/** Renders a plan as one query (stable formatting: the SQL snapshot test asserts it). */
export function renderPlan(plan: QueryPlan): { sql: string; measures: CompiledMeasure[]; outputs: string[] } {
  const { unit, helpers: ctes, measures: inputs, outcome, poolYears: pool } = plan;
  const cols = plan.columns;
  const withs = [`u AS (\n  ${unit}\n)`, ...ctes.map((h) => `${h.name} AS (\n  ${h.body}\n)`)];
  const joins = ctes.map((h) => `\n  LEFT JOIN ${h.name} ON ${h.on}`).join('');
  const agg = aggregationSql(inputs, pool);
  const staged = agg.sql.startsWith('c AS (');
  const fcols = [...cols].map(([expr, alias]) => `${expr} AS ${alias}`);
  if (outcome && inputs.some((m) => m.notNull === 'with_row')) fcols.push('uf.person_id IS NOT NULL AS has_row');
  const text = `WITH ${withs.join(',\n')},
f AS (
  SELECT u.periode, u.botid, u.lovregime, u.g1, u.g2, u.fylke, u.kommune, u.kjonn,
    ${fcols.join(',\n    ')}
  FROM u${joins}
)${staged ? ',\n' : '\n'}${agg.sql}`;
  return { sql: text, measures: inputs.map((m, i) => ({ spec: m.spec, col: m.col, columns: agg.columns[i]! })), outputs: agg.outputs };
}

/** Compiles a person-level indicator to one SQL query: plan, then render. */
export function compileIndicator(def: IndicatorDef, ctx: CompileContext): CompiledIndicator {
  const plan = planIndicator(def, ctx);
  const out = renderPlan(plan);
  return { def, cohort: plan.cohort, sql: out.sql, measures: out.measures, tables: [...plan.tables] };
}

/** Several indicators computed by one query: one scan, one join and one aggregation for all. */
export interface CompiledBatch {
  readonly sql: string;
  /** Per definition: its measures point at the batch's columns (m0, m1, … across definitions). */
  readonly parts: readonly CompiledIndicator[];
  /** The query's output columns, in SELECT order. */
  readonly outputs: readonly string[];
}

/**
 * The key under which definitions can share one query: the same unit rows (population, cohort,
 * region basis) and the same kind of aggregation (medians need the one-stage form).
 */
export function batchKey(def: IndicatorDef, ctx: CompileContext): string {
  const cohort = ctx.cohort && def.kohorter.includes(ctx.cohort) ? ctx.cohort : def.kohort;
  const median = def.measures.some((m) => !isAdditive(m.kind));
  return `${def.ledd}|${median}|${unitSql(def, cohort, ctx)}`;
}

/**
 * Compiles definitions with the same batchKey into one query; returns null when two of them
 * name a helper table differently (then they must run one by one).
 */
export function compileBatch(defs: readonly IndicatorDef[], ctxOf: (def: IndicatorDef) => CompileContext): CompiledBatch | null {
  const first = defs[0];
  if (!first) return null;
  const ctes = new Map<string, HelperCte>();
  const cols = new Map<string, string>();
  const inputs: AggregateInput[] = [];
  const plans: DefPlan[] = [];
  for (const def of defs) {
    const plan = planDefinition(def, ctxOf(def), inputs.length, cols);
    for (const h of plan.ctes.values()) {
      const prev = ctes.get(h.name);
      if (prev && (prev.body !== h.body || prev.on !== h.on)) return null;
      ctes.set(h.name, h);
    }
    inputs.push(...plan.inputs);
    plans.push(plan);
  }
  const out = renderPlan(
    freezePlan({ cohort: plans[0]!.cohort, unit: unitSql(first, plans[0]!.cohort, ctxOf(first)), helpers: [...ctes.values()], columns: [...cols], measures: inputs, outcome: plans[0]!.outcome, tables: [...new Set(plans.flatMap((p) => [...p.tables]))], poolYears: ctxOf(first).poolYears ?? 1 }),
  );
  let k = 0;
  const parts = defs.map((def, i): CompiledIndicator => {
    const plan = plans[i]!;
    const measures = out.measures.slice(k, k + plan.inputs.length);
    k += plan.inputs.length;
    return { def, cohort: plan.cohort, sql: out.sql, measures, tables: [...plan.tables] };
  });
  return { sql: out.sql, parts, outputs: out.outputs };
}
