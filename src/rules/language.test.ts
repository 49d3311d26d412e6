/**
 * Tests of law-rules §7 (guideline Norwegian goals: report tables 2.1 and 5.4; national targets) and §9 (citizenship).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cefrAtLeast,
  cefrRank,
  citizenshipOralLevel,
  citizenshipOralLevelOrNull,
  guidelineLanguageGoal,
  NATIONAL_TARGETS,
  RuleNotInForceError,
} from './index.ts';

const D = '2021-09-01';
const cefr = (lytte: string, lese: string, skrive: string, muntlig: string) => ({
  kind: 'cefr',
  lytte,
  lese,
  skrive,
  muntlig,
});

test('table 2.1/5.4 row 1 "Deltakere som ikke har fullført grunnskole": A2 listening/reading/writing, B1 oral', () => {
  assert.deepEqual(
    guidelineLanguageGoal({ utdanningMedbrakt: 'ingen', sluttmaal: 'arbeid', vgoFulltime: false, date: D }),
    cefr('A2', 'A2', 'A2', 'B1'),
  );
});

test('table 2.1/5.4 row 2 "Deltakere som har fullført grunnskole": B1 in all four', () => {
  assert.deepEqual(
    guidelineLanguageGoal({ utdanningMedbrakt: 'grunnskole', sluttmaal: 'fullfort_vgo', vgoFulltime: false, date: D }),
    cefr('B1', 'B1', 'B1', 'B1'),
  );
  // Goal higher education does not lift the goal without vgo from before (the bracket applies to row 3 only).
  assert.deepEqual(
    guidelineLanguageGoal({
      utdanningMedbrakt: 'grunnskole',
      sluttmaal: 'kvalifisert_hoyere_utdanning',
      vgoFulltime: false,
      date: D,
    }),
    cefr('B1', 'B1', 'B1', 'B1'),
  );
});

test('table 2.1/5.4 row 3 "minimum utdanning på videregående nivå fra før": B1 listening/reading/writing, B2 oral', () => {
  assert.deepEqual(
    guidelineLanguageGoal({ utdanningMedbrakt: 'vgo', sluttmaal: 'arbeid', vgoFulltime: false, date: D }),
    cefr('B1', 'B1', 'B1', 'B2'),
  );
  assert.deepEqual(
    guidelineLanguageGoal({ utdanningMedbrakt: 'hoyere', sluttmaal: null, vgoFulltime: false, date: D }),
    cefr('B1', 'B1', 'B1', 'B2'),
  );
});

test('table 2.1/5.4 row 3 bracket "B2 i alle ferdigheter der målet er høyere utdanning": B2 in all four', () => {
  const goal = { sluttmaal: 'kvalifisert_hoyere_utdanning', vgoFulltime: false, date: D };
  assert.deepEqual(guidelineLanguageGoal({ ...goal, utdanningMedbrakt: 'vgo' }), cefr('B2', 'B2', 'B2', 'B2'));
  assert.deepEqual(guidelineLanguageGoal({ ...goal, utdanningMedbrakt: 'hoyere' }), cefr('B2', 'B2', 'B2', 'B2'));
});

test('table 2.1/5.4 row 4 "videregående opplæring på fulltid som sitt introduksjonsprogram": standpunktkarakter 2, whatever the education', () => {
  for (const utdanningMedbrakt of ['ingen', 'grunnskole', 'vgo', 'hoyere', 'ukjent']) {
    assert.deepEqual(
      guidelineLanguageGoal({ utdanningMedbrakt, sluttmaal: 'fullfort_vgo', vgoFulltime: true, date: D }),
      { kind: 'vgo_grade', grade: 2 },
    );
  }
});

test("§7 choice: unknown education (ukjent) → the primary-school row (B1 in all; B1 oral is every group's goal, report 5.2)", () => {
  assert.deepEqual(
    guidelineLanguageGoal({ utdanningMedbrakt: 'ukjent', sluttmaal: null, vgoFulltime: false, date: D }),
    cefr('B1', 'B1', 'B1', 'B1'),
  );
});

test('§7: guideline goals exist from the new act (2021-01-01); earlier dates are RuleNotInForceError', () => {
  assert.throws(
    () => guidelineLanguageGoal({ utdanningMedbrakt: 'vgo', sluttmaal: null, vgoFulltime: false, date: '2020-12-31' }),
    RuleNotInForceError,
  );
});

test('§7 order under_A1 < A1 < A2 < B1 < B2 < C1; anything else ranks -1', () => {
  assert.deepEqual(['under_A1', 'A1', 'A2', 'B1', 'B2', 'C1'].map(cefrRank), [0, 1, 2, 3, 4, 5]);
  assert.equal(cefrRank('b1'), -1);
  assert.equal(cefrRank(''), -1);
  assert.equal(cefrRank('bestatt'), -1);
  assert.equal(cefrAtLeast('B2', 'B1'), true);
  assert.equal(cefrAtLeast('B1', 'B1'), true);
  assert.equal(cefrAtLeast('A2', 'B1'), false);
  assert.equal(cefrAtLeast('ukjent', 'under_A1'), false);
});

test('§7 national targets (state budget 2020, report 5.2): 90 % ≥ B1 oral, 70 % ≥ B1 writing', () => {
  assert.deepEqual({ ...NATIONAL_TARGETS }, { b1Muntlig: 90, b1Skriftlig: 70 });
});

test('§9 citizenship oral level: A2 from 2017-01-01; B1 for applications from 2022-10-01 (Prop. 98 L (2019–2020))', () => {
  assert.equal(citizenshipOralLevel('2017-01-01'), 'A2');
  assert.equal(citizenshipOralLevel('2020-06-30'), 'A2');
  assert.equal(citizenshipOralLevel('2022-09-30'), 'A2');
  assert.equal(citizenshipOralLevel('2022-10-01'), 'B1');
  assert.equal(citizenshipOralLevel('2025-01-01'), 'B1');
});

test('§9: before 2017 no test level was required → RuleNotInForceError, or null from the OrNull variant', () => {
  assert.throws(() => citizenshipOralLevel('2016-12-31'), RuleNotInForceError);
  assert.equal(citizenshipOralLevelOrNull('2016-12-31'), null);
  assert.equal(citizenshipOralLevelOrNull('2023-01-01'), 'B1');
});
