/** Every output format behind one interface (style.md §6); the shared suite tests them all alike. */
import { csvWriter } from './csv.writer.ts';
import { jsonStatWriter } from './jsonstat.writer.ts';
import { xlsxWriter } from './xlsx.writer.ts';
import type { OutputFormat, Writer } from './types.ts';

export const WRITERS: Readonly<Record<OutputFormat, Writer>> = {
  csv: csvWriter,
  'json-stat2': jsonStatWriter,
  xlsx: xlsxWriter,
};
