/** parseCohortOption: the `--kohort` option of `compute` (report section 6: cohorts are a choice). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFINITIONS, parseCohortOption } from './index.ts';
import { UserError } from '../shared/errors.ts';
import { setLang } from '../shared/lang.ts';

describe('parseCohortOption', () => {
  it('parses several choices, tolerating spaces and lower-case ids', () => {
    assert.deepEqual(parseCohortOption('I4=startkohort, p1 = bosettingskohort', DEFINITIONS), { I4: 'startkohort', P1: 'bosettingskohort' });
    assert.deepEqual(parseCohortOption('', DEFINITIONS), {});
  });

  const cases: [string, string, string][] = [
    ['I4', '--kohort: "I4" er ikke på formen INDIKATOR=kohort (f.eks. I4=startkohort)', '--kohort: "I4" is not of the form INDICATOR=cohort (e.g. I4=startkohort)'],
    ['X9=aktive', '--kohort: ukjent indikator "X9"', '--kohort: unknown indicator "X9"'],
    ['I4=arrival', '--kohort: ukjent kohort "arrival" for I4 (gyldige: bosettingskohort, startkohort, avslutningskohort, aktive)', '--kohort: unknown cohort "arrival" for I4 (valid: bosettingskohort, startkohort, avslutningskohort, aktive)'],
    ['I3=aktive', '--kohort: I3 kan ikke beregnes for aktive (tillatt: bosettingskohort)', '--kohort: I3 cannot be computed for aktive (allowed: bosettingskohort)'],
    ['I4=startkohort,I4=bosettingskohort', '--kohort: I4 er gitt to ganger', '--kohort: I4 is given twice'],
  ];
  for (const [input, nb, en] of cases) {
    it(`rejects "${input}" in bokmål and English`, () => {
      try {
        setLang('nb');
        assert.throws(() => parseCohortOption(input, DEFINITIONS), (e: unknown) => e instanceof UserError && e.message === nb);
        setLang('en');
        assert.throws(() => parseCohortOption(input, DEFINITIONS), (e: unknown) => e instanceof UserError && e.message === en);
      } finally {
        setLang('nb');
      }
    });
  }
});
