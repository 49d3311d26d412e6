/**
 * Pooled windows (issue 11 item 3): a pool is the sum of its years, so the audit and the attacker
 * must see pool = Σ years jointly with the yearly tables, overlapping windows included; a pool is
 * keyed by its window (`periodeKey`), never by its last year alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_DISCLOSURE, assertNoUnsafeCells, isPrimaryUnsafe, protect, protectParallel } from '../../src/disclosure/index.ts';
import { universes } from '../../src/disclosure/universe.ts';
import { periodeKey, type ResultRow } from '../../src/contract/results.ts';
import { attack } from './attacker.ts';
import { catalogue, cell } from './helpers.ts';
import { syntheticCatalogue, syntheticRows, withPools } from './synthetic.ts';

const additiveGroup = (_: string, maal: string) => (maal.startsWith('hoved:') ? 'hoved' : null);
const opts = { additiveGroup, width: DEFAULT_DISCLOSURE.minCount };

/** One kommune line (land = 11 = 1101 + 1102) over three years and their pool. */
function kommuneYears(): ResultRow[] {
  const data: [number, string, number, number][] = [];
  const k1: [number, number][] = [[10, 40], [1, 30], [12, 45]]; // 2021: t = 1, primary unsafe
  const k2: [number, number][] = [[20, 60], [22, 70], [25, 80]];
  [2020, 2021, 2022].forEach((y, i) => {
    data.push([y, '1101', ...k1[i]!], [y, '1102', ...k2[i]!]);
  });
  const rows = data.map(([periode, region, teller, nevner]) => cell({ periode, region, teller, nevner }));
  return withPools(rows, 3);
}

test('a pool keyed by its window is its own universe member, not its last year', () => {
  const rows = kommuneYears();
  assert.ok(rows.some((r) => periodeKey(r) === '2020-2022'));
  // pool 2020-2022 ties the three years into one universe.
  assert.equal(universes(rows).length, 1);
  const yearly = rows.filter((r) => (r.vindu ?? 1) === 1);
  assert.equal(universes(yearly).length, 3);
});

test('pool = Σ years: primary suppression alone is attackable through the pool (the test can fail)', () => {
  const rows = kommuneYears();
  const primaryOnly = rows.map((r) =>
    isPrimaryUnsafe(r, { kind: 'share', additiveGroup: null }, DEFAULT_DISCLOSURE) ? { ...r, status: ':' as const, teller: null, nevner: null, verdi: null } : r,
  );
  const rep = attack(rows, primaryOnly, opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.ok(rep.recovered.length > 0, 'the 2021 cell is the pool minus the other years');
});

test('pool = Σ years: after protect nothing is recoverable, and a pool cell is hidden or a year is', () => {
  const rows = kommuneYears();
  const { rows: safe } = protect(rows, catalogue());
  assertNoUnsafeCells(safe);
  const rep = attack(rows, safe, opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.deepEqual(rep.recovered, []);
  const hidden1101 = safe.filter((r) => r.region === '1101' && r.status === ':').map(periodeKey).sort();
  assert.ok(hidden1101.length >= 2, `1101: ${hidden1101.join(', ')}`);
});

for (const [seed, scale] of [[1, 10], [3, 60]] as const) {
  test(`overlapping 3-year pools with the yearly tables: nothing recoverable (synthetic, seed ${seed}, scale ${scale})`, { timeout: 600_000 }, async () => {
    const yearly = syntheticRows({ seed, fylker: 2, kommunerPerFylke: 3, perioder: 5, scale });
    const rows = withPools(yearly, 3);
    assert.equal(new Set(rows.map(periodeKey)).size, 8); // 5 years + 3 windows
    const { rows: safe, summary } = await protectParallel(rows, syntheticCatalogue(), DEFAULT_DISCLOSURE, { workers: 2 });
    assertNoUnsafeCells(safe);
    const rep = attack(rows, safe, opts);
    const pools = safe.filter((r) => (r.vindu ?? 1) > 1);
    console.log(
      `seed ${seed}: ${rows.length} cells (${pools.length} pooled), ${rep.cellsAttacked} suppressed attacked, recovered ${rep.recovered.length}; ` +
        `pooled published ${pools.filter((r) => r.status === '').length}, ${(100 * summary.cellsSuppressedShare).toFixed(0)} % of cells suppressed`,
    );
    assert.deepEqual(rep.inconsistent, [], 'pool = Σ years holds in the synthetic data');
    assert.deepEqual(rep.recovered, []);
    assert.doesNotMatch(summary.method, /WARNING/);
    // The pooled cells keep their window through the workers.
    assert.equal(pools.length, rows.filter((r) => (r.vindu ?? 1) > 1).length);
  });
}
