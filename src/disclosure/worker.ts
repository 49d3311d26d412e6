/** Worker thread body of `protectParallel`: protects the jobs (groups of universes) it is sent. */
import { parentPort, workerData } from 'node:worker_threads';
import { protectUniverses } from './index.ts';
import type { WorkerInput, WorkerJob, WorkerMessage } from './parallel.ts';
import { unpackRows } from './row-codec.ts';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
parentPort!.on('message', (job: WorkerJob) => {
  try {
    const outcome = protectUniverses(unpackRows(job.rows), job.lists, input.catalogue, input.config, (done) => {
      if (done > 0) post({ kind: 'progress' });
    });
    post({ kind: 'progress' });
    post({ kind: 'done', job: job.job, outcome });
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
