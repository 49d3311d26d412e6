/**
 * indikatorer.csv (docs/output-contract.md): UTF-8, ',' separated, header = RESULT_COLUMNS,
 * RFC 4180 quoting, empty field for null, numbers with '.' decimals.
 * When disclosure control was off, every row carries an extra last column `ubeskyttet=true`, so the
 * mark survives any copy or filter of the file (a comment line would break RFC 4180 readers).
 */
import { RESULT_COLUMNS, periodeKey, type ResultRow } from '../contract/results.ts';
import { isUnprotected, readBackRecords, type WriteOptions, type Writer } from './types.ts';
import { parseCsvText } from '../refdata/csv-text.ts';
import type { Text } from '../catalogue/types.ts';

export const UNPROTECTED_COLUMN = 'ubeskyttet';

/** One CSV field: quoted only when it holds a comma, quote, CR or LF (RFC 4180 §2.6–2.7). */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  // A number never needs quotes.
  if (typeof value === 'number') return formatNumber(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  // String() always uses '.', never exponent for the magnitudes we publish (|n| < 1e21, shares ≥ 0.1).
  return String(n);
}

/** The CSV lines (each ending in CRLF), header first; a generator so millions of rows can stream to disk. */
export function* csvLines(rows: Iterable<ResultRow>, opts: WriteOptions = {}): Generator<string> {
  const unprotected = isUnprotected(opts.publication);
  const header = unprotected ? [...RESULT_COLUMNS, UNPROTECTED_COLUMN] : [...RESULT_COLUMNS];
  yield `${header.join(',')}\r\n`;
  for (const row of rows) {
    const fields = RESULT_COLUMNS.map((c) => csvField(c === 'periode' ? periodeKey(row) : row[c]));
    if (unprotected) fields.push('true');
    yield `${fields.join(',')}\r\n`;
  }
}

export const csvWriter = {
  format: 'csv',
  contentType: 'text/csv; charset=utf-8; header=present',
  extension: 'csv',
  label: { nb: 'CSV', en: 'CSV' } satisfies Text,
  write(rows, _meta, opts) {
    return new TextEncoder().encode([...csvLines(rows, opts)].join(''));
  },
  // indikatorer.csv: every indicator in one file, written by the engine (COPY), byte for byte as csvLines.
  files: { scope: 'all', when: 'now', writeFile: (source, path) => source.copyCsv(path) },
  read(bytes) {
    const [header = [], ...lines] = parseCsvText(new TextDecoder().decode(bytes));
    return readBackRecords(header, lines);
  },
} as const satisfies Writer;
