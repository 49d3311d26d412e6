/**
 * Complete cohorts only (issue 11): on the window fixture (last date 2024-06-30), every windowed
 * indicator publishes its complete cohorts and no cohort whose window is still open — the years
 * below are worked out by hand from each indicator's window (src/catalogue/windows.ts). Each
 * "absent" case is one the engine published before the rule, from the part of the cohort that had
 * finished. Then pooled municipal windows: a pool's counts are the sums of its years' counts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFINITIONS, WINDOWS } from '../../src/catalogue/index.ts';
import { periodeKey, type ResultRow } from '../../src/contract/results.ts';
import { computeAll, type ComputeResult } from '../../src/engine/index.ts';
import type { Store } from '../../src/store/index.ts';
import { fixtureStore } from './fixture-store.ts';
import { WINDOW_DATA, WINDOW_LAST_DATE } from './window-data.ts';

let store: Store;
let result: ComputeResult;
let pooled: ResultRow[];
let preliminary: ResultRow[];

before(async () => {
  store = await fixtureStore(WINDOW_DATA, WINDOW_LAST_DATE);
  result = await computeAll(store);
  pooled = (await computeAll(store, { poolYears: 3 })).rows;
  preliminary = (await computeAll(store, { definitions: DEFINITIONS.filter((d) => d.id === 'I3'), preliminary: true })).rows;
});
after(async () => store.close());

const yearly = (id: string, maal?: string) =>
  result.rows.filter((r) => r.indikator === id && !r.vindu && (maal === undefined || r.maal === maal));
/** Cohort years present for an indicator (measurement year for link 3 when `measured`). */
const years = (id: string, maal?: string, measured = false) =>
  new Set(yearly(id, maal).map((r) => r.periode + (measured ? r.botid ?? 0 : 0)));

function cohorts(id: string, present: readonly number[], absent: readonly number[], maal?: string): void {
  const got = years(id, maal);
  for (const y of present) assert.ok(got.has(y), `${id}${maal ? ` ${maal}` : ''}: complete cohort ${y} is published (got ${[...got].join(', ')})`);
  for (const y of absent) assert.ok(!got.has(y), `${id}${maal ? ` ${maal}` : ''}: cohort ${y} has an open window and must be withheld`);
}

describe('complete cohorts only (data last date 2024-06-30)', () => {
  it('every indicator states a window for each cohort it allows, with a reason', () => {
    for (const d of DEFINITIONS) {
      const w = WINDOWS[d.id];
      assert.ok(w, `${d.id}: no observation window`);
      for (const k of d.kohorter) assert.ok(w.byCohort[k], `${d.id}: no window for cohort ${k}`);
      assert.ok(w.reason.nb.length > 20 && w.reason.en.length > 20, `${d.id}: reason`);
    }
  });

  it('I4 defaults to start cohorts (completion cohorts bias recent years)', () => {
    assert.equal(DEFINITIONS.find((d) => d.id === 'I4')!.kohort, 'startkohort');
    assert.ok(yearly('I4').every((r) => r.kohort === 'startkohort'));
  });

  it('I1, I2, I6 (active in year Y): 2024 is not over', () => {
    for (const id of ['I1', 'I2', 'I6']) cohorts(id, [2023], [2024]);
  });
  it('I3, P4 (settlement cohort, right-and-duty period 36 months): 2021 is not complete until 31 Dec 2024', () => {
    // A, B and E of cohort 2021 have all finished their period, yet 2021 + 36 months is open.
    cohorts('I3', [2020], [2021]);
    cohorts('P4', [2019, 2020], [2021]);
  });
  it('I4 (start cohort, longest programme 48 months): 2019 complete, 2021 and 2024 open', () => {
    cohorts('I4', [2019], [2021, 2024]);
  });
  it('I5 (3 months after settlement): cohort 2024 open although H is past 3 months', () => {
    cohorts('I5', [2021], [2024]);
  });
  it('I7, I8, I9, R10 (municipal year): 2024 is not over', () => {
    for (const id of ['I7', 'I8', 'I9', 'R10']) cohorts(id, [2023], [2024]);
  });
  it('I10, I11, I12 (start cohort, whole programme): 2019 complete, 2021 open', () => {
    for (const id of ['I10', 'I11', 'I12']) cohorts(id, [2019], [2021]);
  });
  it('I13 (settlement cohort, goal adjustable for 36 months): 2020 complete, 2021 and 2024 open', () => {
    cohorts('I13', [2020], [2021, 2024]);
  });
  it('P1, P3 (completion year): 2024 is not over', () => {
    cohorts('P1', [2023], [2024]);
    cohorts('P3', [2023], [2024]);
  });
  it('P2: grunnskole at programme end; vgo within 5 years of start is open for every cohort here', () => {
    cohorts('P2', [2022, 2023], [2024], 'grunnskole');
    assert.equal(yearly('P2', 'vgo').length, 0);
  });
  it('P5 (settlement cohort, 24 months): 2021 complete, 2022 open', () => {
    cohorts('P5', [2021], [2022, 2024]);
  });
  it('R1–R9 (measured 1 November of Y + botid): 2023 measured, 2024 not yet', () => {
    for (const id of ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9']) {
      const got = years(id, undefined, true);
      assert.ok(got.has(2023), `${id}: measurement year 2023 is published`);
      assert.ok(![...got].some((y) => y >= 2024), `${id}: measurement year 2024 (1 Nov 2024) must be withheld`);
    }
  });
  it('counts what it withholds, and publishes it only on request, flagged preliminary', () => {
    assert.ok(result.windows.withheld > 0);
    assert.ok((result.windows.withheldByIndicator['I3'] ?? 0) > 0);
    const i3 = preliminary.filter((r) => r.periode === 2021);
    assert.ok(i3.length > 0 && i3.every((r) => r.forelopig === true));
    assert.ok(preliminary.filter((r) => r.periode === 2020).every((r) => r.forelopig === undefined));
  });
});

describe('pooled municipal windows (3 years)', () => {
  const key = (r: ResultRow, periode: number) => [r.indikator, r.maal, r.kohort, periode, r.botid, r.region, r.gruppe].join('|');

  it('a pool is the sum of its years: nevner, mangler and teller', () => {
    const byKey = new Map(pooled.filter((r) => !r.vindu && r.regionniva === 'kommune').map((r) => [key(r, r.periode), r]));
    const pools = pooled.filter((r) => r.vindu === 3 && r.gruppe !== 'under_25' && r.gruppe !== 'har_vgo' && r.gruppe !== 'ovrige' && r.maal !== 'gap_befolkning');
    let checked = 0;
    for (const p of pools) {
      const parts = [0, 1, 2].map((k) => byKey.get(key(p, p.periode - k)));
      const sum = (f: (r: ResultRow) => number | null) => parts.reduce((a, r) => a + (r ? f(r) ?? 0 : 0), 0);
      assert.equal(p.nevner, sum((r) => r.nevner), `${periodeKey(p)} ${key(p, p.periode)}`);
      assert.equal(p.mangler, sum((r) => r.mangler), `${periodeKey(p)} ${key(p, p.periode)}`);
      if (p.teller !== null) assert.equal(p.teller, sum((r) => r.teller), key(p, p.periode));
      checked++;
    }
    assert.ok(checked > 20, `checked ${checked} pools`);
    // I1 in Oslo 2021-2023: 2 persons active in 2021 (C and A), 1 in 2022, 1 in 2023 → 4 person-years.
    const oslo = pooled.find((r) => r.indikator === 'I1' && r.maal === 'grunnskole' && r.vindu === 3 && r.periode === 2023 && r.region === '0301' && r.gruppe === 'alle');
    assert.ok(oslo);
    assert.equal(periodeKey(oslo), '2021-2023');
    assert.equal((oslo.nevner ?? 0) + (oslo.mangler ?? 0), 4);
  });

  it('pools are municipal, include intro subgroups, and take only complete years inside the data', () => {
    const pools = pooled.filter((r) => r.vindu);
    assert.ok(pools.length > 0 && pools.every((r) => r.vindu === 3 && r.regionniva === 'kommune' && r.lovregime === 'alle' && r.kjonn === 'alle'));
    assert.ok(pools.some((r) => r.gruppe === 'ovrige'));
    const i1 = pools.filter((r) => r.indikator === 'I1');
    // Windows that do not overlap, anchored at the latest complete year: 2021-2023 (2024 is open;
    // 2018-2020 would start before the data, 2019-2021 and 2020-2022 overlap it).
    assert.deepEqual([...new Set(i1.map((r) => r.periode))].sort(), [2023]);
    const windows = (id: string, botid: number | null) => [...new Set(pools.filter((r) => r.indikator === id && r.botid === botid).map(periodeKey))].sort();
    assert.deepEqual(windows('I5', null), ['2019-2021']);
    // Link 3: anchored per years since settlement (each botid is its own sub-table).
    const r1 = [...new Set(pools.filter((r) => r.indikator === 'R1').map((r) => r.botid))];
    assert.ok(r1.length > 1 && r1.every((b) => windows('R1', b).length === 1), JSON.stringify(r1.map((b) => [b, windows('R1', b)])));
    assert.ok(!pools.some((r) => r.indikator === 'I3' && r.periode > 2020));
    // The yearly rows are the same with and without pools (in another order: the query is a UNION).
    const plain = (rows: readonly ResultRow[]) => rows.filter((r) => !r.vindu).map((r) => JSON.stringify(r)).sort();
    assert.deepEqual(plain(pooled), plain(result.rows));
  });
});
