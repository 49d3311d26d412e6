/**
 * One universe U = (indikator, kohort, periode, botid), periods tied by pooled windows together: the cells of different universes count
 * different populations or measurement points, so no linear relation crosses them. Inside U a
 * population is (lovregime, gruppe, kjonn, region); every measure has at most one cell per population.
 */
import { parsePeriodeKey, periodeKey, type ResultRow } from '../contract/results.ts';
import { POP_DIMS, type PopDim } from './hierarchy.ts';
import type { MeasureInfo, MeasureLookup } from './measure-kind.ts';

export interface Universe {
  /** Population values per POP_DIMS. */
  readonly pops: string[][];
  readonly measures: string[];
  readonly info: MeasureInfo[];
  /** Row index of (measure m, population p) at cell[m * pops.length + p], -1 if absent. */
  readonly cell: Int32Array;
}

/**
 * Cost weight of hiding a pooled cell against a yearly one (the secondary rules and the audit's
 * repairs hide the cheapest cells, cost = persons × weight): the yearly figures come first, and a
 * pool is published where it adds nothing a reader could use — otherwise the pool, not a year, is
 * hidden. Without it, protection of a window hid yearly municipal cells to keep the larger pools.
 */
export const POOL_COST_WEIGHT = 0.1;

const PERIODE = POP_DIMS.indexOf('periode');
/** The cost weight of a population (values per POP_DIMS): POOL_COST_WEIGHT for a pooled window. */
export const popWeight = (pop: readonly string[]): number => (pop[PERIODE]!.includes('-') ? POOL_COST_WEIGHT : 1);

/** A population coordinate of a row (the period as its key, so a pool never meets its last year). */
export function popValue(r: ResultRow, d: PopDim): string {
  return d === 'periode' ? periodeKey(r) : r[d];
}

/**
 * Group the protectable rows (status '' or ':') by universe, leaving out those `skip` names.
 * A universe is (indikator, kohort, botid) and one period — or, where pooled windows exist, every
 * period tied together by pools (pool = Σ its years; overlapping windows share years), since the
 * relation pool = Σ years crosses the yearly tables.
 */
export function universes(rows: readonly ResultRow[], skip: (r: ResultRow) => boolean = () => false): number[][] {
  const base = (r: ResultRow) => `${r.indikator}\u0000${r.kohort}\u0000${r.botid ?? ''}`;
  // Union-find over "base|period" nodes: a pool joins each of its years.
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    if (p !== x) parent.set(x, p);
    return p;
  };
  const pooled = new Set<string>();
  for (const r of rows) {
    if ((r.vindu ?? 1) <= 1 || (r.status !== '' && r.status !== ':') || skip(r)) continue;
    const k = `${base(r)}|${periodeKey(r)}`;
    if (pooled.has(k)) continue;
    pooled.add(k);
    const w = parsePeriodeKey(periodeKey(r))!;
    for (let y = w.periode - w.vindu + 1; y <= w.periode; y++) {
      const a = find(k);
      const b = find(`${base(r)}|${y}`);
      if (a !== b) parent.set(b, a);
    }
  }
  const out = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if ((r.status !== '' && r.status !== ':') || skip(r)) return;
    const node = `${base(r)}|${periodeKey(r)}`;
    const k = pooled.size === 0 ? node : find(node);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return [...out.values()];
}

/**
 * The universe of the rows at `indices`. They are taken in a canonical order (measure, then
 * population), so the suppression pattern does not depend on the order the engine returned its
 * rows in (DuckDB does not promise one): the same data always gives the same published table.
 */
export function buildUniverse(rows: readonly ResultRow[], unordered: readonly number[], lookup: MeasureLookup): Universe {
  const keyOf = (i: number) => {
    const r = rows[i]!;
    return `${r.maal}\u0000${r.lovregime}\u0000${r.gruppe}\u0000${r.kjonn}\u0000${r.region}\u0000${periodeKey(r)}`;
  };
  const keyed = unordered.map((i) => [keyOf(i), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  const indices = keyed.map(([, i]) => i);
  const popIndex = new Map<string, number>();
  const measureIndex = new Map<string, number>();
  const pops: string[][] = [];
  const measures: string[] = [];
  const info: MeasureInfo[] = [];
  const at: [number, number, number][] = [];
  for (const i of indices) {
    const r = rows[i]!;
    const vals = POP_DIMS.map((d) => popValue(r, d));
    const pk = vals.join('|');
    let p = popIndex.get(pk);
    if (p === undefined) {
      popIndex.set(pk, (p = pops.length));
      pops.push(vals);
    }
    let m = measureIndex.get(r.maal);
    if (m === undefined) {
      measureIndex.set(r.maal, (m = measures.length));
      measures.push(r.maal);
      info.push(lookup.info(r));
    }
    at.push([m, p, i]);
  }
  const cell = new Int32Array(measures.length * pops.length).fill(-1);
  for (const [m, p, i] of at) cell[m * pops.length + p] = i;
  return { pops, measures, info, cell };
}
