import { describe, test } from 'node:test';
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

test('a chain that ends outside the structure is reported and not harmonised', () => {
  const small: Municipality[] = [{ kommune: '0301', navn: 'Oslo', fylke: '03', fylkesnavn: 'Oslo' }];
  const r = resolveChanges([{ gammelKode: '1111', nyKode: '2222', gyldigFra: '2020-01-01', andel: null }], small);
  assert.equal(r.warnings.length, 1);
  assert.equal(r.resolved.has('1111'), false, 'never mapped to a code outside the structure');
  assert.deepEqual(r.unresolved, [{ gammel_kode: '1111', kjede: ['1111', '2222'], aarsak: 'utenfor' }]);
});

test('a cycle in a delivered change table is detected; no code is mapped outside the structure', () => {
  const delivered = [
    { gammelKode: '0301', nyKode: '0999', gyldigFra: '2019-01-01', andel: null }, // 0301 is current: ignored as an old code
    { gammelKode: '0998', nyKode: '0999', gyldigFra: '2019-01-01', andel: null },
    { gammelKode: '0999', nyKode: '0997', gyldigFra: '2020-01-01', andel: null },
    { gammelKode: '0997', nyKode: '0999', gyldigFra: '2021-01-01', andel: null },
  ];
  const r = resolveChanges(mergeChanges(loadShippedChanges(), delivered), current);
  const codes = new Set(current.map((m) => m.kommune));
  for (const x of r.resolved.values()) assert.ok(codes.has(x.ny_kode), `${x.gammel_kode} → ${x.ny_kode}`);
  assert.deepEqual(
    r.unresolved.map((u) => [u.gammel_kode, u.aarsak, u.kjede.join('>')]),
    [
      ['0997', 'syklus', '0997>0999>0997'],
      ['0998', 'syklus', '0998>0999>0997>0999'],
      ['0999', 'syklus', '0999>0997>0999'],
    ],
  );
  assert.equal(r.warnings.length, 3);
  assert.match(r.warnings[0]!, /syklus 0997 → 0999 → 0997/);
  assert.equal(r.resolved.get('0101')?.ny_kode, '3101', 'the rest still resolves');
});

/**
 * Issue 12: a delivered table with equal shares (as SSB publishes them when the real split is
 * unknown) must not fall to the lowest code; ties go on to the same-name and centre rules.
 * These are the national synthetic data's rows for the three cases, written out by hand.
 */
describe('equal delivered shares go on to the name and centre rules (issue 12)', () => {
  const delivered = [
    { gammelKode: '0720', nyKode: '0704', gyldigFra: '2017-01-01', andel: 0.5 },
    { gammelKode: '0720', nyKode: '0710', gyldigFra: '2017-01-01', andel: 0.5 },
    { gammelKode: '0710', nyKode: '3804', gyldigFra: '2020-01-01', andel: null },
    { gammelKode: '1534', nyKode: '1507', gyldigFra: '2020-01-01', andel: null },
    { gammelKode: '1507', nyKode: '1508', gyldigFra: '2024-01-01', andel: 0.5 },
    { gammelKode: '1507', nyKode: '1580', gyldigFra: '2024-01-01', andel: 0.5 },
    { gammelKode: '1613', nyKode: '5012', gyldigFra: '2018-01-01', andel: null },
    { gammelKode: '5012', nyKode: '5055', gyldigFra: '2020-01-01', andel: 0.333 },
    { gammelKode: '5012', nyKode: '5056', gyldigFra: '2020-01-01', andel: 0.333 },
    { gammelKode: '5012', nyKode: '5059', gyldigFra: '2020-01-01', andel: 0.333 },
  ];
  const r = resolveChanges(mergeChanges(loadShippedChanges(), delivered), current).resolved;

  test('1534 Haram → 1507 Ålesund → 50/50 → 1580 Haram (same name), not 1508', () => {
    assert.equal(r.get('1534')?.ny_kode, '1580');
    assert.equal(r.get('1534')?.regel, 'samme_navn');
    assert.equal(r.get('1534')?.andel, 0.5);
    assert.equal(r.get('1507')?.ny_kode, '1508'); // Ålesund keeps Ålesund
  });

  test('0720 Stokke → 50/50 → 0710 Sandefjord (administrative centre) → 3907, not Tønsberg', () => {
    assert.deepEqual(r.get('0720')?.kjede, ['0720', '0710', '3804', '3907']);
    assert.equal(r.get('0720')?.regel, 'administrasjonssenter');
  });

  test('Snillfjord (1613 → 5012) → three equal shares → 5059 Orkland (administrative centre), not 5055 Heim', () => {
    assert.equal(r.get('5012')?.ny_kode, '5059');
    assert.equal(r.get('5012')?.regel, 'administrasjonssenter');
    assert.equal(r.get('1613')?.ny_kode, '5059');
  });

  test('an unequal share still decides first, and a near-tie is not a tie', () => {
    const skew = resolveChanges(
      mergeChanges(loadShippedChanges(), [
        { gammelKode: '1507', nyKode: '1508', gyldigFra: '2024-01-01', andel: 0.49 },
        { gammelKode: '1507', nyKode: '1580', gyldigFra: '2024-01-01', andel: 0.51 },
      ]),
      current,
    ).resolved;
    assert.equal(skew.get('1507')?.ny_kode, '1580');
    assert.equal(skew.get('1507')?.regel, 'storst_andel');
  });
});
