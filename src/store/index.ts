export type { Store, Row, SqlValue } from './connection.ts';
export { openStore, StoreLockedError, StoreDamagedError, type OpenOptions } from './duckdb.adapter.ts';
export { sql, type SqlDialect, type DialectCapabilities } from './dialect.ts';
