/**
 * The fast frame path (prepareFrameSource + loadFrameFrom, used by runAnalyses) against the
 * reference query (loadFrame) on a store, every outcome: same rows in the same order, same
 * values, same levels; prints CPU time of both.
 *   node --import tsx bench/analysis-frames-check.ts --db STORE
 */
import { parseArgs } from 'node:util';
import { frameContext } from '../src/analysis/context.ts';
import { dropFrameSource, loadFrame, loadFrameFrom, prepareFrameSource, type Frame } from '../src/analysis/frame.ts';
import { A4C_OUTCOME, OUTCOMES } from '../src/analysis/outcomes.ts';
import { openStore } from '../src/store/index.ts';

const { values } = parseArgs({ options: { db: { type: 'string', default: 'out/nat6.duckdb' } } });
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };

/** Differences between two frames (empty = equal). */
export function frameDifferences(a: Frame, b: Frame): string[] {
  const out: string[] = [];
  const same = (name: string, x: ArrayLike<number>, y: ArrayLike<number>) => {
    if (x.length !== y.length) return out.push(`${name}: length ${x.length} vs ${y.length}`);
    for (let i = 0; i < x.length; i++) {
      if (!Object.is(x[i], y[i])) return out.push(`${name}[${i}]: ${x[i]} vs ${y[i]}`);
    }
    return 0;
  };
  const fac = (name: string, x: { codes: Int32Array; levels: readonly string[] }, y: { codes: Int32Array; levels: readonly string[] }) => {
    if (x.levels.join('|') !== y.levels.join('|')) out.push(`${name}: levels ${x.levels.slice(0, 5).join(',')}… vs ${y.levels.slice(0, 5).join(',')}…`);
    same(`${name}.codes`, x.codes, y.codes);
  };
  if (a.n !== b.n) out.push(`n ${a.n} vs ${b.n}`);
  if (a.outcomeMissing !== b.outcomeMissing) out.push(`outcomeMissing ${a.outcomeMissing} vs ${b.outcomeMissing}`);
  same('y', a.y, b.y);
  same('periode', a.periode, b.periode);
  same('maaleaar', a.maaleaar, b.maaleaar);
  same('nyLov', a.nyLov, b.nyLov);
  fac('kommune', a.kommune, b.kommune);
  fac('fylke', a.fylke, b.fylke);
  fac('undergruppe', a.undergruppe, b.undergruppe);
  for (const [k, v] of a.factors) fac(k, v, b.factors.get(k)!);
  for (const [k, v] of a.numerics) same(k, v, b.numerics.get(k)!);
  return out;
}

const store = await openStore(values.db!);
const ctx = await frameContext(store);
const outcomes = [...OUTCOMES, A4C_OUTCOME].filter((o) => o.tables.every((t) => ctx.tables.has(t)));
let c0 = cpu();
const src = await prepareFrameSource(store, ctx, outcomes);
let fast = cpu() - c0;
let ref = 0;
let bad = 0;
for (const o of outcomes) {
  c0 = cpu();
  const a = await loadFrame(store, o, ctx);
  const t1 = cpu();
  const b = await loadFrameFrom(store, o, ctx, src);
  const t2 = cpu();
  ref += t1 - c0;
  fast += t2 - t1;
  const d = frameDifferences(a, b);
  if (d.length) bad++;
  console.log(`${o.key.padEnd(6)} n ${a.n} missing ${a.outcomeMissing}: ${d.length ? `DIFFERENT ${d.slice(0, 4).join('; ')}` : 'equal'} (cpu ${(t1 - c0).toFixed(2)} s vs ${(t2 - t1).toFixed(2)} s)`);
}
await dropFrameSource(store);
await store.close();
console.log(`CPU: reference ${ref.toFixed(1)} s, fast path ${fast.toFixed(1)} s (persons read once included); ${bad} outcome(s) differ`);
if (bad) process.exitCode = 1;
