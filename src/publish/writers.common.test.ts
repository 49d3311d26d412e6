/**
 * The shared writer suite (style.md §6, Hono's common.case.test.ts pattern): every writer in
 * WRITERS writes the same fixture rows, a format-specific reader parses the bytes back, and the
 * cells, statuses and nulls must equal the input. A writer without a reader here fails the suite.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { RESULT_COLUMNS, type ResultRow } from '../contract/results.ts';
import { WRITERS } from './writers.ts';
import { NULL_CATEGORY } from './labels.ts';
import type { PublicationMeta, WriteOptions } from './types.ts';
import type { OutputFormat } from './writers.ts';
import type { JsonStatDataset } from './jsonstat.writer.ts';
import { fixtureRows } from '../../test/fixtures/fixture-rows.ts';
import { FIXTURE_CATALOGUE } from '../../test/fixtures/fixture-catalogue.ts';
import { readWithToolkit } from '../../test/fixtures/jsonstat-helpers.ts';

type Cell = string | number | null;
type Parsed = { header: string[]; rows: Record<string, Cell>[] };

const NUMERIC = new Set<string>(['periode', 'botid', 'teller', 'nevner', 'verdi', 'ki_nedre', 'ki_ovre', 'mangler']);

/** A plain RFC 4180 reader (quoted fields, doubled quotes, CRLF), written here independent of the writer. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length) records.push([...record, field]);
  return records;
}

function typed(col: string, raw: string): Cell {
  if (raw === '') return col === 'status' ? '' : null;
  return NUMERIC.has(col) ? Number(raw) : raw;
}

function readCsv(bytes: Uint8Array): Parsed {
  const [header = [], ...lines] = parseCsv(new TextDecoder().decode(bytes));
  return { header, rows: lines.map((l) => Object.fromEntries(header.map((h, i) => [h, typed(h, l[i] ?? '')]))) };
}

async function readXlsx(bytes: Uint8Array): Promise<Parsed> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('data');
  assert.ok(sheet, 'sheet "data"');
  assert.ok(wb.getWorksheet('metadata'), 'sheet "metadata"');
  const matrix: Cell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
    }
    matrix.push(cells);
  });
  const header = (matrix[0] ?? []).map(String);
  const rows = matrix.slice(1).map((l) =>
    Object.fromEntries(header.map((h, i) => [h, typeof l[i] === 'string' ? typed(h, l[i] as string) : (l[i] ?? (h === 'status' ? '' : null))])),
  );
  return { header, rows };
}

/** Rebuilds rows from a JSON-stat dataset with jsonstat-toolkit: one row per cell group that holds anything. */
function readJsonStat(bytes: Uint8Array): Parsed {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as JsonStatDataset;
  const ds = readWithToolkit(doc);
  assert.equal(ds.n, doc.size.reduce((a, b) => a * b, 1), 'toolkit cell count = product of size');
  const cats = ds.id.map((d) => ds.Dimension(d)!.id);
  const faste = doc.extension['faste'] as Record<string, Cell>;
  const levels = (doc.dimension['region']?.extension?.['regionniva'] ?? {}) as Record<string, string>;
  const vars = cats[cats.length - 1]!;
  const rows: Record<string, Cell>[] = [];
  for (let base = 0; base < ds.n; base += vars.length) {
    const cells = vars.map((_, j) => ds.Data(base + j)!);
    if (cells.every((c) => c.value === null && c.status === null)) continue;
    const row: Record<string, Cell> = { ...faste, indikator: String(doc.extension['indikator']) };
    let rest = base / vars.length;
    for (let d = ds.id.length - 2; d >= 0; d--) {
      const size = ds.size[d]!;
      const code = cats[d]![rest % size]!;
      rest = Math.floor(rest / size);
      row[ds.id[d]!] = code === NULL_CATEGORY ? null : NUMERIC.has(ds.id[d]!) ? Number(code) : code;
    }
    row['regionniva'] = levels[String(row['region'])] ?? null;
    vars.forEach((v, j) => (row[v] = cells[j]!.value as Cell));
    row['status'] = cells[0]!.status ?? '';
    rows.push(row);
  }
  return { header: [...RESULT_COLUMNS], rows };
}

const READERS: Record<OutputFormat, (b: Uint8Array) => Parsed | Promise<Parsed>> = {
  csv: readCsv,
  'json-stat2': readJsonStat,
  xlsx: readXlsx,
};

function expected(rows: readonly ResultRow[]): Record<string, Cell>[] {
  return rows.map((r) => Object.fromEntries(RESULT_COLUMNS.map((c) => [c, r[c]])));
}

function sortKey(r: Record<string, Cell>): string {
  return RESULT_COLUMNS.slice(0, 11).map((c) => String(r[c])).join('|');
}

function normalise(rows: Record<string, Cell>[]): Record<string, Cell>[] {
  return rows.map((r) => Object.fromEntries(RESULT_COLUMNS.map((c) => [c, r[c] ?? (c === 'status' ? '' : null)]))).sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

const published: PublicationMeta = { disclosure: 'on', generatedAt: '2024-06-01T12:00:00Z' };
const unprotected: PublicationMeta = { disclosure: 'off', generatedAt: '2024-06-01T12:00:00Z' };

describe('shared writer suite', () => {
  it('every writer has a reader in this suite', () => {
    assert.deepEqual(Object.keys(WRITERS).sort(), Object.keys(READERS).sort());
  });

  for (const writer of Object.values(WRITERS)) {
    describe(writer.format, () => {
      const cases: { indikator: string; note: string }[] = [
        { indikator: 'I1', note: 'shares with a suppressed and a no-data cell' },
        { indikator: 'I3', note: 'means (teller empty)' },
        { indikator: 'R1', note: 'botid, regimes and sex, one not-applicable cell' },
      ];
      for (const c of cases) {
        it(`round-trips ${c.indikator} (${c.note})`, async () => {
          const rows = fixtureRows().filter((r) => r.indikator === c.indikator);
          const meta = FIXTURE_CATALOGUE.find((m) => m.id === c.indikator) ?? null;
          const opts: WriteOptions = { publication: published };
          const parsed = await READERS[writer.format as OutputFormat](await writer.write(rows, meta, opts));
          assert.deepEqual(normalise(parsed.rows), normalise(expected(rows)));
        });
      }

      it('keeps statuses and nulls of suppressed cells', async () => {
        const rows = fixtureRows().filter((r) => r.indikator === 'I1');
        const parsed = await READERS[writer.format as OutputFormat](await writer.write(rows, null, { publication: published }));
        const hidden = parsed.rows.filter((r) => r['status'] === ':');
        assert.equal(hidden.length, rows.filter((r) => r.status === ':').length);
        assert.ok(hidden.length > 0);
        for (const r of hidden) {
          assert.equal(r['verdi'], null);
          assert.equal(r['teller'], null);
        }
        assert.ok(parsed.rows.some((r) => r['status'] === '..'));
      });

      it('round-trips text that needs CSV quoting (comma, quote, line break, non-ASCII)', async () => {
        // LF only: XML (inside XLSX) normalises CRLF to LF, and real codes hold neither.
        const rows = fixtureRows()
          .filter((r) => r.indikator === 'I3' && r.region === '0')
          .map((r, i) => ({ ...r, maal: i === 0 ? 'a,"b"' : 'kø\nlinje' }));
        const parsed = await READERS[writer.format as OutputFormat](await writer.write(rows, null, {}));
        assert.deepEqual(normalise(parsed.rows), normalise(expected(rows)));
      });

      it('writes codes with leading zeros as text', async () => {
        const rows = fixtureRows().filter((r) => r.indikator === 'I1' && r.region === '0301');
        const parsed = await READERS[writer.format as OutputFormat](await writer.write(rows, null, {}));
        assert.ok(parsed.rows.length > 0);
        assert.ok(parsed.rows.every((r) => r['region'] === '0301'));
      });

      it('marks unprotected output', async () => {
        const rows = fixtureRows().filter((r) => r.indikator === 'I3');
        const bytes = await writer.write(rows, null, { publication: unprotected });
        if (writer.format === 'json-stat2') {
          const doc = JSON.parse(new TextDecoder().decode(bytes)) as JsonStatDataset;
          assert.equal(doc.extension['ubeskyttet'], true);
          assert.match(doc.label, /UBESKYTTET/);
        } else {
          const parsed = await READERS[writer.format as OutputFormat](bytes);
          assert.equal(parsed.header.at(-1), 'ubeskyttet');
          assert.ok(parsed.rows.every((r) => String(r['ubeskyttet']) === 'true'));
        }
      });
    });
  }
});
