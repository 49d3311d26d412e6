/**
 * Results persistence. The rows leave JavaScript once: `stageResults` appends them column-wise in
 * bulk chunks to a scratch table, then one ordered INSERT … SELECT builds the staged table (sorted by
 * indikator first, so zone maps prune the API's reads). `publishStaged` switches the staged table
 * and the metadata in (inside the caller's transaction). `saveResults` does both.
 * `resultSource` is what the file writers read: rows chunk by chunk, dimension codes, CSV via COPY.
 * `loadResults` reads one indicator with optional value lists per dimension, bound parameters only.
 */
import { randomUUID } from 'node:crypto';
import { RESULT_COLUMNS, parsePeriodeKey, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import { sql, type Row, type SqlValue, type Store } from '../store/index.ts';
import { NULL_CATEGORY } from './labels.ts';
import { UNPROTECTED_COLUMN, csvField } from './csv.writer.ts';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyColumn } from './jsonstat.writer.ts';
import { PUB_AVAILABILITY, PUB_META, PUB_RESULTS, STORED_COLUMNS, columnType, isNumericColumn, resultsDdl } from './tables.ts';
import { FILTER_DIMENSIONS, isUnprotected, type FileSource, type PublicationMeta, type ResultFilter, type WriteOptions } from './types.ts';

/** The staged results of a run, switched in by publishStaged. */
export const PUB_RESULTS_STAGED = 'pub_resultater_ny';
const SORT_ORDER = ['indikator', 'maal', 'periode', 'vindu', 'regionniva', 'region', 'gruppe', 'lovregime', 'kjonn', 'botid', 'kohort'];
const ORDER_BY = SORT_ORDER.map((c) => sql.quoteIdent(c)).join(', ');
/**
 * The physical order of the stored table: indicator, then region level and region, so zone maps
 * prune both an indicator's reads and a region's (the dashboard's and API's lookups by region read
 * a few row groups, not the whole indicator). Readers that need an order say ORDER BY ORDER_BY.
 */
const STORAGE_ORDER = ['indikator', 'regionniva', 'region', ...SORT_ORDER.filter((c) => !['indikator', 'regionniva', 'region'].includes(c))]
  .map((c) => sql.quoteIdent(c))
  .join(', ');

export interface SaveExtras {
  availability?: unknown;
  /** The catalogue the results were computed from, so the API serves matching metadata. */
  catalogue?: readonly IndicatorMeta[];
  /** Where the run's files were published (absolute folder), so the API can serve them prebuilt. */
  outputDir?: string;
}

/**
 * Moves the rows into the staged table in bulk: they are written once as a headerless CSV file (a
 * plain string join, far cheaper than handing DuckDB millions of values one by one), read by the
 * engine, and inserted in one ordered INSERT … SELECT.
 */
export async function stageResults(store: Store, rows: readonly ResultRow[]): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS ${PUB_RESULTS_STAGED}`);
  await store.run(resultsDdl(PUB_RESULTS_STAGED));
  const dir = await mkdtemp(join(tmpdir(), 'im-stage-'));
  const file = join(dir, 'rows.csv');
  try {
    const out = createWriteStream(file);
    let chunk = '';
    for (const r of rows) {
      for (const c of STORED_COLUMNS) {
        const v = c === 'vindu' ? (r.vindu ?? 1) : r[c];
        chunk += c === 'indikator' ? csvField(v) : `,${csvField(v)}`;
      }
      chunk += '\n';
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.end(chunk);
    await once(out, 'finish');
    const types = STORED_COLUMNS.map((c) => [c, c === 'vindu' ? 'INTEGER' : columnType(c)] as const);
    const select = STORED_COLUMNS.map((c) => (c === 'status' ? `COALESCE("status", '') AS "status"` : sql.quoteIdent(c))).join(', ');
    await store.run(`INSERT INTO ${PUB_RESULTS_STAGED} SELECT ${select} FROM ${sql.readCsvTyped(file, types)} ORDER BY ${STORAGE_ORDER}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A fresh data version: the API's ETags and caches key on it. */
export function newDataVersion(meta: PublicationMeta): string {
  return `${meta.generatedAt}/${randomUUID()}`;
}

/**
 * Switches the staged results in and replaces the metadata. Call inside a transaction (with
 * anything else that must switch at the same moment); returns the new data version.
 */
export async function publishStaged(store: Store, meta: PublicationMeta, extras: SaveExtras = {}, version = newDataVersion(meta)): Promise<string> {
  await store.run(`DROP TABLE IF EXISTS ${PUB_RESULTS}`);
  await store.run(`ALTER TABLE ${PUB_RESULTS_STAGED} RENAME TO ${PUB_RESULTS}`);

  await store.run(`DROP TABLE IF EXISTS ${PUB_META}`);
  await store.run(`CREATE TABLE ${PUB_META} (noekkel VARCHAR PRIMARY KEY, verdi VARCHAR NOT NULL)`);
  const metaRows: [string, string][] = [
    ['publikasjon', JSON.stringify(meta)],
    ['versjon', version],
  ];
  if (extras.catalogue) metaRows.push(['katalog', JSON.stringify(extras.catalogue)]);
  if (extras.outputDir) metaRows.push(['utdata', extras.outputDir]);
  await store.append(PUB_META, metaRows);

  await store.run(`DROP TABLE IF EXISTS ${PUB_AVAILABILITY}`);
  await store.run(`CREATE TABLE ${PUB_AVAILABILITY} (verdi VARCHAR)`);
  if (extras.availability !== undefined) await store.append(PUB_AVAILABILITY, [[JSON.stringify(extras.availability)]]);
  return version;
}

/** Replaces the published results and their metadata (staged, then switched in one transaction). */
export async function saveResults(
  store: Store,
  rows: readonly ResultRow[],
  meta: PublicationMeta,
  extras: SaveExtras = {},
): Promise<void> {
  await stageResults(store, rows);
  await store.transaction(() => publishStaged(store, meta, extras));
}

/** The published text of `periode` in SQL (`2023`, or `2021-2023` for a pool), as periodeKey. */
const PERIODE_TEXT =
  `CASE WHEN "vindu" > 1 THEN CAST("periode" - "vindu" + 1 AS VARCHAR) || '-' || CAST("periode" AS VARCHAR) ` +
  `ELSE CAST("periode" AS VARCHAR) END`;

/** A key column as its JSON-stat code (text; NULL as NULL_CATEGORY). */
function keyCodeSql(col: KeyColumn): string {
  if (col === 'periode') return PERIODE_TEXT;
  return `COALESCE(CAST(${sql.quoteIdent(col)} AS VARCHAR), ${sql.lit(NULL_CATEGORY)})`;
}

/** The CSV columns of indikatorer.csv as SQL expressions (numbers as JavaScript writes them). */
function csvSelect(table: string, where: string, opts: WriteOptions): string {
  const cols = RESULT_COLUMNS.map((c) => {
    const name = sql.quoteIdent(c);
    if (c === 'periode') return `${PERIODE_TEXT} AS ${name}`;
    if (c === 'status') return `NULLIF(${name}, '') AS ${name}`;
    if (c === 'botid') return `CAST(${name} AS VARCHAR) AS ${name}`;
    return isNumericColumn(c) ? `${sql.numberText(name)} AS ${name}` : name;
  });
  if (isUnprotected(opts.publication)) cols.push(`'true' AS ${sql.quoteIdent(UNPROTECTED_COLUMN)}`);
  return `SELECT ${cols.join(', ')} FROM ${table}${where} ORDER BY ${ORDER_BY}`;
}

/** What the file writers read: the rows of `table` (one indicator, or all when indikator is null). */
export function resultSource(store: Store, table: string, indikator: string | null, meta: IndicatorMeta | null, opts: WriteOptions): FileSource {
  const where = indikator === null ? '' : ' WHERE "indikator" = $1';
  const params: SqlValue[] = indikator === null ? [] : [indikator];
  return {
    indikator,
    meta,
    opts,
    async *rows() {
      // One packed text per row: moving one string and splitting it is far cheaper than the values one by one.
      const packed = sql.packRow(STORED_COLUMNS.map((c) => sql.quoteIdent(c)));
      for await (const chunk of store.stream(`SELECT ${packed} AS p FROM ${table}${where} ORDER BY ${ORDER_BY}`, params)) {
        yield chunk.map((values) => unpackResultRow(String(values[0])));
      }
    },
    async codes(col) {
      const rows = await store.all<{ k: string }>(`SELECT DISTINCT ${keyCodeSql(col)} AS k FROM ${table}${where}`, params);
      return rows.map((r) => String(r.k));
    },
    async copyCsv(path) {
      if (indikator !== null) throw new Error('copyCsv: the CSV file holds every indicator');
      await store.run(sql.copyToCsv(csvSelect(table, '', opts), path));
    },
  };
}

/** A row packed by sql.packRow over STORED_COLUMNS back to a ResultRow. */
function unpackResultRow(text: string): ResultRow {
  const f = text.split(sql.PACK_SEPARATOR);
  if (f.length !== STORED_COLUMNS.length) throw new Error(`packed result row with ${f.length} fields, expected ${STORED_COLUMNS.length}`);
  const r: Row = {};
  STORED_COLUMNS.forEach((c, i) => {
    const v = f[i]!;
    r[c] = v === sql.PACK_NULL ? null : c === 'vindu' || isNumericColumn(c) ? Number(v) : v;
  });
  return toResultRow(r);
}

/** Indicator ids in a results table, in order. */
export async function indicatorIds(store: Store, table: string): Promise<string[]> {
  const rows = await store.all<{ indikator: string }>(`SELECT DISTINCT "indikator" FROM ${table} ORDER BY "indikator"`);
  return rows.map((r) => r.indikator);
}

/** `col IN ($i, …)` for one dimension's value list; the 'ingen' code matches NULL (e.g. botid). */
function dimensionClause(col: string, values: readonly string[], params: SqlValue[]): string {
  const numeric = isNumericColumn(col as keyof ResultRow);
  const wantsNull = values.includes(NULL_CATEGORY);
  const placeholders: string[] = [];
  if (col === 'periode') return periodeClause(values, params);
  for (const v of values) {
    if (v === NULL_CATEGORY) continue;
    if (numeric && !/^-?\d+$/.test(v)) throw new Error(`not an integer for ${col}: ${JSON.stringify(v)}`);
    params.push(numeric ? Number(v) : v);
    placeholders.push(`$${params.length}`);
  }
  const parts: string[] = [];
  if (placeholders.length) parts.push(`"${col}" IN (${placeholders.join(', ')})`);
  if (wantsNull) parts.push(`"${col}" IS NULL`);
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/** Periods as published (`2023`, `2021-2023`): each one (periode, vindu) pair. */
function periodeClause(values: readonly string[], params: SqlValue[]): string {
  const parts = values.map((v) => {
    const p = parsePeriodeKey(v);
    if (!p) throw new Error(`not a period: ${JSON.stringify(v)}`);
    params.push(p.periode, p.vindu);
    return `("periode" = $${params.length - 1} AND "vindu" = $${params.length})`;
  });
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}

/**
 * The WHERE clause (without the keyword) and its bound parameters for a filter on pub_resultater;
 * with `params`, its placeholders continue that list (several filters in one statement).
 */
export function resultsWhere(filter: ResultFilter, params: SqlValue[] = []): { where: string; params: SqlValue[] } {
  params.push(filter.indikator);
  const where = [`"indikator" = $${params.length}`];
  for (const dim of FILTER_DIMENSIONS) {
    const values = filter[dim];
    if (values) where.push(dimensionClause(dim, values, params));
  }
  return { where: where.join(' AND '), params };
}

/** The SQL and parameters for a filter; exported so tests can assert that values are only bound. */
export function resultsQuery(filter: ResultFilter): { sql: string; params: SqlValue[] } {
  const { where, params } = resultsWhere(filter);
  const cols = [...RESULT_COLUMNS, 'vindu'].map((c) => `"${c}"`).join(', ');
  return { sql: `SELECT ${cols} FROM ${PUB_RESULTS} WHERE ${where} ORDER BY ${ORDER_BY}`, params };
}

function num(v: SqlValue | undefined): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : Number(v);
}

/** Converts a stored row back to a ResultRow (types as in the contract). */
export function toResultRow(r: Row): ResultRow {
  const s = (k: string) => String(r[k] ?? '');
  const vindu = num(r['vindu']);
  return {
    indikator: s('indikator'),
    maal: s('maal'),
    ledd: s('ledd') as ResultRow['ledd'],
    kohort: s('kohort') as ResultRow['kohort'],
    periode: num(r['periode']) ?? 0,
    ...(vindu !== null && vindu > 1 ? { vindu } : {}),
    botid: num(r['botid']),
    lovregime: s('lovregime') as ResultRow['lovregime'],
    regionniva: s('regionniva') as ResultRow['regionniva'],
    region: s('region'),
    gruppe: s('gruppe') as ResultRow['gruppe'],
    kjonn: s('kjonn') as ResultRow['kjonn'],
    teller: num(r['teller']),
    nevner: num(r['nevner']),
    verdi: num(r['verdi']),
    ki_nedre: num(r['ki_nedre']),
    ki_ovre: num(r['ki_ovre']),
    mangler: num(r['mangler']),
    status: s('status') as ResultRow['status'],
  };
}

/**
 * Rows of one indicator, filtered per dimension; values are bound, never spliced into SQL. Each row
 * comes over as one packed text (several times cheaper than the values one by one).
 */
export async function loadResults(store: Store, filter: ResultFilter): Promise<ResultRow[]> {
  return (await loadResultsOf(store, [filter]))[0]!;
}

/**
 * The rows of several filters in one statement (one UNION ALL branch per filter, each pruned on its
 * own), returned per filter in the same order: one round trip instead of one per filter.
 */
export async function loadResultsOf(store: Store, filters: readonly ResultFilter[]): Promise<ResultRow[][]> {
  if (filters.length === 0) return [];
  const params: SqlValue[] = [];
  const packed = sql.packRow(STORED_COLUMNS.map((c) => sql.quoteIdent(c)));
  const branches = filters.map((f, i) => `SELECT ${i} AS f, ${packed} AS p, ${ORDER_BY} FROM ${PUB_RESULTS} WHERE ${resultsWhere(f, params).where}`);
  const rows = await store.all<{ f: number; p: string }>(`SELECT f, p FROM (${branches.join(' UNION ALL ')}) ORDER BY f, ${ORDER_BY}`, params);
  const out: ResultRow[][] = filters.map(() => []);
  for (const r of rows) out[Number(r.f)]!.push(unpackResultRow(r.p));
  return out;
}
