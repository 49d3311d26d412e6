/** The only module that imports @duckdb/node-api. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { Row, SqlValue, Store } from './connection.ts';
import { existsSync, statSync } from 'node:fs';
import { UserError } from '../shared/errors.ts';
import { tr } from '../shared/lang.ts';

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
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path, config);
  } catch (err) {
    throw openError(path, err);
  }
  const conn = await instance.connect();
  if (path !== ':memory:') {
    try {
      // Reads the catalogue and checks the file holds every block it lists: a truncated or
      // overwritten file fails here, not halfway through a run.
      await conn.run('SELECT count(*) FROM duckdb_tables()');
      const size = await conn.runAndReadAll('SELECT block_size, total_blocks FROM pragma_database_size()');
      const [blockSize, blocks] = (size.getRowsJson()[0] ?? []).map(Number);
      if (blockSize && blocks !== undefined && !existsSync(`${path}.wal`) && statSync(path).size < HEADER_BYTES + blocks * blockSize) {
        throw new Error(`IO Error: the file is shorter than its ${blocks} blocks of ${blockSize} bytes`);
      }
    } catch (err) {
      conn.closeSync();
      instance.closeSync();
      throw openError(path, err);
    }
  }
  return new DuckDbStore(path, instance, conn);
}

/** The store is held by another process (e.g. `serve` while `compute` runs). */
export class StoreLockedError extends UserError {}
/** The store file is damaged (truncated, overwritten, not a DuckDB file). */
export class StoreDamagedError extends UserError {}

/** A clear message for a store that cannot be opened; the engine's own text stays at the end. */
function openError(path: string, err: unknown): Error {
  const msg = err instanceof Error ? err.message : String(err);
  if (/Could not set lock|Conflicting lock/i.test(msg)) {
    const pid = /PID (\d+)/.exec(msg)?.[1];
    const who = pid ? ` (pid ${pid})` : '';
    return new StoreLockedError(
      tr(
        `lageret ${path} er i bruk av en annen prosess${who}, f.eks. \`serve\` eller en annen \`compute\`. ` +
          `DuckDB lar bare én prosess skrive, og ingen skrive mens andre leser. Stopp den andre prosessen og kjør på nytt ` +
          `(serveren henter de nye resultatene når den startes igjen).`,
        `the store ${path} is in use by another process${who}, e.g. \`serve\` or another \`compute\`. ` +
          `DuckDB lets only one process write, and none write while others read. Stop the other process and run again ` +
          `(the server picks up the new results when it is started again).`,
      ),
    );
  }
  if (/IO Error|Could not read|not a valid DuckDB|Corrupt|Serialization|checksum|INTERNAL Error|Invalid Input Error: .*database/i.test(msg)) {
    return new StoreDamagedError(
      tr(
        `lageret ${path} er skadet (avkortet eller ødelagt) og kan ikke åpnes. Lag det på nytt med \`ingest\` ` +
          `(og så \`compute\`), eller legg tilbake en sikkerhetskopi. (${msg.split('\n')[0]})`,
        `the store ${path} is damaged (truncated or corrupt) and cannot be opened. Recreate it with \`ingest\` ` +
          `(then \`compute\`), or restore a backup. (${msg.split('\n')[0]})`,
      ),
    );
  }
  return err instanceof Error ? err : new Error(msg);
}

function toDuck(values: readonly SqlValue[] | undefined): DuckDBValue[] | undefined {
  return values ? values.map((v) => v as DuckDBValue) : undefined;
}

/** DuckDB's file header: three 4 KiB blocks before the data blocks. */
const HEADER_BYTES = 3 * 4096;

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

  async *stream(sql: string, params?: readonly SqlValue[]): AsyncIterable<SqlValue[][]> {
    const result = await this.conn.stream(sql, toDuck(params));
    for await (const rows of result.yieldRowsJson()) yield rows.map((r) => r.map(plain));
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
