/**
 * Full compute on `national` synthetic data (400 000 persons): total seconds, seconds per link,
 * peak memory (VmHWM from /proc/self/status and sampled RSS). Generates and ingests the data on
 * first run and caches it under out/bench/. Target on a 2-core machine: < 60 s and < 4 GB.
 * Run: npm run bench:compute [-- --scale medium]
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type Scale } from '../src/synth/index.ts';
import { ingest } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { computeAll } from '../src/engine/index.ts';
import { consoleProgress } from '../src/shared/progress.ts';

const scaleArg = process.argv.indexOf('--scale');
const scale = (scaleArg >= 0 ? process.argv[scaleArg + 1] : 'national') as Scale;
const dir = join('out', 'bench');
const dataDir = join(dir, `${scale}-data`);
const db = join(dir, `${scale}.duckdb`);

function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

await mkdir(dir, { recursive: true });
if (!existsSync(db)) {
  if (!existsSync(join(dataDir, 'personer.csv'))) {
    console.error(`generating ${scale} data in ${dataDir} …`);
    await generate({ scale, seed: 42, outDir: dataDir });
  }
  console.error(`ingesting into ${db} …`);
  const report = await ingest({ inputDir: dataDir, dbPath: db });
  if (!report.ok) throw new Error('ingest failed');
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const store = await openStore(db, { memoryLimit: '3GB' });
const t0 = performance.now();
const result = await computeAll(store, { progress: consoleProgress() });
const total = (performance.now() - t0) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await store.close();

console.log(JSON.stringify({
  scale,
  persons: result.persons,
  cells: result.rows.length,
  seconds: Number(total.toFixed(1)),
  secondsByLink: Object.fromEntries(Object.entries(result.secondsByLink).map(([k, v]) => [k, Number(v.toFixed(1))])),
  peakRssMb: Math.round(peakRss / 1024 / 1024),
  vmHwmMb: Math.round(vmHwmMb()),
}, null, 2));
