/** Primary rule, the reusable safety check and the county fallback (indicators.md "Small numbers"). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoUnsafeCells, DEFAULT_DISCLOSURE, findUnsafeCells, isPrimaryUnsafe, protect } from '../../src/disclosure/index.ts';
import { catalogue, cell } from './helpers.ts';

const share = { kind: 'share', additiveGroup: null } as const;
const mean = { kind: 'mean', additiveGroup: null } as const;

test('shares: denominator < 5, or numerator or complement of 1–2 persons, are unsafe', () => {
  const unsafe = (teller: number, nevner: number) => isPrimaryUnsafe(cell({ region: '0', teller, nevner }), share, DEFAULT_DISCLOSURE);
  assert.equal(unsafe(0, 4), true); // denominator 4
  assert.equal(unsafe(0, 5), false); // 0 of 5: no person singled out
  assert.equal(unsafe(5, 5), false); // all of 5
  assert.equal(unsafe(1, 20), true);
  assert.equal(unsafe(2, 20), true);
  assert.equal(unsafe(3, 20), false);
  assert.equal(unsafe(18, 20), true); // complement 2
  assert.equal(unsafe(19, 20), true); // complement 1
  assert.equal(unsafe(17, 20), false);
});

test('means and medians: unsafe when based on fewer than 5 persons', () => {
  const unsafe = (nevner: number) => isPrimaryUnsafe(cell({ region: '0', teller: null, nevner, verdi: 300 }), mean, DEFAULT_DISCLOSURE);
  assert.equal(unsafe(4), true);
  assert.equal(unsafe(5), false);
});

test('cells already marked no data or not applicable are left untouched', () => {
  const rows = [
    cell({ region: '0', teller: null, nevner: null, status: '..' }),
    cell({ region: '0', maal: 'b', teller: null, nevner: 3, status: '.' }),
  ];
  const { rows: out } = protect(rows, catalogue([{ kode: 'a' }, { kode: 'b' }]));
  assert.deepEqual(out, rows);
});

test('findUnsafeCells reports every kind of unsafe published cell; protect output has none', () => {
  const bad = [
    cell({ region: '0', teller: 0, nevner: 4 }),
    cell({ region: '11', teller: 2, nevner: 40 }),
    cell({ region: '12', teller: 39, nevner: 40 }),
    cell({ region: '13', teller: null, nevner: 3, verdi: 12 }),
    { ...cell({ region: '14', teller: 1, nevner: 3 }), status: ':' as const },
  ];
  const found = findUnsafeCells(bad);
  assert.equal(found.length, 6, found.join('\n')); // the last row shows teller, verdi and nevner: 2 findings
  assert.throws(() => assertNoUnsafeCells(bad), /unsafe published cell/);
  const { rows } = protect(bad.slice(0, 4), catalogue());
  assert.doesNotThrow(() => assertNoUnsafeCells(rows));
});

test('a municipality with most cells suppressed points to its county figure', () => {
  const rows = [
    cell({ region: '0', teller: 50, nevner: 200 }),
    cell({ region: '11', teller: 20, nevner: 100 }),
    cell({ region: '1101', teller: 1, nevner: 3 }),
    cell({ region: '1102', teller: 19, nevner: 97 }),
    cell({ region: '12', teller: 30, nevner: 100 }),
  ];
  const { summary } = protect(rows, catalogue());
  assert.deepEqual(
    summary.fallbacks.map((f) => `${f.indikator}:${f.kommune}->${f.fylke}`),
    ['T1:1101->11', 'T1:1102->11'], // 1102 is the partner of 1101: both fully suppressed
  );
  assert.ok(summary.fallbacks.every((f) => f.suppressedShare > 0.5));
});
