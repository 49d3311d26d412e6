import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore } from '../store/index.ts';
import type { ResultRow } from '../contract/results.ts';
import { filterResults } from './results-filter.ts';
import { loadResults, saveResults } from './results-store.ts';
import type { ResultFilter } from './types.ts';

const base: ResultRow = {
  indikator: 'R1', maal: 'andel', ledd: 'integreringsresultat', kohort: 'bosettingskohort', periode: 2020, botid: 1,
  lovregime: 'alle', regionniva: 'kommune', region: '0301', gruppe: 'intro', kjonn: 'alle',
  teller: 10, nevner: 20, verdi: 50, ki_nedre: 30, ki_ovre: 70, mangler: 0, status: '',
};
const rows: ResultRow[] = [
  base,
  { ...base, region: '4601' },
  { ...base, periode: 2021, botid: 2 },
  { ...base, indikator: 'I1', ledd: 'innsats', kohort: 'aktive', botid: null },
  { ...base, indikator: 'I1', ledd: 'innsats', kohort: 'aktive', botid: null, region: '0' , regionniva: 'land' },
];

const filters: ResultFilter[] = [
  { indikator: 'R1' },
  { indikator: 'R1', region: ['0301'] },
  { indikator: 'R1', region: ['0301', '4601'], periode: ['2020'] },
  { indikator: 'R1', botid: ['2'] },
  { indikator: 'I1', botid: ['ingen'] },
  { indikator: 'I1', botid: ['1'] },
  { indikator: 'X9' },
];

test('the in-memory filter returns exactly what the SQL filter returns', async () => {
  const store = await openStore(':memory:');
  await saveResults(store, rows, { disclosure: 'on', generatedAt: '2026-01-01T00:00:00Z' });
  for (const f of filters) {
    const sql = await loadResults(store, f);
    const all = await loadResults(store, { indikator: f.indikator });
    assert.deepEqual(filterResults(all, f), sql, JSON.stringify(f));
  }
  assert.equal(filterResults(rows, { indikator: 'R1', region: ['0301'] }).length, 2);
  await store.close();
});
