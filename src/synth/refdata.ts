/** Reads the shipped reference data the generator needs (data/refdata, see its README). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dayOf, yearOf } from './dates.ts';
import { parseCsvText } from '../refdata/csv-text.ts';

const REFDATA = fileURLToPath(new URL('../../data/refdata/', import.meta.url));

/** A reference file's records without its header (blank lines skipped). */
function readCsv(name: string): string[][] {
  return parseCsvText(readFileSync(REFDATA + name, 'utf8'))
    .slice(1)
    .filter((r) => r.length > 1 || r[0]!.trim() !== '');
}

export interface Kommune {
  readonly code: string;
  readonly name: string;
  readonly county: string;
}

export interface CodeChange {
  readonly date: string;
  readonly oldCode: string;
  readonly newCode: string;
}

/** The 2024 municipalities (without 9999 "Uoppgitt"). */
export function loadKommuner2024(): Kommune[] {
  return readCsv('kommuner_2024.csv')
    .map(([code, name, county]) => ({ code: code ?? '', name: name ?? '', county: county ?? '' }))
    .filter((k) => k.code !== '9999');
}

export function loadKommuner2020Codes(): string[] {
  return readCsv('kommuner_2020.csv')
    .map((r) => r[0] ?? '')
    .filter((c) => c !== '9999');
}

export function loadCodeChanges(): CodeChange[] {
  return readCsv('kommune_endringer_2017_2024.csv').map(([date, oldCode, , newCode]) => ({
    date: date ?? '',
    oldCode: oldCode ?? '',
    newCode: newCode ?? '',
  }));
}

/** Average G of each calendar year: G changes every 1 May (law-rules §8). */
export function loadAverageG(): Map<number, number> {
  const rows = readCsv('grunnbelop_2010_2026.csv').map(([d, g]) => ({ day: dayOf(+d!.slice(0, 4), 5, 1), g: Number(g) }));
  const byYear = new Map<number, number>();
  for (const r of rows) byYear.set(yearOf(r.day), r.g);
  const avg = new Map<number, number>();
  for (const [y, g] of byYear) {
    const prev = byYear.get(y - 1);
    if (prev !== undefined) avg.set(y, (4 * prev + 8 * g) / 12);
  }
  return avg;
}
