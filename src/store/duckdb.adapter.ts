/** The only module that imports @duckdb/node-api. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Row, SqlValue, Store } from './connection.ts';

export interface OpenOptions {
  readonly readOnly?: boolean;
  /** DuckDB memory_limit, e.g. '4GB'. */
  readonly memoryLimit?: string;
  readonly threads?: number;
}

/** Opens (or creates) a DuckDB file; ':memory:' for an in-memory store. */
export async function openStore(path: string, opts: OpenOptions = {}): Promise<Store> {
  const config: Record<string, string> = {};
  if (opts.readOnly) config['access_mode'] = 'READ_ONLY';
  if (opts.memoryLimit) config['memory_limit'] = opts.memoryLimit;
  if (opts.threads) config['threads'] = String(opts.threads);
  const instance = await DuckDBInstance.create(path, config);
  const conn = await instance.connect();
  return new DuckDbStore(path, instance, conn);
}

function toDuck(values: readonly SqlValue[] | undefined): DuckDBValue[] | undefined {
  return values ? values.map((v) => v as DuckDBValue) : undefined;
}

function plain(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

class DuckDbStore implements Store {
  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly conn: DuckDBConnection,
  ) {}

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.conn.run(sql, toDuck(params));
  }

  async all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const reader = await this.conn.runAndReadAll(sql, toDuck(params));
    // JSON conversion gives ISO dates and decimals as strings; numbers stay numbers.
    const names = reader.columnNames();
    const rows = reader.getRowsJson();
    return rows.map((r) => {
      const o: Row = {};
      names.forEach((n, i) => {
        o[n] = plain(r[i]);
      });
      return o as T;
    });
  }

  async append(table: string, rows: Iterable<readonly SqlValue[]>): Promise<number> {
    const appender = await this.conn.createAppender(table);
    let n = 0;
    try {
      for (const row of rows) {
        for (const v of row) {
          if (v === null) appender.appendNull();
          else if (typeof v === 'string') appender.appendVarchar(v);
          else if (typeof v === 'boolean') appender.appendBoolean(v);
          else if (typeof v === 'bigint') appender.appendBigInt(v);
          else appender.appendDouble(v);
        }
        appender.endRow();
        n++;
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return n;
  }

  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.conn.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.conn.run('COMMIT');
      return result;
    } catch (err) {
      await this.conn.run('ROLLBACK');
      throw err;
    }
  }

  async close(): Promise<void> {
    this.conn.closeSync();
    this.instance.closeSync();
  }
}
