/**
 * Norwegian language goals (law-rules §7, report tables 2.1 and 5.4), national targets and the
 * citizenship oral requirement (§9).
 */
import type { DatedRow, DatedRuleTable, LanguageGoal } from '../types.ts';
import { fromReport, INTEGRERINGSFORSKRIFTEN, postReport } from './sources.ts';

const T = 'tables 2.1 and 5.4';
function goal(key: string, value: LanguageGoal, row: string): DatedRow<LanguageGoal> {
  return {
    key,
    validFrom: '2021-01-01',
    validTo: null,
    value,
    source: fromReport(INTEGRERINGSFORSKRIFTEN, `${T}, ${row}`),
  };
}

/**
 * Guideline minimum levels by education before arrival. Keys: `ikke_fullfort_grunnskole`,
 * `fullfort_grunnskole`, `vgo`, `vgo_hoyere_utdanning` (vgo + goal higher education or health
 * authorisation), `vgo_heltid` (full-time vgo as the programme).
 */
export const LANGUAGE_GOAL_TABLE: DatedRuleTable<LanguageGoal> = {
  id: 'norskmaal_veiledende',
  title: {
    nb: 'Veiledende minimumsnivå i norsk (tabell 2.1/5.4)',
    en: 'Guideline minimum Norwegian levels (tables 2.1/5.4)',
  },
  dateBasis: 'programstart',
  section: '§7',
  rows: [
    goal('ikke_fullfort_grunnskole', { kind: 'cefr', lytte: 'A2', lese: 'A2', skrive: 'A2', muntlig: 'B1' }, 'group 1'),
    goal('fullfort_grunnskole', { kind: 'cefr', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B1' }, 'group 2'),
    goal('vgo', { kind: 'cefr', lytte: 'B1', lese: 'B1', skrive: 'B1', muntlig: 'B2' }, 'group 3'),
    goal(
      'vgo_hoyere_utdanning',
      { kind: 'cefr', lytte: 'B2', lese: 'B2', skrive: 'B2', muntlig: 'B2' },
      'group 3 (in brackets)',
    ),
    goal('vgo_heltid', { kind: 'vgo_grade', grade: 2 }, 'group 4 (standpunktkarakter 2)'),
  ],
};

/** National targets, percent of participants (state budget 2020; report 5.2). */
export const NATIONAL_TARGET_TABLE: DatedRuleTable<number> = {
  id: 'nasjonale_maal',
  title: { nb: 'Nasjonale mål for norskopplæringen (%)', en: 'National targets for Norwegian training (%)' },
  dateBasis: 'kalender',
  section: '§7',
  rows: [
    {
      key: 'b1_muntlig',
      validFrom: '2020-01-01',
      validTo: null,
      value: 90,
      source: fromReport(
        'Prop. 1 S (2019–2020) Kunnskapsdepartementet (state budget 2020)',
        '5.2',
        'before 2020: 90 % at least A2 oral',
      ),
    },
    {
      key: 'b1_skriftlig',
      validFrom: '2020-01-01',
      validTo: null,
      value: 70,
      source: fromReport(
        'Prop. 1 S (2019–2020) Kunnskapsdepartementet (state budget 2020)',
        '5.2',
        'before 2020: 70 % at least A2 writing',
      ),
    },
  ],
};

/** Oral Norwegian level required for citizenship, by the date the application is delivered (§9). */
export const CITIZENSHIP_TABLE: DatedRuleTable<'A2' | 'B1'> = {
  id: 'statsborgerskap_muntlig',
  title: { nb: 'Krav til muntlig norsk for statsborgerskap', en: 'Oral Norwegian required for citizenship' },
  dateBasis: 'soknad',
  section: '§9',
  rows: [
    {
      key: 'muntlig',
      validFrom: '2017-01-01',
      validTo: '2022-09-30',
      value: 'A2',
      source: fromReport(
        'statsborgerloven § 8 and statsborgerforskriften §§ 4-4 to 4-6 (rundskriv G-14/2016), in force 2017-01-01',
        '5.3.1.2 ("i dag er kravet på nivå A2")',
        'applies to applicants 18–67; before 2017 no test level was required (only hours of training)',
      ),
    },
    {
      key: 'muntlig',
      validFrom: '2022-10-01',
      validTo: null,
      value: 'B1',
      source: postReport(
        'statsborgerloven § 8 as amended by Prop. 98 L (2019–2020) (adopted 2020-10-20); statsborgerforskriften amended 2022-08-26, in force 2022-10-01',
        'Applies to applications delivered to the police on or after 2022-10-01. A2 still suffices for stateless persons and ' +
          'for refugees/resettled refugees over 55 and disability-benefit recipients over 55 (statsborgerforskriften § 4-1) — not encoded.',
        'https://www.regjeringen.no/no/dokumenter/ikrafttredelse-av-endringer-i-statsborgerskriften-endringer-i-sprakkravet/id2925998/',
      ),
    },
  ],
};
