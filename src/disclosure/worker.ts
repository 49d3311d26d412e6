/** Worker thread body of `protectParallel`: protects one bucket of universes. */
import { parentPort, workerData } from 'node:worker_threads';
import { protectUniverses } from './index.ts';
import type { WorkerInput, WorkerMessage } from './parallel.ts';
import { unpackRows } from './row-codec.ts';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
try {
  const outcome = protectUniverses(unpackRows(input.rows), input.lists, input.catalogue, input.config, (done) => {
    if (done > 0) post({ kind: 'progress', done });
  });
  post({ kind: 'done', outcome });
} catch (e) {
  post({ kind: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
