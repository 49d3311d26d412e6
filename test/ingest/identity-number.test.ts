import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identityCheckDigits, identityKind, isIdentityNumber } from '../../src/ingest/index.ts';

/** Independent reference: Skatteetaten's weights, written out by hand. */
function referenceCheck(nine: string): string | null {
  const d = [...nine].map(Number);
  const k1raw = 11 - ((3 * d[0]! + 7 * d[1]! + 6 * d[2]! + 1 * d[3]! + 8 * d[4]! + 9 * d[5]! + 4 * d[6]! + 5 * d[7]! + 2 * d[8]!) % 11);
  const k1 = k1raw === 11 ? 0 : k1raw;
  if (k1 === 10) return null;
  const k2raw =
    11 - ((5 * d[0]! + 4 * d[1]! + 3 * d[2]! + 2 * d[3]! + 7 * d[4]! + 6 * d[5]! + 5 * d[6]! + 4 * d[7]! + 3 * d[8]! + 2 * k1) % 11);
  const k2 = k2raw === 11 ? 0 : k2raw;
  return k2 === 10 ? null : `${k1}${k2}`;
}

/** Synthetic numbers computed here: birth date 01.01.90 / 15.07.85, individual numbers 100–120. */
function synthetic(datePart: string): string[] {
  const out: string[] = [];
  for (let ind = 100; ind < 121; ind++) {
    const nine = `${datePart}${ind}`;
    const k = referenceCheck(nine);
    if (k) out.push(nine + k);
  }
  return out;
}

test('check digits agree with the hand-written reference on computed synthetic numbers', () => {
  const numbers = [...synthetic('010190'), ...synthetic('150785')];
  assert.ok(numbers.length >= 20, 'enough numbers have check digits');
  for (const n of numbers) {
    assert.equal(identityCheckDigits(n.slice(0, 9)), n.slice(9));
    assert.equal(isIdentityNumber(n), true, n);
    assert.equal(identityKind(n), 'fodselsnummer');
  }
});

test('D-numbers (first digit + 4) are recognised', () => {
  const d = synthetic('410190'); // 01.01.90 as a D-number
  assert.ok(d.length > 0);
  for (const n of d) assert.equal(identityKind(n), 'd-nummer');
});

test('a wrong check digit, a wrong length or letters are not identity numbers', () => {
  const [n] = synthetic('010190');
  const bad = n!.slice(0, 10) + String((Number(n![10]) + 1) % 10);
  assert.equal(isIdentityNumber(bad), false);
  assert.equal(isIdentityNumber(n!.slice(0, 10)), false);
  assert.equal(isIdentityNumber(`${n!.slice(0, 10)}x`), false);
  assert.equal(isIdentityNumber('p0000001'), false);
});

test('first-nine combinations with remainder 10 have no valid number', () => {
  let none = 0;
  for (let ind = 0; ind < 200; ind++) {
    const nine = `010190${String(ind).padStart(3, '0')}`;
    const k = identityCheckDigits(nine);
    assert.equal(k, referenceCheck(nine));
    if (k === null) none++;
  }
  assert.ok(none > 0, 'some 9-digit prefixes have no check digits');
});
