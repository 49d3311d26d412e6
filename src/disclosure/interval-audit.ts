/**
 * Interval audit of one universe (docs/disclosure.md "Interval audit"): the bound propagation a
 * reader can run on the published cells — every hidden count ≥ 0; every line of numerators and of
 * denominators (`alle` and `intro` ≥ their groups only as inequalities); numerator ≤ denominator; Σ reasons ≤ n
 * for a distribution — to a fixed point. A hidden count whose bounds are narrower than `minCount`
 * persons is as good as published (NIBR 2020 § 4.3: no group below the threshold may be revealed,
 * also not by subtracting from totals). Denominators are known per (population, value): one
 * published cell of a population reveals the `nevner` of every other measure with the same value.
 */
import type { ResultRow } from '../contract/results.ts';
import { inequalityLines, type Lines } from './hierarchy.ts';
import { SparseEchelon } from './modular.ts';
import type { Universe } from './universe.ts';

interface Relation {
  /** Σ coef·x + constant = 0 (ge: ≥ 0). */
  constant: number;
  vars: number[];
  coefs: number[];
  ge: boolean;
  /** Published sources in the relation (each a set of rows that hides one constant term). */
  sources: number[];
}

export interface IntervalFinding {
  /** Variable description, for diagnostics. */
  readonly what: string;
  /** Rows to hide to widen it (the cheapest published source on one of its relations), or []. */
  readonly repair: readonly number[];
  /** Every published source on its relations (the escalated repair). */
  readonly all: readonly number[];
  /** Measure index (numerator) or -1 (a denominator), and the population. */
  readonly measure: number;
  readonly pop: number;
}


/**
 * Audit the universe with `hidden` rows suppressed; returns every narrow hidden count.
 * Allocation-light (numeric keys, one array per relation): this runs once per repair round of
 * every universe and was dominated by garbage collection with string keys.
 */
export function intervalAudit(rows: readonly ResultRow[], u: Universe, lines: Lines, hidden: ReadonlySet<number>, width: number): IntervalFinding[] {
  const nPop = u.pops.length;
  const M = u.measures.length;
  const nCells = M * nPop;
  const isHidden = new Uint8Array(nCells);
  // Denominator classes: population + value; one published cell reveals the class.
  const classOfCell = new Int32Array(nCells).fill(-1);
  const classIds = new Map<number, number>();
  const classPop: number[] = [];
  const classN: number[] = [];
  let nClasses = 0;
  for (let c = 0; c < nCells; c++) {
    const i = u.cell[c]!;
    if (i < 0) continue;
    if (hidden.has(i)) isHidden[c] = 1;
    const p = c % nPop;
    const n = rows[i]!.nevner ?? -1;
    const key = p * 8_388_608 + n + 1;
    let k = classIds.get(key);
    if (k === undefined) {
      classIds.set(key, (k = nClasses++));
      classPop.push(p);
      classN.push(n);
    }
    classOfCell[c] = k;
  }
  const classPublished = new Int32Array(nClasses);
  for (let c = 0; c < nCells; c++) if (classOfCell[c]! >= 0 && !isHidden[c]) classPublished[classOfCell[c]!]!++;
  const classVar = new Int32Array(nClasses).fill(-1);
  const cellVar = new Int32Array(nCells).fill(-1);
  // Variables: cell (numerator, c ≥ 0) or class (denominator, −1 − k).
  const varRef: number[] = [];
  const varTruth: number[] = [];
  const newVar = (ref: number, truth: number): number => (varRef.push(ref), varTruth.push(truth), varRef.length - 1);

  const rels: Relation[] = [];
  // Builder for one relation; sources: a published cell c ≥ 0 (its numerator) or a class −1 − k.
  let cur: Relation = { constant: 0, vars: [], coefs: [], ge: false, sources: [] };
  const begin = (ge: boolean): void => {
    cur = { constant: 0, vars: [], coefs: [], ge, sources: [] };
  };
  const num = (c: number, sign: number): void => {
    if (!isHidden[c]) {
      cur.constant += sign * (rows[u.cell[c]!]!.teller ?? 0);
      cur.sources.push(c);
      return;
    }
    let v = cellVar[c]!;
    if (v < 0) cellVar[c] = v = newVar(c, rows[u.cell[c]!]!.teller ?? 0);
    cur.vars.push(v);
    cur.coefs.push(sign);
  };
  const den = (c: number, sign: number): void => {
    const k = classOfCell[c]!;
    if (classPublished[k]! > 0) {
      cur.constant += sign * Math.max(0, classN[k]!);
      cur.sources.push(-1 - k);
      return;
    }
    let v = classVar[k]!;
    if (v < 0) classVar[k] = v = newVar(-1 - k, Math.max(0, classN[k]!));
    cur.vars.push(v);
    cur.coefs.push(sign);
  };
  // Denominator relations repeat across measures with the same denominators: keep one of each.
  const seen = new Map<number, number[]>();
  const end = (dedup: boolean): void => {
    if (cur.vars.length === 0) return;
    if (dedup) {
      let h = (cur.ge ? 7 : 3) ^ Math.round(cur.constant);
      for (let j = 0; j < cur.vars.length; j++) h = Math.imul(h ^ (cur.vars[j]! * 2 + (cur.coefs[j]! > 0 ? 1 : 0)), 16777619);
      const same = seen.get(h);
      if (same?.some((ri) => sameRelation(rels[ri]!, cur))) return;
      if (same) same.push(rels.length);
      else seen.set(h, [rels.length]);
    }
    rels.push(cur);
  };
  const ineq = inequalityLines(u.pops, lines);
  const isShare = (c: number) => rows[u.cell[c]!]!.teller !== null;
  for (let m = 0; m < M; m++) {
    const base = m * nPop;
    for (let l = 0; l < lines.dim.length; l++) {
      const a = lines.start[l]!;
      const tc = base + lines.members[a]!;
      if (u.cell[tc]! < 0) continue;
      let parts = 0;
      for (let j = a + 1; j < lines.start[l + 1]!; j++) if (u.cell[base + lines.members[j]!]! >= 0) parts++;
      if (parts === 0) continue;
      // gruppe `alle` and `intro` hold persons in none of their groups: only total ≥ Σ groups.
      const ge = ineq[l] === 1;
      for (const layer of isShare(tc) ? [num, den] : [den]) {
        begin(ge);
        layer(tc, 1);
        for (let j = a + 1; j < lines.start[l + 1]!; j++) {
          const qc = base + lines.members[j]!;
          if (u.cell[qc]! >= 0) layer(qc, -1);
        }
        end(layer === den);
      }
    }
    for (let p = 0; p < nPop; p++) {
      const c = base + p;
      if (u.cell[c]! < 0 || !isHidden[c] || !isShare(c)) continue;
      begin(true); // t ≤ n
      den(c, 1);
      num(c, -1);
      end(false);
    }
  }
  // Distributions: Σ numerators of one population ≤ its denominator.
  const groups = new Map<string, number[]>();
  u.info.forEach((inf, m) => {
    if (inf.additiveGroup !== null) groups.set(inf.additiveGroup, [...(groups.get(inf.additiveGroup) ?? []), m]);
  });
  for (const ms of groups.values()) {
    for (let p = 0; p < nPop; p++) {
      const cs = ms.map((m) => m * nPop + p).filter((c) => u.cell[c]! >= 0);
      if (cs.length === 0) continue;
      begin(true);
      den(cs[0]!, 1);
      for (const c of cs) num(c, -1);
      end(false);
    }
  }
  const nVars = varRef.length;
  const [lo, hi] = propagate(rels, nVars);
  // Exact determinacy over the same (joint) equalities: x − y = 0 with x + y = 4 pins both
  // without narrowing any bound, so bound propagation alone does not see it.
  const echelon = new SparseEchelon(nVars);
  for (const r of rels) if (!r.ge) echelon.add(r.vars, r.coefs);
  for (const v of echelon.determined()) {
    lo[v] = varTruth[v]!;
    hi[v] = varTruth[v]!;
  }
  const narrow: number[] = [];
  for (let v = 0; v < nVars; v++) {
    // Zeros are not protected (docs/disclosure.md "Zeros"): a count pinned to exactly 0 reveals no one.
    if (hi[v]! - lo[v]! < width && hi[v] !== 0) narrow.push(v);
  }
  if (narrow.length === 0) return [];
  const sourceRows = (s: number): number[] => {
    if (s >= 0) return [u.cell[s]!];
    const k = -1 - s;
    const out: number[] = [];
    for (let c = classPop[k]!; c < nCells; c += nPop) if (classOfCell[c] === k && !isHidden[c]) out.push(u.cell[c]!);
    return out;
  };
  const sourceCost = (s: number): number => (s >= 0 ? Math.max(0, rows[u.cell[s]!]!.nevner ?? 0) : Math.max(0, classN[-1 - s]!) * classPublished[-1 - s]!);
  const relsOfVar: number[][] = Array.from({ length: nVars }, () => []);
  rels.forEach((r, ri) => {
    for (const v of r.vars) relsOfVar[v]!.push(ri);
  });
  /** Relations within `depth` hops of v (a count pinned through a chain of hidden ones has no
   * published source on its own relations: the repair must reach further out). */
  const around = (v: number): number[] => {
    const seenRel = new Set<number>();
    const seenVar = new Set<number>([v]);
    let frontier = [v];
    for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
      const next: number[] = [];
      let sources = 0;
      for (const w of frontier) {
        for (const ri of relsOfVar[w]!) {
          if (seenRel.has(ri)) continue;
          seenRel.add(ri);
          sources += rels[ri]!.sources.length;
          for (const x of rels[ri]!.vars) {
            if (seenVar.has(x)) continue;
            seenVar.add(x);
            next.push(x);
          }
        }
      }
      if (sources > 0) break;
      frontier = next;
    }
    return [...seenRel];
  };
  return narrow.map((v) => {
    let best = 0;
    let bestCost = Infinity;
    const all = new Set<number>();
    for (const ri of around(v)) {
      for (const s of rels[ri]!.sources) {
        const cost = sourceCost(s);
        if (cost < bestCost) [best, bestCost] = [s, cost];
        for (const i of sourceRows(s)) all.add(i);
      }
    }
    const ref = varRef[v]!;
    const c = ref >= 0 ? ref : classPop[-1 - ref]!;
    const p = c % nPop;
    const what = `${ref >= 0 ? `t:${u.measures[Math.floor(ref / nPop)]}` : 'n'}|${u.pops[p]!.join('|')}${ref >= 0 ? '' : `#${classN[-1 - ref]}`}`;
    return {
      what: `${what} in [${lo[v]}, ${hi[v]}]`,
      repair: bestCost === Infinity ? [] : sourceRows(best),
      all: [...all],
      measure: ref >= 0 ? Math.floor(ref / nPop) : -1,
      pop: p,
    };
  });
}

function sameRelation(a: Relation, b: Relation): boolean {
  if (a.ge !== b.ge || a.constant !== b.constant || a.vars.length !== b.vars.length) return false;
  for (let j = 0; j < a.vars.length; j++) if (a.vars[j] !== b.vars[j] || a.coefs[j] !== b.coefs[j]) return false;
  return true;
}

// 20 passes: on R1 (medium) 80 passes found no more narrow cells than 20 (3 031 repairs either way)
// and took 28.6 s instead of 17.4 s; the independent attacker in the tests runs 60 and recovers 0.
const PASSES = 20;

/** Bounds [lo, hi] of every variable (start [0, ∞)), propagated over the relations with a work queue. */
function propagate(rels: readonly Relation[], nVars: number): [Float64Array, Float64Array] {
  const lo = new Float64Array(nVars);
  const hi = new Float64Array(nVars).fill(Infinity);
  const varRels: number[][] = Array.from({ length: nVars }, () => []);
  let maxLen = 0;
  rels.forEach((r, ri) => {
    r.vars.forEach((v) => varRels[v]!.push(ri));
    maxLen = Math.max(maxLen, r.vars.length);
  });
  const queue = rels.map((_, i) => i).reverse();
  const queued = new Uint8Array(rels.length).fill(1);
  // Scratch arrays reused for every relation: this loop is the hot path of protect, and per-relation
  // allocations made garbage collection a third of its time (measured with --cpu-prof on R1, medium).
  const yl = new Float64Array(maxLen);
  const yh = new Float64Array(maxLen);
  // Integer bounds can creep by one person per pass around a cycle: cap the work at the
  // equivalent of PASSES full passes over the relations (the reference attacker runs 60).
  let budget = PASSES * rels.length + 1000;
  while (queue.length > 0 && budget-- > 0) {
    const ri = queue.pop()!;
    queued[ri] = 0;
    const r = rels[ri]!;
    const k = r.vars.length;
    // y_j = coef_j · x_j ranges; Σ y + constant = S with S = 0 or S ≥ 0.
    let sLo = r.constant;
    let sHi = r.constant;
    let infLo = 0;
    let infHi = 0;
    for (let j = 0; j < k; j++) {
      const v = r.vars[j]!;
      const pos = r.coefs[j]! > 0;
      const a = pos ? lo[v]! : -hi[v]!;
      const b = pos ? hi[v]! : -lo[v]!;
      yl[j] = a;
      yh[j] = b;
      if (a === -Infinity) infLo++;
      else sLo += a;
      if (b === Infinity) infHi++;
      else sHi += b;
    }
    let changed = false;
    for (let j = 0; j < k; j++) {
      const v = r.vars[j]!;
      const a = yl[j]!;
      const b = yh[j]!;
      // others' range (constant included)
      const oLo = a === -Infinity ? (infLo > 1 ? -Infinity : sLo) : infLo > 0 ? -Infinity : sLo - a;
      const oHi = b === Infinity ? (infHi > 1 ? Infinity : sHi) : infHi > 0 ? Infinity : sHi - b;
      const tLo = -oHi;
      const tHi = r.ge ? Infinity : -oLo;
      const pos = r.coefs[j]! > 0;
      const xLo = pos ? tLo : -tHi;
      const xHi = pos ? tHi : -tLo;
      const nlo = Math.max(lo[v]!, Math.ceil(xLo - 1e-9));
      const nhi = Math.min(hi[v]!, Math.floor(xHi + 1e-9));
      if (nlo === lo[v] && nhi === hi[v]) continue;
      lo[v] = nlo;
      hi[v] = nhi;
      changed = true;
      const touched = varRels[v]!;
      for (let t = 0; t < touched.length; t++) {
        const r2 = touched[t]!;
        if (r2 !== ri && !queued[r2]) {
          queued[r2] = 1;
          queue.push(r2);
        }
      }
    }
    // The other terms were bounded with the old ranges: look at this relation once more.
    if (changed && !queued[ri]) {
      queued[ri] = 1;
      queue.push(ri);
    }
  }
  return [lo, hi];
}
