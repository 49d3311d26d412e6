/** Shrinkage, overdispersion and funnel limits checked by hand on a small worked example. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betweenVariance, funnelLimits, logitEffect, overdispersion, shrink, Z95 } from '../../src/analysis/shrink.ts';
import { classify, windows } from '../../src/analysis/a1.ts';

// Three municipalities: differences (pp) 10, −4, 2 with standard errors 5, 2, 4.
const units = [{ d: 10, se: 5 }, { d: -4, se: 2 }, { d: 2, se: 4 }];

test('between-municipality variance by hand: w = 1/se², Q = Σ w d², τ² = (Q − K) / Σw', () => {
  // w = 0.04, 0.25, 0.0625 → Σw = 0.3525; Q = 0.04·100 + 0.25·16 + 0.0625·4 = 4 + 4 + 0.25 = 8.25
  // τ² = (8.25 − 3) / 0.3525 = 14.893617…
  const r = betweenVariance(units);
  assert.equal(r.k, 3);
  assert.ok(Math.abs(r.q - 8.25) < 1e-12);
  assert.ok(Math.abs(r.tau2 - 5.25 / 0.3525) < 1e-12);
});

test('shrunken estimate by hand: d · τ² / (τ² + se²)', () => {
  const tau2 = 5.25 / 0.3525;
  // first unit: 10 · 14.8936 / (14.8936 + 25) = 3.7333…
  assert.ok(Math.abs(shrink(units[0]!, tau2) - (10 * tau2) / (tau2 + 25)) < 1e-12);
  assert.ok(Math.abs(shrink(units[0]!, tau2) - 3.7333) < 1e-3);
  // the precise unit keeps more of its difference: −4 · 14.8936 / 18.8936 = −3.1532
  assert.ok(Math.abs(shrink(units[1]!, tau2) - -3.1532) < 1e-3);
  // no between-variance → everything shrinks to 0
  assert.equal(shrink(units[0]!, 0), 0);
  // less variation than chance gives τ² = 0
  assert.equal(betweenVariance([{ d: 0.1, se: 1 }, { d: -0.1, se: 1 }]).tau2, 0);
});

test('overdispersion φ: mean of winsorised squared z-scores, at least 1; funnel limits widen by √φ', () => {
  // z = 2, −2, 0.5 ; with 10 % winsorising of 3 values nothing is cut (floor(0.3) = 0, ceil(2.7)−1 = 2)
  // φ = (4 + 4 + 0.25) / 3 = 2.75
  assert.ok(Math.abs(overdispersion(units) - 2.75) < 1e-12);
  // twenty z-scores 1..20, 10 % (two) cut at each end: 1, 2 → 3 and 19, 20 → 18
  const many = Array.from({ length: 20 }, (_, i) => ({ d: i + 1, se: 1 }));
  const w = [3, 3, ...Array.from({ length: 16 }, (_, i) => i + 3), 18, 18];
  assert.ok(Math.abs(overdispersion(many) - w.reduce((s, x) => s + x * x, 0) / 20) < 1e-9);
  assert.equal(overdispersion([{ d: 0.1, se: 1 }, { d: 0.2, se: 1 }, { d: -0.1, se: 1 }]), 1);
  const l = funnelLimits(2, 4);
  assert.ok(Math.abs(l.u95 - Z95 * 2 * 2) < 1e-12 && Math.abs(l.l998 + 3.0902323 * 4) < 1e-6);
});

test('logit effect solves Σ expit(η + δ) = O', () => {
  const eta = [0, 0, 0, 0];
  // O = 3 of 4 with η = 0: expit(δ) = 0.75 → δ = ln 3
  assert.ok(Math.abs(logitEffect(eta, 3) - Math.log(3)) < 1e-9);
  assert.equal(logitEffect(eta, 0), -Infinity);
});

test('classification and pooled windows', () => {
  assert.equal(classify(0.1, 5), 'hoyere');
  assert.equal(classify(-5, -0.1), 'lavere');
  assert.equal(classify(-1, 1), 'som_forventet');
  assert.deepEqual(windows([2012, 2013, 2014, 2015], 3), [[2012, 2014], [2013, 2015]]);
  assert.deepEqual(windows([2020, 2021], 3), [[2020, 2021]]);
});
