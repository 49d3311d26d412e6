/** Reads a generated CSV file into header-keyed records (test helper) with the project's one CSV reader. */
import { readFileSync } from 'node:fs';
import { parseCsvText, splitCsvLine } from '../../src/refdata/csv-text.ts';

export type Rec = Record<string, string>;

export const splitLine = splitCsvLine;

export function readCsv(path: string): { header: string[]; rows: Rec[] } {
  const [header = [], ...lines] = parseCsvText(readFileSync(path, 'utf8')).filter((r) => r.length > 1 || r[0] !== '');
  const rows = lines.map((f) => Object.fromEntries(header.map((h, i) => [h, f[i] ?? ''])));
  return { header, rows };
}
