/** Public types of the ingest stage. */
import type { RejectionCode } from '../contract/index.ts';
import type { Progress } from '../shared/progress.ts';

export interface IngestOptions {
  readonly inputDir: string;
  readonly dbPath: string;
  readonly reportPath?: string;
  readonly progress?: Progress;
  /** ISO date; default today. Dates after it are rejected as 'dato_i_fremtiden'. */
  readonly referenceDate?: string;
  /** DuckDB memory_limit for the load (default '2GB'). */
  readonly memoryLimit?: string;
  /** DuckDB threads (default: the machine's parallelism). */
  readonly threads?: number;
}

export interface FileReport {
  tabell: string;
  fil: string;
  format: 'csv' | 'parquet';
  tegnsett?: string;
  skilletegn?: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  ukjente_kolonner: string[];
  merknader: string[];
}

export interface RejectedRow {
  tabell: string;
  fil: string;
  /** 1-based physical line of the row's first line in the file; the header is line 1. */
  linje: number;
  /** The failing column; '' when the row as a whole is malformed (feil_antall_felt). */
  kolonne: string;
  aarsak_kode: RejectionCode;
  aarsak: string;
  /** The offending value as delivered; null when missing or when it must not be echoed (fodselsnummer). */
  verdi: string | null;
}

export interface RefusedFile {
  fil: string;
  aarsak: string;
}

export interface IngestReport {
  ok: boolean;
  started: string;
  finished: string;
  input_dir: string;
  db_path: string;
  report_path: string | null;
  contract_version: string;
  reference_date: string;
  /** The latest event date in the loaded data (null when nothing loaded). */
  data_siste_dato: string | null;
  files: FileReport[];
  /** Rejected rows in load order (tables in load order, lines ascending); capped, see rejected_total. */
  rejected: RejectedRow[];
  rejected_total: number;
  rejected_truncated: boolean;
  /** The most frequent reasons over all rejected rows. */
  top_reasons: { aarsak_kode: string; n: number }[];
  refused: RefusedFile[];
  /** Optional tables with no file in the input folder (the engine treats them as "no data"). */
  absent_tables: string[];
  /** Why the run failed (empty when ok). */
  errors: string[];
}
