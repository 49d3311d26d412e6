/**
 * Tests of round1: one decimal for published percentages, halves away from zero.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { round1 } from './index.ts';

test('round1: ordinary cases', () => {
  assert.equal(round1(12.34), 12.3);
  assert.equal(round1(12.36), 12.4);
  assert.equal(round1(100), 100);
  assert.equal(round1(0), 0);
});

test('round1: halves go away from zero, also when binary storage is just below the half (1.45, 2.675)', () => {
  assert.equal(round1(0.05), 0.1);
  assert.equal(round1(1.25), 1.3);
  assert.equal(round1(1.45), 1.5);
  assert.equal(round1(-1.25), -1.3);
  assert.equal(round1(2.675), 2.7);
});

test('round1: never -0; non-finite values pass through', () => {
  assert.ok(Object.is(round1(-0.04), 0));
  assert.ok(Number.isNaN(round1(Number.NaN)));
  assert.equal(round1(Infinity), Infinity);
});
