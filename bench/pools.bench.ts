/**
 * Pooled windows (issue 11 item 3): the cost of disclosure control with and without pools, the
 * information loss per level and the coverage of municipal figures, on one ingested store.
 *
 *   node --import tsx bench/pools.bench.ts --db <store.duckdb> [--pool 0|3] [--cache <file>] [--workers 2] [--attack]
 *
 * --cache keeps the engine's rows (v8 serialised) so that repeated runs measure the disclosure
 * stage alone. --pool 0 = yearly cells only. Prints the suppression seconds, cells per universe,
 * information loss per level, the share of each headline indicator's latest complete cohort living
 * in a municipality with a published yearly or pooled figure, and (with --attack) the attacker's
 * result per indicator.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { loadavg } from 'node:os';
import { CATALOGUE } from '../src/catalogue/index.ts';
import type { ResultRow } from '../src/contract/results.ts';
import { assertNoUnsafeCells, protectParallel } from '../src/disclosure/index.ts';
import { universes } from '../src/disclosure/universe.ts';
import { computeAll } from '../src/engine/index.ts';
import { anchoredPools } from '../src/engine/cohort-windows.ts';
import { informationLoss } from '../src/publish/information-loss.ts';
import { openStore } from '../src/store/index.ts';
import { attackByIndicator } from '../test/disclosure/pipeline.ts';
import { headlineCoverage } from '../src/pipeline/coverage.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const db = arg('--db', '');
const pool = Number(arg('--pool', '3'));
const cache = arg('--cache', '');
const workers = Number(arg('--workers', '2'));
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

let rows: ResultRow[];
if (cache && existsSync(cache)) {
  rows = deserialize(readFileSync(cache)) as ResultRow[];
  console.log(`rows from ${cache}: ${rows.length}`);
} else {
  const store = await openStore(db);
  const t = performance.now();
  try {
    rows = (await computeAll(store, pool > 1 ? { poolYears: pool } : {})).rows;
  } finally {
    await store.close();
  }
  console.log(`engine: ${rows.length} cells in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  if (cache) writeFileSync(cache, serialize(rows));
}
if (process.argv.includes('--cache-only')) process.exit(0);
// --filter yearly: the yearly cells alone; anchored: the non-overlapping windows only (what the engine keeps now).
const filter = arg('--filter', '');
if (filter === 'yearly') rows = rows.filter((r) => (r.vindu ?? 1) <= 1);
if (filter === 'anchored') rows = anchoredPools(rows).rows;
const only = arg('--id', '');
if (only) rows = rows.filter((r) => only.split(',').includes(r.indikator));
const pooled = rows.filter((r) => (r.vindu ?? 1) > 1).length;
const lists = universes(rows);
const sizes = lists.map((l) => l.length).sort((a, b) => b - a);
console.log(`${rows.length} cells (${pooled} pooled), ${lists.length} universes, largest ${sizes.slice(0, 5).join(', ')}`);

const t0 = performance.now();
const cpu0 = process.cpuUsage();
const { rows: safe, summary } = await protectParallel(rows, CATALOGUE, undefined, { workers });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
assertNoUnsafeCells(safe);
console.log(
  `suppression: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (all threads; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}); ${summary.primary} primary + ${summary.secondary} secondary; ` +
    `${pct(summary.cellsSuppressedShare)} of cells, ${pct(summary.personsSuppressedShare)} of persons; ` +
    `repairs ${summary.intervalRepairs}, coarsened ${summary.coarsened}${/WARNING/.test(summary.method) ? '; WARNING in method' : ''}`,
);
const yearlyIdx = rows.flatMap((r, i) => ((r.vindu ?? 1) > 1 ? [] : [i]));
for (const [name, idx] of [['all cells', rows.map((_, i) => i)], ['yearly cells', yearlyIdx]] as const) {
  const loss = informationLoss(idx.map((i) => safe[i]!), idx.map((i) => rows[i]!));
  for (const [level, l] of Object.entries(loss)) {
    console.log(`  loss ${name} ${level}: ${l.suppressedCells}/${l.cells} cells (${pct(l.cellShare)}), ${l.suppressedPersons}/${l.persons} persons (${pct(l.personShare)})`);
  }
}
for (const c of headlineCoverage(safe, rows, CATALOGUE)) {
  console.log(`  coverage ${c.indikator} ${c.maal} ${c.gruppe} ${c.kohort} ${c.periode}${c.botid === null ? '' : ` botid ${c.botid}`}: ${pct(c.share)} (yearly only ${pct(c.yearlyShare)})`);
}
if (process.argv.includes('--attack')) {
  const t = performance.now();
  const { total, perIndicator } = attackByIndicator({ rows, safe, summary, catalogue: CATALOGUE, computeSeconds: 0 }, 3);
  for (const [id, rep] of perIndicator) if (rep.recovered.length || rep.inconsistent.length) console.log(`  attack ${id}: recovered ${rep.recovered.length}, inconsistent ${rep.inconsistent.length}`, rep.recovered.slice(0, 3));
  console.log(`attack: ${total.cellsAttacked} suppressed cells, recovered ${total.recovered.length}, inconsistent ${total.inconsistent.length} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
