/**
 * Reads a published JSON-stat 2.0 dataset back into rows of the results table with the reference
 * client, jsonstat-toolkit (the JSON-stat format's `Writer.read`; shares no code with the writer).
 */
import { createRequire } from 'node:module';
import { RESULT_COLUMNS } from '../contract/results.ts';
import { NULL_CATEGORY } from './labels.ts';
import type { JsonStatDataset } from './jsonstat.writer.ts';
import { readBackCell, type ReadBack, type ReadCell } from './types.ts';

/** The part of jsonstat-toolkit's dataset object the project uses (the package has no types). */
export interface ToolkitDimension {
  id: string[];
  length: number;
  Category(i: number | string): { label: string } | null;
}
export interface ToolkitDataset {
  class: string;
  n: number;
  id: string[];
  size: number[];
  role: { time?: string[]; geo?: string[]; metric?: string[] } | null;
  Data(i: number): { value: number | string | null; status: string | null } | null;
  Dimension(id: string): ToolkitDimension | null;
}

const require = createRequire(import.meta.url);
const JSONstat = require('jsonstat-toolkit') as (doc: unknown) => ToolkitDataset;

/** Loads a JSON-stat document with jsonstat-toolkit. */
export function readWithToolkit(doc: unknown): ToolkitDataset {
  // The toolkit normalises its input in place (index arrays become objects): give it a copy.
  return JSONstat(structuredClone(doc));
}

/**
 * One row per cell group (the last dimension, `maaltall`, spread into columns) that holds a value or
 * a status; the fixed dimensions come from `extension.faste`, the region level from the region
 * dimension's extension.
 */
export function readJsonStat(bytes: Uint8Array): ReadBack {
  const doc = JSON.parse(new TextDecoder().decode(bytes)) as JsonStatDataset;
  const ds = readWithToolkit(doc);
  const cellCount = doc.size.reduce((a, b) => a * b, 1);
  if (ds.n !== cellCount) throw new Error(`JSON-stat: the toolkit sees ${ds.n} cells, size gives ${cellCount}`);
  const cats = ds.id.map((d) => ds.Dimension(d)!.id);
  const faste = doc.extension['faste'] as Record<string, ReadCell>;
  const levels = (doc.dimension['region']?.extension?.['regionniva'] ?? {}) as Record<string, string>;
  const vars = cats[cats.length - 1]!;
  const rows: Record<string, ReadCell>[] = [];
  for (let base = 0; base < ds.n; base += vars.length) {
    const cells = vars.map((_, j) => ds.Data(base + j)!);
    if (cells.every((c) => c.value === null && c.status === null)) continue;
    const row: Record<string, ReadCell> = { ...faste, indikator: String(doc.extension['indikator']) };
    let rest = base / vars.length;
    for (let d = ds.id.length - 2; d >= 0; d--) {
      const size = ds.size[d]!;
      const code = cats[d]![rest % size]!;
      rest = Math.floor(rest / size);
      row[ds.id[d]!] = code === NULL_CATEGORY ? null : readBackCell(ds.id[d]!, code);
    }
    row['regionniva'] = levels[String(row['region'])] ?? null;
    vars.forEach((v, j) => (row[v] = cells[j]!.value as ReadCell));
    row['status'] = cells[0]!.status ?? '';
    rows.push(row);
  }
  return { header: [...RESULT_COLUMNS], rows };
}
