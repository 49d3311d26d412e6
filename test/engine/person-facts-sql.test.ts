/**
 * Property test (issue 14): person facts built in one SQL step (src/engine/person-facts-sql.ts)
 * equal, row for row and column for column, what the pure TypeScript rules give person by person
 * (the oracle, preparePersonFactsTs → personRow → rules/derivePerson), on 120 000 generated persons.
 *
 * The persons are drawn (deterministically, from hashes) to cross every rule boundary: first permits
 * on both sides of 2021-01-01 and of chapter 6A's 2022-03-11, every permit basis and an unknown one,
 * ages at the decision around 16/18/25/55/67, missing settlement, programme rows without a start,
 * several programme rows and goals per person, registered goals as grades, CEFR targets with a
 * missing part, and the optional tables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, sql, type Store } from '../../src/store/index.ts';
import { preparePersonFacts, preparePersonFactsTs, PERSON_FAKTA } from '../../src/engine/index.ts';
import { CEFR, SLUTTMAAL, TILLATELSE, UTDANNING_MEDBRAKT } from '../../src/contract/codes.ts';

const PERSONS = 120_000;
const list = (values: readonly string[]) => `[${values.map(sql.lit).join(', ')}]`;
/** A pseudo-random integer in [0, n) for row i and stream k. */
const h = (k: number, n: number, i = 'i') => `CAST(hash(${i} * 7919 + ${k}) % ${n} AS INTEGER)`;
const pick = (values: readonly string[], k: number, i = 'i') => `${list(values)}[1 + ${h(k, values.length, i)}]`;
/** NULL with probability pct %, else expr. */
const sometimesNull = (pct: number, k: number, expr: string, i = 'i') => `CASE WHEN ${h(k, 100, i)} < ${pct} THEN NULL ELSE ${expr} END`;
const BOUNDARIES = ['2020-12-31', '2021-01-01', '2022-03-10', '2022-03-11', '2021-02-28', '2020-02-29'];

async function generatedStore(): Promise<Store> {
  const store = await openStore(':memory:');
  // First permit: a boundary day in 20 %, else any day 2017–2025.
  const forste = `CASE WHEN ${h(1, 100)} < 20 THEN CAST(${pick(BOUNDARIES, 2)} AS DATE)
    ELSE DATE '2017-01-01' + ${h(3, 3200)} END`;
  await store.run(`CREATE TABLE personer AS
    SELECT person_id, fodt, kjonn, tillatelse, forste_tillatelse_dato, ankomstdato,
      ${sometimesNull(15, 10, `ankomstdato + ${h(11, 400)}`)} AS bosettingsdato,
      ${sometimesNull(5, 12, `lpad(CAST(100 + ${h(13, 60)} AS VARCHAR), 4, '0')`)} AS bosettingskommune,
      utdanning_medbrakt,
      ${sometimesNull(95, 14, `ankomstdato + 900`)} AS utvandret_dato,
      ${sometimesNull(98, 15, `ankomstdato + 1200`)} AS dod_dato
    FROM (SELECT i, 'p' || i AS person_id,
        make_date(1938 + ${h(4, 72)}, 1 + ${h(5, 12)}, 1) AS fodt,
        ${pick(['1', '2'], 6)} AS kjonn,
        ${pick([...TILLATELSE, 'UKJENT_KODE'], 7)} AS tillatelse,
        ${forste} AS forste_tillatelse_dato,
        ${forste} - ${h(8, 500)} + 100 AS ankomstdato,
        ${pick(UTDANNING_MEDBRAKT, 9)} AS utdanning_medbrakt
      FROM range(${PERSONS}) t(i))`);
  // Programme rows for about half; 10 % of those a second, earlier or later decision.
  await store.run(`CREATE TABLE introprogram AS
    SELECT p.person_id, ${pick(['0301', '4601', '5001'], 20, 'r')} AS kommune,
      COALESCE(p.bosettingsdato, p.ankomstdato) + ${h(21, 240, 'r')} - 20 AS vedtaksdato,
      ${sometimesNull(12, 22, `COALESCE(p.bosettingsdato, p.ankomstdato) + ${h(23, 300, 'r')}`, 'r')} AS startdato,
      ${sometimesNull(40, 24, `COALESCE(p.bosettingsdato, p.ankomstdato) + 400 + ${h(25, 600, 'r')}`, 'r')} AS sluttdato,
      ${sometimesNull(20, 26, `${h(27, 2, 'r')} = 1`, 'r')} AS forlenget,
      ${sometimesNull(20, 28, `${h(29, 2, 'r')} = 1`, 'r')} AS heltid,
      ${sometimesNull(30, 30, `${h(31, 4, 'r')} = 1`, 'r')} AS vgo_heltid
    FROM (SELECT p.*, row_number() OVER () * 3 + k AS r FROM personer p, range(2) t(k)
          WHERE ${h(32, 100, "CAST(substr(p.person_id, 2) AS BIGINT)")} < CASE WHEN k = 0 THEN 50 ELSE 5 END) p`);
  // Goals: end goals and Norwegian goals, 0–3 per person, on distinct days.
  await store.run(`CREATE TABLE maal AS
    SELECT person_id, dato, type,
      CASE WHEN type = 'sluttmaal' THEN ${pick(SLUTTMAAL, 40, 'r')} END AS sluttmaal,
      CASE WHEN type = 'norskmaal' AND NOT grade THEN ${sometimesNull(4, 41, pick(CEFR, 42, 'r'), 'r')} END AS lytte,
      CASE WHEN type = 'norskmaal' AND NOT grade THEN ${sometimesNull(4, 43, pick(CEFR, 44, 'r'), 'r')} END AS lese,
      CASE WHEN type = 'norskmaal' AND NOT grade THEN ${pick(CEFR, 45, 'r')} END AS skrive,
      CASE WHEN type = 'norskmaal' AND NOT grade THEN ${pick(CEFR, 46, 'r')} END AS muntlig,
      CASE WHEN type = 'norskmaal' AND grade THEN 1 + ${h(47, 6, 'r')} END AS vgo_karakter
    FROM (SELECT 'p' || i AS person_id, DATE '2019-01-01' + ${h(48, 1800, 'r')} + CAST(k AS INTEGER) AS dato,
        CASE WHEN k % 2 = 0 THEN 'sluttmaal' ELSE 'norskmaal' END AS type, ${h(49, 100, 'r')} < 15 AS grade, r
      FROM (SELECT i, k, i * 5 + k AS r FROM range(${PERSONS}) a(i), range(4) b(k)) WHERE ${h(50, 100, 'r')} < 45)`);
  await store.run(`CREATE TABLE utfall AS
    SELECT 'p' || i AS person_id, CAST(2018 + k AS INTEGER) AS aar, ${sometimesNull(30, 60, pick(['0301', '1103', '4601'], 61, 'r'), 'r')} AS bosted
    FROM (SELECT i, k, i * 9 + k AS r FROM range(${PERSONS}) a(i), range(3) b(k)) WHERE ${h(62, 100, 'r')} < 40`);
  await store.run(`CREATE TABLE avslutning AS
    SELECT 'p' || i AS person_id, DATE '2020-01-01' + ${h(70, 1500, 'r')} AS dato
    FROM (SELECT i, k, i * 3 + k AS r FROM range(${PERSONS}) a(i), range(2) b(k)) WHERE ${h(71, 100, 'r')} < 20`);
  return store;
}

test(`person facts in SQL equal the TypeScript rules on ${PERSONS} generated persons`, async () => {
  const store = await generatedStore();
  try {
    const tables = new Set(['personer', 'introprogram', 'maal', 'utfall', 'avslutning']);
    assert.equal(await preparePersonFactsTs(store, tables), PERSONS);
    await store.run(`CREATE TEMP TABLE oracle AS SELECT * FROM ${PERSON_FAKTA}`);
    assert.equal(await preparePersonFacts(store, tables), PERSONS);

    // Same column names and types, in the same order.
    const shape = (t: string) => store.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE ${t})`);
    assert.deepEqual(await shape(PERSON_FAKTA), await shape('oracle'));
    const columns = (await shape(PERSON_FAKTA)).map((c) => c.column_name);

    // Every column of every person: the first few differences, named, if any.
    const differences: string[] = [];
    for (const c of columns) {
      const q = sql.quoteIdent(c);
      const rows = await store.all<{ n: number; example: string | null }>(
        `SELECT count(*) AS n, min(o.person_id || ': ' || COALESCE(CAST(o.${q} AS VARCHAR), 'NULL') || ' ≠ ' || COALESCE(CAST(s.${q} AS VARCHAR), 'NULL')) AS example
         FROM oracle o FULL JOIN ${PERSON_FAKTA} s USING (person_id) WHERE o.${q} IS DISTINCT FROM s.${q}`,
      );
      if (Number(rows[0]!.n) > 0) differences.push(`${c}: ${rows[0]!.n} (${rows[0]!.example})`);
    }
    assert.deepEqual(differences, []);

    // The draw reached every branch the rules have (else the equality above proves little).
    const seen = async (expr: string) =>
      (await store.all<{ v: string }>(`SELECT DISTINCT CAST(${expr} AS VARCHAR) AS v FROM ${PERSON_FAKTA}`)).map((r) => r.v ?? 'NULL').sort();
    assert.deepEqual(await seen('maalgruppe'), ['asylsoker', 'intro', 'norsk_plikt', 'norsk_rett_plikt', 'utenfor']);
    assert.deepEqual(await seen('undergruppe'), ['NULL', 'har_vgo', 'ovrige', 'under_25'].sort());
    assert.deepEqual(await seen('lovregime'), ['integreringsloven', 'introduksjonsloven']);
    assert.deepEqual(await seen('norskmaal_kilde'), ['NULL', 'registrert', 'retningslinje'].sort());
    assert.deepEqual(await seen('norskmaal_ambisjon'), ['NULL', 'lik', 'over', 'under'].sort());
    // Programme caps of every §5 row: old act 24+12, new act 6+6, 24+12, 36+12, and chapter 6A.
    const caps = await seen(`tak_normal_mnd || '+' || (tak_maks_mnd - tak_normal_mnd)`);
    assert.ok(caps.length >= 4, `programme caps seen: ${caps.join(', ')}`);
    const kap6a = await store.all<{ n: number }>(
      `SELECT count(*) AS n FROM ${PERSON_FAKTA} p JOIN personer USING (person_id)
       WHERE tillatelse = 'KOLLEKTIV_34' AND forste_tillatelse_dato >= DATE '2022-03-11' AND undergruppe IS NOT NULL`,
    );
    assert.ok(Number(kap6a[0]!.n) > 100, 'chapter 6A programme starts drawn');
    assert.ok((await seen('rett_plikt_mnd')).length >= 3, 'right-and-duty and duty-only periods drawn');
  } finally {
    await store.close();
  }
});
