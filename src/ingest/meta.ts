/** The store's metadata and reference tables written by ingest (schema in docs/ingest.md). */
import type { TableSpec } from '../contract/index.ts';
import type { Store, SqlValue } from '../store/index.ts';
import { sql } from '../store/index.ts';
import type { Municipality, ResolvedChange } from '../refdata/index.ts';
import type { FileReport } from './types.ts';

const q = sql.quoteIdent;

function literal(v: SqlValue): string {
  if (v === null) return 'NULL';
  if (typeof v === 'string') return sql.lit(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** INSERT … VALUES in chunks (reference tables are a few hundred rows). */
export async function insertRows(store: Store, table: string, rows: readonly (readonly SqlValue[])[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map((r) => `(${r.map(literal).join(', ')})`);
    if (values.length > 0) await store.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
  }
}

export async function createMetaTables(store: Store): Promise<void> {
  await store.run(`CREATE TABLE ingest_avviste (tabell VARCHAR, fil VARCHAR, linje INTEGER, kolonne VARCHAR,
    aarsak_kode VARCHAR, aarsak VARCHAR, verdi VARCHAR)`);
  await store.run(`CREATE TABLE ingest_filer (tabell VARCHAR, fil VARCHAR, format VARCHAR, tegnsett VARCHAR,
    skilletegn VARCHAR, rows_read INTEGER, rows_loaded INTEGER, rows_rejected INTEGER,
    ukjente_kolonner VARCHAR, merknader VARCHAR)`);
  await store.run(`CREATE TABLE ingest_kjoring (started TIMESTAMP, finished TIMESTAMP, input_dir VARCHAR,
    contract_version VARCHAR, reference_date DATE, data_siste_dato DATE)`);
}

/**
 * ref_kommuner (2024 structure with county), ref_kommuneendringer (old code → final 2024 code),
 * and the temp lookup `_kommunekart` (every accepted code → harmonised code) used by the checks.
 */
export async function writeReferenceTables(
  store: Store,
  municipalities: readonly Municipality[],
  resolved: ReadonlyMap<string, ResolvedChange>,
): Promise<void> {
  await store.run('CREATE TABLE ref_kommuner (kommune VARCHAR, navn VARCHAR, fylke VARCHAR, fylkesnavn VARCHAR)');
  await insertRows(store, 'ref_kommuner', municipalities.map((m) => [m.kommune, m.navn, m.fylke, m.fylkesnavn]));
  await store.run('CREATE TABLE ref_kommuneendringer (gammel_kode VARCHAR, ny_kode VARCHAR, gyldig_fra DATE, andel DOUBLE)');
  const changes = [...resolved.values()].filter((r) => r.gyldig_fra !== '');
  await insertRows(store, 'ref_kommuneendringer', changes.map((r) => [r.gammel_kode, r.ny_kode, r.gyldig_fra, r.andel]));
  await store.run('CREATE OR REPLACE TEMP TABLE _kommunekart (kode VARCHAR PRIMARY KEY, ny VARCHAR)');
  const map = new Map<string, string>(municipalities.map((m) => [m.kommune, m.kommune]));
  for (const r of resolved.values()) if (!map.has(r.gammel_kode)) map.set(r.gammel_kode, r.ny_kode);
  await insertRows(store, '_kommunekart', [...map.entries()]);
}

export async function writeFileReports(store: Store, files: readonly FileReport[]): Promise<void> {
  await insertRows(
    store,
    'ingest_filer',
    files.map((f) => [
      f.tabell,
      f.fil,
      f.format,
      f.tegnsett ?? null,
      f.skilletegn ?? null,
      f.rows_read,
      f.rows_loaded,
      f.rows_rejected,
      JSON.stringify(f.ukjente_kolonner),
      JSON.stringify(f.merknader),
    ]),
  );
}

/**
 * The data's last date: the latest event date in the loaded tables, over every date/month
 * column that may not be in the future (planned dates such as planlagt_slutt are left out).
 */
export async function dataLastDate(store: Store, loaded: readonly TableSpec[]): Promise<string | null> {
  const parts = loaded.flatMap((t) =>
    t.columns
      .filter((c) => c.notFuture && (c.type === 'date' || c.type === 'month'))
      .map((c) => `SELECT max(${q(c.name)}) AS d FROM ${q(t.name)}`),
  );
  if (parts.length === 0) return null;
  const rows = await store.all<{ d: string | null }>(`SELECT CAST(max(d) AS VARCHAR) AS d FROM (${parts.join(' UNION ALL ')})`);
  return rows[0]?.d ?? null;
}

export async function writeRun(
  store: Store,
  run: { started: string; finished: string; inputDir: string; contractVersion: string; referenceDate: string; lastDate: string | null },
): Promise<void> {
  await insertRows(store, 'ingest_kjoring', [
    [run.started, run.finished, run.inputDir, run.contractVersion, run.referenceDate, run.lastDate],
  ]);
}
