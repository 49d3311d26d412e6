/** Orchestration: frames per outcome → A1, A3, A2, A4 → rows and model metadata. */
import type { AnalysisRow } from '../contract/analysis.ts';
import { silentProgress, type Progress } from '../shared/progress.ts';
import type { Store } from '../store/index.ts';
import { runA1, type A1Result } from './a1.ts';
import { runA3 } from './a3.ts';
import { CHAIN_KEYS, runA2 } from './a2.ts';
import { runA4a, runA4b, runA4c, runA4d } from './a4.ts';
import { frameContext } from './context.ts';
import { dropFrameSource, loadFrameFrom, prepareFrameSource, type Frame } from './frame.ts';
import { A4C_OUTCOME, OUTCOMES, type OutcomeSpec } from './outcomes.ts';

/** Frames kept after A1 for the later analyses (chain links, A4a, A4b). */
const KEEP = new Set<string>([...Object.values(CHAIN_KEYS), 'R2_b2', 'P4']);
const A4A_KEYS = ['R1_b2', 'R2_b2', 'P4'];
const A4B_KEY = 'R1_b2';
import type { AnalysisModelInfo, AnalysisResult } from './types.ts';

export interface AnalysisOptions {
  /** Cohort years per pool for A1/A2 (default 3). */
  readonly window?: number;
  /** Minimum persons in a pool for a unit to be published (default 20). */
  readonly minN?: number;
  /** Minimum persons of each act in a cohort year for A3's overlap years (default 30). */
  readonly minOverlap?: number;
  /** Outcome keys to run (default all of OUTCOMES). */
  readonly outcomes?: readonly string[];
  readonly progress?: Progress;
  /** Seconds per step, filled in when given (bench). */
  readonly timings?: Record<string, number>;
}

export const DEFAULT_ANALYSIS_OPTIONS = { window: 3, minN: 20, minOverlap: 30 } as const;

/** Runs every analysis on a store that has been through ingest (person facts are built if absent). */
export async function runAnalyses(store: Store, opts: AnalysisOptions = {}): Promise<AnalysisResult> {
  const progress = opts.progress ?? silentProgress;
  const window = opts.window ?? DEFAULT_ANALYSIS_OPTIONS.window;
  const minN = opts.minN ?? DEFAULT_ANALYSIS_OPTIONS.minN;
  const minOverlap = opts.minOverlap ?? DEFAULT_ANALYSIS_OPTIONS.minOverlap;
  const timings = opts.timings ?? {};
  const time = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await fn();
    timings[name] = (timings[name] ?? 0) + (performance.now() - t0) / 1000;
    return out;
  };
  const ctx = await time('kontekst', () => frameContext(store));
  const outcomes = OUTCOMES.filter((o) => (!opts.outcomes || opts.outcomes.includes(o.key)) && o.tables.every((t) => ctx.tables.has(t)));
  const withA4c = A4C_OUTCOME.tables.every((t) => ctx.tables.has(t));
  const src = await time('rammer', () => prepareFrameSource(store, ctx, withA4c ? [...outcomes, A4C_OUTCOME] : outcomes));
  const rows: AnalysisRow[] = [];
  const models: AnalysisModelInfo[] = [];
  const a1: { frame: Frame; result: A1Result }[] = [];
  for (const o of outcomes) {
    const frame = await time('rammer', () => loadFrameFrom(store, o, ctx, src));
    if (frame.n === 0) continue;
    const r1 = await time('A1', () => runA1(frame, { window, minN }));
    rows.push(...r1.rows);
    models.push(r1.meta);
    if (KEEP.has(o.key)) a1.push({ frame, result: r1 });
    if (frame.outcome.family === 'binomial') {
      const r3 = await time('A3', () => runA3(frame, { minOverlap }, r1.model));
      rows.push(...r3.rows);
      if (r3.meta) models.push(r3.meta);
    }
    progress.step(
      `${o.key} (${o.navn}): ${frame.n} personer, ${frame.outcomeMissing} uten utfall`,
      `${o.key}: ${frame.n} persons, ${frame.outcomeMissing} without an outcome`,
    );
  }
  progress.step('A2 resultatkjeden …', 'A2 results chain …');
  rows.push(...(await time('A2', () => runA2(a1, minN, window))));
  progress.step('A4 utilsiktede virkninger …', 'A4 unintended consequences …');
  const a4a = await time('A4', () => runA4a(a1.filter((x) => A4A_KEYS.includes(x.frame.outcome.key)).map((x) => x.frame), minOverlap));
  rows.push(...a4a.rows);
  models.push(...a4a.models);
  const b = a1.find((x) => x.frame.outcome.key === A4B_KEY);
  if (b) {
    const a4b = await time('A4', () => runA4b(b, minN, window));
    rows.push(...a4b.rows);
    if (a4b.meta) models.push(a4b.meta);
  }
  if (withA4c) {
    const f = await time('rammer', () => loadFrameFrom(store, A4C_OUTCOME, ctx, src));
    if (f.n > 0) {
      const c = await time('A4', () => runA4c(f, minN, window));
      rows.push(...c.rows);
      models.push(c.meta);
    }
  }
  rows.push(...(await time('A4', () => runA4d(store, ctx.tables))));
  await dropFrameSource(store);
  return { rows, models };
}

export type { OutcomeSpec };
