/**
 * Tests of law-rules §1 (regime), §2 (target groups, report table 2.2, age limits) and §3 (subgroups).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { introSubgroup, regimeFor, targetGroup } from './index.ts';
import type { Regime, TargetGroup } from './index.ts';

test('§1: first permit 2020-12-31 → introduksjonsloven, 2021-01-01 → integreringsloven (report 2.1)', () => {
  assert.equal(regimeFor('2020-12-31'), 'introduksjonsloven');
  assert.equal(regimeFor('2021-01-01'), 'integreringsloven');
  assert.equal(regimeFor('2004-06-01'), 'introduksjonsloven');
  assert.equal(regimeFor('2030-01-01'), 'integreringsloven');
});

test('§1: a malformed date is refused, not silently classified', () => {
  assert.throws(() => regimeFor('2021-13-01'), TypeError);
  assert.throws(() => regimeFor('01.01.2021'), TypeError);
});

// A 30-year-old at the decision: inside every age band, so only the permit basis decides.
function group(
  tillatelse: string,
  opts: {
    fodt?: string;
    decision?: string | null;
    intro?: boolean;
    regime?: Regime;
    permit?: string;
    fallback?: string;
  } = {},
): TargetGroup {
  return targetGroup({
    tillatelse,
    fodt: opts.fodt ?? '1992-03',
    decisionDate: opts.decision === undefined ? '2022-06-15' : opts.decision,
    hasIntroProgramme: opts.intro ?? false,
    regime: opts.regime ?? 'integreringsloven',
    ...(opts.permit ? { forsteTillatelseDato: opts.permit } : {}),
    ...(opts.fallback ? { fallbackDate: opts.fallback } : {}),
  });
}

// Table 2.2, one row per permit basis (aged 30 at the decision, integreringsloven).
const TABLE_2_2: readonly [string, TargetGroup, string][] = [
  ['ASYL_28', 'intro', 'Flyktninger §28: intro "Ja, rett og plikt"'],
  ['KOLLEKTIV_34', 'intro', 'Kollektiv beskyttelse §34: intro "Ja, rett og plikt"'],
  ['OVERFORING_35', 'intro', 'Overføringsflyktninger §35: intro "Ja, rett og plikt"'],
  ['HUMANITAER_38', 'intro', 'Fornybart opphold på humanitært grunnlag §38: intro "Ja, rett og plikt"'],
  ['BARNEFAMILIE_38_5', 'intro', 'Medlem av barnefamilie §38 femte ledd a/b: intro "Ja, rett og plikt"'],
  ['FAMILIE_FLYKTNING', 'intro', 'Familiemedlem av ovennevnte: intro "Ja, rett og plikt"'],
  ['FAMILIE_SELVSTENDIG_53', 'intro', 'Familiemedlem med selvstendig grunnlag §53: intro "Ja, rett og plikt"'],
  [
    'FAMILIE_NORSK',
    'norsk_rett_plikt',
    'Familiegjenforente med norsk/nordisk borger: intro "Nei", norsk "rett og plikt"',
  ],
  ['ARBEID_23', 'norsk_plikt', 'Arbeidsinnvandrere §23: norsk "plikt inntil 300 timer"'],
  ['NAERING_25', 'norsk_plikt', 'Selvstendig næringsdrivende §25: norsk "plikt inntil 300 timer"'],
  ['FAMILIE_ARBEID', 'norsk_plikt', 'Familiemedlem av §23/§25: norsk "plikt inntil 300 timer"'],
  ['ASYLSOKER_MOTTAK', 'asylsoker', 'Asylsøkere over 18 i mottak: kapittel 3 "Ja", intro "Nei"'],
  ['EOS', 'utenfor', 'EU/EØS fri bevegelighet: "ikke omfattet" (report 2.2)'],
];
for (const [code, expected, row] of TABLE_2_2) {
  test(`§2 table 2.2 row "${row}": ${code} aged 30 → ${expected}`, () => {
    assert.equal(group(code), expected);
  });
}

test('§2: an unknown permit code is not covered (utenfor), never an error', () => {
  assert.equal(group('UKJENT_KODE'), 'utenfor');
});

test('§2: a person with an introprogram row is intro whatever the permit (FAMILIE_NORSK: "kommunene kan tilby")', () => {
  assert.equal(group('FAMILIE_NORSK', { intro: true }), 'intro');
  assert.equal(group('EOS', { intro: true }), 'intro');
});

// Age limits at the decision (report 2.2: intro "mellom 18 og 55 år (på vedtakstidspunktet)";
// Norwegian right and duty "mellom 18 og 67 år"). Born 2000-01 → on 2018-01-01 exactly 18.
function bornYearsBefore(years: number, decision = '2022-06-15'): string {
  const [y, m] = decision.split('-');
  return `${Number(y) - years}-${m}`;
}
const AGE_CASES: readonly [string, number, TargetGroup][] = [
  ['ASYL_28', 17, 'utenfor'],
  ['ASYL_28', 18, 'intro'],
  ['ASYL_28', 55, 'intro'],
  ['ASYL_28', 56, 'norsk_rett_plikt'],
  ['ASYL_28', 67, 'norsk_rett_plikt'],
  ['ASYL_28', 68, 'utenfor'],
  ['FAMILIE_NORSK', 17, 'utenfor'],
  ['FAMILIE_NORSK', 18, 'norsk_rett_plikt'],
  ['FAMILIE_NORSK', 67, 'norsk_rett_plikt'],
  ['FAMILIE_NORSK', 68, 'utenfor'],
  ['ARBEID_23', 17, 'utenfor'],
  ['ARBEID_23', 18, 'norsk_plikt'],
  ['ARBEID_23', 67, 'norsk_plikt'],
  ['ARBEID_23', 68, 'utenfor'],
  ['ASYLSOKER_MOTTAK', 17, 'utenfor'],
  ['ASYLSOKER_MOTTAK', 18, 'asylsoker'],
  ['ASYLSOKER_MOTTAK', 80, 'asylsoker'],
];
for (const [code, age, expected] of AGE_CASES) {
  test(`§2 age limits (intro 18–55, Norwegian 18–67 at the decision): ${code} exactly ${age} → ${expected}`, () => {
    // Birth month = decision month → the person turned `age` on the 1st of that month.
    assert.equal(group(code, { fodt: bornYearsBefore(age) }), expected);
  });
}

test('§2 age is measured at the decision: 55 on the decision day, 56 one month later (cannot grow out mid-way)', () => {
  // Born 1966-07 → 55 until 2022-06-30, 56 from 2022-07-01.
  assert.equal(group('ASYL_28', { fodt: '1966-07', decision: '2022-06-30' }), 'intro');
  assert.equal(group('ASYL_28', { fodt: '1966-07', decision: '2022-07-01' }), 'norsk_rett_plikt');
});

test('§2 report 2.1: under the new act 16–17-year-olds are not in the Norwegian groups; under the old act they were', () => {
  const fodt = bornYearsBefore(16, '2019-06-15');
  assert.equal(
    group('FAMILIE_NORSK', { fodt, decision: '2019-06-15', regime: 'introduksjonsloven' }),
    'norsk_rett_plikt',
  );
  assert.equal(group('ASYL_28', { fodt, decision: '2019-06-15', regime: 'introduksjonsloven' }), 'norsk_rett_plikt');
  assert.equal(group('FAMILIE_NORSK', { fodt: bornYearsBefore(16), regime: 'integreringsloven' }), 'utenfor');
});

test("§2: decisionDate null → the caller's fallback date (settlement or arrival) measures the age", () => {
  // 56 at the fallback date → above the intro limit.
  assert.equal(group('ASYL_28', { fodt: '1966-01', decision: null, fallback: '2022-02-01' }), 'norsk_rett_plikt');
  // No date at all → age limits cannot be applied; the permit basis alone decides.
  assert.equal(group('ASYL_28', { fodt: '1930-01', decision: null }), 'intro');
});

test('§2 chapter 6A (post-report): § 34 from 2022-03-11 keeps the intro group (right without duty)', () => {
  assert.equal(group('KOLLEKTIV_34', { permit: '2022-04-01' }), 'intro');
  assert.equal(group('KOLLEKTIV_34', { permit: '2022-04-01', fodt: bornYearsBefore(60) }), 'norsk_rett_plikt');
});

test('§3: har_vgo first (vgo or higher education, any age) — wins over under_25', () => {
  assert.equal(introSubgroup({ fodt: '2000-01', utdanningMedbrakt: 'vgo', startDate: '2021-06-01' }), 'har_vgo');
  assert.equal(introSubgroup({ fodt: '2000-01', utdanningMedbrakt: 'hoyere', startDate: '2021-06-01' }), 'har_vgo');
  assert.equal(introSubgroup({ fodt: '1960-01', utdanningMedbrakt: 'hoyere', startDate: '2021-06-01' }), 'har_vgo');
});

test('§3: under_25 = under 25 at programme start without vgo; exactly 25 at start is NOT under_25', () => {
  // Born 1996-06 → 24 on 2021-05-31, 25 on 2021-06-01.
  assert.equal(
    introSubgroup({ fodt: '1996-06', utdanningMedbrakt: 'grunnskole', startDate: '2021-05-31' }),
    'under_25',
  );
  assert.equal(introSubgroup({ fodt: '1996-06', utdanningMedbrakt: 'grunnskole', startDate: '2021-06-01' }), 'ovrige');
  assert.equal(introSubgroup({ fodt: '1996-06-15', utdanningMedbrakt: 'ingen', startDate: '2021-06-14' }), 'under_25');
  assert.equal(introSubgroup({ fodt: '1996-06-15', utdanningMedbrakt: 'ingen', startDate: '2021-06-15' }), 'ovrige');
});

test('§3: unknown education (ukjent) is not vgo → under_25 or ovrige by age', () => {
  assert.equal(introSubgroup({ fodt: '2000-01', utdanningMedbrakt: 'ukjent', startDate: '2021-06-01' }), 'under_25');
  assert.equal(introSubgroup({ fodt: '1980-01', utdanningMedbrakt: 'ukjent', startDate: '2021-06-01' }), 'ovrige');
});
