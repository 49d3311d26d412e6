/** The ingest run: every contract table from the input folder into a fresh store, then an atomic swap. */
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CONTRACT_VERSION, TABLES, tableSpec, type TableSpec } from '../contract/index.ts';
import { openStore, sql, type Store } from '../store/index.ts';
import { UserError } from '../shared/errors.ts';
import { silentProgress } from '../shared/progress.ts';
import {
  loadMunicipalities,
  loadShippedChanges,
  mergeChanges,
  resolveChanges,
  type MunicipalityChange,
} from '../refdata/index.ts';
import { cleanStaleTemps, commitStore, discardTemp, tempStorePath } from './atomic.ts';
import { loadTable, undoLoad, type LoadContext, type LoadOutcome } from './load-table.ts';
import { engineErrorText } from './engine-error.ts';
import { createMetaTables, dataLastDate, writeFileReports, writeReferenceTables, writeRun } from './meta.ts';
import { readRejected, topReasons } from './rejected.ts';
import type { FileReport, IngestOptions, IngestReport } from './types.ts';

/** Rejected rows copied into the JSON report at most (the store always has all of them). */
export const REPORT_REJECTED_CAP = 200_000;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function timestamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** Load order: the change table first (it feeds harmonisation), then personer (cross-table checks), then the rest. */
function loadOrder(): TableSpec[] {
  const first = ['kommuneendringer', 'personer'].map((n) => tableSpec(n)!);
  return [...first, ...TABLES.filter((t) => !first.includes(t))];
}

async function deliveredChanges(store: Store): Promise<MunicipalityChange[]> {
  const rows = await store.all<{ g: string; n: string; d: string; a: number | null }>(
    'SELECT gammel_kode AS g, ny_kode AS n, CAST(gyldig_fra AS VARCHAR) AS d, andel AS a FROM kommuneendringer',
  );
  return rows.map((r) => ({ gammelKode: r.g, nyKode: r.n, gyldigFra: r.d, andel: r.a === null ? null : Number(r.a) }));
}

/** Test hook (docs/ingest.md): pause after a table so a test can kill the process mid-load. */
async function pauseHook(table: string): Promise<void> {
  if (process.env['INTEGRERINGSMONITOR_INGEST_PAUSE_AFTER'] !== table) return;
  process.stderr.write(`ingest-pause:${table}\n`);
  await new Promise((r) => setTimeout(r, 60_000));
}

/**
 * Ingests every contract table found in `inputDir` into a new store at `dbPath`.
 * Returns the report; `ok` is false (and the old store is untouched) when a required table is
 * missing or refused. Throws UserError for unusable arguments.
 */
export async function ingest(opts: IngestOptions): Promise<IngestReport> {
  try {
    return await ingestRun(opts);
  } catch (err) {
    // Never let an engine or system message (which may quote input) reach the user: keep only its kind.
    if (err instanceof UserError) throw err;
    throw new UserError(`innlesingen feilet: ${engineErrorText(err)}; lageret er uendret / ingest failed; the store is unchanged`);
  }
}

async function ingestRun(opts: IngestOptions): Promise<IngestReport> {
  const inputDir = resolve(opts.inputDir);
  const dbPath = resolve(opts.dbPath);
  const progress = opts.progress ?? silentProgress;
  const referenceDate = opts.referenceDate ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(referenceDate) || Number.isNaN(Date.parse(referenceDate))) {
    throw new UserError(`ugyldig referansedato: ${referenceDate} / invalid reference date`);
  }
  if (!existsSync(inputDir) || !statSync(inputDir).isDirectory()) {
    throw new UserError(`fant ikke inndatamappen ${inputDir} / input folder not found`);
  }
  const started = new Date();
  await cleanStaleTemps(dbPath);
  const tmp = tempStorePath(dbPath);
  await mkdir(`${tmp}.work`, { recursive: true });
  const store = await openStore(tmp, {
    memoryLimit: opts.memoryLimit ?? '2GB',
    threads: opts.threads ?? Math.min(availableParallelism(), 4),
  });
  let committed = false;
  try {
    await store.run(`SET temp_directory = ${sql.lit(`${tmp}.spill`)}`);
    const report = await loadAll(store, inputDir, `${tmp}.work`, referenceDate, progress);
    const finished = new Date();
    const result: IngestReport = {
      ...report,
      started: started.toISOString(),
      finished: finished.toISOString(),
      input_dir: inputDir,
      db_path: dbPath,
      report_path: opts.reportPath ? resolve(opts.reportPath) : null,
      contract_version: CONTRACT_VERSION,
      reference_date: referenceDate,
    };
    if (result.ok) {
      await writeRun(store, {
        started: timestamp(started),
        finished: timestamp(finished),
        inputDir,
        contractVersion: CONTRACT_VERSION,
        referenceDate,
        lastDate: result.data_siste_dato,
      });
      progress.step('lagrer lageret', 'saving the store');
      await store.run('CHECKPOINT');
    }
    await store.close();
    if (result.ok) {
      await commitStore(tmp, dbPath);
      committed = true;
    }
    if (opts.reportPath) await writeFile(resolve(opts.reportPath), `${JSON.stringify(result, null, 2)}\n`);
    return result;
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  } finally {
    // After a commit the store itself has been renamed away; this removes the work and spill folders.
    await discardTemp(tmp);
    if (!committed) progress.step('lageret er uendret', 'the store is unchanged');
  }
}

/**
 * loadTable with every engine or file-system error turned into a refusal of that file: the
 * message names the file and the kind of error, never the engine's text (DuckDB quotes the
 * offending input line in its errors). What the failed load left in the store is removed.
 */
async function loadGuarded(spec: TableSpec, ctx: LoadContext): Promise<LoadOutcome> {
  try {
    return await loadTable(spec, ctx);
  } catch (err) {
    try {
      await undoLoad(ctx.store, spec);
    } catch {
      throw new UserError(`innlesingen av ${spec.name} feilet og kunne ikke ryddes opp (${engineErrorText(err)}); lageret er uendret`);
    }
    const fil = ctx.listing.includes(`${spec.name}.parquet`) && !ctx.listing.includes(`${spec.name}.csv`) ? `${spec.name}.parquet` : `${spec.name}.csv`;
    const aarsak = `filen kunne ikke leses: ${engineErrorText(err)} / the file could not be read`;
    const format = fil.endsWith('.parquet') ? 'parquet' : 'csv';
    return {
      kind: 'refused',
      refused: { fil, aarsak },
      report: { tabell: spec.name, fil, format, rows_read: 0, rows_loaded: 0, rows_rejected: 0, ukjente_kolonner: [], merknader: [aarsak] },
    };
  }
}

type Partial = Omit<IngestReport, 'started' | 'finished' | 'input_dir' | 'db_path' | 'report_path' | 'contract_version' | 'reference_date'>;

async function loadAll(
  store: Store,
  inputDir: string,
  workDir: string,
  referenceDate: string,
  progress: NonNullable<IngestOptions['progress']>,
): Promise<Partial> {
  await createMetaTables(store);
  const municipalities = loadMunicipalities();
  const files: FileReport[] = [];
  const refused: IngestReport['refused'] = [];
  const absent: string[] = [];
  const loaded: TableSpec[] = [];
  const errors: string[] = [];
  const listing = await readdir(inputDir);
  const ctx: LoadContext = { store, inputDir, workDir, referenceDate, personerLoaded: false, progress, listing };
  let shipped = loadShippedChanges();
  for (const spec of loadOrder()) {
    // Harmonisation tables are written once the delivered change table (if any) is loaded,
    // before the first table with municipality codes.
    if (spec.name === 'personer') {
      const delivered = loaded.some((t) => t.name === 'kommuneendringer') ? await deliveredChanges(store) : [];
      shipped = mergeChanges(shipped, delivered);
      const { resolved, warnings } = resolveChanges(shipped, municipalities);
      warnings.forEach((w) => progress.step(`kommuneendringer: ${w}`, `municipality changes: ${w}`));
      // Only a delivered table can bring a cycle or a dead end: its file report carries them.
      const changesReport = files.find((f) => f.tabell === 'kommuneendringer');
      if (changesReport) changesReport.merknader.push(...warnings);
      await writeReferenceTables(store, municipalities, resolved);
    }
    const outcome = await loadGuarded(spec, { ...ctx, personerLoaded: loaded.some((t) => t.name === 'personer') });
    if (outcome.kind === 'absent') {
      if (spec.required) errors.push(`påkrevd tabell mangler: ${spec.name} (.csv eller .parquet) / required table missing: ${spec.name}`);
      else absent.push(spec.name);
      continue;
    }
    if (outcome.report) files.push(outcome.report);
    if (outcome.kind === 'refused') {
      refused.push(outcome.refused);
      if (spec.required) errors.push(`påkrevd tabell avvist: ${outcome.refused.fil}: ${outcome.refused.aarsak}`);
      continue;
    }
    loaded.push(spec);
    await pauseHook(spec.name);
  }
  await writeFileReports(store, files);
  const lastDate = await dataLastDate(store, loaded);
  const { rows, total } = await readRejected(store, REPORT_REJECTED_CAP);
  const top = await topReasons(store, 5);
  const order = new Map(TABLES.map((t, i) => [t.name, i]));
  files.sort((a, b) => (order.get(a.tabell) ?? 0) - (order.get(b.tabell) ?? 0));
  return {
    ok: errors.length === 0,
    data_siste_dato: lastDate,
    files,
    rejected: rows,
    rejected_total: total,
    rejected_truncated: total > rows.length,
    top_reasons: top,
    refused,
    absent_tables: absent,
    errors,
  };
}
