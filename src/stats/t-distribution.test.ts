/**
 * Tests of the Student-t quantile and interval against textbook table values
 * (two-sided 95 %: t(0.975, df)).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lnGamma, normalQuantile, regularizedIncompleteBeta, tCdf, tInterval, tQuantile } from './index.ts';

const near = (actual: number, expected: number, tol: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected}`);

// Standard t tables (e.g. any statistics textbook appendix), to 3 decimals.
const T975: readonly [number, number][] = [
  [1, 12.706],
  [2, 4.303],
  [10, 2.228],
  [30, 2.042],
  [1000, 1.962],
];
for (const [df, t] of T975) {
  test(`tQuantile(0.975, ${df}) = ${t} (t table, 3 decimals)`, () => {
    assert.equal(Number(tQuantile(0.975, df).toFixed(3)), t);
  });
}

test('tQuantile at other levels: t(0.95, 5) = 2.015, t(0.995, 20) = 2.845, t(0.9995, 1) = 636.619', () => {
  assert.equal(Number(tQuantile(0.95, 5).toFixed(3)), 2.015);
  assert.equal(Number(tQuantile(0.995, 20).toFixed(3)), 2.845);
  assert.equal(Number(tQuantile(0.9995, 1).toFixed(3)), 636.619);
});

test('tQuantile is symmetric, 0 at the median, and tends to the normal quantile 1.959964', () => {
  near(tQuantile(0.025, 10), -tQuantile(0.975, 10), 1e-12, 'symmetry');
  assert.equal(tQuantile(0.5, 7), 0);
  near(tQuantile(0.975, Infinity), 1.959964, 1e-6, 'df = ∞');
  near(tQuantile(0.975, 1e7), 1.959964, 1e-6, 'df = 1e7');
  near(normalQuantile(0.995), 2.575829, 1e-6, 'z 0.995');
});

test('tQuantile inverts tCdf (df = 1 Cauchy closed form: F(t) = 1/2 + atan(t)/π)', () => {
  for (const t of [-3, -0.5, 0.7, 4]) near(tCdf(t, 1), 0.5 + Math.atan(t) / Math.PI, 1e-12, `F(${t})`);
  for (const df of [1.5, 3, 17, 250]) near(tCdf(tQuantile(0.9, df), df), 0.9, 1e-10, `df ${df}`);
});

test('tQuantile refuses p outside (0, 1) and df ≤ 0', () => {
  assert.throws(() => tQuantile(1, 10), RangeError);
  assert.throws(() => tQuantile(0, 10), RangeError);
  assert.throws(() => tQuantile(0.9, 0), RangeError);
});

test('special functions: Γ(5) = 24, Γ(1/2) = √π, I_x(1,1) = x, I_0.5(a,a) = 0.5', () => {
  near(Math.exp(lnGamma(5)), 24, 1e-10, 'Γ(5)');
  near(Math.exp(lnGamma(0.5)), Math.sqrt(Math.PI), 1e-12, 'Γ(1/2)');
  near(regularizedIncompleteBeta(0.3, 1, 1), 0.3, 1e-12, 'I(1,1)');
  near(regularizedIncompleteBeta(0.5, 7, 7), 0.5, 1e-12, 'I(7,7)');
});

test('tInterval: mean 10, sd 2, n 11 → 10 ± 2.228 × 2/√11 = [8.656, 11.344]', () => {
  const ci = tInterval(10, 2, 11);
  near(ci.lower, 8.656, 5e-4, 'lower');
  near(ci.upper, 11.344, 5e-4, 'upper');
});

test('tInterval: 90 % level uses t(0.95); n < 2 gives NaN bounds (no interval from one observation)', () => {
  const ci = tInterval(0, 1, 6, 0.9);
  near(ci.upper, 2.015 / Math.sqrt(6), 5e-4, '90 %');
  const none = tInterval(5, 1, 1);
  assert.ok(Number.isNaN(none.lower) && Number.isNaN(none.upper));
});
