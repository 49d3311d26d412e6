/** loadCatalogue keeps good definitions and reports every bad one with its path. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, DEFINITIONS, indicatorById, loadCatalogue, type IndicatorDef } from './index.ts';

describe('loadCatalogue', () => {
  it('accepts the built-in catalogue: I1–I13, P1–P5, R1–R10', () => {
    const { indicators, errors } = loadCatalogue(DEFINITIONS);
    assert.deepEqual(errors, []);
    const ids = indicators.map((d) => d.id);
    const expected = [
      ...Array.from({ length: 13 }, (_, i) => `I${i + 1}`),
      ...Array.from({ length: 5 }, (_, i) => `P${i + 1}`),
      ...Array.from({ length: 10 }, (_, i) => `R${i + 1}`),
    ];
    assert.deepEqual(ids, expected);
    assert.equal(CATALOGUE.length, 28);
  });

  it('marks the core indicators of table 6.1', () => {
    const core = CATALOGUE.filter((m) => m.kjerne).map((m) => m.id);
    assert.deepEqual(core, ['I1', 'I2', 'I3', 'I4', 'P1', 'P2', 'P4', 'P5', 'R1', 'R2', 'R3', 'R4']);
  });

  it('carries the national targets on P4 (90 % B1 oral, 70 % B1 writing)', () => {
    const p4 = CATALOGUE.find((m) => m.id === 'P4')!;
    assert.deepEqual(p4.malverdier?.map((t) => [t.maal, t.verdi]), [['b1_muntlig', 90], ['b1_skriftlig', 70]]);
    for (const t of p4.malverdier ?? []) assert.ok(p4.maal.some((m) => m.kode === t.maal), `target ${t.maal} has a measure`);
  });

  it('reports every bad definition with a path and keeps the good ones', () => {
    const i4 = indicatorById('I4')!;
    const i1 = indicatorById('I1')!;
    const bad = [
      { ...i4, population: { ...i4.population, cohort: 'x' } },
      { ...i1, id: 'I1', kilder: ['elementer', 'nope'], measures: [{ ...i1.measures[0]!, fact: { kind: 'magic' } }] },
      { ...i1, id: 'R99', ledd: 'resultat', measures: [] },
      'not a definition',
    ];
    const { indicators, errors } = loadCatalogue([indicatorById('P5'), ...bad]);
    assert.deepEqual(indicators.map((d) => d.id), ['P5']);
    assert.ok(errors.includes('I4.population.cohort: unknown cohort "x"'), errors.join('\n'));
    assert.ok(errors.includes('I1.kilder[1]: unknown table "nope"'), errors.join('\n'));
    assert.ok(errors.includes('I1.measures[0].fact.kind: unknown fact kind "magic"'), errors.join('\n'));
    assert.ok(errors.includes('R99.ledd: unknown link "resultat"'), errors.join('\n'));
    assert.ok(errors.includes('R99.measures: at least one measure'), errors.join('\n'));
    assert.ok(errors.includes('[4]: not an object'), errors.join('\n'));
  });

  it('rejects duplicate ids and duplicate measure codes', () => {
    const p5 = indicatorById('P5')!;
    const dupMeasure = { ...p5, id: 'P6', measures: [p5.measures[0]!, p5.measures[0]!] };
    const { errors } = loadCatalogue([p5, p5, dupMeasure]);
    assert.ok(errors.includes('P5.id: duplicate id'), errors.join('\n'));
    assert.ok(errors.includes('P6.measures[1].kode: duplicate code "andel"'), errors.join('\n'));
  });
});

describe('the validator catches every kind of bad definition (corpus)', () => {
  const i1 = indicatorById('I1')!;
  const i4 = indicatorById('I4')!;
  const i5 = indicatorById('I5')!;
  const p4 = indicatorById('P4')!;
  const r3 = indicatorById('R3')!;
  const i7 = indicatorById('I7')!;
  const m0 = (d: IndicatorDef) => d.measures[0]!;
  const withMeasure = (d: IndicatorDef, patch: Record<string, unknown>) => ({ ...d, measures: [{ ...m0(d), ...patch }] });
  const withFact = (d: IndicatorDef, fact: unknown) => withMeasure(d, { fact });

  // [definition, expected error (path: message)]
  const corpus: [unknown, string][] = [
    [withFact(i4, { kind: 'programme_flag', column: 'deltid' }), 'I4.measures[0].fact.column: unknown programme column "deltid"'],
    [withFact(i5, { kind: 'startup_step', withinMonths: 3 }), 'I5.measures[0].fact.step: missing'],
    [withFact(i5, { kind: 'startup_step', step: 'kartlegging', withinMonths: 3 }), 'I5.measures[0].fact.step: unknown start-up step "kartlegging"'],
    [withFact(i5, { kind: 'startup_step', step: 'norskplan', withinMonths: 0 }), 'I5.measures[0].fact.withinMonths: must be an integer from 1 to 60, not 0'],
    [{ ...r3, measures: [m0(r3), { ...r3.measures[1]!, referenceGap: { of: 'andel_x', table: 'kommune_aar', column: 'ref_inntekt_over_2g' } }] }, 'R3.measures[1].referenceGap.of: no measure "andel_x" in this indicator'],
    [{ ...r3, measures: [m0(r3), { ...r3.measures[1]!, referenceGap: { of: 'andel', table: 'kommune_aar', column: 'ref_ledighet' } }] }, 'R3.measures[1].referenceGap.column: unknown reference column "ref_ledighet"'],
    [{ ...r3, measures: [{ ...r3.measures[1]!, kode: 'a' }, { ...r3.measures[1]!, kode: 'b', referenceGap: { of: 'a', table: 'kommune_aar', column: 'ref_sysselsatt' } }] }, 'R3.measures[1].referenceGap.of: "a" is itself a derived measure'],
    [{ ...p4, malverdier: [{ maal: 'b1_lese', verdi: 90, navn: p4.navn }] }, 'P4.malverdier[0].maal: no measure "b1_lese" in this indicator'],
    [{ ...p4, malverdier: [{ maal: 'b1_muntlig', verdi: 190, navn: p4.navn }] }, 'P4.malverdier[0].verdi: must be a number from 0 to 100'],
    [withMeasure(i1, { deepestRegion: 'bydel' }), 'I1.measures[0].deepestRegion: unknown region level "bydel"'],
    [withFact(i1, { kind: 'element_in_period', elements: ['grunnskole', 'sirkus'] }), 'I1.measures[0].fact.elements[1]: unknown element "sirkus"'],
    [withFact(i1, { kind: 'element_in_period', elements: [] }), 'I1.measures[0].fact.elements: must be a non-empty list'],
    [withFact(i1, { kind: 'element_in_period', elements: ['grunnskole'], element: 'x' }), 'I1.measures[0].fact.element: unknown field'],
    [withMeasure(i4, { kind: 'share', enhet: 'prosent', fact: { kind: 'programme_months' } }), 'I4.measures[0].fact: a share needs a true/false fact, "programme_months" is a number'],
    [withMeasure(i4, { kind: 'mean', enhet: 'maaneder', fact: { kind: 'programme_flag', column: 'heltid' } }), 'I4.measures[0].fact: a mean needs a numeric fact, "programme_flag" is true/false'],
    [withMeasure(i4, { kind: 'count', enhet: 'prosent', fact: { kind: 'programme_flag', column: 'heltid' } }), 'I4.measures[0].enhet: a count is in persons (antall)'],
    [withMeasure(i4, { kind: 'count', enhet: 'antall', fact: { kind: 'programme_months' } }), 'I4.measures[0].fact: a count needs a true/false fact, "programme_months" is a number'],
    [withMeasure(i4, { kind: 'derived' }), 'I4.measures[0].referenceGap: a derived measure needs the measure it is derived from'],
    [{ ...r3, measures: [m0(r3), { ...r3.measures[1]!, kind: 'mean' }] }, 'R3.measures[1].kind: a measure with referenceGap is "derived", not "mean"'],
    [withMeasure(i4, { kind: 'ratio' }), 'I4.measures[0].kind: unknown measure kind "ratio"'],
    [withMeasure(i4, { among: { kind: 'programme_months' } }), 'I4.measures[0].among: "programme_months" is a number, not a condition'],
    [withFact(i1, { kind: 'outcome_flag', columns: ['sysselsatt'] }), 'I1.measures[0].fact: fact "outcome_flag" needs the yearly outcome population (outcome_years)'],
    [withFact(i1, { kind: 'municipality_ratio', numerator: 'laerere_kompetanse', denominator: 'laerere_totalt' }), 'I1.measures[0].fact: fact "municipality_ratio" does not belong to a "intro" population'],
    [withFact(i7, { kind: 'municipality_ratio', numerator: 'laerere', denominator: 'laerere_totalt' }), 'I7.measures[0].fact.numerator: unknown municipality column "laerere"'],
    [withFact(r3, { kind: 'outcome_code', column: 'eierstatus', codes: ['slott'] }), 'R3.measures[0].fact.codes[0]: unknown code "slott" for eierstatus'],
    [withFact(r3, { kind: 'outcome_flag', columns: ['yrkesinntekt'] }), 'R3.measures[0].fact.columns[0]: unknown utfall flag column "yrkesinntekt"'],
    [withFact(p4, { kind: 'language_level', oral: null, writing: null, grade: 2 }), 'P4.measures[0].fact: oral or writing level needed'],
    [withFact(p4, { kind: 'language_level', oral: 'B3', writing: null, grade: 2 }), 'P4.measures[0].fact.oral: unknown CEFR level "B3"'],
    [withFact(p4, { kind: 'language_goal_reached', by: 'programme_end' }), 'P4.measures[0].fact.by: unknown measurement point "programme_end"'],
    [withFact(i4, { kind: 'all_of', facts: [{ kind: 'programme_flag', column: 'heltid' }] }), 'I4.measures[0].fact.facts: all_of needs at least two facts'],
    [withFact(i4, { kind: 'programme_months_band', fromMonths: 12, toMonths: 6 }), 'I4.measures[0].fact.toMonths: must be above fromMonths'],
    [withFact(i5, { kind: 'startup_actor', step: 'kompetansekartlegging', actors: ['nav'] }), 'I5.measures[0].fact.actors[0]: unknown actor "nav"'],
    [{ ...i1, breakdowns: [...i1.breakdowns, 'botid'] }, 'I1.breakdowns[5]: botid needs the yearly outcome population'],
    [{ ...i1, region: 'bydel' }, 'I1.region: unknown region basis "bydel"'],
    [{ ...i1, kohortBegrunnelse: { nb: 'x' } }, 'I1.kohortBegrunnelse: needs nb and en text'],
    [{ ...i1, kohorter: ['aktive', 'aktive'] }, 'I1.kohorter[1]: duplicate cohort "aktive"'],
    [{ ...i1, population: { kind: 'settled', cohort: 'aktive', groups: ['intro'], ready: { kind: 'months_since_anchor', months: 3, anchor: 'programstart' } } }, 'I1.population.ready.anchor: unknown anchor "programstart"'],
    [{ ...i1, population: { kind: 'settled', cohort: 'aktive', groups: ['flyktning'], ready: { kind: 'rights_period_ended' } } }, 'I1.population.groups[0]: unknown target group "flyktning"'],
    [{ ...i1, farge: 'blå' }, 'I1.farge: unknown field'],
    [{ ...indicatorById('R9')!, brudd: [{ aar: 2022, aarstype: 'maaleaar', maal: ['alle'], navn: i1.navn }] }, 'R9.brudd[0].maal[0]: unknown measure "alle"'],
    [{ ...i7, surveyMeasures: { pattern: '^(tillit', exclude: true } }, 'I7.surveyMeasures.pattern: not a regular expression "^(tillit"'],
    [{ ...i1, surveyMeasures: { pattern: 'x', exclude: true } }, 'I1.surveyMeasures: only for municipality-year populations'],
    [{ ...i1, kapittel: 'kap. 5' }, 'I1.kapittel: missing report section'],
  ];

  it(`has at least 20 bad definitions (${corpus.length})`, () => assert.ok(corpus.length >= 20));

  for (const [def, expected] of corpus) {
    it(`reports ${expected}`, () => {
      const { indicators, errors } = loadCatalogue([def]);
      assert.deepEqual(indicators, [], 'the bad definition is not kept');
      assert.ok(errors.includes(expected), `expected "${expected}", got:\n${errors.join('\n')}`);
    });
  }
});
