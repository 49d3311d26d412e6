import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  loadMunicipalities,
  loadShippedChanges,
  mergeChanges,
  resolveChanges,
  type Municipality,
} from '../../src/refdata/index.ts';

const current = loadMunicipalities();
const { resolved, warnings } = resolveChanges(loadShippedChanges(), current);
const to = (code: string) => resolved.get(code)?.ny_kode;

test('the 2024 list has 357 municipalities plus 9999, each with a county', () => {
  assert.equal(current.length, 358);
  assert.ok(current.some((m) => m.kommune === '9999'));
  assert.ok(current.every((m) => /^\d{4}$/.test(m.kommune) && /^\d{2}$/.test(m.fylke) && m.fylkesnavn !== ''));
});

test('every shipped old code resolves into the 2024 structure', () => {
  assert.deepEqual(warnings, []);
  const codes = new Set(current.map((m) => m.kommune));
  for (const r of resolved.values()) assert.ok(codes.has(r.ny_kode), `${r.gammel_kode} → ${r.ny_kode}`);
});

test('chains resolve to the newest code: 0101 → 3001 → 3101', () => {
  assert.deepEqual(resolved.get('0101')?.kjede, ['0101', '3001', '3101']);
  assert.equal(resolved.get('0101')?.andel, 1);
  assert.equal(resolved.get('0101')?.gyldig_fra, '2024-01-01');
});

test('splits follow the documented rules', () => {
  // 2024 Ålesund split: the successor keeping the name, unless the delivered code had the other name.
  assert.equal(to('1507'), '1508');
  assert.equal(resolved.get('1507')?.regel, 'samme_navn');
  assert.equal(to('1534'), '1580'); // Haram → Ålesund (2020) → Haram (2024)
  assert.equal(to('1523'), '1508'); // Ørskog → Ålesund → Ålesund
  // 2020 Snillfjord split (no successor kept the name): the one with the administrative centre.
  assert.equal(to('5012'), '5059');
  assert.equal(resolved.get('5012')?.regel, 'administrasjonssenter');
  assert.equal(resolved.get('5012')?.andel, null);
  assert.equal(to('1613'), '5059'); // Snillfjord's pre-2018 code through the same split
});

test('a delivered change table overrides the shipped rows, and the largest share wins', () => {
  const delivered = [
    { gammelKode: '5012', nyKode: '5056', gyldigFra: '2020-01-01', andel: 0.6 },
    { gammelKode: '5012', nyKode: '5059', gyldigFra: '2020-01-01', andel: 0.4 },
    { gammelKode: '0999', nyKode: '0301', gyldigFra: '2019-01-01', andel: null },
  ];
  const r = resolveChanges(mergeChanges(loadShippedChanges(), delivered), current).resolved;
  assert.equal(r.get('5012')?.ny_kode, '5056');
  assert.equal(r.get('5012')?.andel, 0.6);
  assert.equal(r.get('5012')?.regel, 'storst_andel');
  assert.equal(r.get('0999')?.ny_kode, '0301');
});

test('a chain that ends outside the structure is reported', () => {
  const small: Municipality[] = [{ kommune: '0301', navn: 'Oslo', fylke: '03', fylkesnavn: 'Oslo' }];
  const r = resolveChanges([{ gammelKode: '1111', nyKode: '2222', gyldigFra: '2020-01-01', andel: null }], small);
  assert.equal(r.warnings.length, 1);
});
