/** Link 2 — Programresultat (programme results): table 5.5 of the report, section 5.2. */
import { AARSAK, AARSAK_GRUPPE, type AarsakGruppe } from '../../contract/codes.ts';
import { t, type IndicatorDef } from '../definition.ts';
import type { FactSpec, MeasureSpec } from '../ir.ts';
import { share, KOHORT_BEGRUNNELSE, introUnits } from './helpers.ts';

const BASE = ['gruppe', 'lovregime', 'periode', 'region', 'kjonn'] as const;
const GROUPS = ['intro', 'norsk_rett_plikt', 'norsk_plikt'] as const;

function reasonMeasures(): MeasureSpec[] {
  const hoved = AARSAK.map((a) =>
    share(`hoved:${a}`, t(`Hovedårsak: ${a}`, `Main reason: ${a}`), { kind: 'reason', field: 'hoved', codes: [a] }, { additiveGroup: 'hoved', deepestRegion: 'fylke' }),
  );
  const alle = AARSAK.map((a) =>
    share(`alle:${a}`, t(`Blant alle valgte årsaker: ${a}`, `Among all chosen reasons: ${a}`), { kind: 'reason', field: 'alle', codes: [a] }, { deepestRegion: 'fylke' }),
  );
  const groups = [...new Set(Object.values(AARSAK_GRUPPE))] as AarsakGruppe[];
  const grouped = groups.map((g) =>
    share(
      `gruppe:${g}`,
      t(`Hovedårsak gruppert: ${g}`, `Main reason grouped: ${g}`),
      { kind: 'reason', field: 'hoved', codes: AARSAK.filter((a) => AARSAK_GRUPPE[a] === g) },
      { additiveGroup: 'gruppe' },
    ),
  );
  const education = AARSAK.filter((a) => AARSAK_GRUPPE[a] === 'utdanning');
  // Section 5.2.1.1: work and education combined must be visible ("arbeid og utdanning").
  const both: FactSpec = {
    kind: 'all_of',
    facts: [
      { kind: 'reason', field: 'alle', codes: ['arbeid'] },
      { kind: 'reason', field: 'alle', codes: education },
    ],
  };
  // Section 5.2.1.1: the reason for short and for long programmes (short: under 12 months, the
  // longest a har_vgo programme can run with its extension; long: 12 months or more).
  const byLength = (['kort', 'lang'] as const).flatMap((len) => groups.map((g) =>
    share(
      `${len}:gruppe:${g}`,
      t(`${len === 'kort' ? 'Kort program (< 12 mnd)' : 'Langt program (≥ 12 mnd)'}: ${g}`, `${len === 'kort' ? 'Short programme (< 12 months)' : 'Long programme (≥ 12 months)'}: ${g}`),
      { kind: 'reason', field: 'hoved', codes: AARSAK.filter((a) => AARSAK_GRUPPE[a] === g) },
      { among: { kind: 'programme_months_band', fromMonths: len === 'kort' ? 0 : 12, toMonths: len === 'kort' ? 12 : null }, additiveGroup: `${len}:gruppe`, deepestRegion: 'fylke' },
    )));
  return [...hoved, ...alle, ...grouped, share('arbeid_og_utdanning', t('Både arbeid og utdanning valgt', 'Both work and education chosen'), both), ...byLength];
}

const edu = (levels: string[], by: Extract<FactSpec, { kind: 'education' }>['by']): FactSpec => ({
  kind: 'education',
  levels,
  source: 'fullfort_norge',
  by,
});

export const PROGRAMRESULTAT: readonly IndicatorDef[] = [
  {
    id: 'P1',
    ledd: 'programresultat',
    navn: t('Årsak til avslutning', 'Reason for completion'),
    beskrivelse: t(
      'Fordeling av hovedårsak; andel med hver årsak blant alle valgte; gruppert fordeling, også for korte (< 12 mnd) og lange program. Gamle enkeltårsaker er kodet om til ny liste ved innlesing.',
      'Distribution of the main reason; share with each reason among all chosen; grouped distribution, also for short (< 12 months) and long programmes. Old single-reason codes are mapped at ingest.',
    ),
    populasjon: t('Introdeltakere som avsluttet i år Y (programslutt, ellers avslutningsdato)', 'Intro participants completing in year Y (programme end, else completion date)'),
    teller: t('Årsak registrert i avslutning; uten avslutningsrad telles som manglende', 'Reason registered at completion; no completion row counts as missing'),
    kilder: ['avslutning', 'introprogram'],
    kjerne: true,
    kapittel: '5.2.1',
    ...introUnits('avslutningskohort', ['avslutningskohort', 'startkohort', 'bosettingskohort']),
    measures: reasonMeasures(),
  },
  {
    id: 'P2',
    ledd: 'programresultat',
    navn: t('Kvalifikasjoner oppnådd i programmet', 'Qualifications achieved during the programme'),
    beskrivelse: t(
      'Andel som ved programslutt har fullført grunnskole eller annen formell kompetanse, og vgo innen 5 år etter start.',
      'Share who by programme end passed primary school or other formal competence, and upper secondary within 5 years of start.',
    ),
    populasjon: t('Introdeltakere med programslutt i år Y', 'Intro participants whose programme ended in year Y'),
    teller: t(
      'Fullført i Norge (NUDB) innen fristen; vgo der 5 år ikke er gått og ikke fullført telles som manglende',
      'Completed in Norway (NUDB) by the deadline; vgo where 5 years have not passed and not completed counts as missing',
    ),
    kilder: ['utdanning_norge', 'introprogram'],
    kjerne: true,
    kapittel: '5.2.2',
    ...introUnits('avslutningskohort', ['avslutningskohort', 'startkohort']),
    measures: [
      share('grunnskole', t('Fullført grunnskole', 'Completed primary school'), edu(['grunnskole'], { kind: 'programme_end' })),
      share('vgo', t('Fullført vgo (innen 5 år)', 'Completed upper secondary (within 5 years)'), edu(['vgo_studiespesialisering', 'vgo_yrkesfag'], { kind: 'years_after_start', years: 5 })),
      share('vgo_studiespesialisering', t('Vgo studiespesialisering', 'Upper secondary, general'), edu(['vgo_studiespesialisering'], { kind: 'years_after_start', years: 5 })),
      share('vgo_yrkesfag', t('Vgo yrkesfag', 'Upper secondary, vocational'), edu(['vgo_yrkesfag'], { kind: 'years_after_start', years: 5 })),
      share('annen', t('Annen formell kompetanse (høyere utdanning)', 'Other formal competence (higher education)'), edu(['hoyere'], { kind: 'programme_end' })),
    ],
  },
  {
    id: 'P3',
    ledd: 'programresultat',
    navn: t('Sluttmål nådd', 'End goal reached'),
    beskrivelse: t('Andel som nådde siste justerte sluttmål (rapporten foretrekker P2).', 'Share who reached the last adjusted end goal (the report prefers P2).'),
    populasjon: t('Introdeltakere som avsluttet i år Y', 'Intro participants completing in year Y'),
    teller: t('sluttmaal_oppnaadd = true', 'sluttmaal_oppnaadd = true'),
    kilder: ['avslutning'],
    kjerne: false,
    kapittel: '5.2.2',
    ...introUnits('avslutningskohort', ['avslutningskohort', 'startkohort']),
    measures: [share('andel', t('Sluttmål nådd', 'End goal reached'), { kind: 'end_goal_reached' })],
  },
  {
    id: 'P4',
    ledd: 'programresultat',
    navn: t('Norskferdigheter', 'Norwegian skills'),
    beskrivelse: t(
      'Beste resultat per delprøve innen perioden med rett og plikt (for gruppen med kun plikt: 3 år fra ankomst): (a) nådd norskmålet; (b) minst B1 muntlig og skriftlig (eller vgo-karakter ≥ 2); (c) minst B2 (eller karakter ≥ 4). Personer uten prøve telles som ikke nådd. Målene med endelsen _slutt måler det samme ved endt opplæring (siste måned med norsktimer).',
      'Best result per sub-test by the end of the right-and-duty period (duty-only group: 3 years from arrival): (a) reached the language goal; (b) at least B1 oral and writing (or vgo grade ≥ 2); (c) at least B2 (or grade ≥ 4). Persons without a test count as not reached. The measures ending in _slutt measure the same at the end of training (the last month with Norwegian hours).',
    ),
    populasjon: t('Bosettingskohort Y i gruppene intro, norsk_rett_plikt og norsk_plikt der perioden er over', 'Settlement cohort Y in groups intro, norsk_rett_plikt and norsk_plikt whose period has ended'),
    teller: t('Nådd nivået innen periodens slutt', 'Reached the level by the end of the period'),
    kilder: ['proever', 'maal', 'personer', 'norsktimer'],
    kjerne: true,
    kapittel: '5.2.3',
    kohort: 'bosettingskohort',
    kohortBegrunnelse: KOHORT_BEGRUNNELSE.bosettingskohort,
    kohorter: ['bosettingskohort'],
    breakdowns: BASE,
    malverdier: [
      { maal: 'b1_muntlig', verdi: 90, navn: t('Nasjonalt mål: 90 % minst B1 muntlig (statsbudsjettet 2020)', 'National target: 90 % at least B1 oral (state budget 2020)') },
      { maal: 'b1_skriftlig', verdi: 70, navn: t('Nasjonalt mål: 70 % minst B1 skriftlig (statsbudsjettet 2020)', 'National target: 70 % at least B1 writing (state budget 2020)') },
    ],
    population: { kind: 'settled', cohort: 'bosettingskohort', groups: GROUPS, ready: { kind: 'rights_period_ended' } },
    region: 'ansvarlig',
    measures: [
      share('norskmaal', t('Nådd norskmålet', 'Reached the language goal'), { kind: 'language_goal_reached' }),
      share('b1_muntlig', t('Minst B1 muntlig', 'At least B1 oral'), { kind: 'language_level', oral: 'B1', writing: null, grade: 2 }),
      share('b1_skriftlig', t('Minst B1 skriftlig', 'At least B1 writing'), { kind: 'language_level', oral: null, writing: 'B1', grade: 2 }),
      share('b1_muntlig_skriftlig', t('Minst B1 muntlig og skriftlig', 'At least B1 oral and writing'), { kind: 'language_level', oral: 'B1', writing: 'B1', grade: 2 }),
      share('b2_muntlig_skriftlig', t('Minst B2 muntlig og skriftlig', 'At least B2 oral and writing'), { kind: 'language_level', oral: 'B2', writing: 'B2', grade: 4 }),
      // Section 5.2.1.2: "ved endt opplæring" — the same at the end of training.
      share('norskmaal_slutt', t('Nådd norskmålet ved endt opplæring', 'Reached the language goal at the end of training'), { kind: 'language_goal_reached', by: 'training_end' }),
      share('b1_muntlig_skriftlig_slutt', t('Minst B1 muntlig og skriftlig ved endt opplæring', 'At least B1 oral and writing at the end of training'), { kind: 'language_level', oral: 'B1', writing: 'B1', grade: 2, by: 'training_end' }),
      share('b2_muntlig_skriftlig_slutt', t('Minst B2 muntlig og skriftlig ved endt opplæring', 'At least B2 oral and writing at the end of training'), { kind: 'language_level', oral: 'B2', writing: 'B2', grade: 4, by: 'training_end' }),
    ],
  },
  {
    id: 'P5',
    ledd: 'programresultat',
    navn: t('Bestått samfunnskunnskapsprøve', 'Civics test passed'),
    beskrivelse: t(
      'Andel som bestod samfunnskunnskapsprøven innen 1 år etter vedtak (intro) eller bosetting (andre).',
      'Share who passed the civics test within 1 year of the decision (intro) or settlement (others).',
    ),
    populasjon: t('Intro, norsk_rett_plikt og norsk_plikt i bosettingskohort Y der første år er over', 'Intro, norsk_rett_plikt and norsk_plikt in settlement cohort Y whose first year is over'),
    teller: t('Bestått samfunnskunnskap ≤ 12 måneder etter vedtak/bosetting', 'Passed civics ≤ 12 months after decision/settlement'),
    kilder: ['proever'],
    kjerne: true,
    kapittel: '5.2.3',
    kohort: 'bosettingskohort',
    kohortBegrunnelse: KOHORT_BEGRUNNELSE.bosettingskohort,
    kohorter: ['bosettingskohort'],
    breakdowns: BASE,
    population: { kind: 'settled', cohort: 'bosettingskohort', groups: GROUPS, ready: { kind: 'months_since_anchor', months: 12, anchor: 'vedtak' } },
    region: 'ansvarlig',
    measures: [share('andel', t('Bestått innen 1 år', 'Passed within 1 year'), { kind: 'civics_passed', withinMonths: 12 })],
  },
];
