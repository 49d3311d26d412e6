/**
 * XLSX via exceljs: sheet "data" holds exactly the CSV's cells (same header, same order, empty
 * cell for null; numbers stay numbers, codes like '0301' stay text); sheet "metadata" holds the
 * indicator's metadata, the disclosure rules and the status symbols.
 */
import ExcelJS from 'exceljs';
import { RESULT_COLUMNS, RESULTS_VERSION } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Lang } from '../shared/lang.ts';
import { UNPROTECTED_COLUMN } from './csv.writer.ts';
import { STATUS_LABELS, pick } from './labels.ts';
import { isUnprotected, type WriteOptions, type Writer } from './types.ts';

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

export const xlsxWriter: Writer = {
  format: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  extension: 'xlsx',
  async write(rows, meta, opts) {
    const lang: Lang = opts.lang ?? 'nb';
    const unprotected = isUnprotected(opts.publication);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'integreringsmonitor';
    const data = wb.addWorksheet('data');
    data.addRow(unprotected ? [...RESULT_COLUMNS, UNPROTECTED_COLUMN] : [...RESULT_COLUMNS]);
    for (const row of rows) {
      const cells: (string | number | null)[] = RESULT_COLUMNS.map((c) => row[c]);
      if (unprotected) cells.push('true');
      data.addRow(cells);
    }
    const md = wb.addWorksheet('metadata');
    md.addRow(['felt', 'verdi']);
    for (const line of metadataLines(meta, opts, lang)) md.addRow(line);
    const buf = await wb.xlsx.writeBuffer();
    return new Uint8Array(buf as ArrayBuffer);
  },
};
