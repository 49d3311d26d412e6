/**
 * Tests of the calendar helpers: addMonths (deadlines, §4) and ageAt (age limits, §2–3).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, ageAt } from './index.ts';

test('addMonths: calendar months keep the day (2021-03-15 + 3 → 2021-06-15)', () => {
  assert.equal(addMonths('2021-03-15', 3), '2021-06-15');
  assert.equal(addMonths('2021-01-01', 12), '2022-01-01');
  assert.equal(addMonths('2021-10-31', 3), '2022-01-31');
});

test('addMonths: month ends clamp like DuckDB (2021-11-30 + 3 → 2022-02-28; leap year → 29)', () => {
  assert.equal(addMonths('2021-11-30', 3), '2022-02-28');
  assert.equal(addMonths('2023-11-30', 3), '2024-02-29');
  assert.equal(addMonths('2021-01-31', 1), '2021-02-28');
  assert.equal(addMonths('2021-03-31', 1), '2021-04-30');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
});

test('addMonths: negative and zero offsets', () => {
  assert.equal(addMonths('2021-03-31', -1), '2021-02-28');
  assert.equal(addMonths('2021-01-15', -1), '2020-12-15');
  assert.equal(addMonths('2021-05-05', 0), '2021-05-05');
  assert.throws(() => addMonths('2021-05-05', 1.5), TypeError);
  assert.throws(() => addMonths('2021-02-30', 1), TypeError);
});

test('ageAt: birth month YYYY-MM is placed on the 1st (completed years)', () => {
  assert.equal(ageAt('1970-05', '2025-04-30'), 54);
  assert.equal(ageAt('1970-05', '2025-05-01'), 55);
  assert.equal(ageAt('1970-05', '2025-05-31'), 55);
});

test('ageAt: full birth date; 29 February turns a year older on 1 March in common years', () => {
  assert.equal(ageAt('2000-06-15', '2025-06-14'), 24);
  assert.equal(ageAt('2000-06-15', '2025-06-15'), 25);
  assert.equal(ageAt('2004-02-29', '2022-02-28'), 17);
  assert.equal(ageAt('2004-02-29', '2022-03-01'), 18);
  assert.equal(ageAt('2004-02-29', '2024-02-29'), 20);
});

test('ageAt: malformed birth months are refused', () => {
  assert.throws(() => ageAt('1970-13', '2020-01-01'), TypeError);
  assert.throws(() => ageAt('1970', '2020-01-01'), TypeError);
});
