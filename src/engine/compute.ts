/**
 * The engine's entry point: builds person facts, compiles and runs every indicator of the
 * catalogue, and returns the results table (before disclosure control) with the A5 availability.
 */
import { DEFINITIONS, type IndicatorDef } from '../catalogue/index.ts';
import type { Kohort, Ledd, ResultRow } from '../contract/results.ts';
import { averageG, cefrRank, citizenshipOralLevelOrNull, ruleOrNull } from '../rules/index.ts';
import type { Row, Store } from '../store/index.ts';
import { silentProgress, type Progress } from '../shared/progress.ts';
import { availabilityMatrix, type Availability } from './availability.ts';
import { compileIndicator } from './compile.ts';
import type { CompileContext } from './context.ts';
import { finalizeRows } from './finalize.ts';
import { computeMunicipal, municipalTables } from './municipal.ts';
import { preparePersonFacts } from './prepare.ts';
import { dataLastDate, tableNames } from './store-meta.ts';

export interface ComputeOptions {
  readonly definitions?: readonly IndicatorDef[];
  /** Cohort per indicator id instead of the default (ignored where the definition does not allow it). */
  readonly cohorts?: Readonly<Record<string, Kohort>>;
  readonly progress?: Progress;
}

export interface ComputeResult {
  readonly rows: ResultRow[];
  readonly availability: Availability;
  readonly dataLastDate: string;
  readonly persons: number;
  readonly secondsByLink: Readonly<Record<Ledd | 'forberedelse', number>>;
  /** Indicator id → source tables that are absent (its cells are `..`). */
  readonly missing: ReadonlyMap<string, readonly string[]>;
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

/** Runs one indicator and returns its rows (or `..` rows when a source table is absent). */
async function runIndicator(store: Store, def: IndicatorDef, ctx: CompileContext, missing: Map<string, readonly string[]>): Promise<ResultRow[]> {
  const periode = Number(ctx.lastDate.slice(0, 4));
  if (def.population.kind === 'municipality_year') {
    const absent = municipalTables(def).filter((t) => !ctx.tables.has(t));
    if (absent.length) return missing.set(def.id, absent), noDataRows(def, periode);
    const out = await computeMunicipal(store, def, ctx.tables, ctx.lastDate);
    // e.g. R10 when the survey has no trust/belonging questions: show "no data", not nothing.
    return out.length ? out : noDataRows(def, periode);
  }
  const compiled = compileIndicator(def, ctx);
  const absent = compiled.tables.filter((t) => !ctx.tables.has(t));
  if (absent.length) return missing.set(def.id, absent), noDataRows(def, periode);
  const rows = await store.all<Row>(compiled.sql);
  return finalizeRows(compiled, rows);
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
  const rows: ResultRow[] = [];
  for (const def of defs) {
    const t1 = performance.now();
    const ctx: CompileContext = {
      tables, lastDate, lastOutcomeYear: outcomeYear, averageG: maps.g, citizenshipRank: maps.cz,
      ...(opts.cohorts?.[def.id] ? { cohort: opts.cohorts[def.id] } : {}),
    };
    const out = await runIndicator(store, def, ctx, missing);
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
  };
}
