/**
 * An attacker written independently of src/disclosure: from the published table (plus the
 * structure the public knows — which cells are totals of which, and which cells count the same
 * population) it builds every linear relation, then tries to recover each suppressed count
 * exactly (Gauss–Jordan elimination, exact arithmetic modulo a prime) or within a narrow interval
 * (bound propagation: counts ≥ 0, numerator ≤ denominator, parts ≤ totals). With `lp: true` the
 * bounds are LP-strength (HiGHS, `lpBounds`): an unknown is proven wide by two feasible points
 * (tensor moves along the table's sums, then local LPs over a box of cells), and only the
 * unknowns without such proof get their exact LP interval over their connected component.
 * Env (bench only): LP_PROGRESS=1 prints the stages, LP_LOCAL=0 / LP_BLOCKS=1 switch stages.
 * `original` is used only to know which cells share a denominator and to check the attacker's
 * own bounds against the truth.
 */
import * as highsPackage from 'highs';
import { periodeKey, type ResultRow } from '../../src/contract/results.ts';

type Loader = (typeof highsPackage)['default']['default'];
const highs = await (highsPackage as unknown as { default: Loader }).default();

type Term = { v: string; c: bigint } | { k: number; c: bigint };
interface Relation {
  terms: Term[];
  /** true: Σ terms ≥ 0 (a total with persons outside its parts); false: Σ terms = 0. */
  ge: boolean;
}

export interface AttackOptions {
  /** Additive group of a measure (distribution), or null. */
  readonly additiveGroup: (indikator: string, maal: string) => string | null;
  /** Interval widths below this count as recovered. */
  readonly width: number;
  /** Sensitive measures (catalogue `sensitive`): "everyone in the group has it" is a disclosure. */
  readonly sensitive?: (indikator: string, maal: string) => boolean;
  /** LP-strength bounds after propagation (HiGHS; lpBounds: feasible-point certificates, exact LP where none). */
  readonly lp?: boolean;
  /** With `lp`: try move certificates before any LP (default true; false: LP only, for comparison). */
  readonly moves?: boolean;
}

export interface AttackReport {
  /** Suppressed cells whose counts were attacked. */
  readonly cellsAttacked: number;
  /** Hidden unknowns (numerators of suppressed cells and hidden denominators). */
  readonly unknowns: number;
  readonly relations: number;
  /** Every disclosure found: exact recoveries, counts narrowed below `width`, attribute disclosures (and LP failures). */
  readonly recovered: string[];
  /** Of `recovered`: hidden counts whose interval [lo, hi] (LP interval with `lp`) is narrower than `width` but not a single value. */
  readonly narrowed: number;
  /** Bounds that excluded the true value: a bug in the attacker or inconsistent input. */
  readonly inconsistent: string[];
  /** Hidden counts pinned to exactly 0 (not a disclosure: zeros are not protected). */
  readonly zeros: number;
  /** The LP stage's work (`lp: true`). */
  readonly lp?: LpWork;
}

/** The prime of the exact elimination (numbers, not BigInt: mulq keeps products exact). */
const QN = 1000000007;
// A pooled window's period is written `2021-2023` (periodeKey): it never meets its last year.
const field = (r: ResultRow, d: keyof ResultRow): string => (d === 'periode' ? periodeKey(r) : String(r[d]));
const KEY_DIMS = ['indikator', 'maal', 'kohort', 'periode', 'botid', 'lovregime', 'region', 'gruppe', 'kjonn'] as const;
const KEY_POS: Partial<Record<keyof ResultRow, number>> = Object.fromEntries(KEY_DIMS.map((d, k) => [d, k]));
const cellKey = (r: ResultRow, over: Partial<Record<keyof ResultRow, string>> = {}): string => KEY_DIMS.map((d) => over[d] ?? field(r, d)).join('|');
// A population is one (lovregime, gruppe, kjonn, region) within one universe (indikator, kohort,
// periode, botid). Cells of different cohorts or years since settlement count different persons
// or the same persons at different times (people move, emigrate): equal denominators there are a
// coincidence a reader cannot rely on, so they are not merged (they were before; see docs/disclosure.md).
const popKey = (r: ResultRow): string =>
  (['indikator', 'kohort', 'periode', 'botid', 'lovregime', 'region', 'gruppe', 'kjonn'] as const).map((d) => field(r, d)).join('|');

/** Parent value → child values, per dimension (the public hierarchy). */
function childrenOf(dim: 'region' | 'gruppe' | 'kjonn' | 'lovregime' | 'periode', value: string, regions: string[]): { kids: string[]; ge: boolean } | null {
  if (dim === 'periode') {
    // A pool is the sum of its years (the same persons counted once per year of the window).
    const m = /^(\d{4})-(\d{4})$/.exec(value);
    if (!m) return null;
    const kids: string[] = [];
    for (let y = Number(m[1]); y <= Number(m[2]); y++) kids.push(String(y));
    return { kids, ge: false };
  }
  if (dim === 'kjonn') return value === 'alle' ? { kids: ['1', '2'], ge: false } : null;
  if (dim === 'lovregime') return value === 'alle' ? { kids: ['introduksjonsloven', 'integreringsloven'], ge: false } : null;
  if (dim === 'gruppe') {
    // The subgroups are set at programme start (law-rules §3): `intro` also holds persons who have not started.
    if (value === 'intro') return { kids: ['under_25', 'har_vgo', 'ovrige'], ge: true };
    if (value === 'alle') return { kids: ['intro', 'norsk_rett_plikt', 'norsk_plikt'], ge: true };
    return null;
  }
  if (value === '0') return { kids: regions.filter((x) => x.length === 2), ge: false };
  if (value.length === 2) return { kids: regions.filter((x) => x.length === 4 && x.startsWith(value)), ge: false };
  return null;
}

/** a · b mod Q in doubles: b split in 16-bit halves keeps every product below 2^53. */
function mulq(a: number, b: number): number {
  return (((a * Math.floor(b / 65536)) % QN) * 65536 + a * (b % 65536)) % QN;
}

function modinv(a: number): number {
  let [r0, r1, t0, t1] = [QN, ((a % QN) + QN) % QN, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1];
  }
  return ((t0 % QN) + QN) % QN;
}

/** The relations over integer unknown ids (0..n−1), constants folded into one number. */
interface Compiled {
  readonly names: string[];
  readonly vars: Int32Array[];
  readonly coefs: Float64Array[];
  readonly constant: Float64Array;
  readonly ge: Uint8Array;
}

function compile(rels: readonly Relation[], unknowns: readonly string[]): Compiled {
  const id = new Map(unknowns.map((u, i) => [u, i] as const));
  const vars: Int32Array[] = [];
  const coefs: Float64Array[] = [];
  const constant = new Float64Array(rels.length);
  rels.forEach((rel, r) => {
    const vs: number[] = [];
    const cs: number[] = [];
    for (const t of rel.terms) {
      if ('k' in t) constant[r] = constant[r]! + Number(t.c) * t.k;
      else {
        vs.push(id.get(t.v)!);
        cs.push(Number(t.c));
      }
    }
    vars.push(Int32Array.from(vs));
    coefs.push(Float64Array.from(cs));
  });
  return { names: [...unknowns], vars, coefs, constant, ge: Uint8Array.from(rels, (r) => (r.ge ? 1 : 0)) };
}

/** Unknowns determined by the equalities (Gauss–Jordan mod Q on the unknown part). */
function determined(c: Compiled): Set<string> {
  const rows: Map<number, number>[] = [];
  const pivots = new Map<number, number>();
  const colRows: (Set<number> | undefined)[] = new Array(c.names.length);
  const touch = (w: number, id: number, present: boolean) => {
    let set = colRows[w];
    if (!set) colRows[w] = set = new Set();
    if (present) set.add(id);
    else set.delete(id);
  };
  /** target −= f × src (row id `tid`, −1 while the row is not stored yet). */
  const axpy = (target: Map<number, number>, tid: number, f: number, src: Map<number, number>) => {
    for (const [w, a] of src) {
      const nv = ((target.get(w) ?? 0) - mulq(f, a) + QN) % QN;
      if (nv === 0) target.delete(w);
      else target.set(w, nv);
      if (tid >= 0) touch(w, tid, nv !== 0);
    }
  };
  for (let r = 0; r < c.vars.length; r++) {
    if (c.ge[r]) continue;
    const row = new Map<number, number>();
    const vs = c.vars[r]!;
    const cs = c.coefs[r]!;
    for (let j = 0; j < vs.length; j++) row.set(vs[j]!, ((((row.get(vs[j]!) ?? 0) + cs[j]!) % QN) + QN) % QN);
    for (const [v, x] of [...row]) if (x === 0) row.delete(v);
    // Pivot variables occur only in their own row, so one pass clears them all.
    for (const v of [...row.keys()]) {
      const id = pivots.get(v);
      const f = row.get(v);
      if (id !== undefined && f !== undefined) axpy(row, -1, f, rows[id]!);
    }
    const first = row.keys().next();
    if (first.done) continue;
    const u = first.value;
    const inv = modinv(row.get(u)!);
    for (const [w, a] of row) row.set(w, mulq(a, inv));
    const id = rows.length;
    rows.push(row);
    for (const w of row.keys()) touch(w, id, true);
    for (const other of [...(colRows[u] ?? [])]) {
      if (other === id) continue;
      axpy(rows[other]!, other, rows[other]!.get(u)!, row);
    }
    pivots.set(u, id);
  }
  const out = new Set<string>();
  for (const [u, id] of pivots) if (rows[id]!.size === 1) out.add(c.names[u]!);
  return out;
}

/**
 * Bound propagation to a fixed point (or `rounds`): relation by relation in order, each term from
 * the others' current ranges (a term's own update is seen by the later terms of its relation).
 */
function bounds(c: Compiled, rounds = 60): { lo: Float64Array; hi: Float64Array } {
  const n = c.names.length;
  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(Infinity);
  let maxLen = 0;
  for (const vs of c.vars) maxLen = Math.max(maxLen, vs.length);
  const rl = new Float64Array(maxLen);
  const rh = new Float64Array(maxLen);
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    for (let r = 0; r < c.vars.length; r++) {
      const vs = c.vars[r]!;
      const cs = c.coefs[r]!;
      const k = vs.length;
      if (k === 0) continue;
      // Sums of the finite range ends and counts of the infinite ones (constants included).
      let sLo = c.constant[r]!;
      let sHi = sLo;
      let infLo = 0;
      let infHi = 0;
      for (let j = 0; j < k; j++) {
        const pos = cs[j]! > 0;
        rl[j] = pos ? cs[j]! * lo[vs[j]!]! : cs[j]! * hi[vs[j]!]!;
        rh[j] = pos ? cs[j]! * hi[vs[j]!]! : cs[j]! * lo[vs[j]!]!;
        if (rl[j] === -Infinity) infLo++;
        else sLo += rl[j]!;
        if (rh[j] === Infinity) infHi++;
        else sHi += rh[j]!;
      }
      for (let i = 0; i < k; i++) {
        const oMin = rl[i] === -Infinity ? (infLo > 1 ? -Infinity : sLo) : infLo > 0 ? -Infinity : sLo - rl[i]!;
        const oMax = rh[i] === Infinity ? (infHi > 1 ? Infinity : sHi) : infHi > 0 ? Infinity : sHi - rh[i]!;
        // term_i = S − others with S = 0 (equality) or S ∈ [0, ∞) (total ≥ parts).
        const tLo = -oMax;
        const tHi = (c.ge[r] ? Infinity : 0) - oMin;
        const ci = cs[i]!;
        const xLo = ci > 0 ? tLo / ci : tHi / ci;
        const xHi = ci > 0 ? tHi / ci : tLo / ci;
        const v = vs[i]!;
        const nlo = Math.max(lo[v]!, Math.ceil(xLo));
        const nhi = Math.min(hi[v]!, Math.floor(xHi));
        if (nlo === lo[v] && nhi === hi[v]) continue;
        lo[v] = nlo;
        hi[v] = nhi;
        changed = true;
        // This term's range is now the new one (the later terms use it).
        const nl = ci > 0 ? ci * nlo : ci * nhi;
        const nh = ci > 0 ? ci * nhi : ci * nlo;
        if (rl[i] === -Infinity) infLo--;
        else sLo -= rl[i]!;
        if (rh[i] === Infinity) infHi--;
        else sHi -= rh[i]!;
        rl[i] = nl;
        rh[i] = nh;
        if (nl === -Infinity) infLo++;
        else sLo += nl;
        if (nh === Infinity) infHi++;
        else sHi += nh;
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}

/** What the LP stage did (`lp: true`). */
export interface LpWork {
  /** Unknowns propagation left at least `width` wide (complements: an upper bound ≥ width). */
  candidates: number;
  /** Of those, certified wide by move certificates (no solver). */
  moveCertified: number;
  /** Moves tried. */
  moves: number;
  /** Local LPs solved (a box of cells around one unknown) and the unknowns they certified. */
  local: number;
  localCertified: number;
  /** Certified wide by feasible points of small block LPs (no exact LP of their own). */
  blockCertified: number;
  /** Certified by feasible points of the component LPs. */
  componentCertified: number;
  /** Given an exact LP interval (max and min over their whole connected component). */
  exact: number;
  blocks: number;
  components: number;
  solves: number;
  seconds: number;
  /** Milliseconds since the start of the LP stage at the end of each step. */
  ms: Record<string, number>;
  localVars?: number;
}

/**
 * The table's structure as the public knows it, for the move certificates: per cell its unknowns
 * and how to find the cell that differs in one hierarchical dimension.
 */
export interface MoveTable {
  readonly rows: readonly ResultRow[];
  /** Unknown id of the numerator / denominator / complement of cell i, or −1 (published or none). */
  readonly tId: Int32Array;
  readonly nId: Int32Array;
  readonly cId: Int32Array;
  /** Row index of the active cell `row` with `over` applied, or undefined. */
  readonly at: (i: number, over: Partial<Record<keyof ResultRow, string>>) => number | undefined;
  readonly regions: string[];
}

type Dim = 'lovregime' | 'region' | 'gruppe' | 'kjonn';
const MOVE_DIMS: readonly Dim[] = ['region', 'gruppe', 'kjonn', 'lovregime'];

function parentOf(dim: Dim, value: string, regions: readonly string[]): string | null {
  if (dim === 'kjonn') return value === 'alle' ? null : 'alle';
  if (dim === 'lovregime') return value === 'alle' ? null : 'alle';
  if (dim === 'gruppe') {
    if (value === 'under_25' || value === 'har_vgo' || value === 'ovrige') return 'intro';
    return value === 'alle' ? null : 'alle';
  }
  if (value === '0') return null;
  if (value.length === 4 && regions.includes(value.slice(0, 2))) return value.slice(0, 2);
  return '0';
}

/**
 * Feasible-point certificates without a solver ("moves"): a direction d that keeps every
 * relation — built as a tensor product, per hierarchical dimension, of a vector that keeps that
 * dimension's sums (a cell with its ancestors and a chain of descendants; or a cell minus a
 * sibling, each with a chain of descendants; in `gruppe`, where totals are only ≥ their parts,
 * also a cell alone) — applied to numerators, denominators or both. Every relation is then checked
 * numerically: equalities must be kept exactly, and the largest steps δ⁺, δ⁻ with x₀ ± δd
 * feasible (inequalities, counts ≥ 0) give two feasible points. They widen the inner interval of
 * every unknown they move. Nothing here is assumed: a move that breaks any relation is discarded.
 */
function moveCertificates(
  c: Compiled, truth: Float64Array, table: MoveTable, todo: readonly number[], certified: (v: number) => boolean,
  seen: { min: Float64Array; max: Float64Array }, width: number, relStart: Int32Array, relList: Int32Array, budget = 12,
): { tried: number; moved: number } {
  const n = c.names.length;
  // Relation values at the truth.
  const val0 = new Float64Array(c.vars.length);
  c.vars.forEach((vs, r) => {
    let s = c.constant[r]!;
    const cs = c.coefs[r]!;
    for (let t = 0; t < vs.length; t++) s += cs[t]! * truth[vs[t]!]!;
    val0[r] = s;
  });
  // Cell of each unknown (the first one seen) and its kind.
  const cellOf = new Int32Array(n).fill(-1);
  const kindOf = new Uint8Array(n); // 0 numerator, 1 denominator, 2 complement
  for (let i = 0; i < table.rows.length; i++) {
    for (const [ids, k] of [[table.tId, 0], [table.nId, 1], [table.cId, 2]] as const) {
      const u = ids[i]!;
      if (u >= 0 && cellOf[u] === -1) {
        cellOf[u] = i;
        kindOf[u] = k;
      }
    }
  }
  const d = new Float64Array(n);
  const relStamp = new Int32Array(c.vars.length);
  let stamp = 0;
  const support: number[] = [];
  const add = (u: number, x: number) => {
    if (d[u] === 0) support.push(u);
    d[u]! += x;
  };
  let tried = 0;
  let moved = 0;
  /** Apply cell-space move m (cells × coef) to the kinds; false when a moved cell is published. */
  const build = (m: readonly [number, number][], num: boolean, den: boolean): boolean => {
    for (const u of support) d[u] = 0;
    support.length = 0;
    for (const [i, x] of m) {
      if (num) {
        if (table.tId[i]! < 0) return false;
        add(table.tId[i]!, x);
      }
      if (den) {
        if (table.nId[i]! < 0) return false;
        add(table.nId[i]!, x);
      }
      const ci = table.cId[i]!;
      if (ci >= 0 && num !== den) add(ci, num ? -x : x);
    }
    return true;
  };
  /** The largest steps up and down (capped at width) keeping every relation; null when an equality breaks. */
  const steps = (): [number, number] | null => {
    let up = width;
    let down = width;
    stamp++;
    for (const u of support) {
      const du = d[u]!;
      if (du < 0) up = Math.min(up, truth[u]! / -du);
      else if (du > 0) down = Math.min(down, truth[u]! / du);
      for (let k = relStart[u]!; k < relStart[u + 1]!; k++) {
        const r = relList[k]!;
        if (relStamp[r] === stamp) continue;
        relStamp[r] = stamp;
        const vs = c.vars[r]!;
        const cs = c.coefs[r]!;
        let sd = 0;
        for (let t = 0; t < vs.length; t++) sd += cs[t]! * d[vs[t]!]!;
        if (sd === 0) continue;
        if (!c.ge[r]) return null;
        if (sd < 0) up = Math.min(up, val0[r]! / -sd);
        else down = Math.min(down, val0[r]! / sd);
      }
    }
    return [Math.floor(up + LP_EPS), Math.floor(down + LP_EPS)];
  };
  const record = (step: number) => {
    for (const u of support) {
      const x = truth[u]! + step * d[u]!;
      if (x < seen.min[u]!) seen.min[u] = x;
      if (x > seen.max[u]!) seen.max[u] = x;
    }
  };
  /** 1-D vectors of one dimension through value x, over values with coefficients. */
  const options = (i: number, dim: Dim, hidden: (j: number | undefined) => boolean): [string, number][][] => {
    const x = field(table.rows[i]!, dim);
    const kidsOf = (y: string) => (childrenOf(dim, y, table.regions)?.kids ?? []).filter((k) => table.at(i, { [dim]: k }) !== undefined);
    const down = (y: string): [string, number][] => {
      const kids = kidsOf(y);
      if (kids.length === 0) return [];
      const k = kids.find((kk) => hidden(table.at(i, { [dim]: kk }))) ?? kids[0]!;
      return [[k, 1], ...down(k)];
    };
    const up: [string, number][] = [];
    for (let p = parentOf(dim, x, table.regions); p !== null; p = parentOf(dim, p, table.regions)) if (table.at(i, { [dim]: p }) !== undefined) up.push([p, 1]);
    const self: [string, number][] = [[x, 1], ...down(x)];
    const out: [string, number][][] = [];
    const p = parentOf(dim, x, table.regions);
    const sibs = p === null ? [] : kidsOf(p).filter((s) => s !== x);
    // Hidden siblings first (a published one can only be in a move that cancels it elsewhere).
    sibs.sort((a, b) => Number(hidden(table.at(i, { [dim]: b }))) - Number(hidden(table.at(i, { [dim]: a }))));
    for (const s of sibs.slice(0, 3)) out.push([...self, ...[[s, 1] as [string, number], ...down(s)].map(([y, k]) => [y, -k] as [string, number])]);
    out.push([...self, ...up]);
    if (dim === 'gruppe') out.push([[x, 1]], [[x, 1], ...up]);
    return out;
  };
  for (const v of todo) {
    if (certified(v)) continue;
    const i = cellOf[v]!;
    if (i < 0) continue;
    const kinds: [boolean, boolean][] = kindOf[v] === 1 ? [[false, true], [true, true]] : kindOf[v] === 0 ? [[true, false], [true, true]] : [[true, false], [false, true]];
    for (const [num, den] of kinds) {
      const hidden = (j: number | undefined) => j !== undefined && (!num || table.tId[j]! >= 0) && (!den || table.nId[j]! >= 0);
      const opts = MOVE_DIMS.map((dim) => options(i, dim, hidden));
      // Combinations in order of the options (the likeliest first), at most `budget`.
      const idx = MOVE_DIMS.map(() => 0);
      for (let b = 0; b < budget && !certified(v); b++) {
        tried++;
        const m = new Map<number, number>();
        let ok = true;
        const rec = (dimIdx: number, over: Partial<Record<keyof ResultRow, string>>, coef: number) => {
          if (!ok) return;
          if (dimIdx === MOVE_DIMS.length) {
            const j = table.at(i, over);
            if (j === undefined) return;
            if (!hidden(j)) ok = false;
            else m.set(j, (m.get(j) ?? 0) + coef);
            return;
          }
          for (const [y, k] of opts[dimIdx]![idx[dimIdx]!]!) rec(dimIdx + 1, { ...over, [MOVE_DIMS[dimIdx]!]: y }, coef * k);
        };
        rec(0, {}, 1);
        if (ok && build([...m], num, den)) {
          const st = steps();
          if (st && st[0] + st[1] > 0) {
            moved++;
            if (st[0] > 0) record(st[0]);
            if (st[1] > 0) record(-st[1]);
          }
        }
        // Next combination (odometer, last dimension fastest).
        let k = MOVE_DIMS.length - 1;
        while (k >= 0 && ++idx[k]! >= opts[k]!.length) idx[k--] = 0;
        if (k < 0) break;
      }
      if (certified(v)) break;
    }
  }
  for (const u of support) d[u] = 0;
  return { tried, moved };
}

const LP_EPS = 1e-6;
/** An unknown with no upper bound gets this much room above its true value (a reader's ∞). */
const LP_CAP = 1e6;

/**
 * LP-strength bounds (HiGHS) after propagation, decided without an LP per unknown where a cheaper
 * proof exists. Every feasible point of the relations widens each unknown's inner interval
 * [seenMin, seenMax] (the truth is the first point); an unknown whose inner interval is at least
 * `width` wide (a complement: whose seenMax ≥ width) is certified: its exact LP interval, which
 * contains every feasible point, is at least as wide. Feasible points come from
 *  1. block LPs: one measure's numerators (or one universe's denominators) free, every other
 *     unknown fixed at its true value — small models, random signed objectives first (one solve
 *     moves many unknowns to a vertex), then the max and min of each unknown still uncertified;
 *  2. component LPs over a whole connected component of the relations, the same way.
 * An unknown certified by neither gets its exact LP max and min over its component, and its
 * bounds become [⌈min⌉, ⌊max⌋]: that interval, not a proxy, decides "narrowed below width".
 * A solve that does not end optimal proves nothing: the unknown is taken as narrow (reported).
 */
function lpBounds(
  c: Compiled, lo: Float64Array, hi: Float64Array, truth: Float64Array, isComp: Uint8Array, block: Int32Array, skip: Uint8Array, width: number,
  failed: string[], table: MoveTable | null,
): LpWork {
  const t0 = performance.now();
  const n = c.names.length;
  const work: LpWork = { candidates: 0, moveCertified: 0, moves: 0, local: 0, localCertified: 0, blockCertified: 0, componentCertified: 0, exact: 0, blocks: 0, components: 0, solves: 0, seconds: 0, ms: {} };
  const sMin = Float64Array.from(truth);
  const sMax = Float64Array.from(truth);
  const certified = (v: number) =>
    isComp[v] ? Math.floor(sMax[v]! + LP_EPS) >= width : Math.floor(sMax[v]! + LP_EPS) - Math.ceil(sMin[v]! - LP_EPS) >= width;
  let pending: number[] = [];
  for (let v = 0; v < n; v++) {
    if (skip[v]) continue;
    const wide = isComp[v] ? hi[v]! >= width : hi[v]! - lo[v]! >= width;
    if (wide) pending.push(v);
  }
  work.candidates = pending.length;
  if (pending.length === 0) return work;
  // Relations of each unknown (CSR).
  const relStart = new Int32Array(n + 1);
  for (const vs of c.vars) for (const v of vs) relStart[v + 1]!++;
  for (let v = 0; v < n; v++) relStart[v + 1]! += relStart[v]!;
  const relList = new Int32Array(relStart[n]!);
  const fill = relStart.slice(0, n);
  c.vars.forEach((vs, r) => vs.forEach((v) => (relList[fill[v]!++] = r)));
  if (table) {
    const st = moveCertificates(c, truth, table, pending, certified, { min: sMin, max: sMax }, width, relStart, relList);
    work.moves = st.tried;
    const before = pending.length;
    pending = pending.filter((v) => !certified(v));
    work.moveCertified = before - pending.length;
    work.ms.moves = Math.round(performance.now() - t0);
    if (process.env.LP_PROGRESS) console.error(`lp moves: ${work.ms.moves} ms, ${pending.length} left of ${work.candidates}`);
  }
  const local = new Int32Array(n).fill(-1);
  const relMark = new Int32Array(c.vars.length).fill(-1);
  let stamp = 0;

  /** A model over `vars`, every other unknown fixed at its true value (so each solution is a feasible point of the whole). */
  const build = (vars: readonly number[]) => {
    stamp++;
    const rels: number[] = [];
    for (const v of vars) {
      for (let k = relStart[v]!; k < relStart[v + 1]!; k++) {
        const r = relList[k]!;
        if (relMark[r] !== stamp) {
          relMark[r] = stamp;
          rels.push(r);
        }
      }
    }
    vars.forEach((v, j) => (local[v] = j));
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowLower = new Float64Array(rels.length);
    const rowUpper = new Float64Array(rels.length);
    rels.forEach((r, i) => {
      let k = c.constant[r]!;
      const vs = c.vars[r]!;
      const cs = c.coefs[r]!;
      for (let t = 0; t < vs.length; t++) {
        const j = local[vs[t]!]!;
        if (j < 0) k += cs[t]! * truth[vs[t]!]!;
        else {
          indices.push(j);
          values.push(cs[t]!);
        }
      }
      starts.push(indices.length);
      rowLower[i] = -k;
      rowUpper[i] = c.ge[r] ? highs.infinity : -k;
    });
    for (const v of vars) local[v] = -1;
    const model = highs.createModel({
      numCols: vars.length, numRows: rels.length, colCost: new Float64Array(vars.length),
      colLower: Float64Array.from(vars, (v) => lo[v]!),
      colUpper: Float64Array.from(vars, (v) => Math.min(hi[v]!, truth[v]! + LP_CAP)),
      rowLower, rowUpper,
      matrix: { format: 'csr', numRows: rels.length, numCols: vars.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    });
    model.options.set({ output_flag: false, presolve: 'off' });
    return model;
  };
  type Model = ReturnType<typeof build>;
  const MAX = highs.constants.objectiveSense.maximize;
  const MIN = highs.constants.objectiveSense.minimize;
  /** One solve; its point widens the inner intervals. The optimum, or NaN when not optimal. */
  const solve = (model: Model, vars: readonly number[], cost: Float64Array, sense: typeof MAX): number => {
    work.solves++;
    model.changeObjectiveSense(sense);
    model.changeColsCost({ kind: 'range', from: 0, to: vars.length - 1 }, cost);
    if (model.run().modelStatus !== highs.constants.modelStatus.optimal) return NaN;
    const x = model.getSolution().colValue;
    vars.forEach((v, j) => {
      if (x[j]! < sMin[v]!) sMin[v] = x[j]!;
      if (x[j]! > sMax[v]!) sMax[v] = x[j]!;
    });
    return model.getObjectiveValue();
  };
  let seed = 20261202;
  const coin = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) & 0x10000 ? 1 : -1);
  /**
   * Certify what the model can: signed sums of the uncertified unknowns (random signs: a line's
   * hidden parts add up to a fixed total, a plain sum would not move them) while that certifies a
   * good part, then each one's max and min. `exact`: those left uncertified get their LP interval.
   */
  const certify = (model: Model, vars: readonly number[], todo: number[], exact: boolean) => {
    const pos = new Map(vars.map((v, j) => [v, j] as const));
    const cost = new Float64Array(vars.length);
    for (let round = 0; round < 16 && todo.length > 0; round++) {
      const before = todo.length;
      cost.fill(0);
      for (const v of todo) cost[pos.get(v)!] = coin();
      solve(model, vars, cost, MAX);
      solve(model, vars, cost, MIN);
      todo = todo.filter((v) => !certified(v));
      if (todo.length > 0.9 * before) break;
    }
    for (const v of todo) {
      if (certified(v)) continue;
      cost.fill(0);
      cost[pos.get(v)!] = 1;
      const max = solve(model, vars, cost, MAX);
      if (certified(v) || (isComp[v] && !exact)) continue;
      const min = isComp[v] ? 0 : solve(model, vars, cost, MIN);
      if (certified(v) || !exact) continue;
      work.exact++;
      if (Number.isNaN(max) || Number.isNaN(min)) {
        failed.push(`${c.names[v]}: LP not optimal`);
        continue;
      }
      lo[v] = Math.max(lo[v]!, Math.ceil(min - LP_EPS)) + 0;
      hi[v] = Math.min(hi[v]!, Math.floor(max + LP_EPS)) + 0;
    }
  };

  // 1. Local LPs: a box of cells around the unknown's cell — per hierarchical dimension its value,
  // ancestors, a few hidden siblings and a few hidden children of each — every unknown of those
  // cells free, all others fixed at the truth: the unknown's max and min there are feasible points
  // of the whole system (a local LP finds moves that differ from slice to slice, which the
  // tensor moves cannot).
  if (table) {
    const cellOf = new Int32Array(n).fill(-1);
    for (let i = 0; i < table.rows.length; i++) {
      for (const ids of [table.tId, table.nId, table.cId]) if (ids[i]! >= 0 && cellOf[ids[i]!] === -1) cellOf[ids[i]!] = i;
    }
    const anyHidden = (j: number | undefined) => j !== undefined && (table.tId[j]! >= 0 || table.nId[j]! >= 0);
    const inBox = new Uint8Array(n);
    for (const v of pending) {
      if (certified(v) || cellOf[v]! < 0 || process.env.LP_LOCAL === '0') continue;
      const i = cellOf[v]!;
      const values = MOVE_DIMS.map((dim) => {
        const x = field(table.rows[i]!, dim);
        const kids = (y: string) => (childrenOf(dim, y, table.regions)?.kids ?? []).filter((k) => anyHidden(table.at(i, { [dim]: k }))).slice(0, 2);
        const out = new Set<string>([x, ...kids(x)]);
        for (let p = parentOf(dim, x, table.regions); p !== null; p = parentOf(dim, p, table.regions)) out.add(p);
        const p = parentOf(dim, x, table.regions);
        if (p !== null) for (const sb of kids(p).filter((y) => y !== x).slice(0, 2)) [sb, ...kids(sb).slice(0, 1)].forEach((y) => out.add(y));
        return [...out];
      });
      const vars: number[] = [];
      const visit = (k: number, over: Partial<Record<keyof ResultRow, string>>) => {
        if (k === MOVE_DIMS.length) {
          const j = table.at(i, over);
          if (j === undefined) return;
          for (const ids of [table.tId, table.nId, table.cId]) {
            const u = ids[j]!;
            if (u >= 0 && !inBox[u]) {
              inBox[u] = 1;
              vars.push(u);
            }
          }
          return;
        }
        for (const y of values[k]!) visit(k + 1, { ...over, [MOVE_DIMS[k]!]: y });
      };
      visit(0, {});
      for (const u of vars) inBox[u] = 0;
      work.local++;
      work.localVars = (work.localVars ?? 0) + vars.length;
      const tb = performance.now();
      const model = build(vars);
      work.ms.build = (work.ms.build ?? 0) + performance.now() - tb;
      try {
        const cost = new Float64Array(vars.length);
        cost[vars.indexOf(v)] = 1;
        solve(model, vars, cost, MAX);
        if (!certified(v) && !isComp[v]) solve(model, vars, cost, MIN);
      } finally {
        model.dispose();
      }
    }
    const beforeLocal = pending.length;
    pending = pending.filter((v) => !certified(v));
    work.localCertified = beforeLocal - pending.length;
    work.ms.local = Math.round(performance.now() - t0);
    if (process.env.LP_PROGRESS) console.error(`lp local: ${work.ms.local} ms, ${pending.length} left of ${work.candidates}`);
  }

  // 1. Blocks.
  const byBlock = new Map<number, number[]>();
  for (let v = 0; v < n; v++) {
    const list = byBlock.get(block[v]!);
    if (list) list.push(v);
    else byBlock.set(block[v]!, [v]);
  }
  const pendingBlocks = new Set(pending.map((v) => block[v]!));
  const isPending = new Uint8Array(n);
  for (const v of pending) isPending[v] = 1;
  for (const [bk, vars] of byBlock) {
    if (!pendingBlocks.has(bk) || process.env.LP_BLOCKS !== '1') continue;
    const todo = vars.filter((v) => isPending[v] === 1 && !certified(v));
    if (todo.length === 0) continue;
    work.blocks++;
    const model = build(vars);
    try {
      certify(model, vars, todo, false);
    } finally {
      model.dispose();
    }
  }
  const beforeBlocks = pending.length;
  pending = pending.filter((v) => !certified(v));
  work.blockCertified = beforeBlocks - pending.length;
  work.ms.blocks = Math.round(performance.now() - t0);
    if (process.env.LP_PROGRESS) console.error(`lp blocks: ${work.ms.blocks} ms, ${pending.length} left of ${work.candidates}`);

  // 2. Connected components of what is left.
  if (pending.length > 0) {
    const up = Int32Array.from({ length: n }, (_, i) => i);
    const root = (x: number): number => {
      while (up[x] !== x) x = up[x] = up[up[x]!]!;
      return x;
    };
    for (const vs of c.vars) for (let t = 1; t < vs.length; t++) up[root(vs[t]!)] = root(vs[0]!);
    const comps = new Map<number, number[]>();
    const todoOf = new Map<number, number[]>();
    for (const v of pending) {
      comps.set(root(v), []);
      todoOf.set(root(v), [...(todoOf.get(root(v)) ?? []), v]);
    }
    for (let v = 0; v < n; v++) comps.get(root(v))?.push(v);
    for (const [rt, vars] of comps) {
      work.components++;
      const todo = todoOf.get(rt)!.filter((v) => !certified(v));
      if (todo.length === 0) continue;
      const model = build(vars);
      try {
        const exactBefore = work.exact;
        certify(model, vars, todo, true);
        work.componentCertified += todo.length - (work.exact - exactBefore);
      } finally {
        model.dispose();
      }
    }
  }
  work.seconds = (performance.now() - t0) / 1000;
  return work;
}

/** Attack a published table; `original` and `published` are the same rows in the same order. */
export function attack(original: readonly ResultRow[], published: readonly ResultRow[], o: AttackOptions): AttackReport {
  const truth = new Map<string, number>();
  const denKnown = new Map<string, number>();
  const denClass = (i: number) => `${popKey(original[i]!)}#${original[i]!.nevner}`;
  published.forEach((r, i) => {
    if (r.nevner !== null && r.status === '') denKnown.set(denClass(i), r.nevner);
  });
  const num = (i: number): Term => {
    const p = published[i]!;
    if (p.status === '' && p.teller !== null) return { k: p.teller, c: 1n };
    truth.set(`t:${i}`, original[i]!.teller ?? 0);
    return { v: `t:${i}`, c: 1n };
  };
  const den = (i: number): Term => {
    const cls = denClass(i);
    const k = denKnown.get(cls);
    if (k !== undefined) return { k, c: 1n };
    truth.set(`n:${cls}`, original[i]!.nevner ?? 0);
    return { v: `n:${cls}`, c: 1n };
  };
  // Complement n − t of a sensitive share: known where published, else an unknown ≥ 0.
  const comp = (i: number): Term => {
    const p = published[i]!;
    if (p.status === '' && p.teller !== null && p.nevner !== null) return { k: p.nevner - p.teller, c: 1n };
    truth.set(`c:${i}`, (original[i]!.nevner ?? 0) - (original[i]!.teller ?? 0));
    return { v: `c:${i}`, c: 1n };
  };
  const sens = (i: number) => isShare(i) && (o.sensitive?.(original[i]!.indikator, original[i]!.maal) ?? false);
  const neg = (t: Term): Term => ({ ...t, c: -t.c });
  const index = new Map<string, number>();
  published.forEach((r, i) => index.set(cellKey(r), i));
  const regions = [...new Set(published.map((r) => r.region))];
  const rels: Relation[] = [];
  const isShare = (i: number) => original[i]!.teller !== null;
  // A cell of a withheld split ('.' where the engine had a figure) is hidden like a suppressed one:
  // the reader knows the cell exists and how it adds up.
  const withheld = (i: number) => published[i]!.status === '.' && original[i]!.status === '';
  const active = (i: number) => published[i]!.status === '' || published[i]!.status === ':' || withheld(i);
  let cellsAttacked = 0;
  published.forEach((r, i) => {
    if (!active(i)) return;
    if (r.status !== '') cellsAttacked++;
    for (const dim of ['region', 'gruppe', 'kjonn', 'lovregime', 'periode'] as const) {
      const rule = childrenOf(dim, field(r, dim), regions);
      if (!rule) continue;
      const kids = rule.kids.map((v) => index.get(cellKey(r, { [dim]: v }))).filter((x): x is number => x !== undefined && active(x));
      if (kids.length === 0) continue;
      if (isShare(i)) rels.push({ terms: [num(i), ...kids.map((k) => neg(num(k)))], ge: rule.ge });
      if (sens(i)) rels.push({ terms: [comp(i), ...kids.map((k) => neg(comp(k)))], ge: rule.ge });
      rels.push({ terms: [den(i), ...kids.map((k) => neg(den(k)))], ge: rule.ge });
    }
    if (isShare(i) && r.status !== '') rels.push({ terms: [den(i), neg(num(i))], ge: true }); // t ≤ n
    if (sens(i) && r.status !== '') rels.push({ terms: [den(i), neg(num(i)), neg(comp(i))], ge: false }); // n − t − c = 0
  });
  const dist = new Map<string, number[]>();
  published.forEach((r, i) => {
    const g = active(i) ? o.additiveGroup(r.indikator, r.maal) : null;
    if (g === null) return;
    const k = `${cellKey(r, { maal: '' })}#${g}`;
    dist.set(k, [...(dist.get(k) ?? []), i]);
  });
  for (const list of dist.values()) rels.push({ terms: [den(list[0]!), ...list.map((i) => neg(num(i)))], ge: true });
  const unknowns = [...truth.keys()];
  const compiled = compile(rels, unknowns);
  const det = determined(compiled);
  const { lo: los, hi: his } = bounds(compiled);
  const fieldsCache: (string[] | undefined)[] = [];
  const moveTable = (): MoveTable => {
    const id = new Map(unknowns.map((u, k) => [u, k] as const));
    const look = (k: string) => id.get(k) ?? -1;
    return {
      rows: original,
      tId: Int32Array.from(original, (_, i) => look(`t:${i}`)),
      nId: Int32Array.from(original, (_, i) => (active(i) ? look(`n:${denClass(i)}`) : -1)),
      cId: Int32Array.from(original, (_, i) => look(`c:${i}`)),
      at: (i, over) => {
        let f = fieldsCache[i];
        if (!f) fieldsCache[i] = f = KEY_DIMS.map((d) => field(published[i]!, d));
        const g = f.slice();
        for (const d in over) g[KEY_POS[d as keyof ResultRow]!] = over[d as keyof ResultRow]!;
        const j = index.get(g.join('|'));
        return j !== undefined && active(j) ? j : undefined;
      },
      regions,
    };
  };
  const recovered: string[] = [];
  let lp: LpWork | undefined;
  if (o.lp === true) {
    // Blocks of the LP stage: one measure's numerators (complements) of one universe, or one universe's denominators.
    const blockIds = new Map<string, number>();
    const universeOf = (i: number) => (['indikator', 'kohort', 'periode', 'botid'] as const).map((d) => field(original[i]!, d)).join('|');
    const block = Int32Array.from(unknowns, (u) => {
      const key = u.startsWith('n:') ? `n|${u.slice(2).split('|').slice(0, 4).join('|')}` : `${u[0]}|${universeOf(Number(u.slice(2)))}|${original[Number(u.slice(2))]!.maal}`;
      if (!blockIds.has(key)) blockIds.set(key, blockIds.size);
      return blockIds.get(key)!;
    });
    lp = lpBounds(
      compiled, los, his, Float64Array.from(unknowns, (u) => truth.get(u)!), Uint8Array.from(unknowns, (u) => (u.startsWith('c:') ? 1 : 0)),
      block, Uint8Array.from(unknowns, (u) => (det.has(u) ? 1 : 0)), o.width, recovered, o.moves === false ? null : moveTable(),
    );
  }
  const inconsistent: string[] = [];
  const zeros: string[] = [];
  // Attribute disclosure in the open: a published sensitive share where everyone has it.
  published.forEach((r, i) => {
    if (r.status === '' && sens(i) && r.teller !== null && r.teller === r.nevner && (r.nevner ?? 0) > 0) recovered.push(`attribute: cell ${i} published with teller = nevner = ${r.teller}`);
  });
  let narrowed = 0;
  for (const [ui, u] of unknowns.entries()) {
    const lo = los[ui]!;
    const hi = his[ui]!;
    const t = truth.get(u)!;
    if (t < lo || t > hi) inconsistent.push(`${u}: ${t} ∉ [${lo}, ${hi}]`);
    if (u.startsWith('c:')) {
      // At most width − 1 persons of the group without a sensitive attribute: (nearly) everyone has it.
      if (hi < o.width) {
        recovered.push(`attribute: ${u} in [${lo}, ${hi}] (= ${t})`);
        narrowed++;
      }
      continue;
    }
    // A count pinned to exactly 0 is not counted: zeros are publishable by the primary rule
    // (numerator 0 is safe) and reveal no person; they are reported on their own.
    if ((det.has(u) && t === 0) || (lo === 0 && hi === 0)) zeros.push(u);
    else if (det.has(u)) recovered.push(`${u} exactly (= ${t})`);
    else if (hi - lo < o.width) {
      recovered.push(`${u} in [${lo}, ${hi}] (= ${t})`);
      narrowed++;
    }
  }
  return { cellsAttacked, unknowns: unknowns.length, relations: rels.length, recovered, narrowed, inconsistent, zeros: zeros.length, ...(lp ? { lp } : {}) };
}
