/**
 * The input data contract as data (docs/data-contract.md): tables, columns, types and checks.
 * Pure: ingest validates against it, the generator writes it, the docs describe it.
 */
import type { CodeListName } from './codes.ts';

/** Version of the input contract; bump and document every change in docs/data-contract.md. */
export const CONTRACT_VERSION = '1.0.0';

export type ColumnType =
  | 'pseudonym' // person_id: any string ≤ 64 characters, never a valid fødselsnummer/D-number
  | 'string'
  | 'date' // YYYY-MM-DD
  | 'month' // YYYY-MM
  | 'int'
  | 'number'
  | 'bool' // true/false
  | 'kommune' // 4-digit SSB code, valid at the event's date (harmonised at ingest)
  | 'code'; // a value from a named code list

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** The column must be present in the file (a missing required column refuses the file). */
  readonly required: boolean;
  /** An empty field is allowed. */
  readonly nullable: boolean;
  readonly codes?: CodeListName;
  readonly min?: number;
  readonly max?: number;
  /** Dates: may not be after the run's reference date (no events in the future). */
  readonly notFuture?: boolean;
  readonly description: string;
}

/** Checks across the columns of one row. */
export type RowCheck =
  | { readonly kind: 'order'; readonly first: string; readonly then: string } // then ≥ first when both present
  | { readonly kind: 'proeve_resultat' } // resultat must fit prove (CEFR / bestått / grade)
  | { readonly kind: 'maal_type' }; // sluttmaal rows need sluttmaal; norskmaal rows need levels

export interface TableSpec {
  readonly name: string;
  readonly source: string;
  /** Required for a minimal run. */
  readonly required: boolean;
  /** Rows refer to `personer.person_id` (cross-table check). */
  readonly perPerson: boolean;
  /** Columns whose combination must be unique (duplicates are set aside, first row kept). */
  readonly unique?: readonly string[];
  readonly columns: readonly ColumnSpec[];
  readonly rowChecks: readonly RowCheck[];
}

const col = (
  name: string,
  type: ColumnType,
  description: string,
  opts: Partial<Omit<ColumnSpec, 'name' | 'type' | 'description'>> = {},
): ColumnSpec => ({ name, type, description, required: true, nullable: false, ...opts });

const personId = col('person_id', 'pseudonym', 'pseudonym for the person');
const optional = { nullable: true } as const;
const optionalColumn = { required: false, nullable: true } as const;

export const TABLES: readonly TableSpec[] = [
  {
    name: 'personer',
    source: 'SSB befolkningsregister / UDI',
    required: true,
    perPerson: false,
    unique: ['person_id'],
    columns: [
      personId,
      col('fodt', 'month', 'birth month'),
      col('kjonn', 'code', '1 = man, 2 = woman', { codes: 'kjonn' }),
      col('landbakgrunn', 'string', 'country background, ISO 3166-1 alpha-3'),
      col('tillatelse', 'code', 'permit basis (law-rules §2)', { codes: 'tillatelse' }),
      col('innvandringskategori', 'code', 'how the person came', { codes: 'innvandringskategori' }),
      col('forste_tillatelse_dato', 'date', 'first residence permit → law regime', { notFuture: true }),
      col('ankomstdato', 'date', 'arrival in Norway', { notFuture: true }),
      col('bosettingsdato', 'date', 'settlement in a municipality', { ...optional, notFuture: true }),
      col('bosettingskommune', 'kommune', 'settlement municipality', optional),
      col('utdanning_medbrakt', 'code', 'education from before arrival', { codes: 'utdanning_medbrakt' }),
      col('barn_under_18', 'bool', 'has children under 18 at settlement', optional),
      col('utvandret_dato', 'date', 'emigrated', { ...optional, notFuture: true }),
      col('dod_dato', 'date', 'died', { ...optional, notFuture: true }),
    ],
    rowChecks: [
      { kind: 'order', first: 'ankomstdato', then: 'bosettingsdato' },
      { kind: 'order', first: 'ankomstdato', then: 'utvandret_dato' },
      { kind: 'order', first: 'ankomstdato', then: 'dod_dato' },
    ],
  },
  {
    name: 'introprogram',
    source: 'NIR',
    required: true,
    perPerson: true,
    unique: ['person_id', 'vedtaksdato'],
    columns: [
      personId,
      col('kommune', 'kommune', 'municipality responsible'),
      col('vedtaksdato', 'date', 'decision', { notFuture: true }),
      col('startdato', 'date', 'programme start', { ...optional, notFuture: true }),
      col('sluttdato', 'date', 'programme end (empty while running)', { ...optional, notFuture: true }),
      col('planlagt_slutt', 'date', 'planned end including granted extensions', optional),
      col('forlenget', 'bool', 'extension granted', optional),
      col('heltid', 'bool', 'full-time, full-year programme', optional),
      col('vgo_heltid', 'bool', 'takes upper-secondary full-time as the programme', optional),
    ],
    rowChecks: [
      { kind: 'order', first: 'startdato', then: 'sluttdato' },
      { kind: 'order', first: 'startdato', then: 'planlagt_slutt' },
    ],
  },
  {
    name: 'maal',
    source: 'NIR',
    required: false,
    perPerson: true,
    columns: [
      personId,
      col('dato', 'date', 'when set or adjusted', { notFuture: true }),
      col('type', 'code', 'sluttmaal / norskmaal', { codes: 'maal_type' }),
      col('sluttmaal', 'code', 'end goal (type sluttmaal)', { ...optional, codes: 'sluttmaal' }),
      col('lytte', 'code', 'listening target', { ...optional, codes: 'cefr' }),
      col('lese', 'code', 'reading target', { ...optional, codes: 'cefr' }),
      col('skrive', 'code', 'writing target', { ...optional, codes: 'cefr' }),
      col('muntlig', 'code', 'oral target', { ...optional, codes: 'cefr' }),
      col('vgo_karakter', 'int', 'target final grade for full-time vgo', { ...optionalColumn, min: 1, max: 6 }),
    ],
    rowChecks: [{ kind: 'maal_type' }],
  },
  {
    name: 'elementer',
    source: 'NIR',
    required: false,
    perPerson: true,
    columns: [
      personId,
      col('element', 'code', 'element code', { codes: 'element' }),
      col('startdato', 'date', 'element start', { notFuture: true }),
      col('sluttdato', 'date', 'element end', { ...optional, notFuture: true }),
      col('heltid', 'bool', 'full-time', optional),
    ],
    rowChecks: [{ kind: 'order', first: 'startdato', then: 'sluttdato' }],
  },
  {
    name: 'oppstart',
    source: 'NIR / Kompass / KomBo',
    required: false,
    perPerson: true,
    columns: [
      personId,
      col('type', 'code', 'start-up step', { codes: 'oppstart_type' }),
      col('dato', 'date', 'when done', { notFuture: true }),
      col('utfort_av', 'code', 'who did it', { ...optional, codes: 'utfort_av' }),
      col('anbefalt_sluttmaal', 'code', 'career guidance recommended end goal', { ...optional, codes: 'sluttmaal' }),
      col('med_hjelp', 'bool', 'mapping filled in with help', optional),
    ],
    rowChecks: [],
  },
  {
    name: 'norsktimer',
    source: 'NIR',
    required: false,
    perPerson: true,
    unique: ['person_id', 'aar_mnd'],
    columns: [
      personId,
      col('aar_mnd', 'month', 'month', { notFuture: true }),
      col('timer', 'number', 'hours of Norwegian training', { min: 0, max: 744 }),
    ],
    rowChecks: [],
  },
  {
    name: 'avslutning',
    source: 'NIR',
    required: false,
    perPerson: true,
    columns: [
      personId,
      col('dato', 'date', 'completion date', { notFuture: true }),
      col('hovedaarsak', 'code', 'main reason', { codes: 'aarsak' }),
      col('aarsak2', 'code', 'further reason', { ...optional, codes: 'aarsak' }),
      col('aarsak3', 'code', 'further reason', { ...optional, codes: 'aarsak' }),
      col('sluttmaal_oppnaadd', 'bool', 'last adjusted end goal reached', optional),
    ],
    rowChecks: [],
  },
  {
    name: 'proever',
    source: 'PAD via NIR',
    required: false,
    perPerson: true,
    columns: [
      personId,
      col('dato', 'date', 'test date', { notFuture: true }),
      col('prove', 'code', 'test', { codes: 'prove' }),
      col('delprove', 'code', 'sub-test (for norsk)', { ...optional, codes: 'delprove' }),
      col('resultat', 'string', 'CEFR level, bestatt/ikke_bestatt, or grade 1–6'),
    ],
    rowChecks: [{ kind: 'proeve_resultat' }],
  },
  {
    name: 'utfall',
    source: 'SSB person registers',
    required: false,
    perPerson: true,
    unique: ['person_id', 'aar'],
    columns: [
      personId,
      col('aar', 'int', 'year (status in November)', { min: 1990, max: 2100 }),
      col('bosted', 'kommune', 'municipality of residence', optional),
      col('sysselsatt', 'bool', 'employed (ILO)', optional),
      col('under_utdanning', 'bool', 'registered in education', optional),
      col('yrkesinntekt', 'number', 'earned income that year, NOK', { ...optional, min: 0 }),
      col('heltid', 'bool', 'full-time, for employees', optional),
      col('sosialhjelp', 'bool', 'received social assistance', optional),
      col('sosialhjelp_hovedkilde', 'bool', 'social assistance main income source', optional),
      col('andre_overforinger', 'bool', 'other transfers', optional),
      col('eierstatus', 'code', 'housing tenure', { ...optional, codes: 'eierstatus' }),
    ],
    rowChecks: [],
  },
  {
    name: 'utdanning_norge',
    source: 'SSB NUDB',
    required: false,
    perPerson: true,
    columns: [
      personId,
      col('dato', 'date', 'completed or approved', { notFuture: true }),
      col('nivaa', 'code', 'level', { codes: 'nivaa' }),
      col('kilde', 'code', 'completed in Norway / approved foreign', { codes: 'kilde' }),
    ],
    rowChecks: [],
  },
  {
    name: 'kommune_aar',
    source: 'SSB / KOSTRA',
    required: false,
    perPerson: false,
    unique: ['kommune', 'aar'],
    columns: [
      col('kommune', 'kommune', 'municipality'),
      col('aar', 'int', 'year', { min: 1990, max: 2100 }),
      col('ledighet', 'number', 'registered unemployment, %', { ...optional, min: 0, max: 100 }),
      col('ledighet_innvandrere', 'number', 'unemployment among immigrants, %', { ...optional, min: 0, max: 100 }),
      col('sentralitet', 'int', 'centrality class 1–6', { ...optional, min: 1, max: 6 }),
      col('netto_driftsutgifter_intro', 'number', 'KOSTRA net expenditure on intro, NOK', optional),
      col('laerere_totalt', 'int', 'Norwegian teachers', { ...optional, min: 0 }),
      col('laerere_kompetanse', 'int', 'teachers meeting the 30-credit requirement', { ...optional, min: 0 }),
      col('ref_inntekt_over_2g', 'number', 'reference share with income above 2G, %', { ...optional, min: 0, max: 100 }),
      col('ref_sysselsatt', 'number', 'reference employment rate, %', { ...optional, min: 0, max: 100 }),
      col('ref_befolkning', 'int', 'resident population in the reference ages (weights the reference rates of counties and the country)', { ...optional, min: 0 }),
    ],
    rowChecks: [],
  },
  {
    name: 'nasjonalt_aar',
    source: 'SSB',
    required: false,
    perPerson: false,
    unique: ['aar'],
    columns: [
      col('aar', 'int', 'year', { min: 1990, max: 2100 }),
      col('ledighet', 'number', 'unemployment, %', { ...optional, min: 0, max: 100 }),
    ],
    rowChecks: [],
  },
  {
    name: 'brukerundersokelse',
    source: 'IMDi user survey (aggregated)',
    required: false,
    perPerson: false,
    unique: ['kommune', 'aar', 'sporsmal'],
    columns: [
      col('kommune', 'kommune', 'municipality'),
      col('aar', 'int', 'year', { min: 1990, max: 2100 }),
      col('sporsmal', 'string', 'question id'),
      col('andel_positiv', 'number', 'share positive, %', { min: 0, max: 100 }),
      col('antall_svar', 'int', 'number of answers', { min: 0 }),
    ],
    rowChecks: [],
  },
  {
    name: 'kommuneendringer',
    source: 'SSB KLASS 131 (shipped; may be overridden)',
    required: false,
    perPerson: false,
    columns: [
      col('gammel_kode', 'string', 'old code'),
      col('ny_kode', 'string', 'new code'),
      col('gyldig_fra', 'date', 'valid from'),
      col('andel', 'number', 'share of the old unit moved (splits)', { ...optional, min: 0, max: 1 }),
    ],
    rowChecks: [],
  },
];

export function tableSpec(name: string): TableSpec | undefined {
  return TABLES.find((t) => t.name === name);
}
