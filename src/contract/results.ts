/**
 * The results table (docs/output-contract.md): one row per indicator measure × dimension values.
 * Every channel (CSV, JSON-stat, XLSX, API, dashboard) publishes from rows of this shape.
 */
import type { Gruppe, KjonnDim, Lovregime, Regionniva } from './dimensions.ts';

export const RESULTS_VERSION = '1.0.0';

export const LEDD = ['innsats', 'programresultat', 'integreringsresultat'] as const;
export type Ledd = (typeof LEDD)[number];
export const KOHORTER = ['bosettingskohort', 'startkohort', 'avslutningskohort', 'aktive'] as const;
export type Kohort = (typeof KOHORTER)[number];
/** The dimension value types are defined with their values in dimensions.ts. */
export type { Gruppe, KjonnDim, Lovregime, Regionniva };
/** '' = published; ':' = suppressed (confidentiality); '..' = no data; '.' = not applicable. */
export type Status = '' | ':' | '..' | '.';

export interface ResultRow {
  readonly indikator: string;
  readonly maal: string;
  readonly ledd: Ledd;
  readonly kohort: Kohort;
  readonly periode: number;
  /**
   * Pooled window length in years (output contract: `periode` written `2021-2023`). Absent or 1 = a
   * single year. For a pool, `periode` is the window's LAST year, so a cell is identified by
   * (periode, vindu): every key, filter and dimension that uses `periode` must use `periodeKey(row)`.
   */
  readonly vindu?: number;
  /**
   * Preliminary: the cohort's observation window has not closed for all its persons (issue 11).
   * Such cells exist only when compute is asked for them explicitly; absent = final.
   */
  readonly forelopig?: true;
  /** Years since settlement (link 3); null elsewhere. */
  readonly botid: number | null;
  readonly lovregime: Lovregime;
  readonly regionniva: Regionniva;
  /** '0' for the country, else county (2 digits) or municipality (4 digits), harmonised. */
  readonly region: string;
  readonly gruppe: Gruppe;
  readonly kjonn: KjonnDim;
  /** Numerator (count); null for means and whenever status is not ''. */
  readonly teller: number | null;
  /** Denominator (persons); null where hidden. */
  readonly nevner: number | null;
  readonly verdi: number | null;
  readonly ki_nedre: number | null;
  readonly ki_ovre: number | null;
  /** Persons left out for missing data. */
  readonly mangler: number | null;
  readonly status: Status;
}

/** Column order of indikatorer.csv. */
/** Columns of the results table; `periode` is written with `periodeKey` (the window, for a pool). */
export type ResultColumn = Exclude<keyof ResultRow, 'vindu' | 'forelopig'>;
export const RESULT_COLUMNS: readonly ResultColumn[] = [
  'indikator', 'maal', 'ledd', 'kohort', 'periode', 'botid', 'lovregime', 'regionniva', 'region',
  'gruppe', 'kjonn', 'teller', 'nevner', 'verdi', 'ki_nedre', 'ki_ovre', 'mangler', 'status',
];

/** The published text of a row's period: `2023`, or `2021-2023` for a pooled window (output contract). */
export function periodeKey(row: { readonly periode: number; readonly vindu?: number }): string {
  const w = row.vindu ?? 1;
  return w > 1 ? `${row.periode - w + 1}-${row.periode}` : String(row.periode);
}

/** Parses `2023` or `2021-2023` back to (periode = last year, vindu); null when malformed. */
export function parsePeriodeKey(text: string): { periode: number; vindu: number } | null {
  const m = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  if (to < from) return null;
  return { periode: to, vindu: to - from + 1 };
}
