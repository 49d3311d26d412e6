/**
 * `protect` on worker threads: universes are independent (docs/disclosure.md "Universes"), so
 * they are split into one bucket per worker, balanced by size, and each worker protects its
 * bucket. The result is the same as `protect` (same universes, same deterministic solver).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { ResultRow } from '../contract/results.ts';
import { DEFAULT_DISCLOSURE, type DisclosureConfig } from './config.ts';
import { applySuppression, protect, type DisclosureSummary, type UniversesOutcome } from './index.ts';
import { universes } from './universe.ts';
import { packRows, transferList, type PackedRows } from './row-codec.ts';
import { isDerived } from './derived.ts';
import { MeasureLookup } from './measure-kind.ts';

export interface ParallelOptions {
  /** Worker threads (default: the machine's cores, at most 8; 1 = run in this thread). */
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Message from a worker: progress, or the outcome in the bucket's local row indices. */
export type WorkerMessage = { kind: 'progress'; done: number } | { kind: 'done'; outcome: UniversesOutcome } | { kind: 'error'; message: string };
export interface WorkerInput {
  readonly rows: PackedRows;
  readonly lists: number[][];
  readonly catalogue: readonly IndicatorMeta[];
  readonly config: DisclosureConfig;
}

/** Largest universes first, each to the currently lightest bucket (cost ~ cells). */
function balance(lists: number[][], n: number): number[][][] {
  const buckets: number[][][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  for (const list of [...lists].sort((a, b) => b.length - a.length)) {
    const k = load.indexOf(Math.min(...load));
    buckets[k]!.push(list);
    load[k]! += list.length;
  }
  return buckets.filter((b) => b.length > 0);
}

function runBucket(rows: readonly ResultRow[], bucket: number[][], catalogue: readonly IndicatorMeta[], config: DisclosureConfig, tick: () => void): Promise<UniversesOutcome> {
  // Local copies: only this bucket's rows cross the thread boundary.
  const global: number[] = [];
  const local: number[][] = bucket.map((list) => list.map((i) => (global.push(i), global.length - 1)));
  const packed = packRows(rows, global);
  const input: WorkerInput = { rows: packed, lists: local, catalogue, config };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: input, transferList: transferList(packed) });
    worker.on('message', (m: WorkerMessage) => {
      if (m.kind === 'progress') tick();
      else if (m.kind === 'error') reject(new Error(m.message));
      else resolve({ ...m.outcome, suppressed: m.outcome.suppressed.map((j) => global[j]!) });
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`disclosure worker stopped with exit code ${code}`));
    });
  });
}

/**
 * Like `protect`, on worker threads.
 * @example const { rows: safe, summary } = await protectParallel(results, catalogue, DEFAULT_DISCLOSURE, { workers: 2 });
 */
export async function protectParallel(
  rows: readonly ResultRow[], catalogue: readonly IndicatorMeta[], config: DisclosureConfig = DEFAULT_DISCLOSURE, opts: ParallelOptions = {},
): Promise<{ rows: ResultRow[]; summary: DisclosureSummary }> {
  const t0 = performance.now();
  const workers = Math.max(1, Math.min(8, opts.workers ?? availableParallelism()));
  const lookup = new MeasureLookup(catalogue);
  const lists = universes(rows, (r) => isDerived(r, lookup));
  if (workers === 1 || lists.length < 2) return protect(rows, catalogue, config, opts.onProgress);
  let done = 0;
  const tick = () => opts.onProgress?.(++done, lists.length);
  const parts = await Promise.all(balance(lists, workers).map((b) => runBucket(rows, b, catalogue, config, tick)));
  const outcome: UniversesOutcome = { suppressed: [], unresolved: 0, repairs: 0, coarsened: 0 };
  for (const p of parts) {
    for (const i of p.suppressed) outcome.suppressed.push(i);
    outcome.unresolved += p.unresolved;
    outcome.repairs += p.repairs;
    outcome.coarsened += p.coarsened;
  }
  return applySuppression(rows, catalogue, config, outcome, t0);
}
