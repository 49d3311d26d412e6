/**
 * The municipality card's fallback (issue 11 item 3): the year if published, else the pooled window
 * that holds the year (windows do not overlap), else the county's year; never a pool of other years.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResultRow } from '../../../contract/results.ts';
import { periodeKey } from '../../../contract/results.ts';
import { fallbackFigure } from './municipality.tsx';

function row(p: Partial<ResultRow>): ResultRow {
  return {
    indikator: 'X1', maal: 'b1', ledd: 'programresultat', kohort: 'bosettingskohort', periode: 2020, botid: null,
    lovregime: 'alle', regionniva: 'kommune', region: '1820', gruppe: 'alle', kjonn: 'alle',
    teller: 5, nevner: 10, verdi: 50, ki_nedre: 20, ki_ovre: 80, mangler: 0, status: '', ...p,
  };
}
const hidden = { status: ':' as const, teller: null, nevner: null, verdi: null };

test('a suppressed year falls back to the pool holding it, then the county, never to a pool of other years', () => {
  const rows = [
    ...[2018, 2019, 2020, 2021, 2022, 2023].map((periode) => row({ periode, ...hidden })),
    row({ periode: 2020, vindu: 3, verdi: 41 }),
    row({ periode: 2023, vindu: 3, verdi: 44 }),
    row({ periode: 2017, regionniva: 'fylke', region: '18', verdi: 30 }),
    row({ periode: 2019, regionniva: 'fylke', region: '18', verdi: 31 }),
  ];
  const key = { maal: 'b1', gruppe: 'alle' as const, lovregime: 'alle' as const, kjonn: 'alle' as const, botid: null };
  const at = (periode: number) => fallbackFigure(rows, key, '1820', '18', periode);
  assert.equal(at(2019).source, 'samlet');
  assert.equal(periodeKey(at(2019).row!), '2018-2020');
  assert.equal(periodeKey(at(2022).row!), '2021-2023');
  assert.equal(at(2017).source, 'fylke', 'no pool holds 2017: the county year, not the 2021-2023 pool');
  assert.equal(at(2017).row!.verdi, 30);
  assert.equal(periodeKey(fallbackFigure(rows, key, '1820', '18', undefined).row!), '2021-2023', 'no year asked: the latest pool');
  assert.equal(fallbackFigure(rows.filter((r) => !r.vindu), key, '1820', '18', 2019).source, 'fylke');
});
