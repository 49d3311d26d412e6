import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ResultRow } from '../contract/results.ts';
import { coverage, informationLoss } from './information-loss.ts';

const base: ResultRow = {
  indikator: 'R1', maal: 'andel', ledd: 'integreringsresultat', kohort: 'bosettingskohort', periode: 2021, botid: 1,
  lovregime: 'alle', regionniva: 'kommune', region: '0301', gruppe: 'alle', kjonn: 'alle',
  teller: null, nevner: null, verdi: null, ki_nedre: null, ki_ovre: null, mangler: null, status: '',
};
const cell = (o: Partial<ResultRow>): ResultRow => ({ ...base, ...o });

// Before protection: country 100 (+4 missing), county 60, municipalities 50, 6 (Halden), 3 (Bergen), 2 (unknown).
const original: ResultRow[] = [
  cell({ regionniva: 'land', region: '0', nevner: 100, mangler: 4 }),
  cell({ regionniva: 'fylke', region: '03', nevner: 60, mangler: 0 }),
  cell({ region: '0301', nevner: 50, mangler: 0 }),
  cell({ region: '3101', nevner: 6, mangler: 0 }),
  cell({ region: '4601', nevner: 3, mangler: 0 }),
  cell({ region: '9999', nevner: 2, mangler: 0 }),
  // Pools 2019-2021 (covers 2021) for Halden published, for Bergen suppressed.
  cell({ region: '3101', vindu: 3, nevner: 20, mangler: 0 }),
  cell({ region: '4601', vindu: 3, nevner: 8, mangler: 0 }),
  // A no-data cell never counts.
  cell({ region: '0301', maal: 'annet', status: '..', nevner: 0, mangler: 7 }),
];
// After protection: Halden and Bergen yearly suppressed with nevner hidden; the Bergen pool too.
const hidden = (r: ResultRow): ResultRow => ({ ...r, status: ':', nevner: null, mangler: null });
const protectedRows = original.map((r) =>
  (r.region === '3101' && !r.vindu) || r.region === '4601' || r.region === '9999' ? hidden(r) : r);

describe('information loss', () => {
  it('shares of cells and persons suppressed per level, persons from the unprotected rows', () => {
    const loss = informationLoss(protectedRows, original);
    assert.deepEqual(loss.land, { cells: 1, suppressedCells: 0, persons: 104, suppressedPersons: 0, unknownPersons: 0, withheldCells: 0, withheldPersons: 0, cellShare: 0, personShare: 0 });
    // kommune: 6 cells (4 yearly + 2 pools), suppressed 3101, 4601, 9999 and the Bergen pool.
    assert.equal(loss.kommune.cells, 6);
    assert.equal(loss.kommune.suppressedCells, 4);
    assert.equal(loss.kommune.cellShare, 4 / 6);
    assert.equal(loss.kommune.persons, 50 + 6 + 3 + 2 + 20 + 8);
    assert.equal(loss.kommune.suppressedPersons, 6 + 3 + 2 + 8);
  });

  it('cells of a withheld split (status .) are counted on their own, not as suppressed', () => {
    const split = cell({ regionniva: 'fylke', region: '03', lovregime: 'integreringsloven', nevner: 40, mangler: 1 });
    const loss = informationLoss([...protectedRows, { ...split, status: '.', nevner: null, mangler: null }], [...original, split]);
    assert.equal(loss.fylke.withheldCells, 1);
    assert.equal(loss.fylke.withheldPersons, 41);
    assert.equal(loss.fylke.cells, 1);
    assert.equal(loss.fylke.suppressedCells, 0);
    assert.equal(loss.land.withheldCells, 0);
  });

  it('without the unprotected rows, hidden counts are reported as unknown', () => {
    const loss = informationLoss(protectedRows);
    assert.equal(loss.kommune.unknownPersons, 4);
    assert.equal(loss.kommune.persons, 50 + 20);
    assert.equal(loss.kommune.suppressedPersons, 0);
  });

  it('coverage: persons in a municipality with a published yearly figure, else a pool covering the year', () => {
    const c = coverage(protectedRows, { indikator: 'R1', maal: 'andel', periode: 2021, botid: 1 }, original);
    // 50 Oslo (yearly) + 6 Halden (pool 2019-2021) of 59; Bergen's pool is suppressed; 9999 apart.
    assert.deepEqual(c, { persons: 59, yearly: 50, pooled: 6, share: 56 / 59, unknownMunicipality: 2, unknownPersons: 0 });
    // A pool ending before the year does not cover it.
    const later = coverage(protectedRows.map((r) => (r.vindu ? { ...r, periode: 2020 } : r)), { indikator: 'R1', maal: 'andel', periode: 2021, botid: 1 }, original);
    assert.equal(later.pooled, 0);
    // Another botid is another cohort cell: nothing there.
    assert.equal(coverage(protectedRows, { indikator: 'R1', maal: 'andel', periode: 2021, botid: 2 }, original).persons, 0);
  });
});
