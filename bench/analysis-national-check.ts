/**
 * The national acceptance checks of issue 10 (prints the figures; too slow for npm test):
 *   node --import tsx bench/analysis-national-check.ts --db STORE --data DATADIR
 * - with planted municipality effects: correlation between the estimated municipality effect
 *   (log-odds, from observed vs expected) and the planted one (_sannhet/kommuneeffekter.csv) for
 *   municipalities with ≥ 100 persons in the pool, employment 2 years after settlement (R2, botid 2);
 * - with effects switched off: the share of published municipalities flagged at 95 %;
 * - A3: raw and adjusted new − old differences for R2 against the planted act effect
 *   (_sannhet/innstillinger.csv, loveffekt_sysselsatt_pp).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runA1, type A1Unit } from '../src/analysis/a1.ts';
import { runA3 } from '../src/analysis/a3.ts';
import { frameContext } from '../src/analysis/context.ts';
import { loadFrame } from '../src/analysis/frame.ts';
import { OUTCOMES } from '../src/analysis/outcomes.ts';
import { logitEffect } from '../src/analysis/shrink.ts';
import { openStore } from '../src/store/index.ts';
import { execSync } from 'node:child_process';

const { values } = parseArgs({ options: { db: { type: 'string' }, data: { type: 'string' }, outcome: { type: 'string', default: 'R2_b2' } } });
if (!values.db || !values.data) throw new Error('usage: --db STORE --data DATADIR');

function csv(path: string): string[][] {
  return readFileSync(path, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
}
const truth = new Map(csv(join(values.data, '_sannhet', 'kommuneeffekter.csv')).map((r) => [r[0]!, Number(r[1])]));
let settings = new Map<string, string>();
try {
  settings = new Map(csv(join(values.data, '_sannhet', 'innstillinger.csv')).map((r) => [r[0]!, r[1]!]));
} catch {
  settings.set('kommuneeffekter', 'paa (ingen innstillingsfil)');
}
const planted = Number(settings.get('loveffekt_sysselsatt_pp') ?? 0);
const actMode = settings.get('loveffekt_modus') ?? 'realistisk';
const effectsOn = !settings.get('kommuneeffekter')?.startsWith('av');

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

console.log(`load average at start: ${execSync('uptime').toString().trim()}`);
const store = await openStore(values.db, { readOnly: false });
const ctx = await frameContext(store);
const t0 = performance.now();
const o = OUTCOMES.find((x) => x.key === values.outcome)!;
const frame = await loadFrame(store, o, ctx);
const a1 = runA1(frame, { window: 3, minN: 20 });
console.log(`${o.key}: ${frame.n} persons, model ${a1.model.fit.names.length} columns, ${a1.model.fit.iterations} iterations, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
console.log(`municipality effects planted: ${effectsOn ? 'yes' : 'no'}; act effect planted: ${planted} pp (${actMode})`);

const byWindow = new Map<string, A1Unit[]>();
for (const u of a1.units) {
  const k = `${u.from}-${u.to}`;
  byWindow.set(k, [...(byWindow.get(k) ?? []), u]);
}
const pub = a1.rows.filter((r) => r.status === '');
console.log('r against the planted effects for municipalities with >= 100 persons in the pool:');
console.log('  r(GLMM b) = the pool effect of the nested random-intercept model a_k + mean c_kt (the published shrunken estimate, log-odds)');
console.log('  r(logit)  = unshrunken log-odds effect from observed vs expected; r(pp) = O − E in pp; r(krympet) = published pp');
console.log('window     units>=100  r(GLMM b)   r(logit)      r(pp)  r(krympet)  sigma k/k×year  published  flagged95');
const minR: number[] = [];
const ceiling: string[] = [];
for (const [w, units] of byWindow) {
  const big = units.filter((u) => u.n >= 100 && truth.has(u.region));
  const est: number[] = [];
  const tr: number[] = [];
  const ppd: number[] = [];
  const shr: number[] = [];
  const glmm: number[] = [];
  for (const u of big) {
    const d = logitEffect(u.rows.map((i) => a1.model.eta[i]!), u.observed);
    if (!Number.isFinite(d)) continue;
    est.push(d);
    tr.push(truth.get(u.region)!);
    ppd.push((u.observed - u.expected) / u.n);
    const row = pub.find((r) => r.periode === w && r.region === u.region)!;
    shr.push(row.krympet!);
    glmm.push(a1.effects!.pool(u).b);
  }
  const rows = pub.filter((r) => r.periode === w);
  const flagged = rows.filter((r) => r.vurdering !== 'som_forventet').length;
  const r = (a: number[]) => (est.length > 2 && effectsOn ? pearson(a, tr).toFixed(3) : '   -   ');
  if (est.length > 2 && effectsOn) minR.push(pearson(glmm, tr));
  // The ceiling set by binomial noise alone: outcomes simulated from a correctly specified model
  // (η from the controls + slope × planted effect, the slope estimated from these units), then
  // estimated the same way (unshrunken logit effect). Mean r over 20 replicates.
  if (est.length > 2 && effectsOn) {
    const mt = tr.reduce((a, b) => a + b, 0) / tr.length;
    const me = est.reduce((a, b) => a + b, 0) / est.length;
    let sxy = 0, sxx = 0;
    for (let k = 0; k < tr.length; k++) { sxy += (tr[k]! - mt) * (est[k]! - me); sxx += (tr[k]! - mt) ** 2; }
    const slope = sxy / sxx;
    const bigUnits = big.filter((u) => Number.isFinite(logitEffect(u.rows.map((i) => a1.model.eta[i]!), u.observed)));
    let seed = 12345;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    let sumR = 0;
    for (let rep = 0; rep < 20; rep++) {
      const simEst: number[] = [];
      const simTr: number[] = [];
      for (const u of bigUnits) {
        const t = truth.get(u.region)!;
        const etas = u.rows.map((i) => a1.model.eta[i]!);
        let o = 0;
        for (const e of etas) if (rnd() < 1 / (1 + Math.exp(-(e + slope * t)))) o++;
        const d = logitEffect(etas, o);
        if (Number.isFinite(d)) { simEst.push(d); simTr.push(t); }
      }
      sumR += pearson(simEst, simTr);
    }
    ceiling.push(`${w}: slope ${slope.toFixed(2)}, simulated r ${(sumR / 20).toFixed(3)} vs observed r(logit) ${pearson(est, tr).toFixed(3)}`);
  }
  console.log(`${w}  ${String(est.length).padStart(8)}   ${r(glmm).padStart(9)} ${r(est).padStart(10)} ${r(ppd).padStart(10)} ${r(shr).padStart(10)}  ${a1.effects!.sigmaKommune.toFixed(3)}/${a1.effects!.sigmaKommuneAar.toFixed(3)}  ${String(rows.length).padStart(8)}  ${flagged} (${((100 * flagged) / Math.max(1, rows.length)).toFixed(1)} %)`);
}
if (minR.length) console.log(`r(GLMM b) per pool: min ${Math.min(...minR).toFixed(3)}, max ${Math.max(...minR).toFixed(3)} (target >= 0.9)`);
if (ceiling.length) console.log(`noise ceiling (correct model, binomial noise only):\n  ${ceiling.join('\n  ')}`);
// Calibration of the 95 % intervals: z = (O − E)/se by pool size (≈ N(0, 1) when there are no effects).
{
  const buckets: [number, number][] = [[20, 50], [50, 100], [100, 300], [300, 1e9]];
  for (const [lo, hi] of buckets) {
    const z = pub.filter((r) => r.n! >= lo && r.n! < hi).map((r) => r.differanse! / ((r.ki_ovre! - r.ki_nedre!) / 3.92));
    if (!z.length) continue;
    const m = z.reduce((a, b) => a + b, 0) / z.length;
    const v = z.reduce((a, b) => a + (b - m) ** 2, 0) / z.length;
    const out = z.filter((x) => Math.abs(x) > 1.96).length;
    console.log(`  n ${lo}-${hi < 1e9 ? hi : '∞'}: ${z.length} pools, mean z ${m.toFixed(3)}, var z ${v.toFixed(3)}, |z| > 1.96: ${((100 * out) / z.length).toFixed(1)} %`);
  }
}
const flaggedAll = pub.filter((r) => r.vurdering !== 'som_forventet').length;
console.log(`all windows: ${flaggedAll} of ${pub.length} published municipality pools flagged at 95 % (${((100 * flaggedAll) / pub.length).toFixed(1)} %)`);

// One pool of all cohort years (the window is configurable; a longer pool means less noise).
{
  const years = [...new Set(frame.periode)];
  const all = runA1(frame, { window: years.length, minN: 20 }, a1.model);
  const est: number[] = [];
  const tr: number[] = [];
  for (const u of all.units.filter((x) => x.n >= 100 && truth.has(x.region))) {
    const d = logitEffect(u.rows.map((i) => a1.model.eta[i]!), u.observed);
    if (Number.isFinite(d)) { est.push(d); tr.push(truth.get(u.region)!); }
  }
  const pub1 = all.rows.filter((r) => r.status === '');
  const fl = pub1.filter((r) => r.vurdering !== 'som_forventet').length;
  console.log(`one pool ${Math.min(...years)}-${Math.max(...years)}: ${est.length} municipalities with >= 100, r(logit) ${effectsOn ? pearson(est, tr).toFixed(3) : '-'}; flagged ${fl} of ${pub1.length} (${((100 * fl) / pub1.length).toFixed(1)} %)`);
}

console.log('\nA3 new vs old act (employment R2):');
for (const key of ['R2_b1', 'R2_b2', 'R2_b3']) {
  const f = key === o.key ? frame : await loadFrame(store, OUTCOMES.find((x) => x.key === key)!, ctx);
  const a3 = runA3(f, { minOverlap: 30 });
  for (const r of a3.rows.filter((x) => x.sammenligning.startsWith('ny_mot'))) {
    const covers = r.ki_nedre !== null && r.ki_ovre !== null && r.ki_nedre <= planted && planted <= r.ki_ovre;
    console.log(`  ${key} ${r.sammenligning.padEnd(26)} ${r.periode.padEnd(10)} n=${r.n} diff ${r.differanse} [${r.ki_nedre}, ${r.ki_ovre}] covers planted ${planted}: ${covers ? 'yes' : 'no'}`);
  }
}
await store.close();
