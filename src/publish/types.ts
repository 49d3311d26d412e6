/** Shapes shared by the publishing writers, the results persistence and the API. */
import type { ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
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

/** One output format: CSV, JSON-stat 2.0 or XLSX, all written from the same rows (style.md §6). */
export interface Writer {
  readonly format: 'csv' | 'json-stat2' | 'xlsx';
  readonly contentType: string;
  readonly extension: string;
  write(rows: readonly ResultRow[], meta: IndicatorMeta | null, opts: WriteOptions): Promise<Uint8Array> | Uint8Array;
}

export type OutputFormat = Writer['format'];

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
