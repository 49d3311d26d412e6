/**
 * Exports off the event loop: one worker thread (export-worker.ts) builds XLSX files and large
 * CSV / JSON-stat answers while the main thread keeps answering other requests.
 *
 * - Rows are sent in small chunks with a yield between them, so even handing a million rows over
 *   never holds the event loop for more than a few milliseconds at a time.
 * - Bounded: one job runs at a time, at most `maxQueue` wait (more → 503 busy), the worker's heap
 *   is capped (`maxHeapMb`; out of memory → 413 with a problem body, and a fresh worker for the
 *   next job), and a table larger than `maxRows` is refused before any work (413).
 */
import { Worker } from 'node:worker_threads';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { OutputFormat, WriteOptions } from '../publish/index.ts';
import { ApiError, busy } from './errors.ts';
import type { TableStyle } from './params.ts';
import type { TableContext, TableFormat, TableKind } from './table-export.ts';

export type ExportJob =
  | { kind: 'writer'; format: OutputFormat; meta: IndicatorMeta | null; opts: WriteOptions }
  | { kind: 'table'; table: TableKind; format: TableFormat; style: TableStyle; ctx: TableContext };

export type ToWorker = { type: 'start'; id: number; job: ExportJob } | { type: 'rows'; id: number; rows: unknown[] } | { type: 'end'; id: number };
export type FromWorker = { type: 'done'; id: number; body: Uint8Array } | { type: 'error'; id: number; message: string };

export interface ExportPoolOptions {
  /** Jobs waiting behind the running one before new ones get 503 (default 8). */
  maxQueue?: number;
  /** Heap limit of the worker in MB (default 2048). */
  maxHeapMb?: number;
  /** Rows per export (default 2 000 000; XLSX is also bounded by the sheet's 1 048 575 data rows). */
  maxRows?: number;
  /** Rows per message to the worker (default 2 000). */
  chunkRows?: number;
}

const XLSX_MAX_ROWS = 1_048_575;
const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

interface Pending {
  id: number;
  job: ExportJob;
  rows: readonly unknown[];
  resolve: (b: Uint8Array) => void;
  reject: (e: unknown) => void;
}

export class ExportPool {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private running: Pending | null = null;
  private nextId = 1;
  private closing = false;
  private readonly maxQueue: number;
  private readonly maxHeapMb: number;
  readonly maxRows: number;
  private readonly chunkRows: number;

  constructor(opts: ExportPoolOptions = {}) {
    this.maxQueue = opts.maxQueue ?? 8;
    this.maxHeapMb = opts.maxHeapMb ?? 2048;
    this.maxRows = opts.maxRows ?? 2_000_000;
    this.chunkRows = opts.chunkRows ?? 2000;
  }

  /** Builds one export in the worker; rejects with an ApiError (413/503) when it cannot. */
  run(job: ExportJob, rows: readonly unknown[]): Promise<Uint8Array> {
    const limit = job.format === 'xlsx' ? Math.min(this.maxRows, XLSX_MAX_ROWS) : this.maxRows;
    if (rows.length > limit) {
      return Promise.reject(
        new ApiError(413, 'export_too_large', `Utvalget har ${rows.length} rader; grensen er ${limit}. Velg færre verdier med valueCodes.`, `The selection has ${rows.length} rows; the limit is ${limit}. Select fewer values with valueCodes.`),
      );
    }
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(busy('export_queue_full', 'For mange nedlastinger lages nå; prøv igjen om litt.', 'Too many downloads are being made now; try again shortly.'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, rows, resolve, reject });
      this.pump();
    });
  }

  /** Starts the worker now (its modules take a while to load), so the first download is quick. */
  warm(): void {
    if (!this.closing) this.ensureWorker();
  }

  /** Stops the worker (tests, shutdown). Waiting jobs are rejected. */
  async close(): Promise<void> {
    this.closing = true;
    for (const p of this.queue.splice(0)) p.reject(busy('shutting_down', 'Tjenesten stenges.', 'The service is shutting down.'));
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./export-worker-entry.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb },
    });
    w.unref();
    w.on('message', (msg: FromWorker) => this.onMessage(msg));
    w.on('error', (err: Error & { code?: string }) => this.onFailure(err));
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = null;
      if (this.running) this.onFailure(new Error(`export worker exited with code ${code}`));
    });
    this.worker = w;
    return w;
  }

  private onMessage(msg: FromWorker): void {
    const p = this.running;
    if (!p || p.id !== msg.id) return;
    this.running = null;
    if (msg.type === 'done') p.resolve(msg.body);
    else p.reject(new Error(msg.message));
    this.pump();
  }

  private onFailure(err: Error & { code?: string }): void {
    const p = this.running;
    this.running = null;
    if (this.worker) {
      void this.worker.terminate();
      this.worker = null;
    }
    if (p) {
      p.reject(
        this.closing
          ? busy('shutting_down', 'Tjenesten stenges.', 'The service is shutting down.')
          : err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new ApiError(413, 'export_too_large', 'Utvalget er for stort til å lages innenfor minnegrensen. Velg færre verdier.', 'The selection is too large to build within the memory limit. Select fewer values.')
          : err,
      );
    }
    this.pump();
  }

  private pump(): void {
    if (this.running || this.closing) return;
    const p = this.queue.shift();
    if (!p) {
      // Keep the process alive only while there is work.
      this.worker?.unref();
      return;
    }
    this.running = p;
    const w = this.ensureWorker();
    w.ref();
    this.send(w, p).catch((e: unknown) => this.onFailure(e as Error));
  }

  private async send(w: Worker, p: Pending): Promise<void> {
    const start: ToWorker = { type: 'start', id: p.id, job: p.job };
    w.postMessage(start);
    for (let i = 0; i < p.rows.length; i += this.chunkRows) {
      if (this.running !== p) return;
      const msg: ToWorker = { type: 'rows', id: p.id, rows: p.rows.slice(i, i + this.chunkRows) as unknown[] };
      w.postMessage(msg);
      await yieldToLoop();
    }
    const end: ToWorker = { type: 'end', id: p.id };
    w.postMessage(end);
  }
}
