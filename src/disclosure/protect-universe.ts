/**
 * Protection of one universe in two phases (docs/disclosure.md "Method"):
 * 1. populations — hide every population whose denominator is unsafe, and enough others that no
 *    hidden denominator can be recovered from the population lines: the set H;
 * 2. per measure (or additive family) — hide the unsafe cells and every cell of H, then enough
 *    others that no hidden numerator (or its complement) can be recovered.
 */
import type { ResultRow } from '../contract/results.ts';
import type { DisclosureConfig } from './config.ts';
import { populationLines, type Lines } from './hierarchy.ts';
import { intervalAudit, type IntervalFinding } from './interval-audit.ts';
import type { LpStats } from './lp-bounds.ts';
import { solveLines, type Layer, type LineProblem } from './line-solver.ts';
import { isPrimaryUnsafe } from './primary.ts';
import { popWeight, type Universe } from './universe.ts';

export interface UniverseOutcome {
  /** Row indices to suppress. */
  readonly suppressed: number[];
  /** Lines the solver could not satisfy, plus narrow intervals left (0 normally). */
  readonly unresolved: number;
  /** Cells hidden by the interval audit's repairs. */
  readonly repairs?: number;
  /** Cells withheld by the audit's last resort (a measure withheld in this universe). */
  readonly coarsened?: number;
}

const full = (n: number) => new Float64Array(n).fill(NaN);

/** A population is unsafe when its denominator is unknown or small for any measure. */
function populationUnsafe(r: ResultRow, kind: string, cfg: DisclosureConfig): boolean {
  if (r.nevner === null) return true;
  return r.nevner < (kind === 'share' ? cfg.minDenominator : cfg.minMeanN);
}

/** Phase 1's problems (one per batch of 8 distinct denominator vectors) and the unsafe populations. */
interface PopulationProblem {
  readonly unsafe: Uint8Array;
  readonly batches: readonly LineProblem[];
}

function populationProblem(rows: readonly ResultRow[], u: Universe, lines: Lines, cfg: DisclosureConfig): PopulationProblem {
  const nPop = u.pops.length;
  const cost = new Float64Array(nPop);
  const unsafe = new Uint8Array(nPop);
  const layers = new Map<string, Layer>();
  u.measures.forEach((_, m) => {
    const value = full(nPop);
    for (let p = 0; p < nPop; p++) {
      const i = u.cell[m * nPop + p]!;
      if (i < 0) continue;
      const r = rows[i]!;
      value[p] = r.nevner ?? 0;
      cost[p] = Math.max(cost[p]!, r.nevner ?? 0);
      if (populationUnsafe(r, u.info[m]!.kind, cfg)) unsafe[p] = 1;
    }
    const key = Array.from(value, (x) => (Number.isNaN(x) ? '' : String(x))).join(',');
    if (!layers.has(key)) layers.set(key, { value, counts: true });
  });
  for (let p = 0; p < nPop; p++) cost[p] = cost[p]! * popWeight(u.pops[p]!);
  // Layers are checked in batches of 8 (the line mask is one byte).
  const all = [...layers.values()];
  const choosable = new Uint8Array(nPop).fill(1);
  const batches: LineProblem[] = [];
  for (let b = 0; b < all.length; b += 8) {
    const batch = all.slice(b, b + 8);
    batches.push({
      nItems: nPop, start: lines.start, members: lines.members, mask: new Uint8Array(lines.dim.length).fill((1 << batch.length) - 1),
      layers: batch, cost, choosable, threshold: cfg.minCount, cheapTotal: pooledPops(u),
    });
  }
  return { unsafe, batches };
}

/** 1 = population p is a pooled window (its cells compete with their years on cost: line-solver `cheapTotal`). */
function pooledPops(u: Universe): Uint8Array {
  return Uint8Array.from(u.pops, (pop) => (popWeight(pop) < 1 ? 1 : 0));
}

/** Phase 1: the hidden-population set H (1 = hidden), repeated over the batches until stable. */
function hiddenPopulations(pp: PopulationProblem, hidden: Uint8Array): number {
  for (let p = 0; p < hidden.length; p++) if (pp.unsafe[p]) hidden[p] = 1;
  const count = () => hidden.reduce((a, x) => a + x, 0);
  let stuck = 0;
  for (let before = -1; before !== count();) {
    before = count();
    stuck = 0;
    for (const problem of pp.batches) stuck += solveLines(problem, hidden);
    if (pp.batches.length <= 1) break;
  }
  return stuck;
}

/** Measures protected together: shares with the same additive group; every other measure alone. */
function families(u: Universe): number[][] {
  const out = new Map<string, number[]>();
  u.info.forEach((inf, m) => {
    const k = inf.kind === 'share' && inf.additiveGroup !== null ? `g:${inf.additiveGroup}` : `m:${m}`;
    out.set(k, [...(out.get(k) ?? []), m]);
  });
  return [...out.values()];
}

/** The parts of a family's phase-2 problem that do not change between rounds. */
interface FamilyProblem {
  readonly fam: readonly number[];
  /** Items hidden whatever happens: already `:` or primary unsafe. */
  readonly base: Uint8Array;
  /** null for medians (primary rule and H only). */
  readonly problem: LineProblem | null;
}

/** Items are the family's cells (f * nPop + p), then one denominator item per population. */
function familyProblem(rows: readonly ResultRow[], u: Universe, lines: Lines, fam: readonly number[], cfg: DisclosureConfig): FamilyProblem {
  const nPop = u.pops.length;
  const F = fam.length;
  const nItems = (F + 1) * nPop;
  const kind = u.info[fam[0]!]!.kind;
  const base = new Uint8Array(nItems);
  const cost = new Float64Array(nItems);
  const choosable = new Uint8Array(nItems);
  const L0 = full(nItems);
  const L1 = full(nItems);
  const LN = full(nItems);
  fam.forEach((m, f) => {
    for (let p = 0; p < nPop; p++) {
      const i = u.cell[m * nPop + p]!;
      if (i < 0) continue;
      const r = rows[i]!;
      const v = f * nPop + p;
      const n = r.nevner ?? 0;
      base[v] = r.status === ':' || isPrimaryUnsafe(r, u.info[m]!, cfg) ? 1 : 0;
      cost[v] = n * popWeight(u.pops[p]!);
      choosable[v] = 1;
      LN[v] = n;
      if (kind === 'share') {
        L0[v] = r.teller ?? 0;
        L1[v] = n - (r.teller ?? 0);
      } else {
        L0[v] = (r.verdi ?? 0) * n; // a mean enters sums as its amount, mean × persons
      }
      const d = F * nPop + p;
      if (Number.isNaN(L0[d]!)) L0[d] = n;
    }
  });
  if (kind === 'median') return { fam, base, problem: null };
  const pooled = pooledPops(u);
  const start: number[] = [0];
  const members: number[] = [];
  const mask: number[] = [];
  for (let f = 0; f < F; f++) {
    for (let l = 0; l < lines.dim.length; l++) {
      for (let i = lines.start[l]!; i < lines.start[l + 1]!; i++) members.push(f * nPop + lines.members[i]!);
      start.push(members.length);
      mask.push(0b111);
    }
  }
  // A distribution: the family's numerators of one population add up to (at most) its denominator.
  if (F > 1) {
    for (let p = 0; p < nPop; p++) {
      members.push(F * nPop + p);
      for (let f = 0; f < F; f++) members.push(f * nPop + p);
      start.push(members.length);
      mask.push(0b01);
    }
  }
  // The denominators ride along as a layer: a cell hidden here hides its `nevner` too, which
  // must not be recoverable either (and saves rounds of phase 1 when U has one measure).
  const layers: Layer[] = kind === 'share'
    ? [{ value: L0, counts: true }, { value: L1, counts: true }, { value: LN, counts: true }]
    : [{ value: L0, counts: false }, { value: L1, counts: true }, { value: LN, counts: true }];
  return {
    fam, base,
    problem: {
      nItems, start: Int32Array.from(start), members: Int32Array.from(members), mask: Uint8Array.from(mask), layers, cost, choosable, threshold: cfg.minCount,
      cheapTotal: Uint8Array.from({ length: nItems }, (_, v) => pooled[v % nPop]!),
    },
  };
}

/** Phase 2 for one family: hidden = base ∪ H ∪ forced, then the line rules. Returns the family's hidden cells (m · nPop + p). */
function protectFamily(u: Universe, fp: FamilyProblem, H: Uint8Array, forced: ReadonlySet<number>): { cells: Int32Array; stuck: number } {
  const nPop = u.pops.length;
  const F = fp.fam.length;
  const hidden = fp.base.slice();
  fp.fam.forEach((m, f) => {
    for (let p = 0; p < nPop; p++) {
      const i = u.cell[m * nPop + p]!;
      if (i < 0) continue;
      if (H[p] || forced.has(i)) hidden[f * nPop + p] = 1;
      hidden[F * nPop + p] = H[p]!;
    }
  });
  const stuck = fp.problem ? solveLines(fp.problem, hidden) : 0;
  const cells: number[] = [];
  fp.fam.forEach((m, f) => {
    for (let p = 0; p < nPop; p++) {
      if (u.cell[m * nPop + p]! >= 0 && hidden[f * nPop + p]) cells.push(m * nPop + p);
    }
  });
  return { cells: Int32Array.from(cells), stuck };
}

/**
 * The cells forced hidden by the audit's repairs, with a count per family. Repairs only add, so
 * within one universe (H, the family's count) names the family's whole input: the line rules are
 * deterministic, and a family whose input did not change since an earlier round is not solved again.
 */
class Forced {
  readonly rows = new Set<number>();
  readonly perFamily: Int32Array;
  private readonly familyOfRow = new Map<number, number>();

  constructor(u: Universe, fams: readonly FamilyProblem[]) {
    this.perFamily = new Int32Array(fams.length);
    const nPop = u.pops.length;
    fams.forEach((fp, k) => {
      for (const m of fp.fam) for (let p = 0; p < nPop; p++) if (u.cell[m * nPop + p]! >= 0) this.familyOfRow.set(u.cell[m * nPop + p]!, k);
    });
  }

  /** Adds row i; false when it was already forced. */
  add(i: number): boolean {
    if (this.rows.has(i)) return false;
    this.rows.add(i);
    const k = this.familyOfRow.get(i);
    if (k !== undefined) this.perFamily[k]!++;
    return true;
  }
}

/** Results of phase 1 and of each family by input, reused across the repair rounds of one universe. */
interface SolveCache {
  readonly phase1: Map<string, { H: Uint8Array; stuck: number }>;
  readonly family: Map<string, { cells: Int32Array; stuck: number }>[];
}

const bitsKey = (x: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < x.length; i++) if (x[i]) s += `${i},`;
  return s;
};

/** Populations whose cells ended up hidden in every measure: their denominators are now hidden too. */
function fullyHidden(u: Universe, hiddenCells: Uint8Array): Uint8Array {
  const nPop = u.pops.length;
  const out = new Uint8Array(nPop);
  for (let p = 0; p < nPop; p++) {
    let all = true;
    for (let m = 0; m < u.measures.length && all; m++) if (u.cell[m * nPop + p]! >= 0 && !hiddenCells[m * nPop + p]) all = false;
    out[p] = all ? 1 : 0;
  }
  return out;
}

const MAX_PHASE_ROUNDS = 8;

/**
 * Phase 1, then phase 2; a population whose cells phase 2 hid in every measure has its denominator
 * hidden as well, which phase 1 must then protect: repeat until H is stable.
 */
function protectWithLines(
  u: Universe, pp: PopulationProblem, forced: Forced, fams: readonly FamilyProblem[], cache: SolveCache,
): UniverseOutcome & { hiddenCells: Uint8Array } {
  let H = new Uint8Array(u.pops.length);
  let hiddenCells = new Uint8Array(u.cell.length);
  let unresolved = 0;
  for (let round = 0; round < MAX_PHASE_ROUNDS; round++) {
    const inKey = bitsKey(H);
    let p1 = cache.phase1.get(inKey);
    if (!p1) {
      const stuck = hiddenPopulations(pp, H);
      cache.phase1.set(inKey, (p1 = { H: H.slice(), stuck }));
    }
    H = p1.H.slice();
    unresolved = p1.stuck;
    const hKey = bitsKey(H);
    hiddenCells = new Uint8Array(u.cell.length);
    fams.forEach((fp, k) => {
      const key = `${hKey}#${forced.perFamily[k]}`;
      let r = cache.family[k]!.get(key);
      if (!r) cache.family[k]!.set(key, (r = protectFamily(u, fp, H, forced.rows)));
      for (const c of r.cells) hiddenCells[c] = 1;
      unresolved += r.stuck;
    });
    // With one family, phase 2 protected the denominators of the cells it hid (its n layer).
    if (fams.length === 1) break;
    const full = fullyHidden(u, hiddenCells);
    let grew = false;
    full.forEach((x, p) => {
      if (x && !H[p]) [H[p], grew] = [1, true];
    });
    if (!grew) break;
  }
  const suppressed: number[] = [];
  hiddenCells.forEach((x, c) => {
    if (x) suppressed.push(u.cell[c]!);
  });
  return { suppressed, unresolved, hiddenCells };
}

const MAX_INTERVAL_ROUNDS = 12;
/** Rounds that hide every published source around a finding, after the cheapest-source rounds. */
const MAX_ESCALATED_ROUNDS = 20;

/** Every row of the given measures (all measures for a denominator finding) in the universe. */
function measureCells(u: Universe, findings: readonly IntervalFinding[]): number[] {
  const ms = new Set<number>();
  for (const f of findings) {
    if (f.measure >= 0) ms.add(f.measure);
    else u.measures.forEach((_, m) => ms.add(m));
  }
  const out: number[] = [];
  for (const m of ms) for (let p = 0; p < u.pops.length; p++) if (u.cell[m * u.pops.length + p]! >= 0) out.push(u.cell[m * u.pops.length + p]!);
  return out;
}

/**
 * Line rules (`protectWithLines`), then the audit of everything a reader can derive (exact
 * elimination and bound propagation over the joint relations) with repair, in three steps that
 * each stop when nothing is narrow any more: (1) up to MAX_INTERVAL_ROUNDS rounds hiding the
 * cheapest published source on one relation of each finding; (2) up to MAX_ESCALATED_ROUNDS rounds
 * hiding every published source on its relations (or, when a count is pinned through a chain of
 * hidden ones, on the nearest relations that have published sources); (3) the last resort, so the
 * loop always ends safe: the finding's measure is withheld in this universe.
 */
/** The parts of a universe's problem that do not depend on what is hidden (shared by trials). */
export interface PreparedUniverse {
  readonly lines: Lines;
  readonly fams: readonly FamilyProblem[];
  readonly pp: PopulationProblem;
}

export function prepareUniverse(rows: readonly ResultRow[], u: Universe, cfg: DisclosureConfig): PreparedUniverse {
  const lines = populationLines(u.pops);
  return { lines, fams: families(u).map((fam) => familyProblem(rows, u, lines, fam, cfg)), pp: populationProblem(rows, u, lines, cfg) };
}

export interface ProtectUniverseOptions {
  readonly lpStats?: LpStats;
  /** Rows hidden from the start (a withheld split, split-withholding.ts); they count among the suppressed. */
  readonly initial?: Iterable<number>;
  readonly prepared?: PreparedUniverse;
}

export function protectUniverse(rows: readonly ResultRow[], u: Universe, cfg: DisclosureConfig, opts: ProtectUniverseOptions = {}): UniverseOutcome {
  const { lines, fams, pp } = opts.prepared ?? prepareUniverse(rows, u, cfg);
  const lpStats = opts.lpStats;
  const forced = new Forced(u, fams);
  for (const i of opts.initial ?? []) forced.add(i);
  const cache: SolveCache = { phase1: new Map(), family: fams.map(() => new Map()) };
  let outcome = protectWithLines(u, pp, forced, fams, cache);
  let repairs = 0;
  let withheld = 0;
  for (let round = 0; outcome.suppressed.length > 0; round++) {
    // Propagation first (cheap); once it is clean, the exact LP bounds (lp-bounds.ts).
    let findings = intervalAudit(rows, u, lines, outcome.hiddenCells, cfg.minCount);
    if (findings.length === 0 && cfg.exactBounds === 1) findings = intervalAudit(rows, u, lines, outcome.hiddenCells, cfg.minCount, true, lpStats);
    // The audit is the reader's whole model: clean means safe, whatever line rule is left unmet.
    if (findings.length === 0) return { ...outcome, unresolved: 0, repairs, coarsened: withheld };
    let added = 0;
    const force = (list: readonly number[]): void => {
      for (const i of list) if (forced.add(i)) added++;
    };
    if (round < MAX_INTERVAL_ROUNDS) for (const f of findings) force(f.repair);
    if (added === 0 && round < MAX_INTERVAL_ROUNDS + MAX_ESCALATED_ROUNDS) for (const f of findings) force(f.all);
    if (added === 0) {
      force(measureCells(u, findings));
      if (added === 0) return { ...outcome, unresolved: outcome.unresolved + findings.length, repairs, coarsened: withheld };
      withheld += added;
      added = 0;
    }
    repairs += added;
    outcome = protectWithLines(u, pp, forced, fams, cache);
  }
  return { ...outcome, repairs, coarsened: withheld };
}
