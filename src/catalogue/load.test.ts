/** loadCatalogue keeps good definitions and reports every bad one with its path. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CATALOGUE, DEFINITIONS, indicatorById, loadCatalogue } from './index.ts';

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
