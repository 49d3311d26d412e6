/**
 * SQL at two levels (style guide §7): the compiled text of a small definition, then its rows on a
 * tiny fixture. On failure the SQL is printed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indicatorById, type IndicatorDef } from '../../src/catalogue/index.ts';
import { compileIndicator, preparePersonFacts, tableNames, type CompileContext } from '../../src/engine/index.ts';
import { batchKey, compileBatch, planIndicator, renderPlan } from '../../src/engine/compile.ts';
import { groupingSets } from '../../src/engine/grouping.ts';
import { finalizeBatch, frameOf } from '../../src/engine/finalize.ts';
import type { ResultRow } from '../../src/contract/results.ts';
import { fixtureStore } from './fixture-store.ts';
import { HAND_DATA, LAST_DATE } from './hand-checked-data.ts';

const i4 = indicatorById('I4')!;
// I4 reduced to one measure: share extended among intro participants by completion year (I4's
// default is the start cohort, catalogue/windows.ts; the completion cohort is pinned here).
const SMALL: IndicatorDef = { ...i4, kohort: 'avslutningskohort', population: { kind: 'intro', cohort: 'avslutningskohort' }, measures: [i4.measures[1]!] };
const CTX: CompileContext = { tables: new Set(), lastDate: LAST_DATE, lastOutcomeYear: null, averageG: new Map(), citizenshipRank: new Map() };

const EXPECTED_HEAD = `WITH u AS (
  SELECT pf.*, pf.maalgruppe AS g1, pf.undergruppe AS g2, pf.fylke_ansvarlig AS fylke, pf.kommune_ansvarlig AS kommune, CAST(year(COALESCE(pf.intro_slutt, pf.avslutning_dato)) AS INTEGER) AS periode, CAST(NULL AS INTEGER) AS botid, CAST(NULL AS INTEGER) AS maaleaar
  FROM person_fakta pf WHERE pf.intro_vedtak IS NOT NULL
),
f AS (
  SELECT u.periode, u.botid, u.lovregime, u.g1, u.g2, u.fylke, u.kommune, u.kjonn,
    u."forlenget" AS m0_v
  FROM u
),
c AS (
  SELECT periode, botid, lovregime, g1, g2, fylke, kommune, kjonn,
    count(*) AS m0_tot,
    count(m0_v) AS m0_n,
    sum(CAST(m0_v AS INTEGER)) AS m0_s
  FROM f
  WHERE periode IS NOT NULL
  GROUP BY ALL
)
SELECT periode, botid, lovregime, g1, g2, fylke, kommune, kjonn,
  GROUPING(lovregime) AS gr_lovregime, GROUPING(g1) AS gr_g1, GROUPING(g2) AS gr_g2,
  GROUPING(fylke) AS gr_fylke, GROUPING(kommune) AS gr_kommune, GROUPING(kjonn) AS gr_kjonn,
  CAST(sum(m0_tot) AS DOUBLE) AS m0_tot,
  CAST(sum(m0_n) AS DOUBLE) AS m0_n,
  CAST(sum(m0_s) AS DOUBLE) AS m0_s
FROM c
GROUP BY GROUPING SETS (
    (periode, botid, lovregime, g1, g2),
    (periode, botid, lovregime, g1, g2, kjonn),
    (periode, botid, g1, g2),`;

describe('compiled SQL', () => {
  const compiled = compileIndicator(SMALL, CTX);

  it('is a frozen plan rendered through the dialect (plan, then compile)', () => {
    const plan = planIndicator(SMALL, CTX);
    assert.ok(Object.isFrozen(plan) && Object.isFrozen(plan.measures) && Object.isFrozen(plan.helpers));
    assert.equal(plan.measures.length, 1);
    assert.deepEqual(plan.columns, [['u."forlenget"', 'm0_v']]);
    assert.throws(() => (plan.measures as unknown[]).push(null), TypeError);
    assert.equal(renderPlan(plan).sql, compiled.sql);
  });

  it('has the expected text for a one-measure definition', () => {
    assert.ok(compiled.sql.startsWith(EXPECTED_HEAD), `SQL was:\n${compiled.sql}`);
    assert.equal(compiled.sql.match(/^\s+\(periode, botid/gm)?.length, groupingSets().length, `SQL was:\n${compiled.sql}`);
  });

  it('uses municipality-level sets without regime, sex or subgroups', () => {
    const kommuneSets = groupingSets().filter((s) => s.includes('kommune'));
    assert.equal(kommuneSets.length, 2);
    assert.ok(kommuneSets.every((s) => !s.includes('lovregime') && !s.includes('kjonn') && !s.includes('g2')));
    // county level never crosses regime with sex
    assert.ok(groupingSets().every((s) => !(s.includes('fylke') && s.includes('kjonn') && s.includes('lovregime'))));
  });

  it('joins helper tables only when a fact needs them', () => {
    const i2 = compileIndicator(indicatorById('I2')!, CTX);
    assert.match(i2.sql, /LEFT JOIN elj ON elj\.person_id = u\.person_id AND elj\.periode = u\.periode/);
    assert.deepEqual([...i2.tables].sort(), ['elementer', 'introprogram', 'personer']);
    assert.doesNotMatch(compiled.sql, /LEFT JOIN/);
  });

  it('honours an allowed cohort override and ignores a disallowed one', () => {
    assert.equal(compileIndicator(SMALL, { ...CTX, cohort: 'startkohort' }).cohort, 'startkohort');
    assert.equal(compileIndicator(SMALL, { ...CTX, cohort: 'aktive' }).cohort, 'avslutningskohort');
  });

  it('drops the rows of non-published groups in SQL (HAVING), as finalize would', () => {
    assert.match(compiled.sql, /\nHAVING GROUPING\(g1\) = 1 OR \(GROUPING\(g2\) = 1 AND g1 IN \(/);
  });

  it('batches link-3 indicators into one query whose measures share count columns', () => {
    const ctx3: CompileContext = { ...CTX, lastOutcomeYear: 2024, averageG: new Map([[2024, 122225]]) };
    const defs = ['R1', 'R2', 'R4', 'R6'].map((id) => indicatorById(id)!);
    // Same unit rows (settlement cohort × years since settlement) → same key → one query.
    assert.equal(new Set(defs.map((d) => batchKey(d, ctx3))).size, 1);
    const batch = compileBatch(defs, () => ctx3)!;
    assert.deepEqual(batch.parts.map((p) => p.def.id), ['R1', 'R2', 'R4', 'R6']);
    assert.equal(batch.sql.match(/\bFROM u\b/g)?.length, 1, batch.sql);
    const [r1, r2, r4, r6] = batch.parts.map((p) => p.measures);
    // R1, R2 and R4 count every resident unit: one shared total column; R6 (among the employed) its own.
    assert.equal(r1![0]!.columns.tot, 'm0_tot');
    assert.equal(r2![0]!.columns.tot, 'm0_tot');
    assert.ok(r4!.every((m) => m.columns.tot === 'm0_tot'));
    assert.notEqual(r6![0]!.columns.tot, 'm0_tot');
    // R4 (education, never NULL once the outcome row exists) counts known values by has_row, once.
    assert.ok(r4!.every((m) => m.columns.n === r4![0]!.columns.n));
    assert.match(batch.sql, /count\(\*\) FILTER \(WHERE has_row\) AS m2_n/);
    // R1's numerator may be NULL with a row present: its own count of known values.
    assert.equal(r1![0]!.columns.n, 'm0_n');
  });

  it('returns the expected rows on the tiny fixture', async () => {
    const store = await fixtureStore(HAND_DATA, LAST_DATE);
    try {
      const tables = await tableNames(store);
      await preparePersonFacts(store, tables);
      const rows = await store.all(
        `SELECT periode, CAST(m0_tot AS INTEGER) AS tot, CAST(m0_s AS INTEGER) AS s FROM (${compiled.sql})
         WHERE gr_g1 = 1 AND gr_lovregime = 1 AND gr_fylke = 1 AND gr_kjonn = 1 ORDER BY periode`,
      );
      // Completers: C 2021 (extended), D 2022, A 2023 (not extended); B is still running.
      assert.deepEqual(rows, [
        { periode: 2021, tot: 1, s: 1 },
        { periode: 2022, tot: 1, s: 0 },
        { periode: 2023, tot: 1, s: 0 },
      ], `SQL was:\n${compiled.sql}`);
    } finally {
      await store.close();
    }
  });
  it('computes a count measure with the share\'s SQL, publishing the count itself without an interval', async () => {
    // The same fact as a count (catalogue/measure-kinds.ts: flag_sum aggregation, no interval, teller published).
    const count: IndicatorDef = { ...SMALL, measures: [{ ...SMALL.measures[0]!, kind: 'count', enhet: 'antall' }] };
    const ci = compileIndicator(count, CTX);
    assert.equal(ci.sql, compiled.sql, 'a count aggregates like a share');
    const store = await fixtureStore(HAND_DATA, LAST_DATE);
    try {
      await preparePersonFacts(store, await tableNames(store));
      const frame = frameOf(await store.all(ci.sql));
      const land = (rows: readonly ResultRow[]) =>
        rows.filter((r) => r.region === '0' && r.gruppe === 'alle' && r.lovregime === 'alle' && r.kjonn === 'alle')
          .sort((a, b) => a.periode - b.periode).map((r) => [r.periode, r.teller, r.nevner, r.verdi, r.ki_nedre, r.ki_ovre]);
      assert.deepEqual(land(finalizeBatch([ci], frame).get(count.id)!), [
        [2021, 1, 1, 1, null, null],
        [2022, 0, 1, 0, null, null],
        [2023, 0, 1, 0, null, null],
      ]);
      // The share of the same cells: per cent with a Wilson interval.
      const shares = land(finalizeBatch([compiled], frame).get(SMALL.id)!);
      assert.deepEqual(shares.map((r) => r.slice(0, 4)), [[2021, 1, 1, 100], [2022, 0, 1, 0], [2023, 0, 1, 0]]);
      assert.ok(shares.every((r) => r[4] !== null && r[5] !== null));
    } finally {
      await store.close();
    }
  });
});
