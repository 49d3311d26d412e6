/**
 * Results persistence: saveResults replaces pub_resultater / pub_meta / pub_tilgjengelighet in one
 * transaction (appender for millions of rows, then sorted by indikator so zone maps prune reads);
 * loadResults reads one indicator with optional value lists per dimension, bound parameters only.
 */
import { randomUUID } from 'node:crypto';
import { RESULT_COLUMNS, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Row, SqlValue, Store } from '../store/index.ts';
import { NULL_CATEGORY } from './labels.ts';
import { PUB_AVAILABILITY, PUB_META, PUB_RESULTS, isNumericColumn, resultsDdl } from './tables.ts';
import { FILTER_DIMENSIONS, type PublicationMeta, type ResultFilter } from './types.ts';

const STAGING = 'pub_resultater_ny';
const SORT_ORDER = ['indikator', 'maal', 'periode', 'regionniva', 'region', 'gruppe', 'lovregime', 'kjonn', 'botid', 'kohort'];

export interface SaveExtras {
  availability?: unknown;
  /** The catalogue the results were computed from, so the API serves matching metadata. */
  catalogue?: readonly IndicatorMeta[];
}

function rowValues(row: ResultRow): SqlValue[] {
  return RESULT_COLUMNS.map((c) => row[c]);
}

/** Replaces the published results and their metadata in one transaction. */
export async function saveResults(
  store: Store,
  rows: readonly ResultRow[],
  meta: PublicationMeta,
  extras: SaveExtras = {},
): Promise<void> {
  await store.transaction(async () => {
    await store.run(`DROP TABLE IF EXISTS ${STAGING}`);
    await store.run(resultsDdl(STAGING));
    await store.append(STAGING, (function* () {
      for (const r of rows) yield rowValues(r);
    })());
    await store.run(`DROP TABLE IF EXISTS ${PUB_RESULTS}`);
    await store.run(`CREATE TABLE ${PUB_RESULTS} AS SELECT * FROM ${STAGING} ORDER BY ${SORT_ORDER.map((c) => `"${c}"`).join(', ')}`);
    await store.run(`DROP TABLE ${STAGING}`);

    await store.run(`DROP TABLE IF EXISTS ${PUB_META}`);
    await store.run(`CREATE TABLE ${PUB_META} (noekkel VARCHAR PRIMARY KEY, verdi VARCHAR NOT NULL)`);
    const metaRows: [string, string][] = [
      ['publikasjon', JSON.stringify(meta)],
      // A fresh id per save: the API's ETags and caches key on it.
      ['versjon', `${meta.generatedAt}/${randomUUID()}`],
    ];
    if (extras.catalogue) metaRows.push(['katalog', JSON.stringify(extras.catalogue)]);
    await store.append(PUB_META, metaRows);

    await store.run(`DROP TABLE IF EXISTS ${PUB_AVAILABILITY}`);
    await store.run(`CREATE TABLE ${PUB_AVAILABILITY} (verdi VARCHAR)`);
    if (extras.availability !== undefined) await store.append(PUB_AVAILABILITY, [[JSON.stringify(extras.availability)]]);
  });
}

/** `col IN ($i, …)` for one dimension's value list; the 'ingen' code matches NULL (e.g. botid). */
function dimensionClause(col: string, values: readonly string[], params: SqlValue[]): string {
  const numeric = isNumericColumn(col as keyof ResultRow);
  const wantsNull = values.includes(NULL_CATEGORY);
  const placeholders: string[] = [];
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

/** The SQL and parameters for a filter; exported so tests can assert that values are only bound. */
export function resultsQuery(filter: ResultFilter): { sql: string; params: SqlValue[] } {
  const params: SqlValue[] = [filter.indikator];
  const where = ['"indikator" = $1'];
  for (const dim of FILTER_DIMENSIONS) {
    const values = filter[dim];
    if (values) where.push(dimensionClause(dim, values, params));
  }
  const cols = RESULT_COLUMNS.map((c) => `"${c}"`).join(', ');
  const order = SORT_ORDER.map((c) => `"${c}"`).join(', ');
  return { sql: `SELECT ${cols} FROM ${PUB_RESULTS} WHERE ${where.join(' AND ')} ORDER BY ${order}`, params };
}

function num(v: SqlValue | undefined): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : Number(v);
}

/** Converts a stored row back to a ResultRow (types as in the contract). */
export function toResultRow(r: Row): ResultRow {
  const s = (k: string) => String(r[k] ?? '');
  return {
    indikator: s('indikator'),
    maal: s('maal'),
    ledd: s('ledd') as ResultRow['ledd'],
    kohort: s('kohort') as ResultRow['kohort'],
    periode: num(r['periode']) ?? 0,
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

/** Rows of one indicator, filtered per dimension; values are bound, never spliced into SQL. */
export async function loadResults(store: Store, filter: ResultFilter): Promise<ResultRow[]> {
  const { sql, params } = resultsQuery(filter);
  const rows = await store.all(sql, params);
  return rows.map(toResultRow);
}
