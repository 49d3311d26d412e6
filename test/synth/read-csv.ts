/** Reads a generated CSV file into header-keyed records (test helper; RFC 4180 quotes, no embedded newlines). */
import { readFileSync } from 'node:fs';

export type Rec = Record<string, string>;

export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

export function readCsv(path: string): { header: string[]; rows: Rec[] } {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  const header = splitLine(lines[0] ?? '');
  const rows = lines.slice(1).map((l) => {
    const f = splitLine(l);
    return Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
  });
  return { header, rows };
}
