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

/** Worker → main: one universe done, a job's outcome (in the job's local row indices), or an error. */
export type WorkerMessage =
  | { kind: 'progress' }
  | { kind: 'done'; job: number; outcome: UniversesOutcome }
  | { kind: 'error'; message: string };
/** Main → worker: protect these universes (row indices into `rows`). */
export interface WorkerJob {
  readonly job: number;
  readonly rows: PackedRows;
  readonly lists: number[][];
}
export interface WorkerInput {
  readonly catalogue: readonly IndicatorMeta[];
  readonly config: DisclosureConfig;
}

/**
 * Jobs of whole universes, largest first, each about `target` cells (a large universe is a job on
 * its own): workers take the next job when they finish one, so one slow universe does not leave
 * the other cores idle (static buckets balanced by cells were slower: cost is not linear in cells).
 */
function jobs(lists: number[][], target: number): number[][][] {
  const out: number[][][] = [];
  let cur: number[][] = [];
  let size = 0;
  for (const list of [...lists].sort((a, b) => b.length - a.length)) {
    cur.push(list);
    size += list.length;
    if (size >= target) {
      out.push(cur);
      cur = [];
      size = 0;
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

/** Runs the jobs on `n` persistent workers; resolves with each job's outcome in global row indices. */
function runJobs(rows: readonly ResultRow[], all: number[][][], n: number, input: WorkerInput, tick: () => void): Promise<UniversesOutcome[]> {
  const results: UniversesOutcome[] = [];
  const globals: number[][] = [];
  let next = 0;
  let running = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    const inFlight: number[] = [];
    const send = (worker: Worker, w: number): boolean => {
      if (next >= all.length) return false;
      inFlight[w] = (inFlight[w] ?? 0) + 1;
      const job = next++;
      const global: number[] = [];
      const lists = all[job]!.map((list) => list.map((i) => (global.push(i), global.length - 1)));
      globals[job] = global;
      const packed = packRows(rows, global);
      const msg: WorkerJob = { job, rows: packed, lists };
      worker.postMessage(msg, transferList(packed));
      return true;
    };
    for (let w = 0; w < Math.min(n, all.length); w++) {
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: input });
      running++;
      worker.on('message', (m: WorkerMessage) => {
        if (m.kind === 'progress') return tick();
        if (m.kind === 'error') {
          reject(new Error(m.message));
          return void worker.terminate();
        }
        const global = globals[m.job]!;
        results[m.job] = { ...m.outcome, suppressed: m.outcome.suppressed.map((j) => global[j]!), withheld: m.outcome.withheld.map((j) => global[j]!) };
        finished++;
        inFlight[w]!--;
        if (!send(worker, w) && inFlight[w] === 0) void worker.terminate();
      });
      worker.on('error', reject);
      worker.on('exit', () => {
        if (--running > 0) return;
        if (finished === all.length) resolve(results);
        else reject(new Error('a disclosure worker stopped before its work was done'));
      });
      // Two jobs ahead: the worker starts the second while this thread packs its third.
      send(worker, w);
      send(worker, w);
      if (!inFlight[w]) void worker.terminate(); // the others took every job
    }
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
  const total = lists.reduce((a, l) => a + l.length, 0);
  const parts = await runJobs(rows, jobs(lists, Math.max(1, Math.ceil(total / (workers * 16)))), workers, { catalogue, config }, tick);
  const outcome: UniversesOutcome = { suppressed: [], withheld: [], splits: [], unresolved: 0, repairs: 0, coarsened: 0 };
  for (const p of parts) {
    for (const i of p.suppressed) outcome.suppressed.push(i);
    for (const i of p.withheld) outcome.withheld.push(i);
    outcome.splits.push(...p.splits);
    outcome.unresolved += p.unresolved;
    outcome.repairs += p.repairs;
    outcome.coarsened += p.coarsened;
  }
  return applySuppression(rows, catalogue, config, outcome, t0);
}
