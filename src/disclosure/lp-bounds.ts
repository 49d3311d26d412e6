/**
 * Exact bounds by linear programming (docs/disclosure.md "Audit"): bound propagation gives outer
 * bounds, which may be wider than what a reader with an LP solver gets (inequalities around a
 * cycle, `alle` ≥ its groups combined with sums). This module decides, for every candidate
 * unknown, whether its LP interval [⌈min⌉, ⌊max⌋] is narrower than `width` persons, with the
 * HiGHS solver (WebAssembly, package `highs`).
 *
 * LP per unknown is expensive, so it is used sparingly, per connected component of the relations
 * (small sub-problems): every feasible point the solver returns widens the known inner interval
 * [seenMin, seenMax] of every unknown of the component (the true values are the first point). An
 * unknown whose inner interval is already ≥ `width` wide is certified without an LP of its own.
 * First a few solves maximise / minimise the sum of the uncertified unknowns (one solve certifies
 * many), then each remaining unknown gets its own max and min, warm-started from the last basis.
 */
import * as highsPackage from 'highs';

// The package's types describe it as CommonJS; under Node's ESM the loader is the default export.
type Loader = (typeof highsPackage)['default']['default'];
const highs = await (highsPackage as unknown as { default: Loader }).default();
const INF = highs.infinity;
const OPTIMAL = highs.constants.modelStatus.optimal;
const MAX = highs.constants.objectiveSense.maximize;
const MIN = highs.constants.objectiveSense.minimize;
const EPS = 1e-6;
/** Upper bound put on an unknown with none (a reader's `∞`): far enough above the truth to count as wide. */
const CAP = 1e6;

/** Relations Σ coef·x + constant = 0 (ge: ≥ 0), flat (relation r: terms start[r]..start[r+1]). */
export interface LinearSystem {
  readonly count: number;
  readonly start: readonly number[];
  readonly vars: readonly number[];
  readonly coefs: readonly number[];
  readonly constant: readonly number[];
  readonly ge: readonly number[];
}

export interface LpStats {
  components: number;
  solves: number;
  ms?: number;
  blockSolves?: number;
}

/** Connected components of the unknowns through the relations: component id per unknown. */
function components(sys: LinearSystem, nVars: number): Int32Array {
  const parent = Int32Array.from({ length: nVars }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let r = 0; r < sys.count; r++) {
    const a = sys.start[r]!;
    const root = find(sys.vars[a]!);
    for (let t = a + 1; t < sys.start[r + 1]!; t++) {
      const o = find(sys.vars[t]!);
      if (o !== root) parent[o] = root;
    }
  }
  const out = new Int32Array(nVars);
  for (let v = 0; v < nVars; v++) out[v] = find(v);
  return out;
}

/** Running inner intervals: every feasible point seen so far (the truth is the first). */
class Seen {
  readonly min: Float64Array;
  readonly max: Float64Array;
  constructor(truth: ArrayLike<number>, nVars: number, readonly width: number) {
    this.min = Float64Array.from({ length: nVars }, (_, v) => truth[v]!);
    this.max = this.min.slice();
  }
  certified(v: number): boolean {
    return Math.floor(this.max[v]! + EPS) - Math.ceil(this.min[v]! - EPS) >= this.width;
  }
}

/**
 * An LP over `vars` (global ids) and the relations `rels`; unknowns outside `vars` are fixed at
 * their true value (so every solution is a feasible point of the whole system).
 */
function buildModel(sys: LinearSystem, vars: readonly number[], rels: readonly number[], truth: ArrayLike<number>, lo: Float64Array, hi: Float64Array, local: Int32Array) {
  const n = vars.length;
  vars.forEach((v, j) => (local[v] = j));
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower = new Float64Array(rels.length);
  const rowUpper = new Float64Array(rels.length);
  rels.forEach((r, i) => {
    let k = sys.constant[r]!;
    for (let t = sys.start[r]!; t < sys.start[r + 1]!; t++) {
      const j = local[sys.vars[t]!]!;
      if (j < 0) k += sys.coefs[t]! * truth[sys.vars[t]!]!;
      else {
        indices.push(j);
        values.push(sys.coefs[t]!);
      }
    }
    starts.push(indices.length);
    rowLower[i] = -k;
    rowUpper[i] = sys.ge[r] ? INF : -k;
  });
  for (const v of vars) local[v] = -1;
  const model = highs.createModel({
    numCols: n, numRows: rels.length, colCost: new Float64Array(n),
    colLower: Float64Array.from(vars, (v) => lo[v]!),
    colUpper: Float64Array.from(vars, (v) => Math.min(hi[v]!, truth[v]! + CAP)),
    rowLower, rowUpper,
    matrix: { format: 'csr', numRows: rels.length, numCols: n, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
  });
  model.options.set({ output_flag: false, presolve: 'off' });
  return model;
}
type Model = ReturnType<typeof buildModel>;

/** Solve with the given costs; record the point in `seen`; the optimum, or NaN when not optimal. */
function solve(model: Model, vars: readonly number[], cost: Float64Array, sense: typeof MAX, seen: Seen, stats?: LpStats): number {
  if (stats) stats.solves++;
  const t0 = performance.now();
  model.changeObjectiveSense(sense);
  model.changeColsCost({ kind: 'range', from: 0, to: vars.length - 1 }, cost);
  const status = model.run().modelStatus;
  if (stats) stats.ms = (stats.ms ?? 0) + performance.now() - t0;
  if (status !== OPTIMAL) return NaN;
  const x = model.getSolution().colValue;
  vars.forEach((v, j) => {
    if (x[j]! < seen.min[v]!) seen.min[v] = x[j]!;
    if (x[j]! > seen.max[v]!) seen.max[v] = x[j]!;
  });
  return model.getObjectiveValue();
}

/**
 * Signed sums of the uncertified unknowns: a line's hidden parts add up to a fixed total, so a
 * plain sum does not move them; random signs push some up and the others down, and the opposite
 * sense gives the mirror point. Repeated while it certifies a good part of them.
 */
function signedRounds(model: Model, vars: readonly number[], pending: number[], seen: Seen, stats?: LpStats): number[] {
  const pos = new Map(vars.map((v, j) => [v, j] as const));
  const cost = new Float64Array(vars.length);
  let seed = 12345;
  const coin = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) & 0x10000 ? 1 : -1);
  for (let round = 0; round < 32 && pending.length > 0; round++) {
    const before = pending.length;
    cost.fill(0);
    for (const v of pending) cost[pos.get(v)!] = coin();
    solve(model, vars, cost, MAX, seen, stats);
    solve(model, vars, cost, MIN, seen, stats);
    pending = pending.filter((v) => !seen.certified(v));
    if (pending.length > 0.95 * before) break;
  }
  return pending;
}

/** Relations that touch any of `vars` (marked in `inSet`). */
function touching(sys: LinearSystem, inSet: Uint8Array): number[] {
  const out: number[] = [];
  for (let r = 0; r < sys.count; r++) {
    for (let t = sys.start[r]!; t < sys.start[r + 1]!; t++) {
      if (inSet[sys.vars[t]!]) {
        out.push(r);
        break;
      }
    }
  }
  return out;
}

/**
 * The candidates (1 in `check`) whose LP interval is narrower than `width`, other than an
 * unknown pinned to exactly 0; for them `lo`/`hi` are set to the LP interval. `truth` is a
 * feasible point (the real counts). `lo`/`hi` must be valid outer bounds (propagation's).
 * `block` (optional) groups the unknowns into cheap sub-problems tried first (e.g. one measure's
 * numerators, the rest fixed at the truth): their solutions are feasible points of the whole.
 */
export function lpNarrow(
  sys: LinearSystem, nVars: number, truth: ArrayLike<number>, lo: Float64Array, hi: Float64Array, check: Uint8Array, width: number,
  stats?: LpStats, block?: Int32Array,
  /** 1 = an unknown pinned to 0 is still narrow (a sensitive complement: everyone has the attribute). */
  keepZero?: Uint8Array,
): number[] {
  const seen = new Seen(truth, nVars, width);
  let pending: number[] = [];
  for (let v = 0; v < nVars; v++) if (check[v]) pending.push(v);
  if (pending.length === 0) return [];
  const local = new Int32Array(nVars).fill(-1);
  if (block) {
    const byBlock = new Map<number, number[]>();
    for (let v = 0; v < nVars; v++) byBlock.set(block[v]!, [...(byBlock.get(block[v]!) ?? []), v]);
    const pendingBlocks = new Set(pending.map((v) => block[v]!));
    for (const [b, vars] of byBlock) {
      if (!pendingBlocks.has(b)) continue;
      const inSet = new Uint8Array(nVars);
      for (const v of vars) inSet[v] = 1;
      const model = buildModel(sys, vars, touching(sys, inSet), truth, lo, hi, local);
      try {
        signedRounds(model, vars, pending.filter((v) => block[v] === b && !seen.certified(v)), seen, stats);
      } finally {
        model.dispose();
      }
    }
    pending = pending.filter((v) => !seen.certified(v));
    if (stats) stats.blockSolves = stats.solves;
  }
  if (pending.length === 0) return [];
  const comp = components(sys, nVars);
  const varsOf = new Map<number, number[]>();
  for (const v of pending) if (!varsOf.has(comp[v]!)) varsOf.set(comp[v]!, []);
  for (let v = 0; v < nVars; v++) varsOf.get(comp[v]!)?.push(v);
  const relsOf = new Map<number, number[]>();
  for (let r = 0; r < sys.count; r++) {
    const c = comp[sys.vars[sys.start[r]!]!]!;
    const list = varsOf.has(c) ? (relsOf.get(c) ?? []) : null;
    if (list) relsOf.set(c, (list.push(r), list));
  }
  const out: number[] = [];
  for (const [c, vars] of varsOf) {
    if (stats) stats.components++;
    const model = buildModel(sys, vars, relsOf.get(c) ?? [], truth, lo, hi, local);
    try {
      const left = signedRounds(model, vars, pending.filter((v) => comp[v] === c && !seen.certified(v)), seen, stats);
      // One unknown at a time: its exact max and min.
      const pos = new Map(vars.map((v, j) => [v, j] as const));
      const cost = new Float64Array(vars.length);
      for (const v of left) {
        if (seen.certified(v)) continue;
        cost.fill(0);
        cost[pos.get(v)!] = 1;
        const max = solve(model, vars, cost, MAX, seen, stats);
        if (seen.certified(v)) continue;
        const min = solve(model, vars, cost, MIN, seen, stats);
        if (seen.certified(v)) continue;
        // A solve that did not end optimal proves nothing: the unknown is taken as narrow (safe side).
        const l = Number.isNaN(min) ? truth[v]! : Math.ceil(min - EPS);
        const h = Number.isNaN(max) ? truth[v]! : Math.floor(max + EPS);
        if (h === 0 && !keepZero?.[v]) continue; // pinned to exactly 0: zeros are not protected
        lo[v] = l + 0; // no −0
        hi[v] = h + 0;
        out.push(v);
      }
    } finally {
      model.dispose();
    }
  }
  return out;
}
