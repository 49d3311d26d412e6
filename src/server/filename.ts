/**
 * File names that describe the selection (Content-Disposition), e.g. `R1_kommune_4601_2021-2023.csv`:
 * the table id, then the region level and codes, the periods, and any other restricted dimension
 * as `dim-values`. Up to three values are named (`0301+4601`), more are counted (`region-12`).
 */
import { regionLevel } from '../shared/labels.ts';

const MAX_NAMED = 3;
const MAX_LENGTH = 120;

const clean = (s: string) => s.replace(/[^A-Za-z0-9_+.-]/g, '-');

function values(dim: string, v: readonly string[]): string {
  return v.length <= MAX_NAMED ? v.join('+') : `${dim}-${v.length}`;
}

/** `selection`: per dimension the resolved values, or undefined when not restricted. */
export function downloadName(id: string, selection: ReadonlyMap<string, readonly string[] | undefined>, extension: string): string {
  const parts = [id];
  const region = selection.get('region');
  const niva = selection.get('regionniva');
  if (region?.length) {
    const levels = [...new Set(region.map((r) => (/^\d+$/.test(r) ? regionLevel(r) : 'region')))];
    if (levels.length === 1 && !niva) parts.push(levels[0]!);
    parts.push(values('region', region));
  }
  if (niva?.length) parts.push(values('regionniva', niva));
  const periode = selection.get('periode');
  if (periode?.length) parts.push(values('periode', periode));
  for (const [dim, v] of [...selection].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!v?.length || dim === 'region' || dim === 'regionniva' || dim === 'periode') continue;
    parts.push(`${dim}-${values(dim, v)}`);
  }
  const base = clean(parts.join('_'));
  return `${base.length > MAX_LENGTH ? base.slice(0, MAX_LENGTH) : base}.${extension}`;
}
