/**
 * Reads a Parquet file into the staging table `_stg`. Values become text so the same checks
 * apply as for CSV; the "line" of a row is its 1-based row number + 1, the line it would have
 * in the same data written as CSV with a header.
 */
import type { Store } from '../store/index.ts';
import { sql } from '../store/index.ts';
import type { ColumnType, TableSpec } from '../contract/index.ts';

export interface ParquetColumn {
  readonly name: string;
  readonly type: string;
}

export async function describeParquet(store: Store, path: string): Promise<ParquetColumn[]> {
  const rows = await store.all<{ column_name: string; column_type: string }>(
    `DESCRIBE SELECT * FROM ${sql.readParquet(path)}`,
  );
  return rows
    .filter((r) => r.column_name !== 'file_row_number')
    .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
}

/** Text form of a typed Parquet value as the contract writes it (dates ISO, months YYYY-MM). */
function asText(ident: string, parquetType: string, contractType: ColumnType): string {
  const temporal = /^(DATE|TIMESTAMP)/.test(parquetType);
  if (temporal && contractType === 'month') return `strftime(${ident}, '%Y-%m')`;
  if (temporal && contractType === 'date') return `strftime(${ident}, '%Y-%m-%d')`;
  // A float column: whole numbers as integers ("7079010123", not "7079010123.0"), so a numeric
  // person_id joins and the identity-number check sees the digits as delivered.
  if (/^(DOUBLE|FLOAT|REAL|DECIMAL)/.test(parquetType)) {
    return `CASE WHEN ${ident} = trunc(${ident}) AND abs(${ident}) < 1e15 THEN CAST(CAST(${ident} AS BIGINT) AS VARCHAR) ELSE CAST(${ident} AS VARCHAR) END`;
  }
  return `CAST(${ident} AS VARCHAR)`;
}

export async function stageParquet(
  store: Store,
  path: string,
  spec: TableSpec,
  columns: readonly ParquetColumn[],
  position: ReadonlyMap<string, number>,
): Promise<number> {
  const cols = spec.columns.map((c) => {
    const pos = position.get(c.name);
    const src = pos === undefined ? undefined : columns[pos - 1];
    if (!src) return `NULL::VARCHAR AS ${sql.quoteIdent(c.name)}`;
    return `NULLIF(${asText(sql.quoteIdent(src.name), src.type, c.type)}, '') AS ${sql.quoteIdent(c.name)}`;
  });
  await store.run(`CREATE OR REPLACE TEMP TABLE _stg AS
    SELECT (file_row_number + 2)::INTEGER AS ln, ${columns.length} AS nf, ${cols.join(', ')}
    FROM ${sql.readParquet(path)}`);
  const n = await store.all<{ n: number }>('SELECT count(*) AS n FROM _stg');
  return Number(n[0]?.n ?? 0);
}
