/**
 * Loads one contract table: find the file, read it into staging, run every check in one SQL
 * pass (first failing check per row), insert good rows typed and set the rest aside in
 * `ingest_avviste`. Validation runs in DuckDB, not per row in JavaScript, so national-scale
 * files load in seconds.
 */
import { lstat, open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { TableSpec } from '../contract/index.ts';
import { REJECTION_REASONS, TABLES } from '../contract/index.ts';
import type { Store } from '../store/index.ts';
import { sql } from '../store/index.ts';
import type { Progress } from '../shared/progress.ts';
import { matchColumns, type ColumnMatch } from './columns.ts';
import { contentSignature, sniffCsv } from './sniff.ts';
import { stageCsv } from './stage-csv.ts';
import { describeParquet, stageParquet } from './stage-parquet.ts';
import { tableChecks, type Check } from './checks.ts';
import { storeColumns, typedValue } from './typed.ts';
import { normaliseIdentity, shownValueSql } from './identity-number.ts';
import type { FileReport, RefusedFile } from './types.ts';

export interface LoadContext {
  readonly store: Store;
  readonly inputDir: string;
  /** Folder for transcoded copies (removed after the run). */
  readonly workDir: string;
  readonly referenceDate: string;
  readonly personerLoaded: boolean;
  readonly progress: Progress;
  /** Names in the input folder (read once per run). */
  readonly listing: readonly string[];
}

export type LoadOutcome =
  | { kind: 'absent' }
  | { kind: 'refused'; refused: RefusedFile; report?: FileReport }
  | { kind: 'loaded'; report: FileReport };

const q = sql.quoteIdent;
const fmt = (n: number) => n.toLocaleString('nb-NO');

/** The check id of a row: 0 = good, else the 1-based index of the first failing check. */
function firstFailing(checks: readonly Check[]): string {
  return `CASE ${checks.map((c, i) => `WHEN ${c.fails} THEN ${i + 1}`).join(' ')} ELSE 0 END`;
}

function duplicateStep(spec: TableSpec, dupId: number): string {
  if (!spec.unique || spec.unique.length === 0) return 'c0';
  const keys = spec.unique.map((k) => {
    const c = spec.columns.find((x) => x.name === k)!;
    return c.type === 'kommune' ? typedValue(c, q(k)) : q(k);
  });
  return `CASE WHEN c0 = 0 AND row_number() OVER (PARTITION BY (c0 = 0), ${keys.join(', ')} ORDER BY ln) > 1 THEN ${dupId} ELSE c0 END`;
}

function byCheck(checks: readonly Check[], pick: (c: Check) => string): string {
  return `CASE chk ${checks.map((c, i) => `WHEN ${i + 1} THEN ${pick(c)}`).join(' ')} END`;
}

async function validateAndInsert(store: Store, spec: TableSpec, fil: string, checks: Check[]): Promise<void> {
  const all = [...checks];
  if (spec.unique && spec.unique.length > 0) {
    const key = spec.unique[0]!;
    all.push({ code: 'duplikat', column: key, fails: 'false', value: q(key) });
  }
  await store.run(`CREATE OR REPLACE TEMP TABLE _chk AS
    SELECT * EXCLUDE (c0), ${duplicateStep(spec, all.length)} AS chk
    FROM (SELECT *, ${firstFailing(checks)} AS c0 FROM _stg)`);
  const cols = storeColumns(spec.columns);
  await store.run(`CREATE TABLE ${q(spec.name)} (${cols.map((c) => `${q(c.name)} ${c.type}`).join(', ')})`);
  await store.run(
    `INSERT INTO ${q(spec.name)} SELECT ${cols.map((c) => c.expr).join(', ')} FROM _chk WHERE chk = 0 ORDER BY ln`,
  );
  await store.run(`INSERT INTO ingest_avviste
    SELECT ${sql.lit(spec.name)}, ${sql.lit(fil)}, ln,
      ${byCheck(all, (c) => sql.lit(c.column))},
      ${byCheck(all, (c) => sql.lit(c.code))},
      ${byCheck(all, (c) => sql.lit(REJECTION_REASONS[c.code].nb))},
      ${shownValueSql(byCheck(all, (c) => c.value), sql.lit)}
    FROM _chk WHERE chk <> 0 ORDER BY ln`);
}

async function counts(store: Store): Promise<{ loaded: number; rejected: number }> {
  const r = await store.all<{ loaded: number; rejected: number }>(
    'SELECT count(*) FILTER (WHERE chk = 0) AS loaded, count(*) FILTER (WHERE chk <> 0) AS rejected FROM _chk',
  );
  return { loaded: Number(r[0]?.loaded ?? 0), rejected: Number(r[0]?.rejected ?? 0) };
}

function emptyReport(spec: TableSpec, fil: string, format: 'csv' | 'parquet'): FileReport {
  return { tabell: spec.name, fil, format, rows_read: 0, rows_loaded: 0, rows_rejected: 0, ukjente_kolonner: [], merknader: [] };
}

function refuse(report: FileReport, aarsak: string): LoadOutcome {
  report.merknader.push(aarsak);
  return { kind: 'refused', refused: { fil: report.fil, aarsak }, report };
}

/** Whether a name is shown in a message: never when it holds 10 or more digits (an identity number). */
function shownName(name: string): string {
  return /[0-9]{10}/.test(normaliseIdentity(name)) ? '(navn skjult)' : name;
}

/**
 * `<table>_<anything>.csv|.parquet`: a split extract. Not read as one table (parts may overlap or
 * be different versions); the table is refused and the parts are named, so nothing is ignored
 * without a word. A file that is another contract table's own file is not a part.
 */
export function splitParts(table: string, listing: readonly string[]): string[] {
  const own = new Set(TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]));
  return listing.filter((f) => f.startsWith(`${table}_`) && /\.(csv|parquet)$/i.test(f) && !own.has(f)).sort();
}

/** Refusal reason for a path that is not a regular file (lstat: a symlink is never followed). */
async function notRegular(path: string, fil: string): Promise<string | null> {
  const st = await lstat(path);
  if (st.isSymbolicLink()) {
    return `${fil} er en symbolsk lenke; lenker følges ikke (legg selve filen i mappen) / ${fil} is a symbolic link: links are not followed`;
  }
  if (!st.isFile()) {
    const what = st.isDirectory() ? 'en mappe' : 'ikke en vanlig fil';
    return `${fil} er ${what}, ikke en fil som kan leses / ${fil} is not a regular file`;
  }
  return null;
}

/** Refusal reason when a .parquet file is not Parquet (PAR1 at both ends); never quotes content. */
async function notParquet(path: string, fil: string): Promise<string | null> {
  const size = (await stat(path)).size;
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const tail = Buffer.alloc(4);
    await fh.read(head, 0, 4, 0);
    if (size >= 8) await fh.read(tail, 0, 4, size - 4);
    if (size >= 12 && head.toString('latin1') === 'PAR1' && tail.toString('latin1') === 'PAR1') return null;
    const what = contentSignature(head) ?? (head.every((b) => b >= 9 && b < 127) ? 'tekst (kanskje CSV)' : 'ukjent');
    return `${fil} heter .parquet, men er ikke en Parquet-fil (innholdet er ${what}); gi filen riktig endelse / ${fil} is named .parquet but is not Parquet`;
  } finally {
    await fh.close();
  }
}

/** Loads the table `spec` from `<name>.csv` or `<name>.parquet` in the input folder. */
export async function loadTable(spec: TableSpec, ctx: LoadContext): Promise<LoadOutcome> {
  const csv = join(ctx.inputDir, `${spec.name}.csv`);
  const parquet = join(ctx.inputDir, `${spec.name}.parquet`);
  const hasCsv = ctx.listing.includes(`${spec.name}.csv`);
  const hasParquet = ctx.listing.includes(`${spec.name}.parquet`);
  const parts = splitParts(spec.name, ctx.listing);
  if (parts.length > 0) {
    const fil = hasParquet && !hasCsv ? `${spec.name}.parquet` : `${spec.name}.csv`;
    const all = [...(hasCsv ? [`${spec.name}.csv`] : []), ...(hasParquet ? [`${spec.name}.parquet`] : []), ...parts].map(shownName);
    return refuse(
      emptyReport(spec, fil, fil.endsWith('.csv') ? 'csv' : 'parquet'),
      `uttrekket er delt i flere filer (${all.join(', ')}); delte uttrekk leses ikke: slå delene sammen til én fil ${spec.name}.csv med én overskriftsrad / split extract (${all.join(', ')}): merge the parts into one file`,
    );
  }
  if (!hasCsv && !hasParquet) return { kind: 'absent' };
  if (hasCsv && hasParquet) {
    const r = emptyReport(spec, `${spec.name}.csv`, 'csv');
    return refuse(r, `både ${spec.name}.csv og ${spec.name}.parquet finnes: fjern den ene / both files exist: remove one`);
  }
  const { store, progress } = ctx;
  const fil = hasCsv ? `${spec.name}.csv` : `${spec.name}.parquet`;
  const report = emptyReport(spec, fil, hasCsv ? 'csv' : 'parquet');
  const irregular = await notRegular(hasCsv ? csv : parquet, fil);
  if (irregular) return refuse(report, irregular);
  progress.step(`${spec.name}: leser ${fil}`, `${spec.name}: reading ${fil}`);

  let rowsRead: number;
  if (hasCsv) {
    const sniffed = await sniffCsv(csv, join(ctx.workDir, `${spec.name}.utf8.csv`));
    if (!sniffed.ok) return refuse(report, sniffed.reason);
    const src = sniffed.source;
    report.tegnsett = src.tegnsett;
    report.skilletegn = src.skilletegn;
    report.merknader.push(...src.notes);
    const match = matchColumns(spec, src.header);
    const bad = headerProblem(spec, match);
    if (bad) return refuse(report, bad);
    report.ukjente_kolonner = [...match.unknown];
    const staged = await stageCsv(store, src, spec, match.position);
    if (staged.refusal) return refuse(report, staged.refusal);
    report.merknader.push(...staged.notes);
    rowsRead = staged.rowsRead;
    await validate(spec, ctx, fil, src.header.length, rowsRead);
  } else {
    const wrong = await notParquet(parquet, fil);
    if (wrong) return refuse(report, wrong);
    const cols = await describeParquet(store, parquet);
    const match = matchColumns(spec, cols.map((c) => c.name));
    const bad = headerProblem(spec, match);
    if (bad) return refuse(report, bad);
    report.ukjente_kolonner = [...match.unknown];
    rowsRead = await stageParquet(store, parquet, spec, cols, match.position);
    await validate(spec, ctx, fil, cols.length, rowsRead);
  }
  const { loaded, rejected } = await counts(store);
  await store.run('DROP TABLE IF EXISTS _chk; DROP TABLE IF EXISTS _stg');
  report.rows_read = rowsRead;
  report.rows_loaded = loaded;
  report.rows_rejected = rejected;
  if (report.ukjente_kolonner.length > 0) {
    report.merknader.push(`ukjente kolonner lastes ikke: ${report.ukjente_kolonner.join(', ')}`);
  }
  progress.step(
    `${spec.name}: ${fmt(loaded)} lastet, ${fmt(rejected)} avvist av ${fmt(rowsRead)}`,
    `${spec.name}: ${fmt(loaded)} loaded, ${fmt(rejected)} rejected of ${fmt(rowsRead)}`,
  );
  return { kind: 'loaded', report };
}

/**
 * Removes whatever a load that failed half-way left behind (the table, its rejected rows, the
 * staging tables), so the file can be reported as refused and the run go on.
 */
export async function undoLoad(store: Store, spec: TableSpec): Promise<void> {
  await store.run(`DROP TABLE IF EXISTS ${q(spec.name)}`);
  await store.run(`DELETE FROM ingest_avviste WHERE tabell = ${sql.lit(spec.name)}`);
  await store.run('DROP VIEW IF EXISTS _rec_v');
  for (const t of ['_rec_t', '_spans', '_tog', '_lines', '_stg', '_chk']) await store.run(`DROP TABLE IF EXISTS ${t}`);
}

function headerProblem(spec: TableSpec, match: ColumnMatch): string | null {
  if (match.position.size === 0) {
    return (
      `første linje ser ut som data, ikke en overskriftsrad: ingen kolonnenavn fra datakontrakten for ${spec.name} ` +
      `(${spec.columns.slice(0, 3).map((c) => c.name).join(', ')}, …); linjen vises ikke / ` +
      'the first line looks like data, not a header row: no contract column name; the line is not shown'
    );
  }
  if (match.missingRequired.length > 0) {
    const m = match.missingRequired.join(', ');
    return `mangler påkrevd kolonne: ${m} / missing required column: ${m}`;
  }
  if (match.duplicated.length > 0) {
    return `kolonnen forekommer flere ganger i overskriften: ${match.duplicated.join(', ')} / column occurs more than once in the header`;
  }
  return null;
}

async function validate(spec: TableSpec, ctx: LoadContext, fil: string, fieldCount: number, rows: number): Promise<void> {
  ctx.progress.step(`${spec.name}: kontrollerer ${fmt(rows)} rader`, `${spec.name}: checking ${fmt(rows)} rows`);
  const checks = tableChecks(spec, {
    referenceDate: ctx.referenceDate,
    municipalityTable: '_kommunekart',
    personerLoaded: ctx.personerLoaded,
    fieldCount,
  });
  await validateAndInsert(ctx.store, spec, fil, checks);
}
