/**
 * The compute command's files (docs/output-contract.md): indikatorer.csv (all rows), <ID>.json
 * (JSON-stat 2.0 per indicator), katalog.json and tilgjengelighet.json. With disclosure 'off' every
 * file is marked unprotected (CSV column, JSON-stat label/note/extension, `ubeskyttet: true`).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { RESULTS_VERSION, type ResultRow } from '../contract/results.ts';
import type { IndicatorMeta } from '../catalogue/types.ts';
import { csvLines } from './csv.writer.ts';
import { jsonStatWriter } from './jsonstat.writer.ts';
import { refdataKommuner, regionNameMap } from './regions.ts';
import { isUnprotected, type PublicationMeta } from './types.ts';

export interface OutputsInput {
  rows: readonly ResultRow[];
  catalogue: readonly IndicatorMeta[];
  availability?: unknown;
  meta: PublicationMeta;
  /** Region code → name; defaults to the shipped 2024 municipality list. */
  regionNames?: ReadonlyMap<string, string>;
}

async function writeCsv(path: string, rows: readonly ResultRow[], meta: PublicationMeta): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk = '';
  for (const line of csvLines(rows, { publication: meta })) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

function byIndicator(rows: readonly ResultRow[]): Map<string, ResultRow[]> {
  const groups = new Map<string, ResultRow[]>();
  for (const r of rows) {
    const g = groups.get(r.indikator);
    if (g) g.push(r);
    else groups.set(r.indikator, [r]);
  }
  return groups;
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

/** A safe file name for an indicator id (ids are like 'I1', 'R10'; anything else is replaced). */
function fileId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Writes all publication files into outDir and returns their paths. */
export async function writeOutputs(outDir: string, input: OutputsInput): Promise<{ files: string[] }> {
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const csvPath = join(outDir, 'indikatorer.csv');
  await writeCsv(csvPath, input.rows, input.meta);
  files.push(csvPath);

  const regionNames = input.regionNames ?? regionNameMap(refdataKommuner());
  const metaById = new Map(input.catalogue.map((m) => [m.id, m]));
  for (const [id, rows] of byIndicator(input.rows)) {
    const path = join(outDir, `${fileId(id)}.json`);
    await writeFile(path, jsonStatWriter.write(rows, metaById.get(id) ?? null, { publication: input.meta, regionNames }) as Uint8Array);
    files.push(path);
  }

  const header = publicationHeader(input.meta);
  const katalog = join(outDir, 'katalog.json');
  await writeFile(katalog, JSON.stringify({ ...header, fallbacks: input.meta.fallbacks ?? [], indikatorer: input.catalogue }, null, 2));
  files.push(katalog);
  const avail = join(outDir, 'tilgjengelighet.json');
  await writeFile(avail, JSON.stringify({ ...header, tilgjengelighet: input.availability ?? null }, null, 2));
  files.push(avail);
  return { files };
}
