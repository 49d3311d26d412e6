/** Reads the rejected rows back from the store for the JSON report. */
import type { RejectionCode } from '../contract/index.ts';
import type { Store } from '../store/index.ts';
import type { RejectedRow } from './types.ts';

export async function readRejected(store: Store, cap: number): Promise<{ rows: RejectedRow[]; total: number }> {
  const total = await store.all<{ n: number }>('SELECT count(*) AS n FROM ingest_avviste');
  const rows = await store.all<{
    tabell: string;
    fil: string;
    linje: number;
    kolonne: string;
    aarsak_kode: string;
    aarsak: string;
    verdi: string | null;
  }>(`SELECT tabell, fil, linje, kolonne, aarsak_kode, aarsak, verdi FROM ingest_avviste ORDER BY rowid LIMIT ${cap}`);
  return {
    total: Number(total[0]?.n ?? 0),
    rows: rows.map((r) => ({
      tabell: r.tabell,
      fil: r.fil,
      linje: Number(r.linje),
      kolonne: r.kolonne,
      aarsak_kode: r.aarsak_kode as RejectionCode,
      aarsak: r.aarsak,
      verdi: r.verdi,
    })),
  };
}

/** The most frequent reasons, for the human summary. */
export async function topReasons(store: Store, limit: number): Promise<{ aarsak_kode: string; n: number }[]> {
  const rows = await store.all<{ aarsak_kode: string; n: number }>(
    `SELECT aarsak_kode, count(*) AS n FROM ingest_avviste GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${limit}`,
  );
  return rows.map((r) => ({ aarsak_kode: r.aarsak_kode, n: Number(r.n) }));
}
