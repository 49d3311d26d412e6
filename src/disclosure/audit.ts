/**
 * Self-audit of a protected indicator, run inside `protect`: which hidden variables can a reader
 * still recover, exactly (Gaussian elimination over the equality relations) or within a narrow
 * interval (bound propagation over all relations, each count ≥ 0, numerator ≤ denominator)?
 */
import { D_REGION, DIMS } from './cell-table.ts';
import { SparseEchelon } from './modular.ts';
import { REL_EQ, REL_LE, type Problem } from './problem.ts';

/**
 * Rank of each relation's region for elimination order: municipalities of a county first, then
 * the county, and the country last (nested dissection along the region hierarchy keeps the fill
 * of the elimination inside one county).
 */
function regionOrder(p: Problem): Float64Array {
  const t = p.cells;
  const regions = t.dict[D_REGION]!;
  const sorted = regions.map((r, code) => ({ code, key: r === '0' ? 'zz' : `${r.slice(0, 2)}:${r.length === 2 ? 1 : 0}:${r}` }));
  sorted.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rankOfCode = new Float64Array(regions.length);
  sorted.forEach((x, i) => (rankOfCode[x.code] = i));
  const nd = DIMS.length;
  const nRel = p.relKind.length;
  const out = new Float64Array(nRel);
  for (let r = 0; r < nRel; r++) {
    const v = p.relVars[p.relStart[r]!]!;
    const c = v < p.nCells ? v : p.denCells[p.denStart[v - p.nCells]!]!;
    out[r] = rankOfCode[t.codes[c * nd + D_REGION]!]!;
  }
  return out;
}

/** Hidden variables determined exactly by the equality relations. */
export function exactlyDetermined(p: Problem): number[] {
  const g = new SparseEchelon();
  const nRel = p.relKind.length;
  const rank = regionOrder(p);
  const order: number[] = [];
  for (let r = 0; r < nRel; r++) {
    if (p.relKind[r] !== REL_EQ) continue;
    for (let i = p.relStart[r]!; i < p.relStart[r + 1]!; i++) {
      if (p.hidden[p.relVars[i]!]) {
        order.push(r);
        break;
      }
    }
  }
  order.sort((a, b) => rank[a]! - rank[b]!);
  for (const r of order) {
    const a = p.relStart[r]!;
    const b = p.relStart[r + 1]!;
    const row: [number, number][] = [];
    for (let i = a; i < b; i++) {
      const v = p.relVars[i]!;
      if (p.hidden[v]) row.push([v, i === a ? 1 : -1]);
    }
    g.addRow(row);
  }
  return g.determined();
}

interface Sums {
  finMin: number;
  infMin: number;
  finMax: number;
  infMax: number;
}

function termSums(p: Problem, lo: Float64Array, hi: Float64Array, a: number, b: number): Sums {
  const s: Sums = { finMin: 0, infMin: 0, finMax: 0, infMax: 0 };
  for (let i = a; i < b; i++) {
    const v = p.relVars[i]!;
    const [tmin, tmax] = i === a ? [lo[v]!, hi[v]!] : [-hi[v]!, -lo[v]!];
    if (tmin === -Infinity) s.infMin++;
    else s.finMin += tmin;
    if (tmax === Infinity) s.infMax++;
    else s.finMax += tmax;
  }
  return s;
}

/** Tighten bounds with one relation Σ a·x = s (s = 0, or s ≥ 0 for a total with outsiders). */
function tighten(p: Problem, lo: Float64Array, hi: Float64Array, r: number): boolean {
  const a = p.relStart[r]!;
  const b = p.relStart[r + 1]!;
  const sMax = p.relKind[r] === REL_LE ? Infinity : 0;
  const s = termSums(p, lo, hi, a, b);
  let changed = false;
  for (let i = a; i < b; i++) {
    const v = p.relVars[i]!;
    if (!p.hidden[v]) continue;
    const [tmin, tmax] = i === a ? [lo[v]!, hi[v]!] : [-hi[v]!, -lo[v]!];
    // Σ_{j≠i} term_j ∈ [otherMin, otherMax]; term_i = s − Σ_{j≠i} ∈ [0 − otherMax, sMax − otherMin].
    const otherMax = s.infMax - (tmax === Infinity ? 1 : 0) > 0 ? Infinity : s.finMax - (tmax === Infinity ? 0 : tmax);
    const otherMin = s.infMin - (tmin === -Infinity ? 1 : 0) > 0 ? -Infinity : s.finMin - (tmin === -Infinity ? 0 : tmin);
    const tLo = -otherMax;
    const tHi = sMax - otherMin;
    const [xLo, xHi] = i === a ? [tLo, tHi] : [-tHi, -tLo];
    if (Math.ceil(xLo) > lo[v]!) {
      lo[v] = Math.ceil(xLo);
      changed = true;
    }
    if (Math.floor(xHi) < hi[v]!) {
      hi[v] = Math.floor(xHi);
      changed = true;
    }
  }
  return changed;
}

/** Bounds a reader can derive for every variable by propagation (published ones: their value). */
export function propagateBounds(p: Problem, rounds = 12): { lo: Float64Array; hi: Float64Array } {
  const lo = new Float64Array(p.nVars);
  const hi = new Float64Array(p.nVars);
  for (let v = 0; v < p.nVars; v++) {
    lo[v] = p.hidden[v] ? 0 : p.value[v]!;
    hi[v] = p.hidden[v] ? Infinity : p.value[v]!;
  }
  const nRel = p.relKind.length;
  const active: number[] = [];
  for (let r = 0; r < nRel; r++) {
    const a = p.relStart[r]!;
    if (p.isCount[p.relVars[a]!] !== 1) continue;
    for (let i = a; i < p.relStart[r + 1]!; i++) {
      if (p.hidden[p.relVars[i]!]) {
        active.push(r);
        break;
      }
    }
  }
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (const r of active) changed = tighten(p, lo, hi, r) || changed;
    for (let c = 0; c < p.nCells; c++) {
      if (!p.hidden[c] || p.isCount[c] !== 1) continue;
      const g = p.cellDen[c]!;
      if (hi[g]! < hi[c]!) [hi[c], changed] = [hi[g]!, true];
      if (lo[c]! > lo[g]!) [lo[g], changed] = [lo[c]!, true];
    }
    if (!changed) break;
  }
  return { lo, hi };
}

/** Hidden person counts that bound propagation pins to an interval narrower than `width`. */
export function narrowlyBounded(p: Problem, width: number, rounds = 12): number[] {
  const { lo, hi } = propagateBounds(p, rounds);
  const out: number[] = [];
  for (let v = 0; v < p.nVars; v++) {
    if (p.hidden[v] && p.isCount[v] === 1 && hi[v]! - lo[v]! < width) out.push(v);
  }
  return out;
}
