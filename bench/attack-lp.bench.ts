/**
 * The independent attacker with LP-strength bounds on a whole store's protected output
 * (issue 13): computes the engine rows, protects them (protectParallel, as `compute` does), then
 * attacks every indicator with `lp: true` and prints per-indicator time, cells attacked, LP work,
 * recovered (exact or narrowed below minCount). Rows are cached next to the store
 * (<store>.rows.tsv: the fields the attacker reads) so later runs attack only.
 * Run: node --import tsx bench/attack-lp.bench.ts STORE.duckdb [--no-lp] [--fresh] [ID …]
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { cpus, loadavg } from 'node:os';
import { CATALOGUE } from '../src/catalogue/index.ts';
import type { ResultRow } from '../src/contract/results.ts';
import { DEFAULT_DISCLOSURE, protectParallel } from '../src/disclosure/index.ts';
import { computeAll } from '../src/engine/index.ts';
import { openStore } from '../src/store/index.ts';
import { attackByIndicator } from '../test/disclosure/pipeline.ts';

const args = process.argv.slice(2);
const db = args.find((a) => !a.startsWith('--'));
if (!db) {
  console.error('usage: attack-lp.bench.ts STORE.duckdb [--no-lp] [--fresh] [ID …]');
  process.exit(2);
}
const ids = args.filter((a) => !a.startsWith('--') && a !== db);
const cache = `${db}.rows.tsv`;
const KEYS = ['indikator', 'maal', 'ledd', 'kohort', 'periode', 'vindu', 'botid', 'lovregime', 'regionniva', 'region', 'gruppe', 'kjonn', 'teller', 'nevner', 'status'] as const;
const NUMERIC = new Set(['periode', 'vindu', 'botid', 'teller', 'nevner']);
const enc = (r: ResultRow) => KEYS.map((k) => String((r as unknown as Record<string, unknown>)[k] ?? '')).join('\t');
function dec(f: string[], off: number): ResultRow {
  const o: Record<string, unknown> = { verdi: null, ki_nedre: null, ki_ovre: null, mangler: null };
  KEYS.forEach((k, j) => {
    const x = f[off + j]!;
    o[k] = NUMERIC.has(k) ? (x === '' ? (k === 'vindu' ? undefined : null) : Number(x)) : x;
  });
  if (o['vindu'] === undefined) delete o['vindu'];
  return o as unknown as ResultRow;
}
let rows: ResultRow[] = [];
let safe: ResultRow[] = [];
if (existsSync(cache) && !args.includes('--fresh')) {
  for await (const line of createInterface({ input: createReadStream(cache), crlfDelay: Infinity })) {
    if (line === '' || (ids.length > 0 && !ids.includes(line.slice(0, line.indexOf('\t'))))) continue;
    const f = line.split('\t');
    rows.push(dec(f, 0));
    safe.push(dec(f, KEYS.length));
  }
} else {
  const t0 = performance.now();
  const store = await openStore(db);
  try {
    rows = (await computeAll(store)).rows;
  } finally {
    await store.close();
  }
  const t1 = performance.now();
  const p = await protectParallel(rows, CATALOGUE);
  safe = p.rows;
  console.log(`compute ${((t1 - t0) / 1000).toFixed(1)} s, protect ${((performance.now() - t1) / 1000).toFixed(1)} s, ${rows.length} cells`);
  const out = createWriteStream(cache);
  for (let i = 0; i < rows.length; i += 10000) {
    const chunk = rows.slice(i, i + 10000).map((r, k) => `${enc(r)}\t${enc(safe[i + k]!)}\n`).join('');
    if (!out.write(chunk)) await new Promise<void>((res) => out.once('drain', () => res()));
  }
  await new Promise<void>((res) => out.end(() => res()));
}
const lp = !args.includes('--no-lp');
const keep = (r: ResultRow) => ids.length === 0 || ids.includes(r.indikator);
const idx = rows.flatMap((r, i) => (keep(r) ? [i] : []));
const run = { rows: idx.map((i) => rows[i]!), safe: idx.map((i) => safe[i]!), summary: undefined as never, catalogue: CATALOGUE, computeSeconds: 0 };
const t = performance.now();
const { total, perIndicator } = attackByIndicator(run, DEFAULT_DISCLOSURE.minCount, { lp });
for (const [id, rep] of perIndicator) {
  console.log(`${id}: attacked ${rep.cellsAttacked} (${rep.unknowns} unknowns, ${rep.relations} relations), recovered ${rep.recovered.length}, zeros ${rep.zeros}${rep.lp ? `, lp ${JSON.stringify(rep.lp)}` : ''}`);
  for (const r of rep.recovered.slice(0, 3)) console.log(`  ${r}`);
}
console.log(
  `total (${lp ? 'LP' : 'propagation'}): attacked ${total.cellsAttacked}, recovered ${total.recovered.length}, inconsistent ${total.inconsistent.length}, ` +
    `${((performance.now() - t) / 1000).toFixed(1)} s; load ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`,
);
