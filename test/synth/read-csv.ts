/** Reads a generated CSV file into header-keyed records (test helper; RFC 4180 quotes, no embedded newlines). */
import { readFileSync } from 'node:fs';
import { splitCsvLine } from '../../src/synth/refdata.ts';

export type Rec = Record<string, string>;

/** The generator's own RFC 4180 line splitter (one CSV reader in the project, not two). */
export const splitLine = splitCsvLine;

export function readCsv(path: string): { header: string[]; rows: Rec[] } {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = splitLine(lines[0] ?? '');
  const rows = lines.slice(1).map((l) => {
    const f = splitLine(l);
    return Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
  });
  return { header, rows };
}
