/** Link 1 — Innsats (effort): table 5.1 of the report, section 5.1. */
import {
  ELEMENT_ARBEIDSRETTET,
  WORK_SUBGROUP,
  SLUTTMAAL,
  type WorkSubgroup,
} from '../../contract/codes.ts';
import type { FactSpec } from '../ir.ts';
import { t, type IndicatorDef } from '../definition.ts';
import type { MeasureSpec } from '../ir.ts';
import { mean, median, share, KOHORT_BEGRUNNELSE, introUnits, municipalityYear } from './helpers.ts';

const BASE = ['gruppe', 'lovregime', 'periode', 'region', 'kjonn'] as const;
const INTRO_COHORTS = ['aktive', 'startkohort', 'avslutningskohort', 'bosettingskohort'] as const;
const VGO = ['vgo_studiespesialisering', 'vgo_yrkesfag', 'vgo_kombinasjon'];
const el = (elements: readonly string[]) => ({ kind: 'element_in_period', elements }) as const;

const WORK_GROUP_NAMES: Record<WorkSubgroup, [string, string]> = {
  kurs: ['Arbeidsrettede kurs', 'Work-oriented courses'],
  subsidiert_arbeid: ['Subsidiert arbeid', 'Subsidised work'],
  praksis: ['Arbeidspraksis og hospitering', 'Work practice'],
  ordinaert_arbeid: ['Ordinært arbeid', 'Ordinary work'],
  annet: ['Annet arbeidsrettet', 'Other work-oriented'],
};

function workMeasures(): MeasureSpec[] {
  const groups = Object.keys(WORK_GROUP_NAMES) as WorkSubgroup[];
  const byGroup = groups.map((g) => {
    const codes = ELEMENT_ARBEIDSRETTET.filter((e) => WORK_SUBGROUP[e] === g);
    const [nb, en] = WORK_GROUP_NAMES[g];
    return share(g, t(nb, en), el(codes));
  });
  // Every element code on its own; wage subsidy must be visible separately (table 5.1).
  // `ordinaert_arbeid` is both a group and its only element: one measure.
  const byCode = ELEMENT_ARBEIDSRETTET.filter((e) => !groups.includes(e as WorkSubgroup)).map((e) => share(e, t(`Element: ${e}`, `Element: ${e}`), el([e]), { deepestRegion: 'fylke' }));
  return [share('arbeidsrettet', t('Minst ett arbeidsrettet element', 'Any work-oriented element'), el(ELEMENT_ARBEIDSRETTET)), ...byGroup, ...byCode];
}


/** Programme-length bands in months (I4 distribution, section 5.1.1.1): [from, to), the last open. */
const LENGTH_BANDS: readonly (readonly [number, number | null])[] = [[0, 6], [6, 12], [12, 18], [18, 24], [24, 36], [36, 48], [48, null]];

function lengthMeasures(): MeasureSpec[] {
  return LENGTH_BANDS.map(([from, to]) => {
    const kode = `lengde:${from}_${to ?? ''}`;
    const label = to === null ? `${from}+` : `${from}–${to}`;
    return share(kode, t(`Programtid ${label} måneder`, `Programme length ${label} months`), { kind: 'programme_months_band', fromMonths: from, toMonths: to }, { additiveGroup: 'lengde', deepestRegion: 'fylke' });
  });
}

/**
 * Who did the step (section 5.1.1.2, spec I5): competence mapping by the host municipality of the
 * reception centre, IMDi (resettlement refugees) or the settlement municipality; career guidance
 * by the county (or, where it delegates, the municipality). Among intro participants who had the
 * step within 3 months; a row without `utfort_av` is missing.
 */
const STEP_ACTORS = {
  kompetansekartlegging: ['vertskommune', 'imdi', 'bosettingskommune'],
  karriereveiledning: ['fylkeskommune', 'bosettingskommune'],
} as const;

function actorMeasures(): MeasureSpec[] {
  return (Object.keys(STEP_ACTORS) as (keyof typeof STEP_ACTORS)[]).flatMap((step) => {
    const among: FactSpec = { kind: 'all_of', facts: [{ kind: 'subgroup', subgroup: 'intro' }, { kind: 'startup_step', step, withinMonths: 3 }] };
    return STEP_ACTORS[step].map((actor) =>
      share(`${step}:${actor}`, t(`${step} utført av ${actor}`, `${step} done by ${actor}`), { kind: 'startup_actor', step, actors: [actor] }, { among, additiveGroup: `aktor:${step}`, deepestRegion: 'fylke' }),
    );
  });
}

/** End goal by education brought from before arrival (section 5.1.1.5, spec I10). */
const BACKGROUNDS = ['ingen', 'grunnskole', 'vgo', 'hoyere'] as const;

function endGoalByBackground(): MeasureSpec[] {
  return BACKGROUNDS.flatMap((b) => SLUTTMAAL.map((g) =>
    share(`utd:${b}:${g}`, t(`Utdanning ${b}: sluttmål ${g}`, `Education ${b}: end goal ${g}`), { kind: 'last_end_goal', codes: [g] }, {
      among: { kind: 'education_background', levels: [b] }, additiveGroup: `utd:${b}`, deepestRegion: 'fylke',
    })));
}

export const INNSATS: readonly IndicatorDef[] = [
  {
    id: 'I1',
    ledd: 'innsats',
    navn: t('Utdanningselementer i programmet', 'Education elements in the programme'),
    beskrivelse: t(
      'Andel introdeltakere med grunnskole- eller videregående opplæring som element i året.',
      'Share of intro participants with primary or upper-secondary education as an element in the year.',
    ),
    populasjon: t('Introdeltakere aktive i år Y', 'Intro participants active in year Y'),
    teller: t('Har et element av typen som overlapper år Y', 'Has an element of the type overlapping year Y'),
    kilder: ['introprogram', 'elementer'],
    kjerne: true,
    kapittel: '5.1.1.1',
    ...introUnits('aktive', INTRO_COHORTS),
    measures: [
      share('grunnskole', t('Grunnskoleopplæring', 'Primary school'), el(['grunnskole'])),
      share('vgo', t('Videregående opplæring (alle løp)', 'Upper secondary (any track)'), el(VGO)),
      share('vgo_studiespesialisering', t('Vgo studiespesialisering', 'Upper secondary, general'), el(['vgo_studiespesialisering'])),
      share('vgo_yrkesfag', t('Vgo yrkesfag', 'Upper secondary, vocational'), el(['vgo_yrkesfag'])),
      share('vgo_kombinasjon', t('Vgo kombinasjonsklasse', 'Upper secondary, combination'), el(['vgo_kombinasjon'])),
    ],
  },
  {
    id: 'I2',
    ledd: 'innsats',
    navn: t('Arbeidsrettede elementer', 'Work-oriented elements'),
    beskrivelse: t(
      'Andel introdeltakere med arbeidsrettede elementer i året, samlet, per gruppe og per element; lønnstilskudd vises for seg.',
      'Share of intro participants with work-oriented elements in the year, overall, by group and by element; wage subsidy shown on its own.',
    ),
    populasjon: t('Introdeltakere aktive i år Y', 'Intro participants active in year Y'),
    teller: t('Har et arbeidsrettet element som overlapper år Y', 'Has a work-oriented element overlapping year Y'),
    kilder: ['introprogram', 'elementer'],
    kjerne: true,
    kapittel: '5.1.1.1',
    ...introUnits('aktive', INTRO_COHORTS),
    measures: workMeasures(),
  },
  {
    id: 'I3',
    ledd: 'innsats',
    navn: t('Timer norskopplæring', 'Hours of Norwegian training'),
    beskrivelse: t(
      'Timer norskopplæring per deltaker innenfor perioden med rett og plikt (36 måneder fra bosetting, 18 for dem med vgo eller høyere utdanning).',
      'Hours of Norwegian training per participant within the right-and-duty period (36 months from settlement, 18 for those with upper secondary or higher education).',
    ),
    populasjon: t(
      'Bosettingskohort Y i gruppene intro og norsk_rett_plikt der perioden med rett og plikt er over',
      'Settlement cohort Y in groups intro and norsk_rett_plikt whose right-and-duty period has ended',
    ),
    teller: t('Sum timer i månedene innenfor perioden; snitt og median', 'Sum of hours in the months inside the period; mean and median'),
    kilder: ['personer', 'norsktimer'],
    kjerne: true,
    kapittel: '5.1.1.1',
    kohort: 'bosettingskohort',
    kohortBegrunnelse: KOHORT_BEGRUNNELSE.bosettingskohort,
    kohorter: ['bosettingskohort'],
    breakdowns: BASE,
    population: { kind: 'settled', cohort: 'bosettingskohort', groups: ['intro', 'norsk_rett_plikt'], ready: { kind: 'rights_period_ended' } },
    region: 'ansvarlig',
    measures: [
      mean('snitt', t('Gjennomsnittlig antall timer', 'Mean hours'), { kind: 'norwegian_hours' }, 'timer'),
      median('median', t('Median antall timer', 'Median hours'), { kind: 'norwegian_hours' }, 'timer'),
    ],
  },
  {
    id: 'I4',
    ledd: 'innsats',
    navn: t('Programtid', 'Programme length'),
    beskrivelse: t(
      'Måneder fra start til slutt (inkl. forlengelse), fordelingen av lengdene (lengde:<fra>_<til> måneder), og hvordan lengden ligger mot taket for undergruppen og sluttmålet (lovregler §5).',
      'Months from start to end (incl. extensions), the distribution of lengths (lengde:<from>_<to> months), and how the length sits against the cap for the subgroup and end goal (law rules §5).',
    ),
    populasjon: t('Introdeltakere med programslutt i år Y', 'Intro participants whose programme ended in year Y'),
    teller: t(
      'Måneder = dager / 30,4375; andel forlenget; andel ved taket (±0,5 mnd); andel over taket',
      'Months = days / 30.4375; share extended; share at the cap (±0.5 month); share above the cap',
    ),
    kilder: ['introprogram', 'maal'],
    kjerne: true,
    kapittel: '5.1.1.1',
    ...introUnits('avslutningskohort', ['avslutningskohort', 'startkohort', 'bosettingskohort']),
    measures: [
      mean('snitt_mnd', t('Gjennomsnittlig programtid (måneder)', 'Mean programme length (months)'), { kind: 'programme_months' }, 'maaneder'),
      share('andel_forlenget', t('Andel med forlenget program', 'Share extended'), { kind: 'programme_flag', column: 'forlenget' }),
      share('andel_ved_tak', t('Andel ved taket', 'Share at the cap'), { kind: 'programme_vs_cap', relation: 'at' }),
      share('andel_over_tak', t('Andel over taket', 'Share above the cap'), { kind: 'programme_vs_cap', relation: 'above' }),
      ...lengthMeasures(),
    ],
  },
  {
    id: 'I5',
    ledd: 'innsats',
    navn: t('Oppstartskrav innen 3 måneder', 'Start-up requirements within 3 months'),
    beskrivelse: t(
      'Hvert krav for seg (ingen samleindeks, kap. 5.1.1.2): kompetansekartlegging, karriereveiledning, integreringsplan, programstart innen 3 måneder etter bosetting; norskplan for gruppen med rett og plikt. Hvem som utførte kartleggingen og karriereveiledningen (<steg>:<aktør>), blant dem som fikk steget innen fristen.',
      'Each requirement separately (no combined index, section 5.1.1.2): competence mapping, career guidance, integration plan, programme start within 3 months of settlement; Norwegian plan for the right-and-duty group. Who did the mapping and the career guidance (<step>:<actor>), among those who had the step within the deadline.',
    ),
    populasjon: t('Introdeltakere (norskplan: norsk_rett_plikt) i bosettingskohort Y, bosatt minst 3 måneder før dataenes siste dato', 'Intro participants (norskplan: norsk_rett_plikt) in settlement cohort Y settled at least 3 months before the data end'),
    teller: t('Steget (eller programstart) datert ≤ bosetting + 3 måneder', 'The step (or programme start) dated ≤ settlement + 3 months'),
    kilder: ['oppstart', 'introprogram'],
    kjerne: false,
    kapittel: '5.1.1.2',
    kohort: 'bosettingskohort',
    kohortBegrunnelse: KOHORT_BEGRUNNELSE.bosettingskohort,
    kohorter: ['bosettingskohort'],
    breakdowns: BASE,
    population: { kind: 'settled', cohort: 'bosettingskohort', groups: ['intro', 'norsk_rett_plikt'], ready: { kind: 'months_since_anchor', months: 3, anchor: 'bosetting' } },
    region: 'ansvarlig',
    measures: (['kompetansekartlegging', 'karriereveiledning', 'integreringsplan', 'programstart'] as const)
      .map((s) => share(s, t(`${s} innen 3 mnd`, `${s} within 3 months`), { kind: 'startup_step', step: s, withinMonths: 3 }, { among: { kind: 'subgroup', subgroup: 'intro' } }))
      .concat([
        share('norskplan', t('Norskplan innen 3 mnd', 'Norwegian plan within 3 months'), { kind: 'startup_step', step: 'norskplan', withinMonths: 3 }, { among: { kind: 'subgroup', subgroup: 'norsk_rett_plikt' } }),
        ...actorMeasures(),
      ]),
  },
  {
    id: 'I6',
    ledd: 'innsats',
    navn: t('Program på heltid', 'Full-time programme'),
    beskrivelse: t('Andel med helårlig heltidsprogram; andel av vgo-deltakere som tar vgo på heltid.', 'Share with a full-time programme; share of vgo participants taking vgo full-time.'),
    populasjon: t('Introdeltakere aktive i år Y', 'Intro participants active in year Y'),
    teller: t('Programmet er på heltid / vgo på heltid', 'Programme is full-time / vgo full-time'),
    kilder: ['introprogram', 'elementer'],
    kjerne: false,
    kapittel: '5.1.1.1',
    ...introUnits('aktive', INTRO_COHORTS),
    measures: [
      share('heltid', t('Heltidsprogram', 'Full-time programme'), { kind: 'programme_flag', column: 'heltid' }),
      share('vgo_heltid', t('Vgo på heltid blant vgo-deltakere', 'Full-time vgo among vgo participants'), { kind: 'programme_flag', column: 'vgo_heltid' }, { among: el(VGO) }),
    ],
  },
  {
    id: 'I7',
    ledd: 'innsats',
    navn: t('Lærere som oppfyller kompetansekravet', 'Teachers meeting the competence requirement'),
    beskrivelse: t('Andel norsklærere med minst 30 studiepoeng i norsk som andrespråk.', 'Share of Norwegian teachers with at least 30 credits.'),
    populasjon: t('Norsklærere i kommunen i år Y', 'Norwegian teachers in the municipality in year Y'),
    teller: t('Lærere som oppfyller kravet', 'Teachers meeting the requirement'),
    kilder: ['kommune_aar'],
    kjerne: false,
    kapittel: '5.1.1.3',
    ...municipalityYear(),
    region: 'bosetting',
    measures: [share('andel', t('Andel lærere med kompetanse', 'Share of teachers qualified'), { kind: 'municipality_ratio', numerator: 'laerere_kompetanse', denominator: 'laerere_totalt' })],
  },
  {
    id: 'I8',
    ledd: 'innsats',
    navn: t('Brukererfaringer', 'User experience'),
    beskrivelse: t('Andel positive svar per spørsmål i brukerundersøkelsen (aggregert).', 'Share of positive answers per survey question (aggregated).'),
    populasjon: t('Svar fra introdeltakere', 'Answers from intro participants'),
    teller: t('Positive svar', 'Positive answers'),
    kilder: ['brukerundersokelse'],
    kjerne: false,
    kapittel: '5.1.1.4',
    ...municipalityYear(),
    region: 'bosetting',
    surveyMeasures: { pattern: '^(tillit|tilhorighet|trivsel)', exclude: true },
    measures: [share('sporsmal:*', t('Ett mål per spørsmål', 'One measure per question'), { kind: 'municipality_ratio', numerator: 'andel_positiv', denominator: 'antall_svar' })],
  },
  {
    id: 'I9',
    ledd: 'innsats',
    navn: t('Kommunale utgifter', 'Municipal spending'),
    beskrivelse: t('KOSTRA netto driftsutgifter til introduksjonsordningen per deltaker aktiv i året.', 'KOSTRA net operating expenditure on the introduction scheme per participant active in the year.'),
    populasjon: t('Introdeltakere aktive i år Y (ansvarlig kommune)', 'Intro participants active in year Y (responsible municipality)'),
    teller: t('Netto driftsutgifter', 'Net operating expenditure'),
    kilder: ['kommune_aar', 'introprogram'],
    kjerne: false,
    kapittel: '5.1.1.3',
    ...municipalityYear(),
    region: 'ansvarlig',
    measures: [mean('kr_per_deltaker', t('Kroner per deltaker', 'NOK per participant'), { kind: 'spend_per_participant' }, 'kr')],
  },
  {
    id: 'I10',
    ledd: 'innsats',
    navn: t('Ambisjonsnivå i sluttmål', 'Ambition of end goals'),
    beskrivelse: t('Fordeling av siste justerte sluttmål, samlet og etter utdanning fra hjemlandet (utd:<utdanning>:<sluttmål>); andel av under_25 med sluttmål fullført vgo.', 'Distribution of the last adjusted end goal, overall and by education from before arrival (utd:<education>:<goal>); share of under_25 with end goal completed vgo.'),
    populasjon: t('Introdeltakere med programstart i år Y', 'Intro participants starting in year Y'),
    teller: t('Siste justerte sluttmål', 'Last adjusted end goal'),
    kilder: ['introprogram', 'maal'],
    kjerne: false,
    kapittel: '5.1.1.5',
    ...introUnits('startkohort', ['startkohort', 'aktive', 'avslutningskohort']),
    measures: [
      ...SLUTTMAAL.map((g) => share(g, t(`Sluttmål ${g}`, `End goal ${g}`), { kind: 'last_end_goal', codes: [g] }, { additiveGroup: 'sluttmaal' })),
      share('u25_fullfort_vgo', t('Under 25 med sluttmål fullført vgo', 'Under 25 with end goal completed vgo'), { kind: 'last_end_goal', codes: ['fullfort_vgo'] }, { among: { kind: 'subgroup', subgroup: 'under_25' } }),
      ...endGoalByBackground(),
    ],
  },
  {
    id: 'I11',
    ledd: 'innsats',
    navn: t('Karriereveiledning mot sluttmål og tilbud', 'Career guidance vs end goal vs offer'),
    beskrivelse: t('Blant dem karriereveiledningen anbefalte (delvis/fullført) vgo: andel med vgo som sluttmål og andel som får et vgo-element.', 'Among those recommended (partial/complete) vgo: share with a vgo end goal and share who get a vgo element.'),
    populasjon: t('Introdeltakere med programstart i år Y anbefalt vgo', 'Intro participants starting in year Y recommended vgo'),
    teller: t('Vgo som sluttmål / vgo-element', 'vgo end goal / vgo element'),
    kilder: ['oppstart', 'maal', 'elementer'],
    kjerne: false,
    kapittel: '5.1.1.5',
    ...introUnits('startkohort', ['startkohort']),
    measures: [
      share('vgo_sluttmaal', t('Sluttmål vgo', 'vgo end goal'), { kind: 'last_end_goal', codes: ['fullfort_vgo', 'delvis_vgo'] }, { among: { kind: 'recommended_goal', codes: ['fullfort_vgo', 'delvis_vgo'] } }),
      share('vgo_element', t('Får vgo-element', 'Gets a vgo element'), el(VGO), { among: { kind: 'recommended_goal', codes: ['fullfort_vgo', 'delvis_vgo'] } }),
    ],
  },
  {
    id: 'I12',
    ledd: 'innsats',
    navn: t('Rask start på vgo', 'Quick start of vgo'),
    beskrivelse: t('Måneder fra bosetting til første vgo-element, for deltakere med vgo som sluttmål.', 'Months from settlement to the first vgo element, for participants with a vgo end goal.'),
    populasjon: t('Introdeltakere med programstart i år Y og vgo som sluttmål, som har fått et vgo-element', 'Intro participants starting in year Y with a vgo end goal who got a vgo element'),
    teller: t('Måneder fra bosetting til første vgo-element', 'Months from settlement to first vgo element'),
    kilder: ['maal', 'elementer'],
    kjerne: false,
    kapittel: '5.1.1.5',
    ...introUnits('startkohort', ['startkohort']),
    measures: [
      { ...mean('snitt_mnd', t('Måneder til første vgo-element', 'Months to first vgo element'), { kind: 'months_to_first_element', elements: VGO }, 'maaneder'), among: { kind: 'last_end_goal', codes: ['fullfort_vgo', 'delvis_vgo'] } },
    ],
  },
  {
    id: 'I13',
    ledd: 'innsats',
    navn: t('Ambisjonsnivå i norskmål', 'Ambition of language goals'),
    beskrivelse: t('Andel registrerte norskmål under / lik / over retningslinjen for personens utdanning (tabell 5.4).', 'Share of registered language goals below / at / above the guideline for the person\'s education (table 5.4).'),
    populasjon: t('Bosettingskohort Y i gruppene intro og norsk_rett_plikt med registrert norskmål', 'Settlement cohort Y in groups intro and norsk_rett_plikt with a registered language goal'),
    teller: t('Målet sammenlignet med retningslinjen', 'The goal compared to the guideline'),
    kilder: ['maal', 'personer'],
    kjerne: false,
    kapittel: '5.1.1.5',
    kohort: 'bosettingskohort',
    kohortBegrunnelse: KOHORT_BEGRUNNELSE.bosettingskohort,
    kohorter: ['bosettingskohort'],
    breakdowns: BASE,
    population: { kind: 'settled', cohort: 'bosettingskohort', groups: ['intro', 'norsk_rett_plikt'], ready: { kind: 'months_since_anchor', months: 3, anchor: 'bosetting' } },
    region: 'ansvarlig',
    measures: (['under', 'lik', 'over'] as const).map((r) =>
      share(r, t(`Norskmål ${r} retningslinjen`, `Language goal ${r} guideline`), { kind: 'language_ambition', relation: r }, { additiveGroup: 'ambisjon' }),
    ),
  },
];

