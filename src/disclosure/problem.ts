/**
 * The protection problem of one indicator as plain typed arrays: variables (one numerator per
 * cell, one denominator per population), linear relations between them, and which are hidden.
 * Hiding a numerator hides its cell; hiding a denominator hides every cell that shows it.
 */
import { D_BOTID, D_KOHORT, D_MAAL, DIMS, NUM_COUNT, NUM_NONE, type CellTable } from './cell-table.ts';
import { childCodes, HIERARCHY_DIMS } from './hierarchy.ts';

export const REL_EQ = 0;
export const REL_LE = 1; // parent ≥ Σ children

export interface Problem {
  readonly cells: CellTable;
  readonly nCells: number;
  readonly nVars: number;
  /** Denominator variable of each cell (≥ nCells). */
  readonly cellDen: Int32Array;
  /** Cells showing each denominator variable (CSR over v - nCells). */
  readonly denStart: Int32Array;
  readonly denCells: Int32Array;
  readonly value: Float64Array;
  readonly isCount: Uint8Array;
  readonly cost: Float64Array;
  /** Relations (CSR): the first member is the total. */
  readonly relStart: Int32Array;
  readonly relVars: Int32Array;
  readonly relKind: Uint8Array;
  readonly varRelStart: Int32Array;
  readonly varRels: Int32Array;
  /** Mutable state. */
  readonly suppressed: Uint8Array;
  readonly hidden: Uint8Array;
  readonly denPublished: Int32Array;
}

class RelBuilder {
  readonly start: number[] = [0];
  readonly vars: number[] = [];
  readonly kind: number[] = [];
  private readonly seen = new Set<string>();
  add(members: readonly number[], kind: number, dedupe: boolean): void {
    if (dedupe) {
      const k = members.join(',');
      if (this.seen.has(k)) return;
      this.seen.add(k);
    }
    for (const m of members) this.vars.push(m);
    this.start.push(this.vars.length);
    this.kind.push(kind);
  }
}

/** Denominator variables: cells of one population (all dims but measure, cohort and years since
 * settlement) with the same denominator share one variable — a reader may know they are the
 * same persons, so a denominator published by any of them is known for all of them. */
function denominatorGroups(t: CellTable): { cellDen: Int32Array; count: number } {
  const n = t.rowIndex.length;
  const nd = DIMS.length;
  const ids = new Map<string, number>();
  const cellDen = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    if (t.den[c]! < 0) {
      cellDen[c] = ids.size;
      ids.set(`u${c}`, ids.size);
      continue;
    }
    let k = t.key[c]!;
    for (const d of [D_MAAL, D_KOHORT, D_BOTID]) k -= t.codes[c * nd + d]! * t.mult[d]!;
    const s = `${k}:${t.den[c]}`;
    let g = ids.get(s);
    if (g === undefined) ids.set(s, (g = ids.size));
    cellDen[c] = g;
  }
  return { cellDen, count: ids.size };
}

function csr(count: number, groupOf: (i: number) => number, items: number): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < items; i++) start[groupOf(i) + 1]!++;
  for (let g = 0; g < count; g++) start[g + 1]! += start[g]!;
  const fill = start.slice(0, count);
  const list = new Int32Array(items);
  for (let i = 0; i < items; i++) list[fill[groupOf(i)]!++] = i;
  return { start, list };
}

function addHierarchy(t: CellTable, cellDen: Int32Array, nCells: number, rb: RelBuilder): void {
  const nd = DIMS.length;
  const n = nCells;
  for (const d of HIERARCHY_DIMS) {
    const rules = childCodes(d, t.dict[d]!);
    if (rules.size === 0) continue;
    const md = t.mult[d]!;
    for (let c = 0; c < n; c++) {
      const code = t.codes[c * nd + d]!;
      const rule = rules.get(code);
      if (!rule) continue;
      const base = t.key[c]! - code * md;
      const kids: number[] = [];
      for (const cc of rule.codes) {
        const child = t.byKey.get(base + cc * md);
        if (child !== undefined) kids.push(child);
      }
      if (kids.length === 0) continue;
      const kind = rule.le ? REL_LE : REL_EQ;
      if (t.numKind[c] !== NUM_NONE) rb.add([c, ...kids], kind, false);
      rb.add([n + cellDen[c]!, ...kids.map((k) => n + cellDen[k]!)], kind, true);
    }
  }
}

/** Distributions: the numerators of one additive group add up to (at most) their denominator. */
function addDistributions(t: CellTable, cellDen: Int32Array, n: number, rb: RelBuilder): void {
  const nd = DIMS.length;
  const groups = new Map<string, number[]>();
  for (let c = 0; c < n; c++) {
    if (t.addGroup[c]! < 0) continue;
    const k = `${t.key[c]! - t.codes[c * nd + D_MAAL]! * t.mult[D_MAAL]!}:${t.addGroup[c]}`;
    const list = groups.get(k);
    if (list) list.push(c);
    else groups.set(k, [c]);
  }
  for (const list of groups.values()) {
    const g = cellDen[list[0]!]!;
    if (list.some((c) => cellDen[c] !== g)) continue; // not one population: no relation
    rb.add([n + g, ...list], REL_LE, false);
  }
}

export function buildProblem(t: CellTable): Problem {
  const n = t.rowIndex.length;
  const { cellDen: denLocal, count: nDen } = denominatorGroups(t);
  const nVars = n + nDen;
  const rb = new RelBuilder();
  addHierarchy(t, denLocal, n, rb);
  addDistributions(t, denLocal, n, rb);
  const dcsr = csr(nDen, (c) => denLocal[c]!, n);
  const value = new Float64Array(nVars);
  const isCount = new Uint8Array(nVars);
  const cost = new Float64Array(nVars);
  for (let c = 0; c < n; c++) {
    value[c] = t.num[c]!;
    isCount[c] = t.numKind[c] === NUM_COUNT ? 1 : 0;
    cost[c] = Math.max(0, t.den[c]!);
  }
  for (let g = 0; g < nDen; g++) {
    const c0 = dcsr.list[dcsr.start[g]!]!;
    value[n + g] = Math.max(0, t.den[c0]!);
    isCount[n + g] = 1;
    cost[n + g] = value[n + g]! * (dcsr.start[g + 1]! - dcsr.start[g]!);
  }
  const relStart = Int32Array.from(rb.start);
  const relVars = Int32Array.from(rb.vars);
  const nRel = rb.kind.length;
  const relOfMember = new Int32Array(relVars.length);
  for (let r = 0; r < nRel; r++) relOfMember.fill(r, relStart[r]!, relStart[r + 1]!);
  const vcsr = csr(nVars, (i) => relVars[i]!, relVars.length);
  const varRels = vcsr.list.map((i) => relOfMember[i]!);
  const cellDen = denLocal.map((g) => n + g);
  return {
    cells: t, nCells: n, nVars, cellDen, denStart: dcsr.start, denCells: dcsr.list, value, isCount, cost,
    relStart, relVars, relKind: Uint8Array.from(rb.kind), varRelStart: vcsr.start, varRels,
    suppressed: new Uint8Array(n), hidden: new Uint8Array(nVars), denPublished: new Int32Array(nDen),
  };
}
