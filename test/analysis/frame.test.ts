/** Analysis frames: the generated SQL and the rows on the engine's hand-checked fixture. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frameContext } from '../../src/analysis/context.ts';
import { dropFrameSource, frameSql, loadFrame, loadFrameFrom, prepareFrameSource } from '../../src/analysis/frame.ts';
import { A4C_OUTCOME, OUTCOMES } from '../../src/analysis/outcomes.ts';
import { buildDesign, frameTerms } from '../../src/analysis/design.ts';
import { fixtureStore } from '../engine/fixture-store.ts';
import { HAND_DATA, LAST_DATE } from '../engine/hand-checked-data.ts';

const outcome = (key: string) => OUTCOMES.find((o) => o.key === key)!;

const DATA = {
  ...HAND_DATA,
  kommune_aar: [
    { kommune: '0301', aar: 2022, ledighet: 3.1, ledighet_innvandrere: 7.5, sentralitet: 1 },
    { kommune: '0301', aar: 2023, ledighet: 2.9, ledighet_innvandrere: 7.0, sentralitet: 1 },
  ],
  nasjonalt_aar: [{ aar: 2022, ledighet: 1.8 }, { aar: 2023, ledighet: 1.8 }],
};

test('frame SQL: outcome year = settlement year + botid, resident on 1 November, kommune_aar joined on the outcome year', () => {
  const ctx = { tables: new Set(['personer', 'utfall', 'kommune_aar', 'nasjonalt_aar']), lastDate: '2024-12-31', lastOutcomeYear: 2023, averageG: new Map([[2022, 109784]]) };
  const text = frameSql(outcome('R2_b2'), ctx);
  assert.match(text, /uf\.aar = \(b\.bosatt_aar \+ 2\)/);
  assert.match(text, /b\.utvandret_dato >= make_date\(CAST\(\(b\.bosatt_aar \+ 2\) AS INTEGER\), 11, 1\)/);
  assert.match(text, /LEFT JOIN kommune_aar ka ON ka\.kommune = b\.kommune AND ka\.aar = u\.maaleaar/);
  assert.match(text, /CASE WHEN uf\.person_id IS NULL THEN NULL ELSE uf\.sysselsatt END AS y/);
  // Without kommune_aar the controls are NULL (counted as missing), not an error.
  const bare = frameSql(outcome('R2_b2'), { ...ctx, tables: new Set(['personer', 'utfall']) });
  assert.doesNotMatch(bare, /JOIN kommune_aar/);
  assert.match(frameSql(outcome('R3_b2'), ctx), /\(VALUES \(2022, 109784\)\) AS g\(aar, verdi\)/);
});

test('frame rows on the hand-checked data: outcome, missing outcome counted, covariates and their missing category', async () => {
  const store = await fixtureStore(DATA, LAST_DATE);
  try {
    const ctx = await frameContext(store);
    // R2 one year after settlement: A (2021 → 2022, not employed) and B (2021 → 2022, not employed);
    // C (2019 → 2020) and D (2020 → 2021) have no utfall row: missing, left out and counted.
    const f = await loadFrame(store, outcome('R2_b1'), ctx);
    assert.equal(f.n, 2);
    assert.equal(f.outcomeMissing, 2);
    assert.deepEqual([...f.y], [0, 0]);
    const kommuner = [...f.kommune.codes].map((c) => f.kommune.levels[c]);
    assert.deepEqual(kommuner, ['0301', '3101']);
    assert.deepEqual([...f.periode], [2021, 2021]);
    assert.deepEqual([...f.maaleaar], [2022, 2022]);
    assert.deepEqual([...f.nyLov], [1, 1]);
    const age = f.factors.get('aldersgruppe')!;
    // A born 1990-01: 32 on 1 Nov 2022 → band 30; B born 2000-05: 22 → band 20.
    assert.deepEqual([...age.codes].map((c) => age.levels[c]), ['30', '20']);
    const sentr = f.factors.get('sentralitet')!;
    assert.deepEqual([...sentr.codes].map((c) => sentr.levels[c]), ['1', 'mangler']);
    const led = f.numerics.get('ledighet')!;
    assert.equal(led[0], 3.1);
    assert.ok(Number.isNaN(led[1]!));
    // R1 two years after: A (2023) is employed → 1; B has no 2023 row → missing.
    const g = await loadFrame(store, outcome('R1_b2'), ctx);
    assert.equal(g.n, 1);
    assert.deepEqual([...g.y], [1]);
    // The design counts the missing category of each covariate, never drops the row.
    const built = buildDesign(f.n, { ...frameTerms(f, ['sentralitet'], ['ledighet']), minLevel: 1 });
    assert.equal(built.missing['sentralitet'], 1);
    assert.equal(built.missing['ledighet'], 1);
    assert.equal(built.design.n, 2);
    assert.deepEqual(built.design.names, ['Intercept', 'sentralitet[mangler]', 'ledighet', 'ledighet_mangler']);
  } finally {
    await store.close();
  }
});

test('the fast frame path (persons read once, one number per row) gives the reference frame exactly, every outcome', async () => {
  const store = await fixtureStore(DATA, LAST_DATE);
  try {
    const ctx = await frameContext(store);
    const outcomes = [...OUTCOMES, A4C_OUTCOME].filter((o) => o.tables.every((t) => ctx.tables.has(t)));
    const src = await prepareFrameSource(store, ctx, outcomes);
    let rows = 0;
    for (const o of outcomes) {
      const ref = await loadFrame(store, o, ctx);
      const fast = await loadFrameFrom(store, o, ctx, src);
      rows += ref.n;
      assert.equal(fast.n, ref.n, o.key);
      assert.equal(fast.outcomeMissing, ref.outcomeMissing, o.key);
      for (const k of ['y', 'periode', 'maaleaar', 'nyLov'] as const) assert.deepEqual([...fast[k]], [...ref[k]], `${o.key} ${k}`);
      for (const k of ['kommune', 'fylke', 'undergruppe'] as const) {
        assert.deepEqual(fast[k].levels, ref[k].levels, `${o.key} ${k}`);
        assert.deepEqual([...fast[k].codes], [...ref[k].codes], `${o.key} ${k}`);
      }
      for (const [name, f] of ref.factors) {
        assert.deepEqual(fast.factors.get(name)!.levels, f.levels, `${o.key} ${name}`);
        assert.deepEqual([...fast.factors.get(name)!.codes], [...f.codes], `${o.key} ${name}`);
      }
      for (const [name, v] of ref.numerics) assert.deepEqual([...fast.numerics.get(name)!], [...v], `${o.key} ${name}`);
    }
    // The fixture must exercise the path (rows in several outcomes, a missing outcome, missing controls).
    assert.ok(rows >= 5, `only ${rows} rows over all outcomes`);
    await dropFrameSource(store);
  } finally {
    await store.close();
  }
});
