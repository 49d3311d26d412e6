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
import { anchoredPools } from '../../src/engine/cohort-windows.ts';
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
  // The yearly figures come first (universe.ts POOL_COST_WEIGHT): the pool is hidden, not 2020 or 2022.
  assert.deepEqual(hidden1101, ['2020-2022', '2021']);
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

/**
 * Why the engine publishes only non-overlapping windows (engine/cohort-windows.ts `anchoredPools`):
 * two overlapping pools differ by single years (2020-2022 − 2021-2023 = 2020 − 2023), so a table
 * where each window with its own years is safe can still give a year away. Here 2020 is published,
 * 2021–2023 hidden: each window alone reveals only sums of hidden years, together they give 2023.
 */
test('overlapping windows are not independent: each window alone is safe, together they reveal a year', () => {
  const years: [number, number, number][] = [[2020, 10, 40], [2021, 6, 30], [2022, 5, 20], [2023, 2, 25]];
  const yearly = years.map(([periode, teller, nevner]) => cell({ periode, region: '1101', teller, nevner }));
  const rows = withPools(yearly, 3);
  assert.deepEqual(rows.filter((r) => (r.vindu ?? 1) > 1).map(periodeKey), ['2020-2022', '2021-2023']);
  const published = rows.map((r) => ((r.vindu ?? 1) === 1 && r.periode > 2020 ? { ...r, status: ':' as const, teller: null, nevner: null, verdi: null } : r));
  const window = (w: string) => rows.flatMap((r, i) => {
    const k = periodeKey(r);
    const [a, b] = w.split('-').map(Number) as [number, number];
    return k === w || ((r.vindu ?? 1) === 1 && r.periode >= a && r.periode <= b) ? [i] : [];
  });
  for (const w of ['2020-2022', '2021-2023']) {
    const idx = window(w);
    const rep = attack(idx.map((i) => rows[i]!), idx.map((i) => published[i]!), opts);
    assert.deepEqual(rep.recovered, [], w);
  }
  const rep = attack(rows, published, opts);
  assert.deepEqual(rep.inconsistent, []);
  assert.ok(rep.recovered.some((x) => x.includes('= 2')), `the 2023 cell (2 persons) from the two pools: ${rep.recovered.join('; ')}`);
});

test('anchoredPools: windows that do not overlap, ending at the latest complete year of each sub-table', () => {
  const yearly: ResultRow[] = [];
  for (let y = 2015; y <= 2023; y++) yearly.push(cell({ periode: y, region: '1101', teller: 5, nevner: 20 }));
  yearly.push({ ...cell({ periode: 2024, region: '1101', teller: 5, nevner: 20 }), forelopig: true });
  // Another sub-table (botid 2) whose latest year is 2022.
  for (let y = 2016; y <= 2022; y++) yearly.push(cell({ periode: y, region: '1101', teller: 5, nevner: 20, botid: 2 }));
  const rolling = withPools(yearly.filter((r) => !r.forelopig && r.botid === null), 3).concat(withPools(yearly.filter((r) => r.botid === 2), 3));
  const { rows, dropped } = anchoredPools([...rolling, yearly.find((r) => r.forelopig)!]);
  const kept = (botid: number | null) => rows.filter((r) => (r.vindu ?? 1) > 1 && r.botid === botid).map(periodeKey).sort();
  assert.deepEqual(kept(null), ['2015-2017', '2018-2020', '2021-2023']);
  assert.deepEqual(kept(2), ['2017-2019', '2020-2022']); // anchored at 2022, not at the other sub-table's 2023
  assert.equal(dropped, rolling.filter((r) => (r.vindu ?? 1) > 1).length - 5);
  assert.equal(rows.filter((r) => (r.vindu ?? 1) === 1).length, yearly.length, 'every yearly cell is kept');
});

for (const [seed, scale] of [[2, 10], [4, 60]] as const) {
  test(`non-overlapping windows: each window is a universe with its own years only; nothing recoverable (synthetic, seed ${seed})`, { timeout: 600_000 }, async () => {
    const yearly = syntheticRows({ seed, fylker: 2, kommunerPerFylke: 3, perioder: 7, scale });
    const { rows } = anchoredPools(withPools(yearly, 3));
    const years = [...new Set(yearly.map((r) => r.periode))].sort((a, b) => a - b);
    const windows = [...new Set(rows.filter((r) => (r.vindu ?? 1) > 1).map(periodeKey))].sort();
    assert.deepEqual(windows, [`${years[1]}-${years[3]}`, `${years[4]}-${years[6]}`]);
    // One universe per (indikator, kohort, botid) and window, plus the first year alone: no universe spans two windows.
    const lists = universes(rows);
    for (const list of lists) {
      const periods = new Set(list.map((i) => periodeKey(rows[i]!)));
      const pools = [...periods].filter((p) => p.includes('-'));
      assert.ok(pools.length <= 1 && periods.size <= 4, [...periods].join(', '));
    }
    const { rows: safe, summary } = await protectParallel(rows, syntheticCatalogue(), DEFAULT_DISCLOSURE, { workers: 2 });
    assertNoUnsafeCells(safe);
    const rep = attack(rows, safe, opts);
    assert.deepEqual(rep.inconsistent, []);
    assert.deepEqual(rep.recovered, []);
    assert.doesNotMatch(summary.method, /WARNING/);
    const pools = safe.filter((r) => (r.vindu ?? 1) > 1);
    console.log(`seed ${seed}: ${rows.length} cells, ${pools.length} pooled (${pools.filter((r) => r.status === '').length} published), ${lists.length} universes, recovered ${rep.recovered.length}`);
  });
}
