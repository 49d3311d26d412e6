/**
 * An attacker written independently of src/disclosure: from the published table (plus the
 * structure the public knows — which cells are totals of which, and which cells count the same
 * population) it builds every linear relation, then tries to recover each suppressed count
 * exactly (Gauss–Jordan elimination, exact arithmetic modulo a prime) or within a narrow interval
 * (bound propagation: counts ≥ 0, numerator ≤ denominator, parts ≤ totals).
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
  /** Exact LP bounds after propagation (HiGHS; default false: seconds per universe on real tables). */
  readonly lp?: boolean;
}

export interface AttackReport {
  /** Suppressed cells whose counts were attacked. */
  readonly cellsAttacked: number;
  /** Hidden unknowns (numerators of suppressed cells and hidden denominators). */
  readonly unknowns: number;
  readonly relations: number;
  readonly recovered: string[];
  /** Bounds that excluded the true value: a bug in the attacker or inconsistent input. */
  readonly inconsistent: string[];
  /** Hidden counts pinned to exactly 0 (not a disclosure: zeros are not protected). */
  readonly zeros: number;
}

/** The prime of the exact elimination (numbers, not BigInt: mulq keeps products exact). */
const QN = 1000000007;
// A pooled window's period is written `2021-2023` (periodeKey): it never meets its last year.
const field = (r: ResultRow, d: keyof ResultRow): string => (d === 'periode' ? periodeKey(r) : String(r[d]));
const cellKey = (r: ResultRow, over: Partial<Record<keyof ResultRow, string>> = {}): string =>
  (['indikator', 'maal', 'kohort', 'periode', 'botid', 'lovregime', 'region', 'gruppe', 'kjonn'] as const)
    .map((d) => over[d] ?? field(r, d)).join('|');
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
function bounds(c: Compiled, rounds = 60): Map<string, [number, number]> {
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
  const b = new Map<string, [number, number]>();
  c.names.forEach((u, i) => b.set(u, [lo[i]!, hi[i]!]));
  return b;
}

/**
 * LP bounds (HiGHS): for each unknown still wider than `width` after propagation, the exact real
 * min and max subject to every relation and the bounds found so far, per connected group of
 * unknowns. A solution of one LP is a feasible point: any unknown that already varies by `width`
 * or more across the points seen (the truth included) needs no LP of its own.
 */
function lpBounds(rels: Relation[], b: Map<string, [number, number]>, truth: Map<string, number>, width: number): void {
  const ids = new Map<string, number>();
  const names: string[] = [];
  for (const u of b.keys()) ids.set(u, names.push(u) - 1);
  const up = names.map((_, i) => i);
  const root = (i: number): number => (up[i] === i ? i : (up[i] = root(up[i]!)));
  const relVars = rels.map((rel) => rel.terms.flatMap((t) => ('v' in t ? [ids.get(t.v)!] : [])));
  for (const vs of relVars) for (const v of vs.slice(1)) up[root(v)] = root(vs[0]!);
  const groups = new Map<number, { vars: number[]; rels: number[] }>();
  names.forEach((_, i) => {
    const g = groups.get(root(i)) ?? { vars: [], rels: [] };
    g.vars.push(i);
    groups.set(root(i), g);
  });
  relVars.forEach((vs, r) => {
    if (vs.length > 0) groups.get(root(vs[0]!))!.rels.push(r);
  });
  const wide = (u: string) => {
    const [lo, hi] = b.get(u)!;
    return hi - lo >= width;
  };
  for (const g of groups.values()) {
    if (!g.vars.some((i) => wide(names[i]!))) continue;
    const col = new Map(g.vars.map((i, j) => [i, j] as const));
    const n = g.vars.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const rowLower: number[] = [];
    const rowUpper: number[] = [];
    for (const r of g.rels) {
      let k = 0;
      const coef = new Map<number, number>();
      for (const t of rels[r]!.terms) {
        if ('k' in t) k += Number(t.c) * t.k;
        else coef.set(col.get(ids.get(t.v)!)!, (coef.get(col.get(ids.get(t.v)!)!) ?? 0) + Number(t.c));
      }
      for (const [j, c] of coef) {
        if (c !== 0) {
          indices.push(j);
          values.push(c);
        }
      }
      starts.push(indices.length);
      rowLower.push(-k);
      rowUpper.push(rels[r]!.ge ? highs.infinity : -k);
    }
    const model = highs.createModel({
      numCols: n, numRows: g.rels.length, colCost: new Float64Array(n),
      colLower: g.vars.map((i) => b.get(names[i]!)![0]), colUpper: g.vars.map((i) => Math.min(b.get(names[i]!)![1], 1e7)),
      rowLower, rowUpper,
      matrix: { format: 'csr', numRows: g.rels.length, numCols: n, starts, indices, values },
    });
    try {
      model.options.set({ output_flag: false });
      const lowSeen = g.vars.map((i) => truth.get(names[i]!)!);
      const highSeen = lowSeen.slice();
      const cost = new Float64Array(n);
      for (const [j, i] of g.vars.entries()) {
        const u = names[i]!;
        if (!wide(u) || Math.floor(highSeen[j]! + 1e-6) - Math.ceil(lowSeen[j]! - 1e-6) >= width) continue;
        const ends: number[] = [];
        for (const sense of [highs.constants.objectiveSense.maximize, highs.constants.objectiveSense.minimize]) {
          cost.fill(0);
          cost[j] = 1;
          model.changeObjectiveSense(sense);
          model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
          if (model.run().modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`attacker LP for ${u} not optimal`);
          const x = model.getSolution().colValue;
          x.forEach((val, jj) => {
            lowSeen[jj] = Math.min(lowSeen[jj]!, val);
            highSeen[jj] = Math.max(highSeen[jj]!, val);
          });
          ends.push(model.getObjectiveValue());
          if (Math.floor(highSeen[j]! + 1e-6) - Math.ceil(lowSeen[j]! - 1e-6) >= width) break;
        }
        if (ends.length === 2) b.set(u, [Math.ceil(ends[1]! - 1e-6), Math.floor(ends[0]! + 1e-6)]);
      }
    } finally {
      model.dispose();
    }
  }
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
  const b = bounds(compiled);
  if (o.lp === true) lpBounds(rels, b, truth, o.width);
  const recovered: string[] = [];
  const inconsistent: string[] = [];
  const zeros: string[] = [];
  // Attribute disclosure in the open: a published sensitive share where everyone has it.
  published.forEach((r, i) => {
    if (r.status === '' && sens(i) && r.teller !== null && r.teller === r.nevner && (r.nevner ?? 0) > 0) recovered.push(`attribute: cell ${i} published with teller = nevner = ${r.teller}`);
  });
  for (const u of unknowns) {
    const [lo, hi] = b.get(u)!;
    const t = truth.get(u)!;
    if (t < lo || t > hi) inconsistent.push(`${u}: ${t} ∉ [${lo}, ${hi}]`);
    if (u.startsWith('c:')) {
      // At most width − 1 persons of the group without a sensitive attribute: (nearly) everyone has it.
      if (hi < o.width) recovered.push(`attribute: ${u} in [${lo}, ${hi}] (= ${t})`);
      continue;
    }
    // A count pinned to exactly 0 is not counted: zeros are publishable by the primary rule
    // (numerator 0 is safe) and reveal no person; they are reported on their own.
    if ((det.has(u) && t === 0) || (lo === 0 && hi === 0)) zeros.push(u);
    else if (det.has(u)) recovered.push(`${u} exactly (= ${t})`);
    else if (hi - lo < o.width) recovered.push(`${u} in [${lo}, ${hi}] (= ${t})`);
  }
  return { cellsAttacked, unknowns: unknowns.length, relations: rels.length, recovered, inconsistent, zeros: zeros.length };
}
