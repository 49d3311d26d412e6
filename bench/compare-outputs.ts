/**
 * Compares two published folders (before/after a change): indikatorer.csv as sorted lines, and
 * every <ID>.json cell by cell through the dimension codes (so added dimensions of size 1 and a
 * changed dimension order do not count). Reports values that differ, statuses that differ where
 * the old document had one, new non-null values, and nulls without a status in the new document.
 *   node --import tsx bench/compare-outputs.ts OLD_DIR NEW_DIR
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Doc = {
  id: string[];
  size: number[];
  dimension: Record<string, { category: { index: string[] | Record<string, number> } }>;
  value: (number | null)[] | Record<string, number | null>;
  status?: (string | null)[] | Record<string, string>;
  extension?: { faste?: Record<string, string | number | null> };
};

const [oldDir, newDir] = process.argv.slice(2) as [string, string];

function sortedLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\r\n').filter((l) => l !== '').sort();
}

const a = sortedLines(join(oldDir, 'indikatorer.csv'));
const b = sortedLines(join(newDir, 'indikatorer.csv'));
let csvDiff = 0;
const bSet = new Set(b);
for (const l of a) if (!bSet.has(l)) csvDiff++;
console.log(`indikatorer.csv: ${a.length} / ${b.length} lines, ${csvDiff} old lines missing in new${a.length === b.length && csvDiff === 0 ? ' — identical when sorted' : ''}`);

function codes(doc: Doc, dim: string): string[] {
  const idx = doc.dimension[dim]!.category.index;
  return Array.isArray(idx) ? idx : Object.entries(idx).sort((x, y) => x[1] - y[1]).map(([k]) => k);
}

function entries<T>(v: T[] | Record<string, T> | undefined): [number, T][] {
  if (!v) return [];
  if (Array.isArray(v)) return v.flatMap((x, i) => (x === null ? [] : [[i, x] as [number, T]]));
  return Object.entries(v).flatMap(([k, x]) => (x === null ? [] : [[Number(k), x] as [number, T]]));
}

let problems = 0;
for (const f of readdirSync(oldDir).filter((f) => /^[A-Z]+\d+\.json$/.test(f)).sort()) {
  const o = JSON.parse(readFileSync(join(oldDir, f), 'utf8')) as Doc;
  const n = JSON.parse(readFileSync(join(newDir, f), 'utf8')) as Doc;
  const oCodes = o.id.map((d) => codes(o, d));
  const nPos = n.id.map((d) => new Map(codes(n, d).map((c, i) => [c, i])));
  const nStride = n.size.map((_, i) => n.size.slice(i + 1).reduce((x, y) => x * y, 1));
  const oStride = o.size.map((_, i) => o.size.slice(i + 1).reduce((x, y) => x * y, 1));
  const faste = o.extension?.faste ?? {};
  const toNew = (i: number): number => {
    const tuple = new Map<string, string>();
    o.id.forEach((d, k) => tuple.set(d, oCodes[k]![Math.floor(i / oStride[k]!) % o.size[k]!]!));
    for (const [d, v] of Object.entries(faste)) tuple.set(d, v === null ? 'ingen' : String(v));
    let idx = 0;
    n.id.forEach((d, k) => {
      const code = tuple.get(d) ?? codes(n, d)[0]!;
      const p = nPos[k]!.get(code);
      if (p === undefined) throw new Error(`${f}: ${d}=${code} missing in new`);
      idx += p * nStride[k]!;
    });
    return idx;
  };
  const nValues = n.value as (number | null)[];
  const nStatus = (n.status ?? []) as (string | null)[];
  let diffValues = 0;
  let diffStatus = 0;
  const oEntries = entries(o.value);
  for (const [i, v] of oEntries) if (nValues[toNew(i)] !== v) diffValues++;
  for (const [i, s] of entries(o.status)) if (nStatus[toNew(i)] !== s) diffStatus++;
  const newNonNull = nValues.filter((v) => v !== null).length;
  let nullNoStatus = 0;
  let addedStatus = 0;
  nValues.forEach((v, i) => {
    if (v === null && (nStatus[i] ?? null) === null) nullNoStatus++;
  });
  addedStatus = nStatus.filter((s) => s !== null).length - entries(o.status).length;
  const bad = diffValues + diffStatus + nullNoStatus + (newNonNull - oEntries.length);
  problems += bad;
  console.log(
    `${f}: ${oEntries.length} values (new ${newNonNull}), value diffs ${diffValues}, status diffs ${diffStatus}, ` +
      `statuses added ${addedStatus}, nulls without status ${nullNoStatus}, cells ${o.size.reduce((x, y) => x * y, 1)} → ${nValues.length}`,
  );
}
console.log(problems === 0 && csvDiff === 0 ? 'SAME apart from the intended changes' : `DIFFERENCES: ${problems + csvDiff}`);
