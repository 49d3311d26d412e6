/**
 * Tests of law-rules §8: G by date (changes every 1 May) and the average G of a year.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averageG, gOn, introBenefitG, RuleNotInForceError } from './index.ts';

test('§8: G changes on 1 May (30 April keeps the old G)', () => {
  assert.equal(gOn('2019-04-30'), 96883);
  assert.equal(gOn('2019-05-01'), 99858);
  assert.equal(gOn('2020-04-30'), 99858);
  // 2020: decided in September (COVID), in force from 1 May.
  assert.equal(gOn('2020-05-01'), 101351);
  assert.equal(gOn('2024-12-31'), 124028);
  assert.equal(gOn('2025-05-01'), 130160);
});

test('§8: G outside the table (before 2010-05-01) is a RuleNotInForceError, never a guess', () => {
  assert.throws(() => gOn('2010-04-30'), RuleNotInForceError);
  assert.equal(gOn('2010-05-01'), 75641);
});

test('§8 average G 2019, by hand: Jan–Apr 96 883 ×4 = 387 532; May–Dec 99 858 ×8 = 798 864; sum 1 186 396 / 12 = 98 866.33', () => {
  // NAV publishes the 2019 average G as 98 866 (rounded to whole kroner).
  assert.ok(Math.abs(averageG(2019) - 1186396 / 12) < 1e-9);
  assert.equal(Math.round(averageG(2019)), 98866);
});

test('§8 average G 2020 = (4 × 99 858 + 8 × 101 351) / 12 ≈ 100 853 (NAV: 100 853)', () => {
  assert.equal(Math.round(averageG(2020)), 100853);
});

test("§8 average G needs the previous year's G: 2010 (January–April 2009 unknown) is RuleNotInForceError", () => {
  assert.throws(() => averageG(2010), RuleNotInForceError);
  assert.equal(Math.round(averageG(2011)), Math.round((4 * 75641 + 8 * 79216) / 12));
});

test('§8 introduction benefit: 2G a year, two thirds of that under 25', () => {
  assert.equal(introBenefitG(25, '2022-01-01'), 2);
  assert.equal(introBenefitG(24, '2022-01-01'), 4 / 3);
});
