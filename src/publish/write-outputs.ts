/**
 * The publication files (docs/output-contract.md), every format from the registry (OUTPUT_FORMATS):
 * a format with `files.scope 'all'` writes `indikatorer.<ext>`, one with `'indicator'` writes
 * `<ID>.<ext>` per indicator; then `katalog.json`, `tilgjengelighet.json` and the manifest
 * `filer.json` (data version and file list, so the API can tell whether a file is current).
 * Files are read from a results table in the store (streamed, or COPY for CSV), never from rows in
 * memory. With disclosure 'off' every file is marked unprotected.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RESULTS_VERSION, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import type { Store } from '../store/index.ts';
import { indicatorIds, resultSource } from './results-store.ts';
import { PUB_META, PUB_RESULTS } from './tables.ts';
import { refdataKommuner, regionNameMap } from './regions.ts';
import { isUnprotected, type FileSource, type PublicationMeta, type Writer } from './types.ts';
import { OUTPUT_FORMATS, outputFileName } from './writers.ts';

export const MANIFEST_FILE = 'filer.json';

export interface OutputsInput {
  store: Store;
  /** The results table to publish (the staged table during a run). */
  table: string;
  catalogue: readonly IndicatorMeta[];
  availability?: unknown;
  meta: PublicationMeta;
  /** The data version the store switches to with these files. */
  version: string;
  /** Region code → name; defaults to the shipped 2024 municipality list. */
  regionNames?: ReadonlyMap<string, string>;
  /** Called after each file (progress). */
  onFile?: (name: string, done: number, total: number) => void | Promise<void>;
}

/** The disclosure part of every JSON file's header. */
export function publicationHeader(meta: PublicationMeta): Record<string, unknown> {
  return {
    resultatversjon: RESULTS_VERSION,
    generert: meta.generatedAt,
    data_til_og_med: meta.dataLastDate ?? null,
    ubeskyttet: isUnprotected(meta),
    personvern: { disclosure: meta.disclosure, protectedBy: meta.protectedBy ?? null, thresholds: meta.thresholds ?? {} },
  };
}

interface Job {
  writer: Writer;
  indikator: string | null;
  name: string;
}

async function jobsFor(input: OutputsInput, when: 'now' | 'background'): Promise<Job[]> {
  const ids = await indicatorIds(input.store, input.table);
  const jobs: Job[] = [];
  for (const writer of OUTPUT_FORMATS as readonly Writer[]) {
    if (writer.files?.when !== when) continue;
    const targets = writer.files.scope === 'all' ? [null] : ids;
    for (const id of targets) jobs.push({ writer, indikator: id, name: outputFileName(writer, id) });
  }
  return jobs;
}

/** The default file writer: the rows of the source through the format's `write`. */
async function writeViaRows(writer: Writer, source: FileSource, path: string): Promise<void> {
  const rows: ResultRow[] = [];
  for await (const chunk of source.rows()) rows.push(...chunk);
  await writeFile(path, await writer.write(rows, source.meta, source.opts));
}

async function runJob(input: OutputsInput, job: Job, path: string, regionNames: ReadonlyMap<string, string>): Promise<void> {
  const meta = job.indikator === null ? null : (input.catalogue.find((m) => m.id === job.indikator) ?? null);
  const source = resultSource(input.store, input.table, job.indikator, meta, { publication: input.meta, regionNames });
  const own = job.writer.files?.writeFile;
  await (own ? own(source, path) : writeViaRows(job.writer, source, path));
}

/** Writes the published set ('now' formats, katalog, tilgjengelighet, manifest) into dir; returns the file names. */
export async function writeOutputs(dir: string, input: OutputsInput): Promise<{ files: string[] }> {
  const regionNames = input.regionNames ?? regionNameMap(refdataKommuner());
  const jobs = await jobsFor(input, 'now');
  const total = jobs.length + 2;
  const files: string[] = [];
  for (const job of jobs) {
    await runJob(input, job, join(dir, job.name), regionNames);
    files.push(job.name);
    await input.onFile?.(job.name, files.length, total);
  }
  const header = publicationHeader(input.meta);
  await writeFile(join(dir, 'katalog.json'), JSON.stringify({ ...header, fallbacks: input.meta.fallbacks ?? [], indikatorer: input.catalogue }, null, 2));
  files.push('katalog.json');
  await writeFile(join(dir, 'tilgjengelighet.json'), JSON.stringify({ ...header, tilgjengelighet: input.availability ?? null }, null, 2));
  files.push('tilgjengelighet.json');
  await input.onFile?.('tilgjengelighet.json', files.length, total);
  const pending = (await jobsFor(input, 'background')).map((j) => j.name);
  await writeManifest(dir, { versjon: input.version, generert: input.meta.generatedAt, filer: files, underveis: pending });
  return { files: [...files, MANIFEST_FILE] };
}

export interface Manifest {
  /** The store's data version these files belong to. */
  versjon: string;
  generert: string;
  /** Files present and complete. */
  filer: string[];
  /** Files still being produced in the background. */
  underveis: string[];
}

async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  const tmp = join(dir, `.${MANIFEST_FILE}.tmp`);
  await writeFile(tmp, JSON.stringify(manifest, null, 2));
  await rename(tmp, join(dir, MANIFEST_FILE));
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * Writes the 'background' formats (XLSX) into the published folder, each file renamed into place
 * when complete and added to the manifest. Stops when the folder no longer holds `version` (a newer
 * run replaced it). Reads from the published results table.
 */
export async function writeBackgroundOutputs(dir: string, input: OutputsInput): Promise<{ files: string[] }> {
  const regionNames = input.regionNames ?? regionNameMap(refdataKommuner());
  const jobs = await jobsFor(input, 'background');
  const files: string[] = [];
  for (const job of jobs) {
    const manifest = await readManifest(dir);
    if (!manifest || manifest.versjon !== input.version) break;
    const tmp = join(dir, `.${job.name}.tmp`);
    try {
      await runJob(input, job, tmp, regionNames);
      await rename(tmp, join(dir, job.name));
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
    files.push(job.name);
    await writeManifest(dir, { ...manifest, filer: [...manifest.filer, job.name], underveis: manifest.underveis.filter((n) => n !== job.name) });
    await input.onFile?.(job.name, files.length, jobs.length);
  }
  return { files };
}

/**
 * The prebuilt file of a format for one indicator, when the published folder holds the store's
 * current version (for the API: serve the whole-indicator download without building it).
 */
export async function prebuiltFile(store: Store, writer: Writer, indikator: string): Promise<string | null> {
  const rows = await store.all<{ noekkel: string; verdi: string }>(`SELECT noekkel, verdi FROM ${PUB_META} WHERE noekkel IN ('utdata', 'versjon')`).catch(() => []);
  const meta = new Map(rows.map((r) => [r.noekkel, r.verdi]));
  const dir = meta.get('utdata');
  if (!dir) return null;
  const manifest = await readManifest(dir);
  const name = outputFileName(writer, indikator);
  if (!manifest || manifest.versjon !== meta.get('versjon')) return null;
  return manifest.filer.includes(name) ? join(dir, name) : null;
}

/**
 * Produces the background files of the store's current publication (e.g. XLSX after `compute
 * --xlsx skip`, while `serve` already answers). Reads the output folder, version and catalogue from
 * pub_meta; a read-only store is enough. Returns the files written ([] when nothing was pending).
 */
export async function writePendingOutputs(store: Store, onFile?: OutputsInput['onFile']): Promise<{ dir: string | null; files: string[] }> {
  const rows = await store.all<{ noekkel: string; verdi: string }>(`SELECT noekkel, verdi FROM ${PUB_META}`).catch(() => []);
  const meta = new Map(rows.map((r) => [r.noekkel, r.verdi]));
  const dir = meta.get('utdata');
  const version = meta.get('versjon');
  const publication = meta.get('publikasjon');
  if (!dir || !version || !publication) return { dir: null, files: [] };
  const manifest = await readManifest(dir);
  if (!manifest || manifest.versjon !== version || manifest.underveis.length === 0) return { dir, files: [] };
  const catalogue = JSON.parse(meta.get('katalog') ?? '[]') as IndicatorMeta[];
  const input: OutputsInput = { store, table: PUB_RESULTS, catalogue, meta: JSON.parse(publication) as PublicationMeta, version, ...(onFile ? { onFile } : {}) };
  return { dir, ...(await writeBackgroundOutputs(dir, input)) };
}
