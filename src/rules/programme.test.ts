/**
 * Tests of law-rules §5 (programme length caps), §4 (deadlines) and §7 (duration of the right to Norwegian).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlineMonths, programmeCap, rightAndDutyMonths, RuleNotInForceError } from './index.ts';
import type { DeadlineStep, IntroSubgroup } from './index.ts';

const NEW = 'integreringsloven' as const;

// §5 table (report 2.1: "programtid på tre til seks måneder, med mulighet for forlengelse i ytterligere seks
// måneder" / "tre måneder til tre år, med mulighet for ytterligere ett års forlengelse" / "mellom tre måneder og to år,
// med mulighet for ett års forlengelse").
const CAP_ROWS: readonly [IntroSubgroup, string | null, number, number, string][] = [
  ['har_vgo', 'arbeid', 6, 6, 'har_vgo: 3–6 months + 6 months'],
  ['har_vgo', 'kvalifisert_hoyere_utdanning', 6, 6, 'har_vgo (goal higher education): 3–6 months + 6 months'],
  ['under_25', 'fullfort_vgo', 36, 12, 'under_25, end goal completed vgo: 3 months – 3 years + 1 year'],
  ['under_25', 'arbeid', 24, 12, 'under_25, other end goal: 3 months – 2 years + 1 year'],
  ['under_25', 'delvis_vgo', 24, 12, 'under_25, partial vgo is an "other" goal: 2 years + 1 year'],
  ['ovrige', 'fullfort_vgo', 36, 12, 'ovrige, end goal completed vgo: 3 months – 3 years + 1 year'],
  ['ovrige', 'fullfort_grunnskole', 24, 12, 'ovrige, other end goal: 3 months – 2 years + 1 year'],
  ['ovrige', null, 24, 12, 'ovrige, no goal registered: the 3-year rule needs completed vgo as the goal'],
];
for (const [subgroup, sluttmaal, normal, ext, rule] of CAP_ROWS) {
  test(`§5 cap row "${rule}"`, () => {
    const cap = programmeCap({ subgroup, sluttmaal, regime: NEW, date: '2022-01-10' });
    assert.deepEqual(cap, { normalMonths: normal, extensionMonths: ext, maxMonths: normal + ext });
  });
}

test('§5 cap row "old act (introduksjonsloven): up to 2 years + 1 year", whatever subgroup or date', () => {
  for (const subgroup of ['har_vgo', 'under_25', 'ovrige'] as const) {
    const cap = programmeCap({ subgroup, sluttmaal: 'fullfort_vgo', regime: 'introduksjonsloven', date: '2019-03-01' });
    assert.deepEqual(cap, { normalMonths: 24, extensionMonths: 12, maxMonths: 36 });
  }
  // An old-act participant starting after 2021 still follows the old act.
  assert.equal(
    programmeCap({ subgroup: 'har_vgo', sluttmaal: null, regime: 'introduksjonsloven', date: '2022-03-01' }).maxMonths,
    36,
  );
});

test('§5 chapter 6A (post-report): § 34 collective protection gets the shorter programme while 6A is in force', () => {
  const base = { subgroup: 'ovrige', sluttmaal: 'arbeid', regime: NEW, kapittel6A: true } as const;
  assert.equal(programmeCap({ ...base, date: '2022-08-01' }).maxMonths, 12);
  assert.equal(programmeCap({ ...base, date: '2025-08-01' }).maxMonths, 12);
  // After the temporary chapter ends (2026-07-01) the ordinary rules apply.
  assert.equal(programmeCap({ ...base, date: '2026-07-01' }).maxMonths, 36);
  // Without the 6A flag the ordinary row applies.
  assert.equal(programmeCap({ ...base, kapittel6A: false, date: '2022-08-01' }).maxMonths, 36);
});

test('§5: a new-act cap asked for a date before the act is a RuleNotInForceError', () => {
  assert.throws(
    () => programmeCap({ subgroup: 'ovrige', sluttmaal: null, regime: NEW, date: '2020-12-31' }),
    RuleNotInForceError,
  );
});

test('§7: right and duty to Norwegian "maksimalt i tre år (18 måneder for personer med utdanning på videregående nivå)"', () => {
  assert.equal(rightAndDutyMonths('ingen', '2021-01-01'), 36);
  assert.equal(rightAndDutyMonths('grunnskole', '2023-01-01'), 36);
  assert.equal(rightAndDutyMonths('ukjent', '2023-01-01'), 36);
  assert.equal(rightAndDutyMonths('vgo', '2023-01-01'), 18);
  assert.equal(rightAndDutyMonths('hoyere', '2023-01-01'), 18);
  assert.throws(() => rightAndDutyMonths('vgo', '2020-12-31'), RuleNotInForceError);
});

// §4 (report 2.1: "senest innen tre måneder etter bosetting"; civics "innen ett år etter at vedtak er fattet").
const DEADLINES: readonly [DeadlineStep, number][] = [
  ['programstart', 3],
  ['kompetansekartlegging', 3],
  ['karriereveiledning', 3],
  ['integreringsplan', 3],
  ['norskplan', 3],
  ['samfunnskunnskap', 12],
];
for (const [step, months] of DEADLINES) {
  test(`§4 deadline: ${step} ≤ ${months} months`, () => {
    assert.equal(deadlineMonths(step, '2021-06-01'), months);
  });
}

test('§4: programme start within 3 months also under the old act (introduksjonsloven § 3); new-act steps not before 2021', () => {
  assert.equal(deadlineMonths('programstart', '2015-06-01'), 3);
  assert.throws(() => deadlineMonths('karriereveiledning', '2020-06-01'), RuleNotInForceError);
});
