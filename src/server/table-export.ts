/**
 * Downloads with names: a table of rows written as CSV or XLSX with codes, texts, or both
 * (PxWebApi's UseCodes / UseTexts / UseCodesAndTexts), and the Norwegian CSV (`;`, decimal comma,
 * UTF-8 BOM) beside the standard one. The plain code-only CSV/XLSX of the results table stay with
 * the publish stage's writers (the output contract's `indikatorer.csv`); this file serves the
 * labelled variants of the results table and the analyses table. Pure: runs in the export worker.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { IndicatorMeta } from '../catalogue/types.ts';
import { ANALYSIS_COLUMNS, type AnalysisRow } from '../contract/analysis.ts';
import { RESULT_COLUMNS, periodeKey, type ResultRow } from '../contract/results.ts';
import { COUNTRY_NAME, STATUS_LABELS, botidLabel, categoryLabel, dimensionLabel, measureLabel } from '../shared/labels.ts';
import { pick, type Lang } from '../shared/lang.ts';
import type { TableStyle } from './params.ts';
import type { OutputFormat } from '../publish/writers.ts';

type Cell = string | number | null;

export interface Column<R> {
  readonly code: string;
  readonly value: (row: R) => Cell;
  /** The value's text (name); absent for numbers and for columns whose value is already text. */
  readonly text?: (row: R) => string;
}

/** What the worker needs to rebuild a table's columns (functions do not cross threads). */
export interface TableContext {
  readonly lang: Lang;
  readonly meta?: IndicatorMeta | null;
  readonly regionNames?: ReadonlyMap<string, string>;
  readonly unprotected?: boolean;
  /** Lines of the XLSX `metadata` sheet: [field, value]. */
  readonly metaLines?: readonly (readonly [string, string])[];
}

export type TableKind = 'results' | 'analyses';

const textColumnName = (code: string, lang: Lang) => `${code}_${lang === 'en' ? 'text' : 'tekst'}`;

function regionText(code: string, ctx: TableContext): string {
  return code === '0' ? pick(COUNTRY_NAME, ctx.lang) : (ctx.regionNames?.get(code) ?? code);
}

function statusText(code: string, lang: Lang): string {
  const known = STATUS_LABELS[code];
  return known ? pick(known, lang) : '';
}

function dimColumn<R>(code: string, value: (r: R) => Cell, text: (r: R) => string): Column<R> {
  return { code, value, text };
}

/** Columns of the results table with names: every coded column gets its text. */
export function resultColumns(ctx: TableContext): Column<ResultRow>[] {
  const { lang } = ctx;
  const cat = (dim: keyof ResultRow) => dimColumn<ResultRow>(dim, (r) => r[dim] as Cell, (r) => categoryLabel(dim, String(r[dim]), lang));
  const cols: Column<ResultRow>[] = [];
  for (const c of RESULT_COLUMNS) {
    switch (c) {
      case 'indikator':
        cols.push(dimColumn(c, (r) => r.indikator, (r) => (ctx.meta && ctx.meta.id === r.indikator ? pick(ctx.meta.navn, lang) : r.indikator)));
        break;
      case 'maal':
        cols.push(dimColumn(c, (r) => r.maal, (r) => measureLabel(ctx.meta?.maal, r.maal, lang)));
        break;
      case 'periode':
        cols.push({ code: c, value: (r) => periodeKey(r) });
        break;
      case 'botid':
        cols.push(dimColumn(c, (r) => r.botid, (r) => (r.botid === null ? '' : botidLabel(r.botid, lang))));
        break;
      case 'region':
        cols.push(dimColumn(c, (r) => r.region, (r) => regionText(r.region, ctx)));
        break;
      case 'status':
        cols.push(dimColumn(c, (r) => r.status, (r) => statusText(r.status, lang)));
        break;
      case 'teller':
      case 'nevner':
      case 'verdi':
      case 'ki_nedre':
      case 'ki_ovre':
      case 'mangler':
        cols.push({ code: c, value: (r) => r[c] });
        break;
      default:
        cols.push(cat(c));
    }
  }
  if (ctx.unprotected) cols.push({ code: 'ubeskyttet', value: () => 'true' });
  return cols;
}

const ANALYSIS_NUMBERS: ReadonlySet<string> = new Set(['n', 'observert', 'forventet', 'differanse', 'ki_nedre', 'ki_ovre', 'krympet']);

/** Columns of the analyses table (ANALYSIS_COLUMNS) with names. */
export function analysisColumns(ctx: TableContext): Column<AnalysisRow>[] {
  const { lang } = ctx;
  return ANALYSIS_COLUMNS.map((c): Column<AnalysisRow> => {
    const value = (r: AnalysisRow) => r[c] as Cell;
    if (ANALYSIS_NUMBERS.has(c) || c === 'periode' || c === 'maal') return { code: c, value };
    if (c === 'region') return dimColumn(c, value, (r) => regionText(r.region, ctx));
    if (c === 'botid') return dimColumn(c, value, (r) => (r.botid === null ? '' : botidLabel(r.botid, lang)));
    if (c === 'status') return dimColumn(c, value, (r) => statusText(r.status, lang));
    return dimColumn(c, value, (r) => (r[c] === null ? '' : categoryLabel(c, String(r[c]), lang)));
  });
}

export function columnsFor(kind: TableKind, ctx: TableContext): Column<ResultRow>[] | Column<AnalysisRow>[] {
  return kind === 'results' ? resultColumns(ctx) : analysisColumns(ctx);
}

/** Header and cell getters for a style: codes, texts instead of codes, or a text column after each code. */
function layout<R>(cols: readonly Column<R>[], style: TableStyle, lang: Lang): { header: string[]; cells: ((r: R) => Cell)[] } {
  const header: string[] = [];
  const cells: ((r: R) => Cell)[] = [];
  for (const col of cols) {
    if (style.labels === 'texts') {
      header.push(dimensionLabel(col.code, lang));
      cells.push(col.text ?? col.value);
      continue;
    }
    header.push(col.code);
    cells.push(col.value);
    if (style.labels === 'both' && col.text) {
      header.push(textColumnName(col.code, lang));
      cells.push(col.text);
    }
  }
  return { header, cells };
}

const BOM = '\uFEFF';

/** One CSV field with the given separator; numbers with '.' or ',' decimals. */
function csvCell(v: Cell, sep: string, decimalComma: boolean): string {
  if (v === null || v === undefined) return '';
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    s = String(v);
    if (decimalComma) s = s.replace('.', ',');
  } else {
    s = v;
  }
  return s.includes(sep) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** CSV (RFC 4180, CRLF): `,` and `.` decimals, or with SeparatorSemicolon `;`, decimal comma and a BOM. */
export function tableCsv<R>(cols: readonly Column<R>[], rows: readonly R[], style: TableStyle, lang: Lang): Uint8Array {
  const sep = style.semicolon ? ';' : ',';
  const { header, cells } = layout(cols, style, lang);
  const parts: string[] = [style.semicolon ? BOM : '', header.map((h) => csvCell(h, sep, false)).join(sep), '\r\n'];
  for (const r of rows) {
    parts.push(cells.map((f) => csvCell(f(r), sep, style.semicolon)).join(sep), '\r\n');
  }
  return new TextEncoder().encode(parts.join(''));
}

/** XLSX written as a stream (bounded memory): sheet `data` as the CSV's cells, sheet `metadata`. */
export async function tableXlsx<R>(cols: readonly Column<R>[], rows: readonly R[], style: TableStyle, ctx: TableContext): Promise<Uint8Array> {
  const { header, cells } = layout(cols, { labels: style.labels, semicolon: false }, ctx.lang);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  wb.creator = 'integreringsmonitor';
  const data = wb.addWorksheet('data');
  data.addRow(header).commit();
  for (const r of rows) data.addRow(cells.map((f) => f(r))).commit();
  data.commit();
  const md = wb.addWorksheet('metadata');
  md.addRow(['felt', 'verdi']).commit();
  for (const line of ctx.metaLines ?? []) md.addRow([...line]).commit();
  md.commit();
  await wb.commit();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

type LayoutWriter = (cols: readonly Column<unknown>[], rows: readonly unknown[], style: TableStyle, ctx: TableContext) => Uint8Array | Promise<Uint8Array>;

/**
 * The output formats that also write the labelled table layouts (UseTexts, UseCodesAndTexts, the
 * Norwegian `;` CSV): a subset of the format registry (`publish/writers.ts`), keyed by its ids, so
 * the compiler rejects a layout for a format that does not exist. The routes derive from this.
 */
export const TABLE_LAYOUTS = {
  csv: (cols, rows, style, ctx) => tableCsv(cols, rows, style, ctx.lang),
  xlsx: (cols, rows, style, ctx) => tableXlsx(cols, rows, style, ctx),
} as const satisfies Partial<Record<OutputFormat, LayoutWriter>>;

export type TableFormat = keyof typeof TABLE_LAYOUTS;

export function isTableFormat(format: string): format is TableFormat {
  return Object.hasOwn(TABLE_LAYOUTS, format);
}

/** Writes a table in one of the layout formats and a style. */
export async function writeTable(kind: TableKind, rows: readonly unknown[], format: TableFormat, style: TableStyle, ctx: TableContext): Promise<Uint8Array> {
  return TABLE_LAYOUTS[format](columnsFor(kind, ctx) as Column<unknown>[], rows, style, ctx);
}
