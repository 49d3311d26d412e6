/**
 * The ingest report for the API: per file the counts from ingest_filer, and rejected rows counted by
 * table / file / column / reason from ingest_avviste. Only allow-listed columns are ever selected:
 * no line numbers, no values, no person ids (the analyst's own report file has those).
 */
import { REJECTION_REASONS, type RejectionCode } from '../contract/rejections.ts';
import { hasTable } from '../publish/index.ts';
import type { Lang } from '../shared/lang.ts';
import type { Store } from '../store/index.ts';

const FILE_COLUMNS = ['tabell', 'fil', 'format', 'tegnsett', 'skilletegn', 'rows_read', 'rows_loaded', 'rows_rejected', 'ukjente_kolonner'];
const GROUP_COLUMNS = ['tabell', 'fil', 'kolonne', 'aarsak_kode'];

async function columnsOf(store: Store, table: string): Promise<Set<string>> {
  const rows = await store.all<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_name = $1', [table]);
  return new Set(rows.map((r) => r.column_name));
}

/** Selects allow-listed columns as JSON text, so lists and big integers arrive intact. */
async function fileRows(store: Store): Promise<Record<string, unknown>[]> {
  if (!(await hasTable(store, 'ingest_filer'))) return [];
  const have = await columnsOf(store, 'ingest_filer');
  const cols = FILE_COLUMNS.filter((c) => have.has(c));
  if (!cols.length) return [];
  const select = cols.map((c) => `CAST(to_json("${c}") AS VARCHAR) AS "${c}"`).join(', ');
  const order = cols.includes('tabell') ? ' ORDER BY "tabell"' : '';
  const rows = await store.all(`SELECT ${select} FROM ingest_filer${order}`);
  return rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c] === null ? null : (JSON.parse(String(r[c])) as unknown)])));
}

async function rejectionCounts(store: Store, lang: Lang): Promise<Record<string, unknown>[]> {
  if (!(await hasTable(store, 'ingest_avviste'))) return [];
  const have = await columnsOf(store, 'ingest_avviste');
  // Older layouts call the code column `aarsak`.
  const reason = have.has('aarsak_kode') ? 'aarsak_kode' : have.has('aarsak') ? 'aarsak' : null;
  const cols = GROUP_COLUMNS.map((c) => (c === 'aarsak_kode' ? reason : c)).filter((c): c is string => !!c && have.has(c));
  const list = cols.map((c) => `"${c}"`).join(', ');
  const sql = cols.length
    ? `SELECT ${list}, CAST(COUNT(*) AS INTEGER) AS antall FROM ingest_avviste GROUP BY ${list} ORDER BY ${list}`
    : 'SELECT CAST(COUNT(*) AS INTEGER) AS antall FROM ingest_avviste';
  const rows = await store.all(sql);
  return rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const c of cols) out[c === reason ? 'aarsak_kode' : c] = r[c];
    const code = String(out['aarsak_kode'] ?? '') as RejectionCode;
    const text = REJECTION_REASONS[code];
    if (text) out['aarsak'] = lang === 'en' ? text.en : text.nb;
    out['antall'] = Number(r['antall']);
    return out;
  });
}

export async function ingestReport(store: Store, lang: Lang): Promise<Record<string, unknown>> {
  const filer = await fileRows(store);
  const avviste = await rejectionCounts(store, lang);
  const sum = (k: string) => filer.reduce((a, f) => a + (typeof f[k] === 'number' ? (f[k] as number) : 0), 0);
  return {
    filer,
    totalt: { rows_read: sum('rows_read'), rows_loaded: sum('rows_loaded'), rows_rejected: sum('rows_rejected') },
    avviste_etter_aarsak: avviste,
  };
}
