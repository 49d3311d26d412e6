/**
 * Ingest benchmark (not a test): generates the `national` synthetic dataset (≈ 400 000 persons)
 * with the generator, ingests it, and prints rows/second, total seconds and peak memory.
 * Target: under 60 s and under 4 GB peak on a 2-core machine.
 *
 *   npm run bench:ingest [-- --scale medium] [-- --keep]
 * Data is generated once into $TMPDIR/integreringsmonitor-bench-<scale> and reused.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from '../src/synth/index.ts';
import { ingest } from '../src/ingest/index.ts';
import { consoleProgress } from '../src/shared/progress.ts';

type Scale = 'small' | 'medium' | 'national';
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const scale = (arg('--scale') ?? 'national') as Scale;
const memoryLimit = arg('--memory-limit') ?? '2GB';
const dataDir = join(tmpdir(), `integreringsmonitor-bench-${scale}`);
const db = join(tmpdir(), `integreringsmonitor-bench-${scale}.duckdb`);

/** Peak resident memory of this process (Node + DuckDB) as the kernel saw it. */
function vmHwmMb(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

if (!existsSync(join(dataDir, 'personer.csv'))) {
  const t = performance.now();
  process.stderr.write(`generating ${scale} into ${dataDir}\n`);
  await generate({ scale, seed: 2024, outDir: dataDir });
  process.stderr.write(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);
const hwmBefore = vmHwmMb();
const t0 = performance.now();
const report = await ingest({ inputDir: dataDir, dbPath: db, memoryLimit, progress: consoleProgress() });
const seconds = (performance.now() - t0) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const rows = report.files.reduce((n, f) => n + f.rows_read, 0);
const result = {
  scale,
  ok: report.ok,
  rows,
  rows_per_second: Math.round(rows / seconds),
  seconds: Number(seconds.toFixed(1)),
  peak_rss_sampled_mb: Math.round(peakRss / 1024 / 1024),
  vmhwm_mb: Math.round(vmHwmMb()),
  vmhwm_before_ingest_mb: Math.round(hwmBefore),
  memory_limit: memoryLimit,
  per_file: Object.fromEntries(report.files.map((f) => [f.tabell, f.rows_read])),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
if (!process.argv.includes('--keep')) rmSync(db, { force: true });
