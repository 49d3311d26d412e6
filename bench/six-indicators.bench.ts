/**
 * Issue 14's engine comparison: person facts + the six indicators I1, I4, P1, R1, R2 and R3 on a
 * store (national: 400 000 persons), as computeAll runs them. The issue's hand-written DuckDB SQL
 * for the same cells took 11.9 s on this machine (target: ≤ 1.2 × that = 14.3 s).
 * Three rounds; prints each and the minimum.
 *
 *   node --import tsx bench/six-indicators.bench.ts <store.duckdb>
 */
import { openStore } from '../src/store/index.ts';
import { computeAll } from '../src/engine/index.ts';
import { DEFINITIONS } from '../src/catalogue/index.ts';

const db = process.argv[2];
if (!db) throw new Error('usage: six-indicators.bench.ts <store.duckdb>');
const SIX = new Set(['I1', 'I4', 'P1', 'R1', 'R2', 'R3']);
const definitions = DEFINITIONS.filter((d) => SIX.has(d.id));
const rounds: number[] = [];
for (let r = 0; r < 3; r++) {
  const store = await openStore(db);
  const t = performance.now();
  const result = await computeAll(store, { definitions });
  const s = (performance.now() - t) / 1000;
  rounds.push(s);
  console.log(`round ${r + 1}: ${s.toFixed(1)} s, ${result.rows.length} cells`);
  await store.close();
}
console.log(`min ${Math.min(...rounds).toFixed(1)} s (target ≤ 14.3 s)`);
