/**
 * Where the time goes: ingest, then the whole publication pipeline (runPublication, exactly what
 * `compute` runs) with seconds and peak memory per step — person facts and indicators (the engine;
 * one memory figure for both), suppression, save, files, the switch, the background XLSX — and the
 * whole compute. Prints a table and a JSON line.
 *
 *   node --import tsx bench/publication.bench.ts [--scale medium|national] [--input DIR] [--disclosure on|off] [--xlsx wait|skip]
 *
 * Input: --input, else /work/data/<scale>-seed-* when present, else generated into out/bench/.
 * Peak memory is the process's resident set (Node + DuckDB + disclosure workers), sampled every 50 ms.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate, type Scale } from '../src/synth/index.ts';
import { ingest } from '../src/ingest/index.ts';
import { openStore } from '../src/store/index.ts';
import { runPublication, type Step } from '../src/pipeline/index.ts';
import { consoleProgress } from '../src/shared/progress.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const scale = arg('--scale', 'medium') as Scale;
const disclosure = arg('--disclosure', 'on') as 'on' | 'off';
const xlsx = arg('--xlsx', 'wait') as 'wait' | 'skip';
const dir = join('out', 'bench');
await mkdir(dir, { recursive: true });

function findInput(): string {
  const given = arg('--input', '');
  if (given) return given;
  const shared = '/work/data';
  if (existsSync(shared)) {
    const hit = readdirSync(shared).find((d) => d.startsWith(`${scale}-seed-`) && existsSync(join(shared, d, 'personer.csv')));
    if (hit) return join(shared, hit);
  }
  return join(dir, `${scale}-data`);
}

const input = findInput();
if (!existsSync(join(input, 'personer.csv'))) {
  console.error(`generating ${scale} data in ${input} …`);
  await generate({ scale, seed: 1, outDir: input });
}

let peak = 0;
const sample = () => {
  peak = Math.max(peak, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 50);
const mb = (b: number) => Math.round(b / 1024 / 1024);

type Row = { step: string; seconds: number; peakMb: number };
const table: Row[] = [];

const db = join(dir, `${scale}.duckdb`);
let t = performance.now();
peak = 0;
const report = await ingest({ inputDir: input, dbPath: db, referenceDate: '2026-12-01', progress: consoleProgress() });
sample();
if (!report.ok) throw new Error('ingest failed');
table.push({ step: 'ingest', seconds: (performance.now() - t) / 1000, peakMb: mb(peak) });

const stepPeaks = new Map<Step, number>();
let current: Step | null = null;
const closeStep = () => {
  sample();
  if (current) stepPeaks.set(current, Math.max(stepPeaks.get(current) ?? 0, peak));
};
const store = await openStore(db);
peak = 0;
let wholePeak = 0;
t = performance.now();
const out = join(dir, `${scale}-resultater`);
const result = await runPublication(store, {
  out,
  disclosure,
  background: xlsx,
  analyses: !process.argv.includes("--no-analyses"),
  progress: consoleProgress(),
  onStep: (step) => {
    closeStep();
    wholePeak = Math.max(wholePeak, peak);
    current = step;
    peak = process.memoryUsage().rss;
  },
});
closeStep();
wholePeak = Math.max(wholePeak, peak);
const whole = (performance.now() - t) / 1000;
await store.close();
clearInterval(sampler);

const s = result.seconds;
const label: Record<Step, string> = {
  fakta: 'person facts',
  indikatorer: 'indicators',
  prikking: 'suppression',
  analyser: 'analyses (A1–A4)',
  lagring: 'save',
  filer: 'files (CSV, JSON-stat)',
  bytte: 'switch (folder + store)',
  bakgrunn: 'XLSX (background)',
};
for (const step of ['fakta', 'indikatorer', 'prikking', 'analyser', 'lagring', 'filer', 'bytte', 'bakgrunn'] as const) {
  if (s[step] === undefined) continue;
  // Facts and indicators run inside one engine call: one memory window ('fakta').
  const peakMb = mb(stepPeaks.get(step === 'indikatorer' ? 'fakta' : step) ?? 0);
  table.push({ step: label[step], seconds: s[step], peakMb });
}
const published = whole - (s.bakgrunn ?? 0);
table.push({ step: 'compute until published', seconds: published, peakMb: mb(wholePeak) });
table.push({ step: 'whole compute (with XLSX)', seconds: whole, peakMb: mb(wholePeak) });

/** The largest file of a kind and the time to read it whole (what serving it prebuilt costs). */
async function largest(ext: string) {
  const files = readdirSync(out).filter((f) => f.endsWith(ext) && f !== 'filer.json' && f !== 'katalog.json' && f !== 'tilgjengelighet.json');
  if (!files.length) return null;
  const big = files.map((f) => ({ f, size: statSync(join(out, f)).size })).sort((a, b) => b.size - a.size)[0]!;
  const t0 = performance.now();
  await readFile(join(out, big.f));
  return { file: big.f, mb: Number((big.size / 1024 / 1024).toFixed(1)), readSeconds: Number(((performance.now() - t0) / 1000).toFixed(2)) };
}

console.log(`\n${scale}: ${result.persons} persons, ${result.cells} cells, disclosure ${disclosure}`);
console.log('step'.padEnd(30), 'seconds'.padStart(8), 'peak MB'.padStart(8));
for (const r of table) console.log(r.step.padEnd(30), r.seconds.toFixed(1).padStart(8), String(r.peakMb).padStart(8));
const files = { json: await largest('.json'), xlsx: await largest('.xlsx'), csv: await largest('.csv') };
console.log('largest files:', JSON.stringify(files));
console.log(JSON.stringify({ scale, persons: result.persons, cells: result.cells, steps: table, files }));
