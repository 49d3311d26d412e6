import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linear, niceTicks, tickDecimals } from './scales.ts';

test('niceTicks covers the data with round steps', () => {
  assert.deepEqual(niceTicks(3, 87, 5), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(12.5, 14.2, 4), [12.5, 13, 13.5, 14, 14.5]);
});

test('niceTicks handles a flat series and reversed bounds', () => {
  const flat = niceTicks(50, 50, 5);
  assert.ok(flat[0]! <= 50 && flat.at(-1)! >= 50 && flat.length >= 2);
  assert.deepEqual(niceTicks(100, 0, 5), niceTicks(0, 100, 5));
});

test('linear maps domain to range, and a zero-width domain to the middle', () => {
  const y = linear([0, 100], [200, 0]);
  assert.equal(y(0), 200);
  assert.equal(y(25), 150);
  assert.equal(linear([5, 5], [0, 10])(5), 5);
});

test('tick labels carry only the decimals the step needs', () => {
  assert.equal(tickDecimals([0, 500, 1000, 1500]), 0);
  assert.equal(tickDecimals([12.5, 13, 13.5]), 1);
  assert.equal(tickDecimals([0, 0.25, 0.5]), 2);
});
