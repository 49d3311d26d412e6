/** What the store holds: which tables exist and the data's last date (ingest_kjoring). */
import type { Store } from '../store/index.ts';

/** Names of the tables present in the store (main schema). */
export async function tableNames(store: Store): Promise<Set<string>> {
  const rows = await store.all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main'`);
  return new Set(rows.map((r) => r.name));
}

/** The data's last date: ingest_kjoring.data_siste_dato, else the latest date found in the core tables. */
export async function dataLastDate(store: Store, tables: Set<string>): Promise<string> {
  if (tables.has('ingest_kjoring')) {
    const rows = await store.all<{ d: string | null }>(`SELECT CAST(max(data_siste_dato) AS VARCHAR) AS d FROM ingest_kjoring`);
    const d = rows[0]?.d;
    if (d) return d;
  }
  const rows = await store.all<{ d: string | null }>(
    `SELECT CAST(greatest(max(startdato), max(sluttdato), max(vedtaksdato)) AS VARCHAR) AS d FROM introprogram`,
  );
  const d = rows[0]?.d;
  if (!d) throw new Error('cannot determine the data last date: introprogram is empty and ingest_kjoring is missing');
  return d;
}
