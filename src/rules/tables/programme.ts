/**
 * Programme length (law-rules §5), deadlines (§4), duration of the right to Norwegian (§7) and the
 * introduction benefit (§8).
 */
import type { DatedRow, DatedRuleTable, DeadlineStep, ProgrammeLength } from '../types.ts';
import {
  fromReport,
  INTEGRERINGSLOVEN,
  INTRODUKSJONSLOVEN,
  KAP_6A,
  KAP_6A_2024,
  postReport,
  PROP_89_L,
} from './sources.ts';

const NEW_ACT = '2021-01-01';

function len(
  key: string,
  minMonths: number,
  normalMonths: number,
  extensionMonths: number,
  validFrom: string | null,
  validTo: string | null,
  source: DatedRow['source'],
): DatedRow<ProgrammeLength> {
  return { key, validFrom, validTo, value: { minMonths, normalMonths, extensionMonths }, source };
}

const REPORT_5 = '2.1; 5.1.1.1';

/**
 * Keys: `introduksjonsloven` (old act, by regime), `har_vgo`, `under_25:fullfort_vgo`,
 * `under_25:annet`, `ovrige:fullfort_vgo`, `ovrige:annet`, `kapittel_6a`.
 * Rows for the new act are dated by programme start; the old act's row is selected by regime.
 */
export const PROGRAMME_LENGTH_TABLE: DatedRuleTable<ProgrammeLength> = {
  id: 'programtid',
  title: { nb: 'Programtid etter undergruppe og sluttmål', en: 'Programme length by subgroup and end goal' },
  dateBasis: 'programstart',
  section: '§5',
  rows: [
    len(
      'introduksjonsloven',
      0,
      24,
      12,
      null,
      null,
      fromReport(`${INTRODUKSJONSLOVEN} § 5`, REPORT_5, 'up to 2 years + 1 year'),
    ),
    len('har_vgo', 3, 6, 6, NEW_ACT, null, fromReport(`${INTEGRERINGSLOVEN} kap. 4; ${PROP_89_L}`, REPORT_5)),
    len('under_25:fullfort_vgo', 3, 36, 12, NEW_ACT, null, fromReport(`${INTEGRERINGSLOVEN} kap. 4`, REPORT_5)),
    len('under_25:annet', 3, 24, 12, NEW_ACT, null, fromReport(`${INTEGRERINGSLOVEN} kap. 4`, REPORT_5)),
    len('ovrige:fullfort_vgo', 3, 36, 12, NEW_ACT, null, fromReport(`${INTEGRERINGSLOVEN} kap. 4`, REPORT_5)),
    len('ovrige:annet', 3, 24, 12, NEW_ACT, null, fromReport(`${INTEGRERINGSLOVEN} kap. 4`, REPORT_5)),
    len(
      'kapittel_6a',
      3,
      12,
      0,
      '2022-03-11',
      '2024-06-30',
      postReport(
        KAP_6A,
        'Shorter programme for § 34 collective protection (Ukraine). Length up to 1 year encoded; extension rules NOT verified ' +
          'against § 37 b — change this row when checked. Valid to 2024-07-01 (Prop. 90 L (2022–2023)).',
      ),
    ),
    len(
      'kapittel_6a',
      3,
      12,
      0,
      '2024-07-01',
      '2026-06-30',
      postReport(
        KAP_6A_2024,
        'Chapter 6A continued to 2026-07-01; same lengths assumed (not verified). After 2026-06-30 the ordinary rules apply.',
      ),
    ),
  ],
};

const DEADLINE_SOURCE = '2.1; 5.1.1.2';

function deadline(
  key: DeadlineStep,
  months: number,
  validFrom: string | null,
  law: string,
  note?: string,
): DatedRow<number> {
  return { key, validFrom, validTo: null, value: months, source: fromReport(law, DEADLINE_SOURCE, note) };
}

/** Months from the clock event (settlement; decision for civics) to the deadline. */
export const DEADLINE_TABLE: DatedRuleTable<number> = {
  id: 'frister',
  title: { nb: 'Frister (måneder)', en: 'Deadlines (months)' },
  dateBasis: 'bosetting',
  section: '§4',
  rows: [
    deadline(
      'programstart',
      3,
      null,
      `${INTRODUKSJONSLOVEN} § 3; ${INTEGRERINGSLOVEN} § 12`,
      '≤ 3 months after settlement, municipality',
    ),
    deadline(
      'kompetansekartlegging',
      3,
      NEW_ACT,
      `${INTEGRERINGSLOVEN} (Prop. 89 L § 10)`,
      'before the integration plan',
    ),
    deadline('karriereveiledning', 3, NEW_ACT, `${INTEGRERINGSLOVEN} (Prop. 89 L § 11)`, 'county'),
    deadline('integreringsplan', 3, NEW_ACT, `${INTEGRERINGSLOVEN} kap. 4`, 'with end goal and language goal'),
    deadline(
      'norskplan',
      3,
      NEW_ACT,
      `${INTEGRERINGSLOVEN} kap. 6`,
      '≤ 3 months after registration in the municipality',
    ),
    deadline(
      'samfunnskunnskap',
      12,
      NEW_ACT,
      `${INTEGRERINGSLOVEN} kap. 6`,
      'completed ≤ 1 year after the decision (clock: decision date)',
    ),
  ],
};

/** Right to Norwegian training lasts until the goal is reached, at most these months (§7). */
export const RIGHT_AND_DUTY_TABLE: DatedRuleTable<number> = {
  id: 'norsk_rett_maaneder',
  title: {
    nb: 'Varighet av rett til norskopplæring (måneder)',
    en: 'Duration of the right to Norwegian training (months)',
  },
  dateBasis: 'vedtak',
  section: '§7',
  rows: [
    {
      key: 'ovrige',
      validFrom: NEW_ACT,
      validTo: null,
      value: 36,
      source: fromReport(`${INTEGRERINGSLOVEN} kap. 6`, '2.1; 5.2 (table 5.4 groups 1–2: max 3 years)'),
    },
    {
      key: 'vgo',
      validFrom: NEW_ACT,
      validTo: null,
      value: 18,
      source: fromReport(`${INTEGRERINGSLOVEN} kap. 6`, '2.1; 5.2 (table 5.4 group 3: max 18 months)'),
    },
  ],
};

/** Hours of Norwegian and civics for the duty-only group (§7; report note 4). */
export const DUTY_HOURS_TABLE: DatedRuleTable<number> = {
  id: 'plikt_timer',
  title: { nb: 'Timer for gruppen med kun plikt', en: 'Hours for the duty-only group' },
  dateBasis: 'vedtak',
  section: '§7',
  rows: [
    {
      key: 'plikt',
      validFrom: null,
      validTo: null,
      value: 300,
      source: fromReport(PROP_89_L, '2.1 note 4; table 2.2'),
    },
  ],
};

/**
 * The measurement window of the duty-only group (§7): they have no right-and-duty period, only the
 * duty of 300 hours, to be completed within three years. P4 measures them 36 months from arrival,
 * as the right-and-duty group is measured at the end of its period.
 */
export const DUTY_ONLY_PERIOD_TABLE: DatedRuleTable<number> = {
  id: 'kun_plikt_maaneder',
  title: { nb: 'Periode for gruppen med kun plikt (måneder)', en: 'Period of the duty-only group (months)' },
  dateBasis: 'bosetting',
  section: '§7',
  rows: [
    {
      key: 'kun_plikt',
      validFrom: null,
      validTo: null,
      value: 36,
      source: postReport(
        `${INTRODUKSJONSLOVEN} § 17; ${INTEGRERINGSLOVEN} kap. 6`,
        'the duty (300 hours) is to be completed within three years; used as the duty-only group\'s measurement window for P4 (operational choice, docs/indicators.md)',
      ),
    },
  ],
};

/** Introduction benefit in G a year (§8): 2G; two thirds of that under 25. */
export const INTRO_BENEFIT_TABLE: DatedRuleTable<number> = {
  id: 'introduksjonsstonad',
  title: { nb: 'Introduksjonsstønad (G per år)', en: 'Introduction benefit (G a year)' },
  dateBasis: 'kalender',
  section: '§8',
  rows: [
    {
      key: 'fra_25',
      validFrom: null,
      validTo: null,
      value: 2,
      source: fromReport(`${INTRODUKSJONSLOVEN}; ${INTEGRERINGSLOVEN}`, '2.1 (Introduksjonsstønad)'),
    },
    {
      key: 'under_25',
      validFrom: null,
      validTo: null,
      value: 4 / 3,
      source: fromReport(
        `${INTRODUKSJONSLOVEN}; ${INTEGRERINGSLOVEN}`,
        '2.1',
        'two thirds of 2G; lower still for those living with parents (not encoded)',
      ),
    },
  ],
};
