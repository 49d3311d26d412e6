/**
 * The output-format registry (style.md §6): every format defined once, as one Writer object (id,
 * extension, media type, labels, how it writes a selection, how it is published as files). The API
 * parameters, the OpenAPI enum, the download links and compute's files all derive from this list;
 * adding a format is one writer file plus one line here (and a reader in the shared writer suite).
 */
import { csvWriter } from './csv.writer.ts';
import { jsonStatWriter } from './jsonstat.writer.ts';
import { xlsxWriter } from './xlsx.writer.ts';
import type { Writer } from './types.ts';

/** In presentation order; the first is the API's default. */
export const OUTPUT_FORMATS = [jsonStatWriter, csvWriter, xlsxWriter] as const satisfies readonly Writer[];

export type OutputFormat = (typeof OUTPUT_FORMATS)[number]['format'];
export const OUTPUT_FORMAT_IDS: readonly OutputFormat[] = OUTPUT_FORMATS.map((f) => f.format);
export const DEFAULT_OUTPUT_FORMAT: OutputFormat = OUTPUT_FORMATS[0].format;

export const WRITERS: Readonly<Record<OutputFormat, Writer>> = Object.fromEntries(OUTPUT_FORMATS.map((f) => [f.format, f])) as Record<OutputFormat, Writer>;

export function isOutputFormat(id: string): id is OutputFormat {
  return (OUTPUT_FORMAT_IDS as readonly string[]).includes(id);
}

/** The file a format publishes for an indicator (null = every indicator: `indikatorer.<ext>`). */
export function outputFileName(writer: Writer, indikator: string | null): string {
  const id = indikator === null ? 'indikatorer' : indikator.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${id}.${writer.extension}`;
}
