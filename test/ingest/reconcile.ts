/**
 * Reconciliation made without the ingest's CSV parser: an independent count of the records in
 * each input file, written here from the rules in docs/ingest.md (a small state machine over the
 * bytes; Parquet row counts from the file's metadata), and the shared assertion that for every
 * file rows_read = that count = rows_loaded + rows_rejected. Every ingest test calls
 * assertReconciled on its report.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestReport } from '../../src/ingest/index.ts';
import { openStore } from '../../src/store/index.ts';

/** Lines a quoted field may span at most (docs/ingest.md; the same constant as the ingest). */
const MAX_RECORD_LINES = 1000;

/** RFC 4180 shape of one record: null when malformed, else the number of fields. */
export function fieldCount(text: string, d: string): number | null {
  let n = 1;
  let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (state === 'quoted') {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else state = 'closed';
      }
    } else if (c === d) {
      n++;
      state = 'start';
    } else if (state === 'closed') {
      return null;
    } else if (c === '"') {
      if (state === 'plain') return null;
      state = 'quoted';
    } else if (c === '\r' || c === '\n') {
      return null;
    } else state = 'plain';
  }
  return state === 'quoted' ? null : n;
}

function text(path: string): string {
  const b = readFileSync(path);
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return b.toString('latin1'); // quotes, delimiters, CR and LF are single bytes in UTF-8 and Windows-1252
}

/** The number of records in a CSV file as docs/ingest.md defines them (header and blank lines excluded). */
export function countCsvRecords(path: string): number {
  const lines = text(path).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const l = lines.map((x) => x.replace(/\r+$/, ''));
  const header = l[0] ?? '';
  let commas = 0;
  let semis = 0;
  let q = false;
  for (const c of header) {
    if (c === '"') q = !q;
    else if (!q && c === ',') commas++;
    else if (!q && c === ';') semis++;
  }
  const d = semis > commas ? ';' : ',';
  const width = fieldCount(header, d);
  const isWhole = (t: string) => fieldCount(t, d) === width;
  const toggles: number[] = [];
  for (let i = 1; i < l.length; i++) {
    if (l[i] !== '' && (l[i]!.split('"').length - 1) % 2 === 1) toggles.push(i);
  }
  const spanEnd = new Map<number, number>();
  let k = 0;
  while (k < toggles.length) {
    const s = toggles[k]!;
    const e = toggles[k + 1];
    const ok =
      e !== undefined &&
      e - s < MAX_RECORD_LINES &&
      isWhole(l.slice(s, e + 1).join('\n')) &&
      !l.slice(s + 1, e).some((x) => x !== '' && isWhole(x));
    if (ok) {
      spanEnd.set(s, e);
      k += 2;
    } else k += 1;
  }
  let records = 0;
  for (let i = 1; i < l.length; i++) {
    if (l[i] === '') continue;
    records++;
    const e = spanEnd.get(i);
    if (e !== undefined) i = e;
  }
  return records;
}

/** Rows in a Parquet file according to its footer (no row is read). */
export async function countParquetRows(path: string): Promise<number> {
  const s = await openStore(':memory:');
  try {
    const r = await s.all<{ n: number }>(`SELECT sum(num_rows) AS n FROM parquet_file_metadata('${path.replaceAll("'", "''")}')`);
    return Number(r[0]?.n ?? 0);
  } finally {
    await s.close();
  }
}

/**
 * For every file the report read (refused files read nothing): rows_read equals the independent
 * count, and rows_read = rows_loaded + rows_rejected. Returns the number of files checked.
 */
export async function assertReconciled(report: IngestReport, inputDir: string): Promise<number> {
  const refused = new Set(report.refused.map((r) => r.fil));
  let checked = 0;
  for (const f of report.files) {
    if (refused.has(f.fil)) {
      assert.deepEqual([f.rows_read, f.rows_loaded, f.rows_rejected], [0, 0, 0], `${f.fil} refused but rows counted`);
      continue;
    }
    const path = join(inputDir, f.fil);
    const independent = f.format === 'csv' ? countCsvRecords(path) : await countParquetRows(path);
    assert.equal(f.rows_read, independent, `${f.fil}: rows_read ${f.rows_read} ≠ independent count ${independent}`);
    assert.equal(f.rows_read, f.rows_loaded + f.rows_rejected, `${f.fil}: rows_read ≠ loaded + rejected`);
    checked++;
  }
  return checked;
}
