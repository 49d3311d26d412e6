/**
 * Tests of the Wilson score interval (percent) against Newcombe (1998), "Two-sided confidence
 * intervals for the single proportion", Statistics in Medicine 17:857–872, table II, method 3.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wilson } from './index.ts';

// [successes, n, lower %, upper %] from Newcombe 1998 (4 decimals as proportions).
const NEWCOMBE: readonly [number, number, number, number][] = [
  [81, 263, 25.53, 36.62],
  [15, 148, 6.24, 16.05],
  [0, 20, 0, 16.11],
  [1, 29, 0.61, 17.18],
];
for (const [x, n, lo, hi] of NEWCOMBE) {
  test(`Wilson ${x}/${n} → ${lo}–${hi} % (Newcombe 1998)`, () => {
    const ci = wilson(x, n);
    assert.equal(Number(ci.lower.toFixed(2)), lo);
    assert.equal(Number(ci.upper.toFixed(2)), hi);
  });
}

test('Wilson 0/10 → 0–27.75 %, 10/10 → 72.25–100 %, 5/10 → 23.66–76.34 % (symmetric)', () => {
  const zero = wilson(0, 10);
  assert.equal(zero.lower, 0);
  assert.equal(Number(zero.upper.toFixed(2)), 27.75);
  const all = wilson(10, 10);
  assert.equal(Number(all.lower.toFixed(2)), 72.25);
  assert.equal(all.upper, 100);
  const half = wilson(5, 10);
  assert.equal(Number(half.lower.toFixed(2)), 23.66);
  assert.ok(Math.abs(half.lower + half.upper - 100) < 1e-9);
});

test('Wilson: a larger z widens the interval; n = 0 gives NaN bounds; impossible counts are refused', () => {
  const z95 = wilson(30, 100);
  const z99 = wilson(30, 100, 2.5758);
  assert.ok(z99.lower < z95.lower && z99.upper > z95.upper);
  const none = wilson(0, 0);
  assert.ok(Number.isNaN(none.lower) && Number.isNaN(none.upper));
  assert.throws(() => wilson(11, 10), RangeError);
  assert.throws(() => wilson(-1, 10), RangeError);
  assert.throws(() => wilson(1, 2.5), RangeError);
});
