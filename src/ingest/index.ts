/** Public surface of the ingest stage: register extracts → validated, typed DuckDB store. */
export { ingest, REPORT_REJECTED_CAP } from './run.ts';
export { formatSummary } from './summary.ts';
export { isIdentityNumber, identityCheckDigits, identityKind } from './identity-number.ts';
export type { IngestOptions, FileReport, RejectedRow, RefusedFile, IngestReport } from './types.ts';
export type { Progress } from '../shared/progress.ts';
