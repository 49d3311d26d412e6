/** Tiny input folders for the ingest tests, built in a temp dir (no big files in the repo). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TABLES } from '../../src/contract/index.ts';
import { openStore, type Row } from '../../src/store/index.ts';

export type Rec = Record<string, string>;

export function tempDir(prefix = 'ingest-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A valid personer row; override any field. */
export function person(id: string, o: Rec = {}): Rec {
  return {
    person_id: id,
    fodt: '1990-01',
    kjonn: '1',
    landbakgrunn: 'SYR',
    tillatelse: 'ASYL_28',
    innvandringskategori: 'asylsoker',
    forste_tillatelse_dato: '2020-01-01',
    ankomstdato: '2019-06-01',
    bosettingsdato: '2020-02-01',
    bosettingskommune: '0301',
    utdanning_medbrakt: 'vgo',
    barn_under_18: 'false',
    utvandret_dato: '',
    dod_dato: '',
    ...o,
  };
}

export function programme(id: string, o: Rec = {}): Rec {
  return {
    person_id: id,
    kommune: '0301',
    vedtaksdato: '2020-02-10',
    startdato: '2020-03-01',
    sluttdato: '2022-03-01',
    planlagt_slutt: '2022-03-01',
    forlenget: 'false',
    heltid: 'true',
    vgo_heltid: 'false',
    ...o,
  };
}

function quote(v: string, d: string): string {
  return /["\n\r]/.test(v) || v.includes(d) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** CSV text with the contract's columns of `table` (plus `extra` columns) in order. */
export function csv(table: string, rows: readonly Rec[], opts: { delimiter?: string; extra?: string[]; drop?: string[] } = {}): string {
  const d = opts.delimiter ?? ',';
  const spec = TABLES.find((t) => t.name === table)!;
  const cols = [...spec.columns.map((c) => c.name).filter((c) => !opts.drop?.includes(c)), ...(opts.extra ?? [])];
  const lines = [cols.join(d), ...rows.map((r) => cols.map((c) => quote(r[c] ?? '', d)).join(d))];
  return `${lines.join('\n')}\n`;
}

export function write(dir: string, file: string, text: string | Buffer): void {
  writeFileSync(join(dir, file), text);
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export async function query(dbPath: string, sqlText: string): Promise<Row[]> {
  const store = await openStore(dbPath, { readOnly: true });
  try {
    return await store.all(sqlText);
  } finally {
    await store.close();
  }
}
