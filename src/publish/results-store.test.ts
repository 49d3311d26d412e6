/** saveResults / loadResults on an in-memory store: round trip, filters, replacement, bound parameters. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../store/index.ts';
import { loadResults, resultsQuery, saveResults } from './results-store.ts';
import { readAvailability, readDataVersion, readPublication, readStoredCatalogue } from './pub-meta.ts';
import { fixtureRows } from '../../test/fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../../test/fixtures/fixture-catalogue.ts';

const meta = { disclosure: 'on' as const, generatedAt: '2024-06-01T12:00:00Z', thresholds: { minNevner: 10 } };
const key = (r: { indikator: string; maal: string; periode: number; region: string; gruppe: string; lovregime: string; kjonn: string; botid: number | null }) =>
  [r.indikator, r.maal, r.periode, r.region, r.gruppe, r.lovregime, r.kjonn, r.botid].join('|');

describe('results persistence', () => {
  it('round-trips every row and the metadata', async () => {
    const store = await openStore(':memory:');
    try {
      const rows = fixtureRows();
      await saveResults(store, rows, meta, { availability: { a: 1 }, catalogue: FIXTURE_CATALOGUE });
      for (const id of ['I1', 'I3', 'R1']) {
        const back = await loadResults(store, { indikator: id });
        const want = rows.filter((r) => r.indikator === id);
        assert.equal(back.length, want.length);
        const byKey = new Map(want.map((r) => [key(r), r]));
        for (const r of back) assert.deepEqual(r, byKey.get(key(r)));
      }
      assert.deepEqual(await readPublication(store), meta);
      assert.deepEqual(await readAvailability(store), { a: 1 });
      assert.equal((await readStoredCatalogue(store))?.length, 3);
    } finally {
      await store.close();
    }
  });

  it('filters by value lists per dimension, incl. numbers and the empty botid', async () => {
    const store = await openStore(':memory:');
    try {
      await saveResults(store, fixtureRows(), meta);
      const oslo = await loadResults(store, { indikator: 'I1', region: ['0301', '0'], periode: ['2022'], gruppe: ['alle'] });
      assert.equal(oslo.length, 4); // 2 measures × 2 regions
      assert.ok(oslo.every((r) => ['0301', '0'].includes(r.region) && r.periode === 2022));
      const botid2 = await loadResults(store, { indikator: 'R1', botid: ['2'], kjonn: ['alle'], region: ['0'] });
      assert.equal(botid2.length, 2);
      assert.equal((await loadResults(store, { indikator: 'I1', botid: ['ingen'] })).length, 48);
      assert.equal((await loadResults(store, { indikator: 'I1', maal: [] })).length, 0);
      assert.equal((await loadResults(store, { indikator: 'X9' })).length, 0);
    } finally {
      await store.close();
    }
  });

  it('replaces previous content and changes the data version', async () => {
    const store = await openStore(':memory:');
    try {
      await saveResults(store, fixtureRows(), meta);
      const v1 = await readDataVersion(store);
      await saveResults(store, fixtureRows().filter((r) => r.indikator === 'I3'), { ...meta, disclosure: 'off' });
      assert.notEqual(await readDataVersion(store), v1);
      assert.equal((await loadResults(store, { indikator: 'I1' })).length, 0);
      assert.equal((await loadResults(store, { indikator: 'I3' })).length, 6);
      assert.equal((await readPublication(store))?.disclosure, 'off');
    } finally {
      await store.close();
    }
  });

  it('binds every value: SQL text never contains user input', () => {
    const hostile = "x'; DROP TABLE pub_resultater;--";
    const { sql, params } = resultsQuery({ indikator: hostile, region: [hostile, '0301'] });
    assert.ok(!sql.includes('DROP'), sql);
    assert.deepEqual(params, [hostile, hostile, '0301']);
    assert.throws(() => resultsQuery({ indikator: 'I1', periode: ['2022 OR 1=1'] }), /not a period/);
    assert.throws(() => resultsQuery({ indikator: 'I1', botid: ['2 OR 1=1'] }), /not an integer/);
    // A pooled period binds its last year and window length.
    const pooled = resultsQuery({ indikator: 'I1', periode: ['2021-2023', '2023'] });
    assert.deepEqual(pooled.params, ['I1', 2023, 3, 2023, 1]);
  });
});
