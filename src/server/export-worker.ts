/**
 * The export worker: builds large or slow downloads (XLSX, big CSV and JSON-stat) off the server's
 * event loop. Rows arrive in chunks (export-pool.ts), then one job runs and its bytes go back
 * transferred, not copied. One job at a time; the pool bounds the queue and the worker's heap.
 */
import { parentPort } from 'node:worker_threads';
import { WRITERS } from '../publish/writers.ts';
import { writeTable } from './table-export.ts';
import type { ExportJob, FromWorker, ToWorker } from './export-pool.ts';

const port = parentPort;
if (!port) throw new Error('export-worker.ts must run in a worker thread');

let job: { id: number; spec: ExportJob; rows: unknown[] } | null = null;

async function run(spec: ExportJob, rows: unknown[]): Promise<Uint8Array> {
  if (spec.kind === 'writer') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are the writer's ResultRow[]
    return await WRITERS[spec.format].write(rows as any, spec.meta, spec.opts);
  }
  return writeTable(spec.table, rows, spec.format, spec.style, spec.ctx);
}

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'start') {
    job = { id: msg.id, spec: msg.job, rows: [] };
    return;
  }
  if (!job || job.id !== msg.id) return;
  if (msg.type === 'rows') {
    for (const r of msg.rows) job.rows.push(r);
    return;
  }
  const { id, spec, rows } = job;
  job = null;
  run(spec, rows).then(
    (bytes) => {
      // A fresh ArrayBuffer of exactly the body (a pooled or shared Buffer cannot be transferred).
      const body = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && !Buffer.isBuffer(bytes) ? bytes : new Uint8Array(bytes);
      const out: FromWorker = { type: 'done', id, body };
      port.postMessage(out, [body.buffer as ArrayBuffer]);
    },
    (err: unknown) => {
      const out: FromWorker = { type: 'error', id, message: err instanceof Error ? err.message : String(err) };
      port.postMessage(out);
    },
  );
});
