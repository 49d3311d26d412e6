/**
 * The engine's entry point: builds person facts, compiles and runs every indicator of the
 * catalogue, and returns the results table (before disclosure control) with the A5 availability.
 */
import { DEFINITIONS, type IndicatorDef } from '../catalogue/index.ts';
import type { Kohort, Ledd, ResultRow } from '../contract/results.ts';
import { averageG, cefrRank, citizenshipOralLevelOrNull, ruleOrNull } from '../rules/index.ts';
import { sql, type Row, type Store } from '../store/index.ts';
import { silentProgress, type Progress } from '../shared/progress.ts';
import { availabilityMatrix, type Availability } from './availability.ts';
import { applyWindows } from './cohort-windows.ts';
import { batchKey, compileBatch, compileIndicator } from './compile.ts';
import type { CompileContext } from './context.ts';
import { finalizeBatch, frameOf, type Frame } from './finalize.ts';
import { computeMunicipal, municipalTables } from './municipal.ts';
import { preparePersonFacts } from './prepare.ts';
import { referenceGapRows } from './reference-gap.ts';
import { dataLastDate, tableNames } from './store-meta.ts';

export interface ComputeOptions {
  readonly definitions?: readonly IndicatorDef[];
  /** Cohort per indicator id instead of the default (ignored where the definition does not allow it). */
  readonly cohorts?: Readonly<Record<string, Kohort>>;
  /**
   * Pooled municipal windows of this many years (`vindu`, `periode` = the window's last year);
   * absent or 1 = yearly cells only. DEFAULT_POOL_YEARS (contract/dimensions.ts) is the published choice.
   */
  readonly poolYears?: number;
  /** Keep cells whose observation window is still open, flagged `forelopig` (default: withhold them). */
  readonly preliminary?: boolean;
  readonly progress?: Progress;
}

/** What the complete-cohort rule did (src/catalogue/windows.ts, engine/cohort-windows.ts). */
export interface WindowSummary {
  /** Yearly cells withheld because their window is open, in total and by indicator. */
  readonly withheld: number;
  readonly withheldByIndicator: Readonly<Record<string, number>>;
  /** Yearly cells kept as preliminary (only with ComputeOptions.preliminary). */
  readonly preliminary: number;
  /** Pooled cells dropped (a year of the window open or before the data). */
  readonly poolsDropped: number;
}

export interface ComputeResult {
  readonly rows: ResultRow[];
  readonly availability: Availability;
  readonly dataLastDate: string;
  readonly persons: number;
  readonly secondsByLink: Readonly<Record<Ledd | 'forberedelse', number>>;
  /** Indicator id → source tables that are absent (its cells are `..`). */
  readonly missing: ReadonlyMap<string, readonly string[]>;
  readonly windows: WindowSummary;
}

async function lastOutcomeYear(store: Store, tables: Set<string>): Promise<number | null> {
  if (!tables.has('utfall')) return null;
  const r = await store.all<{ y: number | null }>(`SELECT max(aar) AS y FROM utfall`);
  return r[0]?.y ?? null;
}

function ruleMaps(firstYear: number, lastYear: number): { g: Map<number, number>; cz: Map<number, number> } {
  const g = new Map<number, number>();
  const cz = new Map<number, number>();
  for (let y = firstYear; y <= lastYear; y++) {
    const avg = ruleOrNull(() => averageG(y));
    if (avg !== null) g.set(y, avg);
    const level = citizenshipOralLevelOrNull(`${y}-11-01`);
    if (level) cz.set(y, cefrRank(level));
  }
  return { g, cz };
}

/** "No data" rows: one per measure at country level, so the user sees `..` rather than nothing. */
export function noDataRows(def: IndicatorDef, periode: number): ResultRow[] {
  return def.measures.map((m) => ({
    indikator: def.id, maal: m.kode, ledd: def.ledd, kohort: def.kohort, periode, botid: null, lovregime: 'alle',
    regionniva: 'land', region: '0', gruppe: 'alle', kjonn: 'alle', teller: null, nevner: null, verdi: null,
    ki_nedre: null, ki_ovre: null, mangler: null, status: '..',
  }));
}

function contextFor(def: IndicatorDef, base: Omit<CompileContext, 'cohort'>, opts: ComputeOptions): CompileContext {
  return {
    ...base,
    ...(opts.cohorts?.[def.id] ? { cohort: opts.cohorts[def.id] } : {}),
    ...(opts.poolYears && opts.poolYears > 1 ? { poolYears: opts.poolYears } : {}),
  };
}

/** The plan of one definition: its `..` rows when a source table is absent, else how to compute it. */
type Plan =
  | { readonly kind: 'rows'; readonly rows: ResultRow[] }
  | { readonly kind: 'municipal' }
  | { readonly kind: 'person'; readonly key: string };

function planOf(def: IndicatorDef, ctx: CompileContext, missing: Map<string, readonly string[]>): Plan {
  const periode = Number(ctx.lastDate.slice(0, 4));
  const tablesOf = def.population.kind === 'municipality_year' ? municipalTables(def) : compileIndicator(def, ctx).tables;
  const absent = tablesOf.filter((t) => !ctx.tables.has(t));
  if (absent.length) {
    missing.set(def.id, absent);
    return { kind: 'rows', rows: noDataRows(def, periode) };
  }
  return def.population.kind === 'municipality_year' ? { kind: 'municipal' } : { kind: 'person', key: batchKey(def, ctx) };
}

/** Reads a query's rows as a Frame through one packed text per row (sql.packRow; much faster than value by value). */
async function readFrame(store: Store, query: string, names: readonly string[]): Promise<Frame> {
  const cols = names.map((n) => `q.${sql.quoteIdent(n)}`);
  const packed = await store.all<{ p: string }>(`SELECT ${sql.packRow(cols)} AS p FROM (${query}) q`);
  const rows = packed.map(({ p }) => {
    const f: (string | null)[] = p.split(sql.PACK_SEPARATOR);
    if (f.length !== names.length) throw new Error(`packed row has ${f.length} fields, expected ${names.length}`);
    for (let i = 0; i < f.length; i++) if (f[i] === sql.PACK_NULL) f[i] = null;
    return f;
  });
  return { names, rows };
}

/** Runs a group of person-level definitions that share unit rows as one query (one by one if they cannot). */
async function runBatch(store: Store, defs: readonly IndicatorDef[], ctxOf: (d: IndicatorDef) => CompileContext): Promise<Map<string, ResultRow[]>> {
  const batch = compileBatch(defs, ctxOf);
  if (batch) return finalizeBatch(batch.parts, await readFrame(store, batch.sql, batch.outputs));
  const out = new Map<string, ResultRow[]>();
  for (const d of defs) {
    const ci = compileIndicator(d, ctxOf(d));
    out.set(d.id, finalizeBatch([ci], frameOf(await store.all<Row>(ci.sql))).get(d.id) ?? []);
  }
  return out;
}

/** Computes the whole catalogue on a store produced by ingest. */
export async function computeAll(store: Store, opts: ComputeOptions = {}): Promise<ComputeResult> {
  const progress = opts.progress ?? silentProgress;
  const defs = opts.definitions ?? DEFINITIONS;
  const t0 = performance.now();
  const tables = await tableNames(store);
  const lastDate = await dataLastDate(store, tables);
  progress.step('Bygger personfakta (lovregler per person) …', 'Building person facts (law rules per person) …');
  const persons = await preparePersonFacts(store, tables);
  const outcomeYear = await lastOutcomeYear(store, tables);
  const lastYear = Number(lastDate.slice(0, 4));
  const maps = ruleMaps(1990, Math.max(lastYear, outcomeYear ?? 0));
  const seconds: Record<string, number> = { forberedelse: (performance.now() - t0) / 1000, innsats: 0, programresultat: 0, integreringsresultat: 0 };
  const missing = new Map<string, readonly string[]>();
  const base = { tables, lastDate, lastOutcomeYear: outcomeYear, averageG: maps.g, citizenshipRank: maps.cz };
  const ctxOf = (def: IndicatorDef) => contextFor(def, base, opts);
  /** Complete cohorts only: cells whose window is open are withheld (or flagged preliminary). */
  const complete = (out: readonly ResultRow[]): ResultRow[] => {
    const w = applyWindows(out, horizon, opts.preliminary ?? false);
    for (const [id, n] of w.withheldByIndicator) withheldBy[id] = (withheldBy[id] ?? 0) + n;
    preliminary += w.preliminary;
    poolsDropped += w.poolsDropped;
    return w.rows;
  };
  // Definitions with the same unit rows run as one query (batchKey); results keep catalogue order.
  const plans = new Map(defs.map((d) => [d.id, planOf(d, ctxOf(d), missing)] as const));
  const done = new Map<string, ResultRow[]>();
  const rows: ResultRow[] = [];
  const horizon = { lastDate, lastOutcomeYear: outcomeYear };
  const withheldBy: Record<string, number> = {};
  let preliminary = 0;
  let poolsDropped = 0;
  for (const def of defs) {
    const t1 = performance.now();
    const plan = plans.get(def.id)!;
    if (!done.has(def.id)) {
      if (plan.kind === 'rows') done.set(def.id, plan.rows);
      else if (plan.kind === 'municipal') {
        const out = complete(await computeMunicipal(store, def, tables, lastDate));
        // e.g. R10 when the survey has no trust/belonging questions: show "no data", not nothing.
        done.set(def.id, out.length ? out : noDataRows(def, Number(lastDate.slice(0, 4))));
      } else {
        const group = defs.filter((d) => { const p = plans.get(d.id)!; return p.kind === 'person' && p.key === plan.key; });
        for (const [id, out] of await runBatch(store, group, ctxOf)) done.set(id, complete(out));
      }
    }
    const out = done.get(def.id)!;
    done.set(def.id, []); // release: rows are moved into the result
    // Gaps to a yearly municipal reference rate: for yearly cells only (a pool has no one reference year).
    if (def.measures.some((m) => m.referenceGap)) {
      for (const r of await referenceGapRows(store, def, out.filter((x) => !x.vindu), tables)) out.push(r);
    }
    for (const r of out) rows.push(r);
    const s = (performance.now() - t1) / 1000;
    seconds[def.ledd] = (seconds[def.ledd] ?? 0) + s;
    progress.step(
      `${def.ledd} ${def.id}: ${out.length} celler (${s.toFixed(1)} s)${missing.has(def.id) ? ` – mangler ${missing.get(def.id)?.join(', ')}` : ''}`,
      `${def.ledd} ${def.id}: ${out.length} cells (${s.toFixed(1)} s)${missing.has(def.id) ? ` – missing ${missing.get(def.id)?.join(', ')}` : ''}`,
    );
  }
  return {
    rows,
    availability: availabilityMatrix(defs, rows, missing),
    dataLastDate: lastDate,
    persons,
    secondsByLink: seconds as ComputeResult['secondsByLink'],
    missing,
    windows: {
      withheld: Object.values(withheldBy).reduce((a, b) => a + b, 0),
      withheldByIndicator: withheldBy,
      preliminary,
      poolsDropped,
    },
  };
}
