/** SQL of the person-facts pass: the input query (one row per person) and the typed final table. */
import { sql, type SqlValue } from '../store/index.ts';

/** One person with the rows the rules need (first programme, last goals, first residence). */
export interface InputRow {
  [key: string]: string | number | boolean | null;
  person_id: string;
  fodt: string;
  kjonn: string;
  tillatelse: string;
  forste_tillatelse_dato: string;
  ankomstdato: string;
  bosettingsdato: string | null;
  bosettingskommune: string | null;
  utdanning_medbrakt: string;
  utvandret_dato: string | null;
  dod_dato: string | null;
  ip_kommune: string | null;
  ip_vedtak: string | null;
  ip_start: string | null;
  ip_slutt: string | null;
  ip_forlenget: boolean | null;
  ip_heltid: boolean | null;
  ip_vgo_heltid: boolean | null;
  sm_sluttmaal: string | null;
  nm_lytte: string | null;
  nm_lese: string | null;
  nm_skrive: string | null;
  nm_muntlig: string | null;
  nm_karakter: number | null;
  uf_bosted: string | null;
  av_dato: string | null;
}

/** The columns of the input query, in SELECT order, and how each is read back from a packed row. */
export const INPUT_COLUMNS: readonly (readonly [keyof InputRow & string, 'text' | 'bool' | 'num'])[] = [
  ['person_id', 'text'], ['fodt', 'text'], ['kjonn', 'text'], ['tillatelse', 'text'], ['forste_tillatelse_dato', 'text'],
  ['ankomstdato', 'text'], ['bosettingsdato', 'text'], ['bosettingskommune', 'text'], ['utdanning_medbrakt', 'text'],
  ['utvandret_dato', 'text'], ['dod_dato', 'text'], ['ip_kommune', 'text'], ['ip_vedtak', 'text'], ['ip_start', 'text'],
  ['ip_slutt', 'text'], ['ip_forlenget', 'bool'], ['ip_heltid', 'bool'], ['ip_vgo_heltid', 'bool'], ['sm_sluttmaal', 'text'],
  ['nm_lytte', 'text'], ['nm_lese', 'text'], ['nm_skrive', 'text'], ['nm_muntlig', 'text'], ['nm_karakter', 'num'],
  ['uf_bosted', 'text'], ['av_dato', 'text'],
];

/** The input query with each person as one packed text value `p` (see sql.packRow). */
export function packedInputQuery(tables: Set<string>): string {
  return `SELECT ${sql.packRow(INPUT_COLUMNS.map(([n]) => `i.${sql.quoteIdent(n)}`))} AS p FROM (${inputQuery(tables)}) i`;
}

/** One person from a packed row; throws if the field count is off (a separator inside a value). */
export function parseInputRow(p: string): InputRow {
  const f = p.split(sql.PACK_SEPARATOR);
  if (f.length !== INPUT_COLUMNS.length) throw new Error(`person facts: packed row has ${f.length} fields, expected ${INPUT_COLUMNS.length}`);
  const t = (i: number): string | null => (f[i] === sql.PACK_NULL ? null : f[i]!);
  const b = (i: number): boolean | null => (f[i] === sql.PACK_NULL ? null : f[i] === 'true');
  const n = (i: number): number | null => (f[i] === sql.PACK_NULL ? null : Number(f[i]));
  // An object literal with a fixed key order (one hidden class); order as INPUT_COLUMNS.
  return {
    person_id: t(0)!, fodt: t(1)!, kjonn: t(2)!, tillatelse: t(3)!, forste_tillatelse_dato: t(4)!,
    ankomstdato: t(5)!, bosettingsdato: t(6), bosettingskommune: t(7), utdanning_medbrakt: t(8)!,
    utvandret_dato: t(9), dod_dato: t(10), ip_kommune: t(11), ip_vedtak: t(12), ip_start: t(13),
    ip_slutt: t(14), ip_forlenget: b(15), ip_heltid: b(16), ip_vgo_heltid: b(17), sm_sluttmaal: t(18),
    nm_lytte: t(19), nm_lese: t(20), nm_skrive: t(21), nm_muntlig: t(22), nm_karakter: n(23),
    uf_bosted: t(24), av_dato: t(25),
  };
}

/** Staging columns in the order personRow() yields them; dates are text and cast in finalSelect. */
export const STAGING_COLUMNS: readonly (readonly [string, string])[] = [
  ['person_id', 'VARCHAR'], ['kjonn', 'VARCHAR'], ['lovregime', 'VARCHAR'], ['maalgruppe', 'VARCHAR'],
  ['undergruppe', 'VARCHAR'], ['bosatt_dato', 'VARCHAR'], ['ikke_bosatt', 'BOOLEAN'],
  ['kommune_bosetting', 'VARCHAR'], ['kommune_ansvarlig', 'VARCHAR'], ['intro_vedtak', 'VARCHAR'],
  ['intro_start', 'VARCHAR'], ['intro_slutt', 'VARCHAR'], ['forlenget', 'BOOLEAN'], ['heltid', 'BOOLEAN'],
  ['vgo_heltid', 'BOOLEAN'], ['tak_normal_mnd', 'DOUBLE'], ['tak_maks_mnd', 'DOUBLE'], ['tak_mnd', 'DOUBLE'],
  ['rett_plikt_mnd', 'DOUBLE'], ['rett_plikt_slutt', 'VARCHAR'], ['norskmaal_kilde', 'VARCHAR'],
  ['norskmaal_lytte', 'VARCHAR'], ['norskmaal_lese', 'VARCHAR'], ['norskmaal_skrive', 'VARCHAR'],
  ['norskmaal_muntlig', 'VARCHAR'], ['norskmaal_karakter', 'DOUBLE'], ['norskmaal_ambisjon', 'VARCHAR'],
  ['sluttmaal', 'VARCHAR'], ['samf_anker', 'VARCHAR'], ['utvandret_dato', 'VARCHAR'], ['dod_dato', 'VARCHAR'],
  ['avslutning_dato', 'VARCHAR'], ['utdanning_medbrakt', 'VARCHAR'], ['fodt', 'VARCHAR'],
];

export const DATE_COLUMNS: ReadonlySet<string> = new Set([
  'bosatt_dato', 'intro_vedtak', 'intro_start', 'intro_slutt', 'rett_plikt_slutt', 'samf_anker',
  'utvandret_dato', 'dod_dato', 'avslutning_dato', 'fodt',
]);


/**
 * The per-person input; optional tables that are absent contribute NULLs. Dates are text for the
 * TypeScript oracle (`typed: false`) and DATE for the SQL step.
 */
export function inputQuery(tables: Set<string>, typed = false): string {
  const d = (col: string) => (typed ? col : `CAST(${col} AS VARCHAR)`);
  const ctes = [
    `ip AS (${sql.firstRowPer({ columns: ['person_id', 'kommune', 'vedtaksdato', 'startdato', 'sluttdato', 'forlenget', 'heltid', 'vgo_heltid'], from: 'introprogram' }, 'person_id', 'vedtaksdato, startdato NULLS LAST')})`,
  ];
  const joins: string[] = ['LEFT JOIN ip ON ip.person_id = p.person_id'];
  const cols: string[] = [
    `ip.kommune AS ip_kommune`, `${d('ip.vedtaksdato')} AS ip_vedtak`, `${d('ip.startdato')} AS ip_start`,
    `${d('ip.sluttdato')} AS ip_slutt`, `ip.forlenget AS ip_forlenget`, `ip.heltid AS ip_heltid`, `ip.vgo_heltid AS ip_vgo_heltid`,
  ];
  if (tables.has('maal')) {
    // Law-rules §6: indicators use the last adjusted goal.
    ctes.push(`sm AS (${sql.firstRowPer({ columns: ['person_id', 'sluttmaal'], from: 'maal', where: "type = 'sluttmaal'" }, 'person_id', 'dato DESC')})`);
    const nmColumns = ['person_id', 'lytte', 'lese', 'skrive', 'muntlig', 'vgo_karakter'];
    ctes.push(`nm AS (${sql.firstRowPer({ columns: nmColumns, from: 'maal', where: "type = 'norskmaal'" }, 'person_id', 'dato DESC')})`);
    joins.push('LEFT JOIN sm ON sm.person_id = p.person_id', 'LEFT JOIN nm ON nm.person_id = p.person_id');
    cols.push(`sm.sluttmaal AS sm_sluttmaal`, `nm.lytte AS nm_lytte`, `nm.lese AS nm_lese`, `nm.skrive AS nm_skrive`,
      `nm.muntlig AS nm_muntlig`, `CAST(nm.vgo_karakter AS DOUBLE) AS nm_karakter`);
  } else {
    cols.push(...['sm_sluttmaal', 'nm_lytte', 'nm_lese', 'nm_skrive', 'nm_muntlig', 'nm_karakter'].map((c) => `NULL AS ${c}`));
  }
  if (tables.has('utfall')) {
    ctes.push(`uf AS (${sql.firstRowPer({ columns: ['person_id', 'bosted'], from: 'utfall', where: 'bosted IS NOT NULL' }, 'person_id', 'aar')})`);
    joins.push('LEFT JOIN uf ON uf.person_id = p.person_id');
    cols.push('uf.bosted AS uf_bosted');
  } else cols.push('NULL AS uf_bosted');
  if (tables.has('avslutning')) {
    ctes.push(`av AS (SELECT person_id, min(dato) AS dato FROM avslutning GROUP BY person_id)`);
    joins.push('LEFT JOIN av ON av.person_id = p.person_id');
    cols.push(`${d('av.dato')} AS av_dato`);
  } else cols.push('NULL AS av_dato');
  return `WITH ${ctes.join(',\n')}
SELECT p.person_id, ${d('p.fodt')} AS fodt, p.kjonn, p.tillatelse, ${d('p.forste_tillatelse_dato')} AS forste_tillatelse_dato,
  ${d('p.ankomstdato')} AS ankomstdato, ${d('p.bosettingsdato')} AS bosettingsdato, p.bosettingskommune,
  p.utdanning_medbrakt, ${d('p.utvandret_dato')} AS utvandret_dato, ${d('p.dod_dato')} AS dod_dato,
  ${cols.join(',\n  ')}
FROM personer p
${joins.join('\n')}`;
}

/** The staging rows as a view over one packed text per person (table person_fakta_packed, column p). */
export function stagingView(): string {
  const cols = STAGING_COLUMNS.map(([n, ty], i) => `${sql.packedField('f', i + 1, ty)} AS ${sql.quoteIdent(n)}`);
  return `CREATE TEMP VIEW person_fakta_staging AS SELECT ${cols.join(', ')}
FROM (SELECT ${sql.unpackRow('p')} AS f FROM person_fakta_packed)`;
}

/** One staging row as packed text (sql.packRow's format); throws on a value holding a marker. */
export function packStagingRow(values: readonly SqlValue[]): string {
  const out: string[] = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = sql.PACK_NULL;
    else if (typeof v === 'boolean') out[i] = v ? 'true' : 'false';
    else if (typeof v === 'string') {
      if (v.includes(sql.PACK_SEPARATOR) || v === sql.PACK_NULL) throw new Error(`person facts: value holds a control character: ${JSON.stringify(v)}`);
      out[i] = v;
    } else out[i] = String(v);
  }
  return out.join(sql.PACK_SEPARATOR);
}

/** Casts the staging table to typed columns and adds counties (2024 structure) for both region bases. */
export function finalSelect(hasRef: boolean): string {
  const cols = STAGING_COLUMNS.map(([n]) => (DATE_COLUMNS.has(n) ? `CAST(s.${sql.quoteIdent(n)} AS DATE) AS ${sql.quoteIdent(n)}` : `s.${sql.quoteIdent(n)}`));
  const fylke = (alias: string, col: string) =>
    hasRef ? `COALESCE(${alias}.fylke, substr(s.${col}, 1, 2))` : `substr(s.${col}, 1, 2)`;
  const refJoin = hasRef
    ? `LEFT JOIN ref_kommuner rb ON rb.kommune = s.kommune_bosetting LEFT JOIN ref_kommuner ra ON ra.kommune = s.kommune_ansvarlig`
    : '';
  return `SELECT ${cols.join(', ')}, ${fylke('rb', 'kommune_bosetting')} AS fylke_bosetting, ${fylke('ra', 'kommune_ansvarlig')} AS fylke_ansvarlig,
  CAST(year(CAST(s.bosatt_dato AS DATE)) AS INTEGER) AS bosatt_aar
FROM person_fakta_staging s ${refJoin}`;
}
