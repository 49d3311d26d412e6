/**
 * All analyses (A1–A4) on a national store: per-step time and peak memory (target ≤ 60 s, ≤ 4 GB).
 *   node --import tsx bench/analysis.bench.ts [--db out/nat6.duckdb]
 * The store must have been through ingest (person facts are built if compute has not run; that
 * step is timed separately as `kontekst`).
 */
import { execSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { runAnalyses, saveAnalyses, writeAnalysisOutputs } from '../src/analysis/index.ts';
import { consoleProgress } from '../src/shared/progress.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'out/nat6.duckdb' }, out: { type: 'string', default: 'out/analyse-bench' } } });
let peak = 0;
const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
const uptime = () => execSync('uptime').toString().trim();
console.log(`start: ${uptime()}`);
const timer = setInterval(sample, 100);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const store = await openStore(values.db!);
const timings: Record<string, number> = {};
const result = await runAnalyses(store, { timings, progress: consoleProgress(false) });
const t1 = performance.now();
await saveAnalyses(store, result);
const t2 = performance.now();
const files = writeAnalysisOutputs(values.out!, result);
const t3 = performance.now();
await store.close();
clearInterval(timer);
sample();
const s = (ms: number) => (ms / 1000).toFixed(1);
console.log(`analyses: ${result.rows.length} rows, ${result.models.length} models, ${files.length} files`);
for (const [k, v] of Object.entries(timings)) console.log(`  ${k.padEnd(10)} ${v.toFixed(1)} s`);
console.log(`runAnalyses ${s(t1 - t0)} s, save ${s(t2 - t1)} s, files ${s(t3 - t2)} s, total ${s(t3 - t0)} s`);
const cpu = process.cpuUsage(cpu0);
// CPU seconds of the whole process (DuckDB's threads included): comparable on a busy machine.
console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)}, system ${(cpu.system / 1e6).toFixed(1)})`);
console.log(`peak RSS ${(peak / 2 ** 30).toFixed(2)} GB (sampled every 100 ms)`);
console.log(`end: ${uptime()} (timings on a shared machine: compare with the load average)`);
