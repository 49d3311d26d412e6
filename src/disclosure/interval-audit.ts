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
import { lpNarrow, type LpStats } from './lp-bounds.ts';
import { SparseEchelon } from './modular.ts';
import { popWeight, type Universe } from './universe.ts';

/**
 * The relations, flat: relation r has terms vars/coefs[start[r]..start[r+1]), Σ coef·x + constant
 * = 0 (ge: ≥ 0), and published sources srcs[srcStart[r]..srcStart[r+1]) (a published cell c ≥ 0
 * or a denominator class −1 − k), each hiding one constant term. Flat arrays, because this is
 * rebuilt once per repair round of every universe and per-relation objects made garbage
 * collection the largest cost of protect.
 */
class Relations {
  readonly start: number[] = [0];
  readonly vars: number[] = [];
  readonly coefs: number[] = [];
  readonly constant: number[] = [];
  readonly ge: number[] = [];
  readonly srcStart: number[] = [0];
  readonly srcs: number[] = [];
  private cVars = 0;
  private cSrcs = 0;
  private cConst = 0;
  private cGe = 0;
  private readonly seen = new Map<number, number[]>();

  get count(): number {
    return this.constant.length;
  }

  begin(ge: boolean): void {
    this.cVars = this.vars.length;
    this.cSrcs = this.srcs.length;
    this.cConst = 0;
    this.cGe = ge ? 1 : 0;
  }

  term(v: number, coef: number): void {
    this.vars.push(v);
    this.coefs.push(coef);
  }

  known(value: number, source: number): void {
    this.cConst += value;
    this.srcs.push(source);
  }

  /** Close the relation; dropped when it has no unknown or (dedup) repeats an earlier one. */
  end(dedup: boolean): void {
    const a = this.cVars;
    const b = this.vars.length;
    if (b === a || (dedup && this.repeats(a, b))) {
      this.vars.length = a;
      this.coefs.length = a;
      this.srcs.length = this.cSrcs;
      return;
    }
    this.start.push(b);
    this.srcStart.push(this.srcs.length);
    this.constant.push(this.cConst);
    this.ge.push(this.cGe);
  }

  private repeats(a: number, b: number): boolean {
    let h = (this.cGe ? 7 : 3) ^ Math.round(this.cConst);
    for (let j = a; j < b; j++) h = Math.imul(h ^ (this.vars[j]! * 2 + (this.coefs[j]! > 0 ? 1 : 0)), 16777619);
    const same = this.seen.get(h);
    if (same) {
      for (const r of same) {
        const ra = this.start[r]!;
        if (this.start[r + 1]! - ra !== b - a || this.constant[r] !== this.cConst || this.ge[r] !== this.cGe) continue;
        let eq = true;
        for (let j = 0; j < b - a && eq; j++) eq = this.vars[ra + j] === this.vars[a + j] && this.coefs[ra + j] === this.coefs[a + j];
        if (eq) return true;
      }
      same.push(this.count);
    } else this.seen.set(h, [this.count]);
    return false;
  }
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
 * Audit the universe with the cells marked in `hiddenCells` (index m · nPop + p) suppressed;
 * returns every hidden count a reader can pin to fewer than `width` persons (zeros excepted).
 */
export function intervalAudit(
  rows: readonly ResultRow[], u: Universe, lines: Lines, hiddenCells: Uint8Array, width: number,
  /** Also exact LP bounds for every unknown propagation leaves wide (lp-bounds.ts). */
  exact = false, stats?: LpStats,
): IntervalFinding[] {
  const nPop = u.pops.length;
  const M = u.measures.length;
  const nCells = M * nPop;
  // Denominator classes: population + value; one published cell reveals the class.
  const classOfCell = new Int32Array(nCells).fill(-1);
  const classIds = new Map<number, number>();
  const classPop: number[] = [];
  const classN: number[] = [];
  for (let c = 0; c < nCells; c++) {
    const i = u.cell[c]!;
    if (i < 0) continue;
    const p = c % nPop;
    const n = rows[i]!.nevner ?? -1;
    const key = p * 8_388_608 + n + 1;
    let k = classIds.get(key);
    if (k === undefined) {
      classIds.set(key, (k = classPop.length));
      classPop.push(p);
      classN.push(n);
    }
    classOfCell[c] = k;
  }
  const nClasses = classPop.length;
  const classPublished = new Int32Array(nClasses);
  for (let c = 0; c < nCells; c++) if (classOfCell[c]! >= 0 && !hiddenCells[c]) classPublished[classOfCell[c]!]!++;
  const classVar = new Int32Array(nClasses).fill(-1);
  const cellVar = new Int32Array(nCells).fill(-1);
  // Variables: cell (numerator, c ≥ 0) or class (denominator, −1 − k).
  const varRef: number[] = [];
  const varTruth: number[] = [];
  const newVar = (ref: number, truth: number): number => (varRef.push(ref), varTruth.push(truth), varRef.length - 1);

  const R = new Relations();
  const num = (c: number, sign: number): void => {
    const t = rows[u.cell[c]!]!.teller ?? 0;
    if (!hiddenCells[c]) return R.known(sign * t, c);
    let v = cellVar[c]!;
    if (v < 0) cellVar[c] = v = newVar(c, t);
    R.term(v, sign);
  };
  const den = (c: number, sign: number): void => {
    const k = classOfCell[c]!;
    const n = Math.max(0, classN[k]!);
    if (classPublished[k]! > 0) return R.known(sign * n, -1 - k);
    let v = classVar[k]!;
    if (v < 0) classVar[k] = v = newVar(-1 - k, n);
    R.term(v, sign);
  };
  // Complements (n − t) of a sensitive share (catalogue `sensitive`): a reader who pins one near 0
  // learns that (almost) everyone in the group has the attribute. Unknowns nCells + c.
  const compVar = new Int32Array(nCells).fill(-1);
  const comp = (c: number, sign: number): void => {
    const r = rows[u.cell[c]!]!;
    const x = (r.nevner ?? 0) - (r.teller ?? 0);
    if (!hiddenCells[c]) return R.known(sign * x, c);
    let v = compVar[c]!;
    if (v < 0) compVar[c] = v = newVar(nCells + c, x);
    R.term(v, sign);
  };
  const ineq = inequalityLines(u.pops, lines);
  const isShare = (c: number) => rows[u.cell[c]!]!.teller !== null;
  for (let m = 0; m < M; m++) {
    const base = m * nPop;
    const sensitive = u.info[m]!.sensitive === true && u.info[m]!.kind === 'share';
    for (let l = 0; l < lines.dim.length; l++) {
      const a = lines.start[l]!;
      const tc = base + lines.members[a]!;
      if (u.cell[tc]! < 0) continue;
      let parts = 0;
      for (let j = a + 1; j < lines.start[l + 1]!; j++) if (u.cell[base + lines.members[j]!]! >= 0) parts++;
      if (parts === 0) continue;
      // gruppe `alle` and `intro` hold persons in none of their groups: only total ≥ Σ groups.
      const ge = ineq[l] === 1;
      for (const layer of isShare(tc) ? (sensitive ? [num, den, comp] : [num, den]) : [den]) {
        R.begin(ge);
        layer(tc, 1);
        for (let j = a + 1; j < lines.start[l + 1]!; j++) {
          const qc = base + lines.members[j]!;
          if (u.cell[qc]! >= 0) layer(qc, -1);
        }
        // Denominator relations repeat across measures with the same denominators: keep one of each.
        R.end(layer === den);
      }
    }
    for (let p = 0; p < nPop; p++) {
      const c = base + p;
      if (u.cell[c]! < 0 || !hiddenCells[c] || !isShare(c)) continue;
      R.begin(true); // t ≤ n
      den(c, 1);
      num(c, -1);
      R.end(false);
      if (!sensitive) continue;
      R.begin(false); // n − t − complement = 0
      den(c, 1);
      num(c, -1);
      comp(c, -1);
      R.end(false);
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
      R.begin(true);
      den(cs[0]!, 1);
      for (const c of cs) num(c, -1);
      R.end(false);
    }
  }
  const nVars = varRef.length;
  const relsOfVar = varIndex(R, nVars);
  const [lo, hi] = propagate(R, relsOfVar, nVars);
  // Exact determinacy over the same (joint) equalities: x − y = 0 with x + y = 4 pins both
  // without narrowing any bound, so bound propagation alone does not see it.
  const echelon = new SparseEchelon(nVars);
  for (let r = 0; r < R.count; r++) if (!R.ge[r]) echelon.add(R.vars.slice(R.start[r], R.start[r + 1]), R.coefs.slice(R.start[r], R.start[r + 1]));
  for (const v of echelon.determined()) {
    lo[v] = varTruth[v]!;
    hi[v] = varTruth[v]!;
  }
  const narrow: number[] = [];
  const isComplement = (v: number) => varRef[v]! >= nCells;
  for (let v = 0; v < nVars; v++) {
    // A sensitive complement: at most width − 1 persons without the attribute is attribute disclosure.
    if (isComplement(v)) {
      if (hi[v]! < width) narrow.push(v);
      continue;
    }
    // Zeros are not protected (docs/disclosure.md "Zeros"): a count pinned to exactly 0 reveals no one.
    if (hi[v]! - lo[v]! < width && hi[v] !== 0) narrow.push(v);
  }
  if (exact) {
    // Propagation's bounds are outer bounds: an LP can only narrow them. Unknowns already narrow
    // or pinned to 0 need no LP.
    const check = new Uint8Array(nVars);
    for (let v = 0; v < nVars; v++) check[v] = hi[v]! - lo[v]! >= width ? 1 : 0;
    // Cheap sub-problems first: one measure's numerators (the denominators fixed), the denominators.
    const block = Int32Array.from(varRef, (ref) => (ref >= 0 ? Math.floor((ref % nCells) / nPop) : M));
    const keepZero = Uint8Array.from(varRef, (ref) => (ref >= nCells ? 1 : 0));
    for (let v = 0; v < nVars; v++) if (keepZero[v] && hi[v]! < width) check[v] = 0; // already found
    for (const v of lpNarrow(R, nVars, varTruth, lo, hi, check, width, stats, block, keepZero)) narrow.push(v);
  }
  if (narrow.length === 0) return [];
  const sourceRows = (s: number): number[] => {
    if (s >= 0) return [u.cell[s]!];
    const k = -1 - s;
    const out: number[] = [];
    for (let c = classPop[k]!; c < nCells; c += nPop) if (classOfCell[c] === k && !hiddenCells[c]) out.push(u.cell[c]!);
    return out;
  };
  // Persons × the population's weight (a pooled cell is cheaper to hide than a year: universe.ts POOL_COST_WEIGHT).
  const sourceCost = (s: number): number => (s >= 0
    ? Math.max(0, rows[u.cell[s]!]!.nevner ?? 0) * popWeight(u.pops[s % nPop]!)
    : Math.max(0, classN[-1 - s]!) * classPublished[-1 - s]! * popWeight(u.pops[classPop[-1 - s]!]!));
  /** Relations within a few hops of v (a count pinned through a chain of hidden ones has no
   * published source on its own relations: the repair must reach further out). */
  const around = (v: number): number[] => {
    const seenRel = new Set<number>();
    const seenVar = new Set<number>([v]);
    let frontier = [v];
    for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
      const next: number[] = [];
      let sources = 0;
      for (const w of frontier) {
        for (let j = relsOfVar.start[w]!; j < relsOfVar.start[w + 1]!; j++) {
          const r = relsOfVar.rels[j]!;
          if (seenRel.has(r)) continue;
          seenRel.add(r);
          sources += R.srcStart[r + 1]! - R.srcStart[r]!;
          for (let t = R.start[r]!; t < R.start[r + 1]!; t++) {
            const x = R.vars[t]!;
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
    for (const r of around(v)) {
      for (let j = R.srcStart[r]!; j < R.srcStart[r + 1]!; j++) {
        const s = R.srcs[j]!;
        const cost = sourceCost(s);
        if (cost < bestCost) [best, bestCost] = [s, cost];
        for (const i of sourceRows(s)) all.add(i);
      }
    }
    const ref = varRef[v]!;
    const c = ref >= 0 ? ref % nCells : classPop[-1 - ref]!;
    const p = c % nPop;
    const kind = ref >= nCells ? 'n-t' : ref >= 0 ? 't' : 'n';
    const what = `${ref >= 0 ? `${kind}:${u.measures[Math.floor(c / nPop)]}` : 'n'}|${u.pops[p]!.join('|')}${ref >= 0 ? '' : `#${classN[-1 - ref]}`}`;
    return {
      what: `${what} in [${lo[v]}, ${hi[v]}]`,
      repair: bestCost === Infinity ? [] : sourceRows(best),
      all: [...all],
      measure: ref >= 0 ? Math.floor(c / nPop) : -1,
      pop: p,
    };
  });
}

/** CSR of the relations of each variable. */
function varIndex(R: Relations, nVars: number): { start: Int32Array; rels: Int32Array } {
  const start = new Int32Array(nVars + 1);
  for (const v of R.vars) start[v + 1]!++;
  for (let v = 0; v < nVars; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nVars);
  const rels = new Int32Array(R.vars.length);
  for (let r = 0; r < R.count; r++) for (let t = R.start[r]!; t < R.start[r + 1]!; t++) rels[fill[R.vars[t]!]!++] = r;
  return { start, rels };
}

// 20 passes: on R1 (medium) 80 passes found no more narrow cells than 20 (3 031 repairs either way)
// and took 28.6 s instead of 17.4 s; the independent attacker in the tests runs 60 and recovers 0.
const PASSES = 20;

/** Bounds [lo, hi] of every variable (start [0, ∞)), propagated over the relations with a work queue. */
function propagate(R: Relations, relsOfVar: { start: Int32Array; rels: Int32Array }, nVars: number): [Float64Array, Float64Array] {
  const lo = new Float64Array(nVars);
  const hi = new Float64Array(nVars).fill(Infinity);
  const nRels = R.count;
  let maxLen = 0;
  for (let r = 0; r < nRels; r++) maxLen = Math.max(maxLen, R.start[r + 1]! - R.start[r]!);
  const queue: number[] = [];
  for (let r = nRels - 1; r >= 0; r--) queue.push(r);
  const queued = new Uint8Array(nRels).fill(1);
  // Scratch arrays reused for every relation: no allocation in the hot loop.
  const yl = new Float64Array(maxLen);
  const yh = new Float64Array(maxLen);
  // Integer bounds can creep by one person per pass around a cycle: cap the work at the
  // equivalent of PASSES full passes over the relations (the reference attacker runs 60).
  let budget = PASSES * nRels + 1000;
  while (queue.length > 0 && budget-- > 0) {
    const ri = queue.pop()!;
    queued[ri] = 0;
    const a = R.start[ri]!;
    const k = R.start[ri + 1]! - a;
    // y_j = coef_j · x_j ranges; Σ y + constant = S with S = 0 or S ≥ 0.
    let sLo = R.constant[ri]!;
    let sHi = sLo;
    let infLo = 0;
    let infHi = 0;
    for (let j = 0; j < k; j++) {
      const v = R.vars[a + j]!;
      const pos = R.coefs[a + j]! > 0;
      const lj = pos ? lo[v]! : -hi[v]!;
      const hj = pos ? hi[v]! : -lo[v]!;
      yl[j] = lj;
      yh[j] = hj;
      if (lj === -Infinity) infLo++;
      else sLo += lj;
      if (hj === Infinity) infHi++;
      else sHi += hj;
    }
    const ge = R.ge[ri] === 1;
    let changed = false;
    for (let j = 0; j < k; j++) {
      const v = R.vars[a + j]!;
      const lj = yl[j]!;
      const hj = yh[j]!;
      // others' range (constant included)
      const oLo = lj === -Infinity ? (infLo > 1 ? -Infinity : sLo) : infLo > 0 ? -Infinity : sLo - lj;
      const oHi = hj === Infinity ? (infHi > 1 ? Infinity : sHi) : infHi > 0 ? Infinity : sHi - hj;
      const tLo = -oHi;
      const tHi = ge ? Infinity : -oLo;
      const pos = R.coefs[a + j]! > 0;
      const xLo = pos ? tLo : -tHi;
      const xHi = pos ? tHi : -tLo;
      const nlo = Math.max(lo[v]!, Math.ceil(xLo - 1e-9));
      const nhi = Math.min(hi[v]!, Math.floor(xHi + 1e-9));
      if (nlo === lo[v] && nhi === hi[v]) continue;
      lo[v] = nlo;
      hi[v] = nhi;
      changed = true;
      for (let t = relsOfVar.start[v]!; t < relsOfVar.start[v + 1]!; t++) {
        const r2 = relsOfVar.rels[t]!;
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
