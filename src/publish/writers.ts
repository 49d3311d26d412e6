/**
 * The output-format registry (style.md §6): every format defined once, as one Writer object (id,
 * extension, media type, labels, how it writes a selection, how it is published as files). The API
 * parameters, the OpenAPI enum, the download links and compute's files all derive from this list;
 * adding a format is one file (its writer and its reader) plus one line here.
 */
import { csvWriter } from './csv.writer.ts';
import { jsonStatWriter } from './jsonstat.writer.ts';
import { xlsxWriter } from './xlsx.writer.ts';
import type { Writer } from './types.ts';

/**
 * Every output format, in the API's order: `outputFormat=` accepts them in this order (error
 * messages, the OpenAPI enum) and the first is the API's default.
 */
export const OUTPUT_FORMATS = [jsonStatWriter, csvWriter, xlsxWriter] as const satisfies readonly Writer[];

export type OutputFormat = (typeof OUTPUT_FORMATS)[number]['format'];
export const OUTPUT_FORMAT_IDS: readonly OutputFormat[] = OUTPUT_FORMATS.map((f) => f.format);
export const DEFAULT_OUTPUT_FORMAT: OutputFormat = OUTPUT_FORMATS[0].format;

/**
 * Position of each format among the dashboard's download links (1 = first). Explicit, because the
 * links' order is part of the keyboard path the browser tests walk (Tab presses), and it differs
 * from the API's order: the spreadsheet-friendly formats come first. A Record over OutputFormat,
 * so a new format does not compile until it has its place here.
 */
const DOWNLOAD_LINK_POSITION: Readonly<Record<OutputFormat, number>> = { csv: 1, xlsx: 2, 'json-stat2': 3 };

/** The formats offered as download links, in link order. */
export const DOWNLOAD_FORMATS: readonly Writer[] = [...OUTPUT_FORMATS].sort((a, b) => DOWNLOAD_LINK_POSITION[a.format] - DOWNLOAD_LINK_POSITION[b.format]);

export const WRITERS: Readonly<Record<OutputFormat, Writer>> = Object.fromEntries(OUTPUT_FORMATS.map((f) => [f.format, f])) as Record<OutputFormat, Writer>;

export function isOutputFormat(id: string): id is OutputFormat {
  return (OUTPUT_FORMAT_IDS as readonly string[]).includes(id);
}

/** The file a format publishes for an indicator (null = every indicator: `indikatorer.<ext>`). */
export function outputFileName(writer: Writer, indikator: string | null): string {
  const id = indikator === null ? 'indikatorer' : indikator.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${id}.${writer.extension}`;
}
