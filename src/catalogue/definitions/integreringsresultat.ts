/** Link 3 — Integreringsresultat (integration outcomes): table 5.6 of the report, section 5.3. */
import { t, type IndicatorDef } from '../definition.ts';
import type { EducationDeadline, FactSpec, MeasureSpec } from '../ir.ts';
import type { Text } from '../types.ts';
import { share, KOHORT_BEGRUNNELSE, municipalityYear } from './helpers.ts';

const BASE = ['gruppe', 'lovregime', 'periode', 'botid', 'region', 'kjonn'] as const;
const POP = { kind: 'outcome_years', cohort: 'bosettingskohort' } as const;
const POP_TEXT = t(
  'Bosettingskohort Y, bosatt i Norge 1. november år Y + t (ikke utvandret eller død); uten utfallsrad for året telles som manglende',
  'Settlement cohort Y, resident in Norway on 1 November of Y + t (not emigrated or dead); no outcome row for the year counts as missing',
);
const SEVEN_YEARS: FactSpec = { kind: 'years_since_settlement', years: 7 };
const MEASUREMENT: EducationDeadline = { kind: 'measurement' };
const edu = (levels: string[], source: 'fullfort_norge' | 'godkjent_utland'): FactSpec => ({ kind: 'education', levels, source, by: MEASUREMENT });
const eduMeasures = (source: 'fullfort_norge' | 'godkjent_utland') => [
  share('grunnskole', t('Grunnskole', 'Primary school'), edu(['grunnskole'], source)),
  share('vgo', t('Vgo (begge løp)', 'Upper secondary (either track)'), edu(['vgo_studiespesialisering', 'vgo_yrkesfag'], source)),
  share('vgo_studiespesialisering', t('Vgo studiespesialisering', 'Upper secondary, general'), edu(['vgo_studiespesialisering'], source), { deepestRegion: 'fylke' }),
  share('vgo_yrkesfag', t('Vgo yrkesfag', 'Upper secondary, vocational'), edu(['vgo_yrkesfag'], source), { deepestRegion: 'fylke' }),
  share('hoyere', t('Høyere utdanning', 'Higher education'), edu(['hoyere'], source)),
];

/**
 * Output contract: `gap_befolkning` = the share `andel` minus the population's reference rate
 * (kommune_aar.<column>), in percentage points; counties and the country use the municipalities'
 * rates weighted by ref_befolkning (src/engine/reference-gap.ts).
 */
const gap = (column: 'ref_inntekt_over_2g' | 'ref_sysselsatt', navn: Text, fact: FactSpec): MeasureSpec => ({
  kode: 'gap_befolkning',
  navn,
  kind: 'derived',
  enhet: 'prosentpoeng',
  // The fact of the share it is derived from (not compiled: the gap comes from the share's cells).
  fact,
  referenceGap: { of: 'andel', table: 'kommune_aar', column },
});

const base = {
  ledd: 'integreringsresultat',
  populasjon: POP_TEXT,
  kohort: 'bosettingskohort',
  kohortBegrunnelse: KOHORT_BEGRUNNELSE.utfall,
  kohorter: ['bosettingskohort'],
  breakdowns: BASE,
  population: POP,
  region: 'bosetting',
} as const;

export const INTEGRERINGSRESULTAT: readonly IndicatorDef[] = [
  {
    ...base,
    id: 'R1',
    navn: t('I arbeid og/eller utdanning', 'In work and/or education'),
    beskrivelse: t('Andel sysselsatt (ILO) eller under utdanning i november.', 'Share employed (ILO) or in education in November.'),
    teller: t('sysselsatt eller under_utdanning', 'sysselsatt or under_utdanning'),
    kilder: ['utfall'],
    kjerne: true,
    kapittel: '5.3.1.1',
    measures: [share('andel', t('I arbeid eller utdanning', 'In work or education'), { kind: 'outcome_flag', columns: ['sysselsatt', 'under_utdanning'] })],
  },
  {
    ...base,
    id: 'R2',
    navn: t('Sysselsatt', 'Employed'),
    beskrivelse: t(
      'Andel sysselsatt etter ILO-definisjonen i november; i kommune, fylke og landet også avstanden til befolkningens sysselsettingsandel i samme aldersgruppe (prosentpoeng).',
      'Share employed (ILO) in November; in municipality, county and country also the gap to the population\'s employment rate in the same ages (percentage points).',
    ),
    teller: t('sysselsatt', 'sysselsatt'),
    kilder: ['utfall', 'kommune_aar'],
    kjerne: true,
    kapittel: '5.3.1.1',
    measures: [
      share('andel', t('Sysselsatt', 'Employed'), { kind: 'outcome_flag', columns: ['sysselsatt'] }),
      gap('ref_sysselsatt', t('Avstand til befolkningens sysselsetting (prosentpoeng)', 'Gap to the population\'s employment rate (percentage points)'), { kind: 'outcome_flag', columns: ['sysselsatt'] }),
    ],
  },
  {
    ...base,
    id: 'R3',
    navn: t('Yrkesinntekt over 2G', 'Earned income above 2G'),
    beskrivelse: t(
      'Andel med yrkesinntekt ≥ 2 × årets gjennomsnittlige G; i kommune, fylke og landet også avstanden til befolkningens referanseandel i samme aldersgruppe (prosentpoeng).',
      'Share with earned income ≥ 2 × the year\'s average G; in municipality, county and country also the gap to the population\'s reference rate in the same ages (percentage points).',
    ),
    teller: t('yrkesinntekt ≥ 2 × gjennomsnittlig G', 'yrkesinntekt ≥ 2 × average G'),
    kilder: ['utfall', 'kommune_aar'],
    kjerne: true,
    kapittel: '5.3.1.1',
    measures: [
      share('andel', t('Inntekt over 2G', 'Income above 2G'), { kind: 'income_above_g', multiple: 2 }),
      gap('ref_inntekt_over_2g', t('Avstand til befolkningen (prosentpoeng)', 'Gap to the population (percentage points)'), { kind: 'income_above_g', multiple: 2 }),
    ],
  },
  {
    ...base,
    id: 'R4',
    navn: t('Formelle kvalifikasjoner fra Norge', 'Formal qualifications obtained in Norway'),
    beskrivelse: t('Andel med fullført utdanning i Norge på hvert nivå, datert ≤ 1. november år Y + t.', 'Share with education completed in Norway at each level, dated ≤ 1 November of Y + t.'),
    teller: t('En fullfort_norge-rad på nivået', 'A fullfort_norge row of that level'),
    kilder: ['utdanning_norge', 'utfall'],
    kjerne: true,
    kapittel: '5.3.1.2',
    measures: eduMeasures('fullfort_norge'),
  },
  {
    ...base,
    id: 'R5',
    navn: t('Sosialhjelp og overføringer', 'Social assistance and transfers'),
    beskrivelse: t('Andel med sosialhjelp; der sosialhjelp er hovedinntekt; med andre overføringer.', 'Share with social assistance; where it is the main income; with other transfers.'),
    teller: t('Flagg i utfall', 'Flags in utfall'),
    kilder: ['utfall'],
    kjerne: false,
    kapittel: '5.3.1.3',
    sensitive: t('Mottak av sosialhjelp og andre overføringer er en sensitiv opplysning', 'Receiving social assistance and other transfers is sensitive information'),
    measures: [
      share('sosialhjelp', t('Sosialhjelp', 'Social assistance'), { kind: 'outcome_flag', columns: ['sosialhjelp'] }),
      share('sosialhjelp_hovedkilde', t('Sosialhjelp som hovedinntekt', 'Social assistance main income'), { kind: 'outcome_flag', columns: ['sosialhjelp_hovedkilde'] }),
      share('andre_overforinger', t('Andre overføringer', 'Other transfers'), { kind: 'outcome_flag', columns: ['andre_overforinger'] }),
    ],
  },
  {
    ...base,
    id: 'R6',
    navn: t('Heltidsarbeid', 'Full-time work'),
    beskrivelse: t('Blant sysselsatte: andel på heltid.', 'Among the employed: share full-time.'),
    teller: t('heltid', 'heltid'),
    kilder: ['utfall'],
    kjerne: false,
    kapittel: '5.3.1.1',
    measures: [share('heltid', t('Heltid', 'Full-time'), { kind: 'outcome_flag', columns: ['heltid'] }, { among: { kind: 'outcome_flag', columns: ['sysselsatt'] } })],
  },
  {
    ...base,
    id: 'R7',
    navn: t('Godkjent utenlandsk utdanning', 'Approved foreign education'),
    beskrivelse: t('Andel med godkjent utenlandsk utdanning, etter nivå.', 'Share with approved foreign education, by level.'),
    teller: t('En godkjent_utland-rad på nivået', 'A godkjent_utland row of that level'),
    kilder: ['utdanning_norge', 'utfall'],
    kjerne: false,
    kapittel: '5.3.1.2',
    measures: eduMeasures('godkjent_utland'),
  },
  {
    ...base,
    id: 'R8',
    navn: t('Eid bolig', 'Owner-occupied housing'),
    beskrivelse: t('Andel som bor i selveid bolig eller andel/aksje.', 'Share living in owner-occupied or co-op housing.'),
    teller: t('eierstatus selveier eller andel_aksje', 'eierstatus selveier or andel_aksje'),
    kilder: ['utfall'],
    kjerne: false,
    kapittel: '5.3.1.4',
    measures: [share('andel', t('Eier bolig', 'Owns housing'), { kind: 'outcome_code', column: 'eierstatus', codes: ['selveier', 'andel_aksje'] })],
  },
  {
    ...base,
    id: 'R9',
    navn: t('Norsknivå for statsborgerskap', 'Norwegian level for citizenship'),
    beskrivelse: t(
      'Andel som har nådd muntlig nivå som kreves for statsborgerskap på måletidspunktet (lovregler §9). To nevnere: de som tok prøven, og alle fortsatt bosatt; rapportens mål er de som fortsatt bor i Norge etter 7 år (_7aar, botid 7). Kravet ble hevet fra A2 til B1 i 2022: fallet fra måleåret 2022 er en regelendring, ikke tapte ferdigheter. Brukes med varsomhet.',
      'Share who reached the oral level required for citizenship at the time (law rules §9). Two denominators: test takers, and all still resident; the report\'s measure is those still resident after 7 years (_7aar, botid 7). The requirement rose from A2 to B1 in 2022: the drop from measurement year 2022 is a rule change, not lost skills. Use with care.',
    ),
    teller: t('Beste muntlige resultat ≥ kravet', 'Best oral result ≥ the requirement'),
    kilder: ['proever', 'utfall'],
    kjerne: false,
    kapittel: '5.3.1.2',
    measures: [
      share('provetakere', t('Blant prøvetakere', 'Among test takers'), { kind: 'citizenship_oral', denominator: 'provetakere' }),
      share('alle_bosatte', t('Blant alle bosatte', 'Among all residents'), { kind: 'citizenship_oral', denominator: 'alle_bosatte' }),
      // Report 5.3.1.2: "alle tidligere deltakere som fortsatt er bosatt i Norge etter 7 år".
      share('provetakere_7aar', t('Blant prøvetakere bosatt etter 7 år', 'Among test takers resident after 7 years'), { kind: 'citizenship_oral', denominator: 'provetakere' }, { among: SEVEN_YEARS }),
      share('alle_bosatte_7aar', t('Blant alle bosatt etter 7 år', 'Among all resident after 7 years'), { kind: 'citizenship_oral', denominator: 'alle_bosatte' }, { among: SEVEN_YEARS }),
    ],
    brudd: [{
      aar: 2022,
      aarstype: 'maaleaar',
      maal: ['provetakere', 'alle_bosatte', 'provetakere_7aar', 'alle_bosatte_7aar'],
      navn: t(
        'Kravet til muntlig nivå for statsborgerskap ble hevet fra A2 til B1 fra 1. oktober 2022 (lovregler §9): fallet fra måleåret 2022 skyldes regelen, ikke svakere ferdigheter.',
        'The oral level required for citizenship rose from A2 to B1 from 1 October 2022 (law rules §9): the drop from measurement year 2022 is the rule, not weaker skills.',
      ),
    }],
  },
  {
    ...base,
    id: 'R10',
    navn: t('Mykere utfall', 'Softer outcomes'),
    beskrivelse: t('Spørsmål om tillit og tilhørighet i brukerundersøkelsen (aggregert).', 'Survey questions on trust and belonging (aggregated).'),
    populasjon: t('Svar i brukerundersøkelsen', 'Survey answers'),
    teller: t('Positive svar', 'Positive answers'),
    kilder: ['brukerundersokelse'],
    kjerne: false,
    kapittel: '5.3.2',
    ...municipalityYear(),
    surveyMeasures: { pattern: '^(tillit|tilhorighet|trivsel)', exclude: false },
    measures: [share('sporsmal:*', t('Ett mål per spørsmål', 'One measure per question'), { kind: 'municipality_ratio', numerator: 'andel_positiv', denominator: 'antall_svar' })],
  },
];
