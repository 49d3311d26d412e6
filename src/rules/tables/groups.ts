/**
 * Regime (law-rules §1), target groups by permit basis (§2, report table 2.2) and age limits.
 */
import type { AgeLimits, DatedRow, DatedRuleTable, PermitRights, Regime } from '../types.ts';
import { fromReport, INTEGRERINGSLOVEN, INTRODUKSJONSLOVEN, KAP_6A, postReport, PROP_89_L } from './sources.ts';

export const REGIME_TABLE: DatedRuleTable<Regime> = {
  id: 'lovregime',
  title: { nb: 'Lovregime etter første oppholdstillatelse', en: 'Law regime by first residence permit' },
  dateBasis: 'forste_tillatelse',
  section: '§1',
  rows: [
    {
      key: 'regime',
      validFrom: null,
      validTo: '2020-12-31',
      value: 'introduksjonsloven',
      source: fromReport(INTRODUKSJONSLOVEN, '2.1', 'continues to apply to persons with a first permit before 2021'),
    },
    {
      key: 'regime',
      validFrom: '2021-01-01',
      validTo: null,
      value: 'integreringsloven',
      source: fromReport(
        INTEGRERINGSLOVEN,
        '2.1 ("vil gjelde for personer som får innvilget sin første oppholdstillatelse etter at loven er innført")',
      ),
    },
  ],
};

const REFUGEE: PermitRights = { intro: 'rett_og_plikt', norsk: 'rett_og_plikt', asylsoker: false, kartlegging: true };
const FAMILY_NORWEGIAN: PermitRights = { intro: 'nei', norsk: 'rett_og_plikt', asylsoker: false, kartlegging: false };
const WORK: PermitRights = { intro: 'nei', norsk: 'plikt', asylsoker: false, kartlegging: false };
const ASYLUM_SEEKER: PermitRights = { intro: 'nei', norsk: 'nei', asylsoker: true, kartlegging: true };
const NONE: PermitRights = { intro: 'nei', norsk: 'nei', asylsoker: false, kartlegging: false };
/** Chapter 6A: right but no duty, shorter programme (post-report). */
const COLLECTIVE_6A: PermitRights = { intro: 'rett', norsk: 'rett', asylsoker: false, kartlegging: true };

const T22 = 'table 2.2';
function permitRow(key: string, value: PermitRights, law: string, note?: string): DatedRow<PermitRights> {
  return { key, validFrom: null, validTo: null, value, source: fromReport(law, T22, note) };
}

export const PERMIT_RIGHTS_TABLE: DatedRuleTable<PermitRights> = {
  id: 'maalgrupper',
  title: { nb: 'Målgrupper etter oppholdsgrunnlag (tabell 2.2)', en: 'Target groups by permit basis (table 2.2)' },
  dateBasis: 'forste_tillatelse',
  section: '§2',
  rows: [
    permitRow('ASYL_28', REFUGEE, `utlendingsloven § 28; ${PROP_89_L}`, 'mapping §10 unless done in reception'),
    {
      key: 'KOLLEKTIV_34',
      validFrom: null,
      validTo: '2022-03-10',
      value: REFUGEE,
      source: fromReport(`utlendingsloven § 34; ${PROP_89_L}`, T22),
    },
    {
      key: 'KOLLEKTIV_34',
      validFrom: '2022-03-11',
      validTo: null,
      value: COLLECTIVE_6A,
      source: postReport(
        KAP_6A,
        'Displaced persons from Ukraine: the temporary chapter 6A gives rights without duties (Prop. 90 L (2022–2023) ch. 9). ' +
          'Family members of § 34 holders are NOT covered by 6A (ordinary rules). The chapter is temporary (to 2026-07-01); ' +
          'whether competence mapping still applies was not verified.',
        'https://www.imdi.no/kvalifisering/regelverk/kapittel-6a-midlertidige-regler-for-fordrevne-fra-ukraina/',
      ),
    },
    permitRow('OVERFORING_35', REFUGEE, `utlendingsloven § 35; ${PROP_89_L}`, 'mapping done by IMDi before arrival'),
    permitRow('HUMANITAER_38', REFUGEE, `utlendingsloven § 38; ${PROP_89_L}`),
    permitRow('BARNEFAMILIE_38_5', REFUGEE, `utlendingsloven § 38 femte ledd a/b; ${PROP_89_L}`),
    permitRow('FAMILIE_FLYKTNING', REFUGEE, `utlendingsloven kap. 6 (family of the above); ${PROP_89_L}`),
    permitRow('FAMILIE_SELVSTENDIG_53', REFUGEE, `utlendingsloven § 53 (independent permit); ${PROP_89_L}`),
    permitRow(
      'FAMILIE_NORSK',
      FAMILY_NORWEGIAN,
      PROP_89_L,
      'no intro right (municipality may offer); right and duty to Norwegian',
    ),
    permitRow('ARBEID_23', WORK, `utlendingsloven § 23; ${PROP_89_L}`, 'duty only, 300 hours, pays themselves'),
    permitRow('NAERING_25', WORK, `utlendingsloven § 25; ${PROP_89_L}`, 'duty only, 300 hours, pays themselves'),
    permitRow('FAMILIE_ARBEID', WORK, `utlendingsloven kap. 6 (family of §§ 23/25); ${PROP_89_L}`),
    permitRow(
      'ASYLSOKER_MOTTAK',
      ASYLUM_SEEKER,
      `${PROP_89_L} kap. 3`,
      'asylum seekers 18+ in reception, not fast-track/Dublin/rejected; mapping in reception before settlement',
    ),
    permitRow('EOS', NONE, 'EU/EEA free movement: not covered (report 2.2)'),
  ],
};

/** Schemes with an age limit. */
export type AgeScheme = 'intro' | 'norsk_rett_plikt' | 'norsk_plikt' | 'asylsoker';

function ageRow(
  regime: Regime,
  scheme: AgeScheme,
  minAge: number,
  maxAge: number | null,
  law: string,
  report: string,
  note?: string,
): DatedRow<AgeLimits> {
  return {
    key: `${regime}:${scheme}`,
    validFrom: null,
    validTo: null,
    value: { minAge, maxAge },
    source: fromReport(law, report, note),
  };
}

/** Age limits in completed years at the decision date, both ends inclusive ("mellom 18 og 55 år"). */
export const AGE_LIMITS_TABLE: DatedRuleTable<AgeLimits> = {
  id: 'aldersgrenser',
  title: { nb: 'Aldersgrenser ved vedtak', en: 'Age limits at the decision' },
  dateBasis: 'vedtak',
  section: '§2',
  rows: [
    ageRow(
      'integreringsloven',
      'intro',
      18,
      55,
      `${INTEGRERINGSLOVEN} kap. 4`,
      '2.2 and note 7 (cannot "grow into" the group)',
    ),
    ageRow('integreringsloven', 'norsk_rett_plikt', 18, 67, `${INTEGRERINGSLOVEN} kap. 6`, '2.2'),
    ageRow(
      'integreringsloven',
      'norsk_plikt',
      18,
      67,
      `${INTEGRERINGSLOVEN} kap. 6`,
      '2.1–2.2 (16–17-year-olds no longer covered)',
    ),
    ageRow(
      'integreringsloven',
      'asylsoker',
      18,
      null,
      `${INTEGRERINGSLOVEN} kap. 3`,
      'table 2.2 ("Asylsøkere over 18")',
    ),
    ageRow('introduksjonsloven', 'intro', 18, 55, `${INTRODUKSJONSLOVEN} § 2`, '2.2'),
    ageRow(
      'introduksjonsloven',
      'norsk_rett_plikt',
      16,
      67,
      `${INTRODUKSJONSLOVEN} § 17`,
      '2.1 (16–17-year-olds were covered before)',
      'old act: right and duty 16–55, right only 55–67; both counted as norsk_rett_plikt',
    ),
    ageRow(
      'introduksjonsloven',
      'norsk_plikt',
      16,
      55,
      `${INTRODUKSJONSLOVEN} § 17`,
      '2.1',
      'old act: duty 16–55 for work-permit holders',
    ),
    ageRow(
      'introduksjonsloven',
      'asylsoker',
      18,
      null,
      `${INTRODUKSJONSLOVEN} § 17`,
      '2.1',
      'lower limit for the old act not verified; 18 used for both',
    ),
  ],
};
