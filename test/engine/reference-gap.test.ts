/**
 * R3 `gap_befolkning` (output contract: "percentage points against the municipality's reference
 * rate"; indicators.md R3: "where the municipality's reference rate is given, also the gap to
 * it"), worked out by hand on the six persons of hand-checked-data.ts plus three reference rates.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorById } from '../../src/catalogue/index.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { computeAll } from '../../src/engine/index.ts';
import type { Store } from '../../src/store/index.ts';
import { fixtureStore } from './fixture-store.ts';
import { HAND_DATA, LAST_DATE } from './hand-checked-data.ts';

// kommune_aar.ref_inntekt_over_2g: 0301 in 2022 and 2023, 3101 in 2022 only (2023 not given).
const KOMMUNE_AAR = [
  { kommune: '0301', aar: 2022, ref_inntekt_over_2g: 62.5 },
  { kommune: '0301', aar: 2023, ref_inntekt_over_2g: 64 },
  { kommune: '3101', aar: 2022, ref_inntekt_over_2g: 55 },
  { kommune: '3101', aar: 2023, ref_inntekt_over_2g: null },
];

const r3 = indicatorById('R3')!;
let store: Store;
let rows: ResultRow[];
let withoutTable: ResultRow[];

before(async () => {
  store = await fixtureStore({ ...HAND_DATA, kommune_aar: KOMMUNE_AAR }, LAST_DATE);
  rows = (await computeAll(store, { definitions: [r3] })).rows;
  const plain = await fixtureStore(HAND_DATA, LAST_DATE);
  withoutTable = (await computeAll(plain, { definitions: [r3] })).rows;
  await plain.close();
});
after(async () => store.close());

function one(maal: string, botid: number, region: string): ResultRow {
  const found = rows.filter((r) => r.maal === maal && r.periode === 2021 && r.botid === botid && r.regionniva === 'kommune'
    && r.region === region && r.gruppe === 'alle' && r.lovregime === 'alle' && r.kjonn === 'alle');
  assert.equal(found.length, 1, `${maal} ${botid} ${region}: ${found.length} cells`);
  return found[0]!;
}

describe('R3 gap to the municipality reference rate', () => {
  it('is the share minus the reference, in percentage points, for the measurement year', () => {
    // Settlement cohort 2021, botid 1 = 2022 (2G = 219 568.67, see hand-checked.test.ts):
    // 0301: A 50 000 → 0 of 1 = 0 %; reference 62.5 → gap −62.5.
    // 3101: B 0 no, E (not settled, counted in 3101) 250 000 yes → 1 of 2 = 50 %; reference 55 → −5.0.
    // botid 2 = 2023: 0301: A 300 000 ≥ 232 478 → 1 of 1 = 100 %; reference 64 → +36.0.
    const cases: [number, string, number, number][] = [[1, '0301', 62.5, -62.5], [1, '3101', 55, -5], [2, '0301', 64, 36]];
    for (const [botid, region, ref, gap] of cases) {
      const share = one('andel', botid, region);
      const g = one('gap_befolkning', botid, region);
      assert.equal(g.verdi, gap, `${botid} ${region}`);
      // a difference has no numerator; the persons behind it are the share's
      assert.deepEqual(
        { teller: g.teller, nevner: g.nevner, mangler: g.mangler, status: g.status, ledd: g.ledd, kohort: g.kohort },
        { teller: null, nevner: share.nevner, mangler: share.mangler, status: '', ledd: 'integreringsresultat', kohort: 'bosettingskohort' },
      );
      // the reference is a register figure (no sampling error): the share's interval, shifted
      assert.ok(Math.abs(g.ki_nedre! - (share.ki_nedre! - ref)) <= 0.1 && Math.abs(g.ki_ovre! - (share.ki_ovre! - ref)) <= 0.1, JSON.stringify([g, share]));
      assert.ok(g.ki_nedre! <= g.verdi! && g.verdi! <= g.ki_ovre!);
    }
  });

  it('is "no data" where the share is, and absent where no reference is given', () => {
    // 3101 in 2023 (botid 2): B has no utfall row (missing), E emigrated → share is `..`;
    // its reference is NULL, so there is no gap row at all.
    assert.equal(one('andel', 2, '3101').status, '..');
    assert.ok(!rows.some((r) => r.maal === 'gap_befolkning' && r.region === '3101' && r.botid === 2));
  });

  it('exists at municipality level only, and not at all without kommune_aar', () => {
    const gaps = rows.filter((r) => r.maal === 'gap_befolkning');
    // alle and the target groups of A (intro), B (intro) and E in three municipality-years
    assert.ok(gaps.length >= 3);
    assert.ok(gaps.every((r) => r.regionniva === 'kommune'));
    assert.ok(!withoutTable.some((r) => r.maal === 'gap_befolkning'));
    // and the share itself is unchanged by the reference table
    const key = (r: ResultRow) => JSON.stringify(r);
    assert.deepEqual(withoutTable.map(key).sort(), rows.filter((r) => r.maal !== 'gap_befolkning').map(key).sort());
  });
});
