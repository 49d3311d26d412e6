/** SQL of the person-facts pass: the input query (one row per person) and the typed final table. */
import { sql } from '../store/index.ts';

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

const DATE_COLUMNS = new Set([
  'bosatt_dato', 'intro_vedtak', 'intro_start', 'intro_slutt', 'rett_plikt_slutt', 'samf_anker',
  'utvandret_dato', 'dod_dato', 'avslutning_dato', 'fodt',
]);

const d = (col: string) => `CAST(${col} AS VARCHAR)`;

/** The per-person input; optional tables that are absent contribute NULLs. */
export function inputQuery(tables: Set<string>): string {
  const ctes = [
    `ip AS (SELECT person_id, kommune, vedtaksdato, startdato, sluttdato, forlenget, heltid, vgo_heltid
       FROM introprogram QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY vedtaksdato, startdato NULLS LAST) = 1)`,
  ];
  const joins: string[] = ['LEFT JOIN ip ON ip.person_id = p.person_id'];
  const cols: string[] = [
    `ip.kommune AS ip_kommune`, `${d('ip.vedtaksdato')} AS ip_vedtak`, `${d('ip.startdato')} AS ip_start`,
    `${d('ip.sluttdato')} AS ip_slutt`, `ip.forlenget AS ip_forlenget`, `ip.heltid AS ip_heltid`, `ip.vgo_heltid AS ip_vgo_heltid`,
  ];
  if (tables.has('maal')) {
    // Law-rules §6: indicators use the last adjusted goal.
    ctes.push(`sm AS (SELECT person_id, sluttmaal FROM maal WHERE type = 'sluttmaal'
       QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY dato DESC) = 1)`);
    ctes.push(`nm AS (SELECT * FROM maal WHERE type = 'norskmaal'
       QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY dato DESC) = 1)`);
    joins.push('LEFT JOIN sm ON sm.person_id = p.person_id', 'LEFT JOIN nm ON nm.person_id = p.person_id');
    cols.push(`sm.sluttmaal AS sm_sluttmaal`, `nm.lytte AS nm_lytte`, `nm.lese AS nm_lese`, `nm.skrive AS nm_skrive`,
      `nm.muntlig AS nm_muntlig`, `CAST(nm.vgo_karakter AS DOUBLE) AS nm_karakter`);
  } else {
    cols.push(...['sm_sluttmaal', 'nm_lytte', 'nm_lese', 'nm_skrive', 'nm_muntlig', 'nm_karakter'].map((c) => `NULL AS ${c}`));
  }
  if (tables.has('utfall')) {
    ctes.push(`uf AS (SELECT person_id, bosted FROM utfall WHERE bosted IS NOT NULL
       QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY aar) = 1)`);
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
