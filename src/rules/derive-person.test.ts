/**
 * Tests of derivePerson: all rule-derived facts of a person in one call (law-rules §1–§7).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { derivePerson } from './index.ts';
import type { PersonFacts } from './index.ts';

const BASE: PersonFacts = {
  tillatelse: 'ASYL_28',
  fodt: '1990-03',
  forsteTillatelseDato: '2021-02-01',
  vedtaksdato: '2021-04-20',
  bosettingsdato: '2021-03-31',
  ankomstdato: '2020-10-01',
  utdanningMedbrakt: 'grunnskole',
  hasIntroProgramme: true,
  programmeStart: '2021-05-03',
  sluttmaal: 'fullfort_vgo',
  vgoFulltime: false,
};

test('new-act refugee: regime, group, subgroup, cap (§5 ovrige + fullført vgo = 36 + 12), goal row 2, deadlines', () => {
  const d = derivePerson(BASE);
  assert.equal(d.regime, 'integreringsloven');
  assert.equal(d.targetGroup, 'intro');
  assert.equal(d.ageAtDecision, 31);
  assert.equal(d.subgroup, 'ovrige');
  assert.deepEqual(d.programmeCap, { normalMonths: 36, extensionMonths: 12, maxMonths: 48 });
  assert.equal(d.rightAndDutyMonths, 36);
  assert.deepEqual(d.guidelineGoal, { kind: 'cefr', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B1' });
  assert.equal(d.introDuty, true);
  assert.equal(d.norskDuty, true);
  assert.equal(d.kapittel6A, false);
  // §4: settlement 2021-03-31 + 3 months clamps to 2021-06-30; civics: decision + 12 months.
  assert.deepEqual(d.deadlines, {
    programstart: '2021-06-30',
    kompetansekartlegging: '2021-06-30',
    karriereveiledning: '2021-06-30',
    integreringsplan: '2021-06-30',
    norskplan: '2021-06-30',
    samfunnskunnskap: '2022-04-20',
  });
});

test('old-act participant: only the programme-start deadline, old cap, no new-act goal or right-and-duty months', () => {
  const d = derivePerson({
    ...BASE,
    forsteTillatelseDato: '2019-06-01',
    programmeStart: '2019-09-01',
    bosettingsdato: '2019-07-01',
    vedtaksdato: '2019-08-15',
  });
  assert.equal(d.regime, 'introduksjonsloven');
  assert.deepEqual(d.programmeCap, { normalMonths: 24, extensionMonths: 12, maxMonths: 36 });
  assert.equal(d.guidelineGoal, null);
  assert.equal(d.rightAndDutyMonths, null);
  assert.deepEqual(d.deadlines, { programstart: '2019-10-01' });
});

test('no decision registered → age at settlement (then arrival); the basis is reported', () => {
  const d = derivePerson({
    ...BASE,
    vedtaksdato: null,
    fodt: '1965-03',
    hasIntroProgramme: false,
    programmeStart: null,
  });
  assert.equal(d.decisionDateBasis, 'bosetting');
  assert.equal(d.ageAtDecision, 56);
  assert.equal(d.targetGroup, 'norsk_rett_plikt');
  const a = derivePerson({ ...BASE, vedtaksdato: null, bosettingsdato: null });
  assert.equal(a.decisionDateBasis, 'ankomst');
});

test('chapter 6A (post-report): § 34 from 2022-03-11 → rights without duties and the shorter programme', () => {
  const d = derivePerson({
    ...BASE,
    tillatelse: 'KOLLEKTIV_34',
    forsteTillatelseDato: '2022-04-01',
    bosettingsdato: '2022-06-01',
    vedtaksdato: '2022-06-20',
    programmeStart: '2022-08-01',
  });
  assert.equal(d.kapittel6A, true);
  assert.equal(d.introDuty, false);
  assert.equal(d.norskDuty, false);
  assert.equal(d.programmeCap?.maxMonths, 12);
  // § 34 before 2022-03-11: ordinary rules.
  const before = derivePerson({ ...BASE, tillatelse: 'KOLLEKTIV_34' });
  assert.equal(before.kapittel6A, false);
  assert.equal(before.introDuty, true);
});

test('duty-only worker: norsk_plikt with duty, no intro deadlines', () => {
  const d = derivePerson({ ...BASE, tillatelse: 'ARBEID_23', hasIntroProgramme: false, programmeStart: null });
  assert.equal(d.targetGroup, 'norsk_plikt');
  assert.equal(d.norskDuty, true);
  assert.equal(d.subgroup, null);
  assert.deepEqual(d.deadlines, {});
});

test('boundary: a new-act person who arrived in December 2020 (permit 2021) gets the guideline goal, not none (issue 12)', () => {
  // Not an intro participant, not settled by the state: the decision date falls back to the
  // arrival date 2020-12-15, before the guideline table (from 2021-01-01). The regime comes from
  // the permit (2021-01-20), so the guideline in force from the permit applies.
  const d = derivePerson({
    ...BASE,
    tillatelse: 'FAMILIE_NORSK',
    forsteTillatelseDato: '2021-01-20',
    vedtaksdato: null,
    bosettingsdato: null,
    ankomstdato: '2020-12-15',
    hasIntroProgramme: false,
    programmeStart: null,
    sluttmaal: null,
  });
  assert.equal(d.regime, 'integreringsloven');
  assert.equal(d.targetGroup, 'norsk_rett_plikt');
  assert.deepEqual(d.guidelineGoal, { kind: 'cefr', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B1' });
  assert.equal(d.rightAndDutyMonths, 36);
  // The day before the permit would not be a new-act date at all: the old act has no guideline.
  const old = derivePerson({ ...BASE, forsteTillatelseDato: '2020-12-31', programmeStart: '2021-05-03' });
  assert.equal(old.guidelineGoal, null);
});
