/**
 * A1's published municipality pools (n and the observed share give n and the count O of a pool of
 * three cohort years) against the yearly indicator tables they overlap: a pool is the sum of its
 * years, so an A1 pool published beside yearly cells where one year is suppressed gives that year
 * back. This file checks it with the attacker (test/disclosure/attacker.ts) on a hand-made table.
 * A1 itself applies n ≥ 20 and the primary rule (src/analysis/a1.ts `primarySafe`), but A1 pools do
 * not enter the audit themselves: the pipeline publishes an A1 cell only where the protected tables
 * already show its pool (src/analysis/disclosure-guard.ts), which the last two tests check.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DISCLOSURE, assertNoUnsafeCells, protect } from '../../src/disclosure/index.ts';
import { guardAnalysisCells } from '../../src/analysis/index.ts';
import type { AnalysisRow } from '../../src/contract/analysis.ts';
import { periodeKey, type ResultRow } from '../../src/contract/results.ts';
import { attack } from './attacker.ts';
import { catalogue, cell } from './helpers.ts';
import { withPools } from './synthetic.ts';

const opts = { additiveGroup: () => null, width: DEFAULT_DISCLOSURE.minCount };

/** Two municipalities over three cohort years; 1101's 2021 cell (1 of 30) is primary-unsafe. */
function yearly(): ResultRow[] {
  const k1: [number, number][] = [[10, 40], [1, 30], [12, 45]];
  const k2: [number, number][] = [[20, 60], [22, 70], [25, 80]];
  const rows: ResultRow[] = [];
  [2020, 2021, 2022].forEach((periode, i) => {
    rows.push(cell({ periode, region: '1101', teller: k1[i]![0], nevner: k1[i]![1] }));
    rows.push(cell({ periode, region: '1102', teller: k2[i]![0], nevner: k2[i]![1] }));
  });
  return rows;
}

/** What A1 publishes for a pool, as the cell it implies: n and O (n ≥ 20, O and n − O not 1–2). */
function a1Pools(rows: readonly ResultRow[]): ResultRow[] {
  return withPools(rows, 3)
    .filter((r) => (r.vindu ?? 1) > 1)
    .filter((r) => r.nevner! >= 20 && !(r.teller! >= 1 && r.teller! < 3) && !(r.nevner! - r.teller! >= 1 && r.nevner! - r.teller! < 3));
}

test('A1 pools beside the yearly tables: the attacker sees pool = Σ years and recovers a suppressed year (the test can fail)', () => {
  const rows = yearly();
  const { rows: safe } = protect(rows, catalogue());
  assertNoUnsafeCells(safe);
  assert.deepEqual(attack(rows, safe, opts).recovered, [], 'the yearly tables alone are safe');
  const pools = a1Pools(rows);
  assert.ok(pools.some((r) => r.region === '1101' && periodeKey(r) === '2020-2022'), 'A1 publishes the 1101 pool');
  const rep = attack([...rows, ...pools], [...safe, ...pools], opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.ok(rep.recovered.length > 0, 'the suppressed 2021 cell of 1101 is the A1 pool minus the published years');
});

/** The A1 rows those pools would be (n and the observed share), as analyser.csv holds them. */
function asAnalysisRows(pools: readonly ResultRow[]): AnalysisRow[] {
  return pools.map((p) => ({
    analyse: 'A1', indikator: p.indikator, maal: p.maal, kohort: p.kohort, botid: p.botid, gruppe: p.gruppe,
    periode: periodeKey(p), regionniva: p.regionniva, region: p.region, sammenligning: 'kommune_mot_forventet',
    n: p.nevner, observert: p.verdi, forventet: p.verdi, differanse: 0, ki_nedre: -1, ki_ovre: 1, krympet: 0,
    vurdering: 'som_forventet', status: '',
  }));
}

/** Back from a published A1 row to the pool cell it reveals (n and O = n × observed). */
function revealed(rows: readonly AnalysisRow[], pools: readonly ResultRow[]): ResultRow[] {
  const shown = new Set(rows.filter((r) => r.status === '').map((r) => `${r.region}|${r.periode}`));
  return pools.filter((p) => shown.has(`${p.region}|${periodeKey(p)}`));
}

test('A1 pools and the yearly tables together: the guard withholds the pool that would give a suppressed year back, and nothing is recoverable', () => {
  const rows = yearly();
  const { rows: safe } = protect(rows, catalogue());
  assertNoUnsafeCells(safe);
  const pools = a1Pools(rows);
  const guarded = guardAnalysisCells(asAnalysisRows(pools), safe);
  const byRegion = new Map(guarded.rows.map((r) => [r.region, r] as const));
  // 1101 has a suppressed year (and its complement with it): its pool is withheld whole.
  assert.equal(byRegion.get('1101')?.status, ':');
  assert.equal(byRegion.get('1101')?.n, null);
  assert.equal(guarded.withheld, pools.filter((p) => p.region === '1101').length);
  // 1102's years are all published: its pool adds nothing and stays.
  assert.equal(safe.filter((r) => r.region === '1102' && r.status !== '').length, 0, 'fixture: 1102 fully published');
  assert.equal(byRegion.get('1102')?.status, '');
  const shown = revealed(guarded.rows, pools);
  const rep = attack([...rows, ...shown], [...safe, ...shown], opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.deepEqual(rep.recovered, []);
});

test('an A1 pool is published where the protected tables publish the same pooled cell (audited with its years)', () => {
  const rows = yearly();
  const withPooled = [...rows, ...withPools(rows, 3).filter((r) => (r.vindu ?? 1) > 1)];
  const { rows: safe } = protect(withPooled, catalogue());
  assertNoUnsafeCells(safe);
  const pools = a1Pools(rows);
  const guarded = guardAnalysisCells(asAnalysisRows(pools), safe);
  for (const r of guarded.rows) {
    const pooled = safe.find((c) => c.region === r.region && (c.vindu ?? 1) === 3 && periodeKey(c) === r.periode);
    const years = safe.filter((c) => c.region === r.region && (c.vindu ?? 1) === 1);
    const expectShown = pooled?.status === '' || years.every((c) => c.status === '');
    assert.equal(r.status === '', expectShown, `${r.region} ${r.periode}: pooled ${pooled?.status ?? 'absent'}`);
  }
  const shown = revealed(guarded.rows, pools);
  const rep = attack([...withPooled, ...shown], [...safe, ...shown], opts);
  assert.deepEqual(rep.recovered, []);
});

test('without a protected publication (strict) every sub-national analysis cell with counts is withheld; otherwise an unknown measure keeps its primary rule', () => {
  const pools = asAnalysisRows(a1Pools(yearly()));
  assert.ok(pools.length >= 2);
  const strict = guardAnalysisCells(pools, [], true);
  assert.equal(strict.withheld, pools.length);
  assert.ok(strict.rows.every((r) => r.status === ':' && r.n === null && r.observert === null));
  const lenient = guardAnalysisCells(pools, []);
  assert.equal(lenient.withheld, 0);
  assert.deepEqual(lenient.rows, pools);
  // A country cell is never touched (its tables are published).
  const land = pools.map((r) => ({ ...r, regionniva: 'land' as const, region: '0' }));
  assert.deepEqual(guardAnalysisCells(land, [], true).rows, land);
});
