/**
 * Cold first render of every dashboard page type over a real store (default: out/national.duckdb,
 * or the path given as the first argument). Each page type runs in its own child process: the
 * store is opened and the app created as `serve` does, then the first request is timed (nothing
 * cached: no page cache, no DuckDB buffers, no start-up reads), then one repeat. Prints
 * milliseconds per page type (wall, and the CPU time of the first request, which a busy machine
 * inflates far less than wall time), the page size raw and gzipped, and the load average.
 * Target: ≤ 500 ms cold on national (issue 15).
 *
 *   node --import tsx bench/pages.bench.ts [STORE] [PATH …]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openStore } from '../src/store/index.ts';
import { createApp } from '../src/server/app.ts';

const PAGES = ['/', '/indikator/R1', '/indikator/R1?region=4601', '/indikator/R4', '/indikator/P1?niva=fylke', '/kommune', '/kommune/4601', '/kommune/1820', '/lov', '/data', '/?lang=en'];

interface Measure {
  path: string;
  status: number;
  cold: number;
  /** CPU time of the first request (user + system, every thread of the process, DuckDB's too). */
  cpu: number;
  warm: number;
  bytes: number;
  gzip: number;
}

/** One page in this process: open, create, first request, repeat. */
async function measure(file: string, path: string): Promise<Measure> {
  const store = await openStore(file, { readOnly: true });
  const app = createApp({ store });
  try {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = await app.request(path);
    const body = await res.text();
    const cold = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1000;
    const t1 = performance.now();
    await (await app.request(path)).text();
    const warm = performance.now() - t1;
    return { path, status: res.status, cold, cpu, warm, bytes: Buffer.byteLength(body), gzip: gzipSync(body).length };
  } finally {
    await app.close();
    await store.close();
  }
}

const [file = 'out/national.duckdb', ...only] = process.argv.slice(2);
if (process.env['PAGES_BENCH_CHILD']) {
  const m = await measure(file, only[0]!);
  process.stdout.write(`${JSON.stringify(m)}\n`);
} else {
  const load = () => loadavg().map((x) => x.toFixed(2)).join(', ');
  console.log(`# store: ${file}; load average before: ${load()}`);
  console.log('page\tstatus\tcold ms\tcold CPU ms\trepeat ms\tbytes\tgzip bytes');
  let worst = 0;
  for (const path of only.length ? only : PAGES) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), file, path], { env: { ...process.env, PAGES_BENCH_CHILD: '1' }, encoding: 'utf8' });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`${path}\tfailed: ${child.stderr.trim().split('\n').slice(-3).join(' | ')}`);
      continue;
    }
    const m = JSON.parse(line) as Measure;
    worst = Math.max(worst, m.cold);
    console.log(`${m.path}\t${m.status}\t${m.cold.toFixed(0)}\t${m.cpu.toFixed(0)}\t${m.warm.toFixed(1)}\t${m.bytes}\t${m.gzip}`);
  }
  console.log(`# slowest cold page: ${worst.toFixed(0)} ms (target ≤ 500 ms); load average after: ${load()}`);
}
