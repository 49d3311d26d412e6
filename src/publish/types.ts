/** Shapes shared by the publishing writers, the results persistence and the API. */
import type { ResultRow } from '../contract/results.ts';
import type { IndicatorMeta, Text } from '../catalogue/types.ts';
import type { KeyColumn } from './jsonstat.writer.ts';
import type { Lang } from '../shared/lang.ts';

/** One unprotected-fallback note: a cell the disclosure stage could not protect by the normal rule. */
export interface FallbackNote {
  indikator: string;
  kommune: string;
  fylke: string;
  suppressedShare: number;
}

/** What a publication run says about itself; stored in pub_meta and echoed in every output. */
export interface PublicationMeta {
  /** 'off' = unprotected output for analysts with microdata access; every file is marked. */
  disclosure: 'on' | 'off';
  protectedBy?: string;
  /** Disclosure thresholds in force (as set by the disclosure stage, e.g. { minDenominator: 5, minCount: 3, minMeanN: 5 }). */
  thresholds?: Record<string, number>;
  summary?: unknown;
  /** ISO date-time of the compute run. */
  generatedAt: string;
  /** Last date covered by the input data (YYYY-MM-DD). */
  dataLastDate?: string;
  fallbacks?: FallbackNote[];
  /** Information loss (issue 11): suppressed cells and persons per level, municipal coverage per indicator. */
  informationLoss?: unknown;
}

/** Options every writer understands. */
export interface WriteOptions {
  lang?: Lang;
  /** Region code → name (kommuner and fylker); '0' is the country. */
  regionNames?: ReadonlyMap<string, string>;
  publication?: PublicationMeta;
  /** JSON-stat: which numeric columns become the `maaltall` dimension (default: all). */
  variables?: readonly NumericColumn[];
}

/** The numeric columns of the results table, in output order. */
export const NUMERIC_COLUMNS = ['verdi', 'teller', 'nevner', 'ki_nedre', 'ki_ovre', 'mangler'] as const;
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];

/**
 * One output format (style.md §6): everything about it in one object — id, file extension, media
 * type, labels, how it writes a selection of rows (API) and how it is published as files (compute).
 * The registry is `OUTPUT_FORMATS` in writers.ts; a new format is one writer file plus its entries there.
 */
export interface Writer {
  /** The id used in `outputFormat=` and in download links. */
  readonly format: string;
  readonly contentType: string;
  readonly extension: string;
  /** Name in download links and documentation. */
  readonly label: Text;
  /** Writes a selection of rows (one indicator, or any rows for tabular formats). */
  write(rows: readonly ResultRow[], meta: IndicatorMeta | null, opts: WriteOptions): Promise<Uint8Array> | Uint8Array;
  /** How `compute` publishes the format as files; absent = not published as files. */
  readonly files?: FileSpec;
  /**
   * Reads the format's bytes back into rows of the results table, with a reader that shares no
   * code with `write` (a general parser or library: RFC 4180, ExcelJS, jsonstat-toolkit). The
   * shared writer suite (`writers.common.test.ts`) checks that every format round-trips.
   */
  read(bytes: Uint8Array): Promise<ReadBack> | ReadBack;
}

/** A cell read back from a published format. */
export type ReadCell = string | number | null;

/** What `Writer.read` returns: the header as written, and one record per row (numbers typed). */
export interface ReadBack {
  readonly header: readonly string[];
  readonly rows: readonly Record<string, ReadCell>[];
}

const NUMERIC_RESULT_COLUMNS: ReadonlySet<string> = new Set(['periode', 'botid', 'teller', 'nevner', 'verdi', 'ki_nedre', 'ki_ovre', 'mangler']);

/** Types a text cell of the results table as read back: '' is null (status ''), numeric columns are numbers. */
export function readBackCell(column: string, raw: string): ReadCell {
  if (raw === '') return column === 'status' ? '' : null;
  // A pooled period (`2021-2023`) stays text.
  return NUMERIC_RESULT_COLUMNS.has(column) && !(column === 'periode' && raw.includes('-')) ? Number(raw) : raw;
}

/** Header-keyed records from a header line and lines of text fields. */
export function readBackRecords(header: readonly string[], lines: readonly (readonly ReadCell[])[]): ReadBack {
  const rows = lines.map((l) => Object.fromEntries(header.map((h, i) => { const v = l[i]; return [h, typeof v === 'string' ? readBackCell(h, v) : (v ?? (h === 'status' ? '' : null))]; })));
  return { header, rows };
}

export interface FileSpec {
  /** 'all' = one file with every indicator (`indikatorer.<ext>`); 'indicator' = `<ID>.<ext>` per indicator. */
  readonly scope: 'all' | 'indicator';
  /**
   * 'now' = part of the published set (written before the store switches to the new version);
   * 'background' = produced after the new results are served (each file renamed into place when done).
   */
  readonly when: 'now' | 'background';
  /** Streams the file from the saved results; absent = the rows are loaded and `write` is used. */
  writeFile?(source: FileSource, path: string): Promise<void>;
}

/** What a file writer reads from: the saved (staged) results of one indicator or of all. */
export interface FileSource {
  /** null = every indicator (scope 'all'). */
  readonly indikator: string | null;
  readonly meta: IndicatorMeta | null;
  readonly opts: WriteOptions;
  /** The rows, in publication order, chunk by chunk. */
  rows(): AsyncIterable<ResultRow[]>;
  /** The distinct codes of a key column (JSON-stat dimension codes). */
  codes(col: KeyColumn): Promise<string[]>;
  /** Writes the rows as CSV straight from the store (no rows through JavaScript). */
  copyCsv(path: string): Promise<void>;
}

/** Dimension columns a reader may filter on (everything in the results key). */
export const FILTER_DIMENSIONS = [
  'maal',
  'kohort',
  'periode',
  'botid',
  'lovregime',
  'regionniva',
  'region',
  'gruppe',
  'kjonn',
] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** Rows of one indicator, optionally restricted per dimension (values as text; numbers are parsed). */
export type ResultFilter = { indikator: string } & { [K in FilterDimension]?: readonly string[] };

/** True when a publication is unprotected (disclosure control was off). */
export function isUnprotected(meta: PublicationMeta | undefined): boolean {
  return meta?.disclosure === 'off';
}
