/** The narrow interface every stage uses to talk to the store. Only duckdb.adapter.ts knows DuckDB. */

export type SqlValue = string | number | boolean | null | bigint;
export type Row = Record<string, SqlValue>;

export interface Store {
  /** Runs statements that return no rows (DDL, INSERT … SELECT). Parameters bind as $1, $2, … */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Runs a query and returns its rows as plain objects (dates as ISO strings, big integers as numbers). */
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Appends many rows quickly; values must be in column order. */
  append(table: string, rows: Iterable<readonly SqlValue[]>): Promise<number>;
  /** Runs a query and yields its rows chunk by chunk (values in column order), so a large result never sits in memory whole. */
  stream(sql: string, params?: readonly SqlValue[]): AsyncIterable<SqlValue[][]>;
  /** BEGIN … COMMIT, rolled back if fn throws. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly path: string;
}
