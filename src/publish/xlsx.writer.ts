/**
 * XLSX via exceljs' streaming WorkbookWriter: sheet "data" holds exactly the CSV's cells (same
 * header, same order, empty cell for null; numbers stay numbers, codes like '0301' stay text, a
 * pooled period as `2021-2023`); sheet "metadata" holds the indicator's metadata, the disclosure
 * rules and the status symbols. Rows are committed as they are written, so memory stays flat; as a
 * publication file it is produced in the background (`when: 'background'`), off compute's path.
 */
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RESULT_COLUMNS, RESULTS_VERSION, periodeKey, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Lang } from '../shared/lang.ts';
import { UNPROTECTED_COLUMN } from './csv.writer.ts';
import { STATUS_LABELS, pick } from './labels.ts';
import { isUnprotected, readBackRecords, type FileSource, type ReadBack, type ReadCell, type WriteOptions, type Writer } from './types.ts';

type MetaLine = [string, string];

function indicatorLines(meta: IndicatorMeta, lang: Lang): MetaLine[] {
  return [
    ['indikator', meta.id],
    ['navn', pick(meta.navn, lang)],
    ['ledd', meta.ledd],
    ['definisjon', pick(meta.beskrivelse, lang)],
    ['populasjon', pick(meta.populasjon, lang)],
    ['teller', pick(meta.teller, lang)],
    ['kilder', meta.kilder.join('; ')],
    ['kapittel', meta.kapittel],
    ['kjerne', String(meta.kjerne)],
    ...meta.maal.map((m): MetaLine => [`maal:${m.kode}`, `${pick(m.navn, lang)} (${m.enhet})`]),
  ];
}

function metadataLines(meta: IndicatorMeta | null, opts: WriteOptions, lang: Lang): MetaLine[] {
  const pub = opts.publication;
  const lines: MetaLine[] = [];
  if (isUnprotected(pub)) {
    lines.push([
      'UBESKYTTET',
      'Beregnet uten personvernkontroll – kun for analytikere med tilgang til mikrodata / computed without disclosure control',
    ]);
  }
  if (meta) lines.push(...indicatorLines(meta, lang));
  lines.push(['resultatversjon', RESULTS_VERSION]);
  if (pub) {
    lines.push(['personvern', pub.disclosure], ['generert', pub.generatedAt]);
    if (pub.dataLastDate) lines.push(['data_til_og_med', pub.dataLastDate]);
    for (const [k, v] of Object.entries(pub.thresholds ?? {})) lines.push([`terskel:${k}`, String(v)]);
  }
  for (const [sym, text] of Object.entries(STATUS_LABELS)) lines.push([`status ${sym}`, pick(text, lang)]);
  return lines;
}

function cells(row: ResultRow, unprotected: boolean): (string | number | null)[] {
  const out: (string | number | null)[] = RESULT_COLUMNS.map((c) => (c === 'periode' ? ((row.vindu ?? 1) > 1 ? periodeKey(row) : row.periode) : row[c]));
  if (unprotected) out.push('true');
  return out;
}

/** Streams a workbook to `stream`: rows chunk by chunk, then the metadata sheet. */
async function writeWorkbook(stream: Writable, chunks: AsyncIterable<readonly ResultRow[]> | Iterable<readonly ResultRow[]>, meta: IndicatorMeta | null, opts: WriteOptions): Promise<void> {
  const lang: Lang = opts.lang ?? 'nb';
  const unprotected = isUnprotected(opts.publication);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  wb.creator = 'integreringsmonitor';
  const data = wb.addWorksheet('data');
  data.addRow(unprotected ? [...RESULT_COLUMNS, UNPROTECTED_COLUMN] : [...RESULT_COLUMNS]).commit();
  for await (const chunk of chunks) for (const row of chunk) data.addRow(cells(row, unprotected)).commit();
  data.commit();
  const md = wb.addWorksheet('metadata');
  md.addRow(['felt', 'verdi']).commit();
  for (const line of metadataLines(meta, opts, lang)) md.addRow(line).commit();
  md.commit();
  await wb.commit();
}

/** One indicator's workbook as a file, streamed from the saved results. */
export async function writeXlsxFile(source: FileSource, path: string): Promise<void> {
  const out = createWriteStream(path);
  const finished = new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    out.once('error', reject);
  });
  await writeWorkbook(out, source.rows(), source.meta, source.opts);
  await finished;
}

/** Reads sheet `data` back with ExcelJS' workbook reader (not the streaming writer used above). */
async function readXlsx(bytes: Uint8Array): Promise<ReadBack> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('data');
  if (!sheet || !wb.getWorksheet('metadata')) throw new Error('XLSX: sheets "data" and "metadata" expected');
  const matrix: ReadCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: ReadCell[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? null : typeof v === 'number' ? v : String(v));
    }
    matrix.push(cells);
  });
  return readBackRecords((matrix[0] ?? []).map(String), matrix.slice(1));
}

export const xlsxWriter = {
  format: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  label: { nb: 'Excel (XLSX)', en: 'Excel (XLSX)' },
  async write(rows, meta, opts) {
    const sink = new PassThrough();
    const parts: Buffer[] = [];
    sink.on('data', (b: Buffer) => parts.push(b));
    const ended = new Promise<void>((resolve, reject) => {
      sink.once('end', resolve);
      sink.once('error', reject);
    });
    await writeWorkbook(sink, [rows], meta, opts);
    await ended;
    return new Uint8Array(Buffer.concat(parts));
  },
  files: { scope: 'indicator', when: 'background', writeFile: writeXlsxFile },
  read: readXlsx,
} as const satisfies Writer;
