/** The published tables in the store: the only tables the API reads (besides ref_/ingest_ counts). */
import { RESULT_COLUMNS, type ResultRow } from '../contract/results.ts';

export const PUB_RESULTS = 'pub_resultater';
export const PUB_META = 'pub_meta';
export const PUB_AVAILABILITY = 'pub_tilgjengelighet';

const INTEGER_COLUMNS: ReadonlySet<keyof ResultRow> = new Set(['periode', 'botid']);
const DOUBLE_COLUMNS: ReadonlySet<keyof ResultRow> = new Set(['teller', 'nevner', 'verdi', 'ki_nedre', 'ki_ovre', 'mangler']);

export function columnType(col: keyof ResultRow): string {
  if (INTEGER_COLUMNS.has(col)) return 'INTEGER';
  if (DOUBLE_COLUMNS.has(col)) return 'DOUBLE';
  return 'VARCHAR';
}

export function isNumericColumn(col: keyof ResultRow): boolean {
  return INTEGER_COLUMNS.has(col) || DOUBLE_COLUMNS.has(col);
}

/** The stored columns: RESULT_COLUMNS, then `vindu` (pooled window length, 1 = one year). */
export const STORED_COLUMNS = [...RESULT_COLUMNS, 'vindu'] as const;

export function resultsDdl(table: string): string {
  const cols = RESULT_COLUMNS.map((c) => `"${c}" ${columnType(c)}${c === 'status' ? " NOT NULL DEFAULT ''" : ''}`);
  cols.push('"vindu" INTEGER NOT NULL DEFAULT 1');
  return `CREATE TABLE ${table} (${cols.join(', ')})`;
}
