/**
 * Exact linear algebra over the prime field GF(2^31 − 1), for deciding which hidden variables a
 * system of linear relations determines. A variable determined over the rationals is determined
 * mod p as well (p does not divide the small integer determinants of ±1 systems in practice),
 * so a check that finds nothing mod p finds nothing over the rationals.
 */
export const P = 2147483647;

export function mulmod(a: number, b: number): number {
  return (((a * (b >>> 16)) % P) * 65536 + a * (b & 65535)) % P;
}

export function invmod(a: number): number {
  let [r0, r1] = [P, a];
  let [t0, t1] = [0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1] = [r1, r0 - q * r1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return ((t0 % P) + P) % P;
}

/**
 * Incremental sparse Gauss–Jordan elimination. Every pivot variable occurs only in its own row,
 * so a variable is determined exactly when its pivot row has no other variable.
 */
export class SparseGaussJordan {
  private readonly rows: (Map<number, number> | null)[] = [];
  private readonly cols = new Map<number, Set<number>>();
  private readonly pivotRow = new Map<number, number>();

  private colOf(v: number): Set<number> {
    let s = this.cols.get(v);
    if (!s) this.cols.set(v, (s = new Set()));
    return s;
  }

  /** target -= f × src, keeping the column index in step. */
  private axpy(targetId: number, target: Map<number, number>, f: number, src: Map<number, number>): void {
    for (const [v, a] of src) {
      const cur = target.get(v) ?? 0;
      const nv = (cur - mulmod(f, a) + P) % P;
      if (nv === 0) {
        target.delete(v);
        this.cols.get(v)?.delete(targetId);
      } else {
        if (cur === 0) this.colOf(v).add(targetId);
        target.set(v, nv);
      }
    }
  }

  /** Add the relation Σ coef·x = const (constants are irrelevant to determinacy). */
  addRow(entries: Iterable<[number, number]>): void {
    const row = new Map<number, number>();
    for (const [v, c] of entries) {
      const m = ((c % P) + P) % P;
      const nv = ((row.get(v) ?? 0) + m) % P;
      if (nv === 0) row.delete(v);
      else row.set(v, nv);
    }
    const id = this.rows.length;
    this.rows.push(row);
    for (const v of row.keys()) this.colOf(v).add(id);
    for (const v of [...row.keys()]) {
      const pr = this.pivotRow.get(v);
      const f = row.get(v);
      if (pr === undefined || f === undefined) continue;
      this.axpy(id, row, f, this.rows[pr]!);
    }
    if (row.size === 0) {
      this.rows[id] = null;
      return;
    }
    let u = -1;
    let best = Infinity;
    for (const v of row.keys()) {
      const n = this.cols.get(v)?.size ?? 0;
      if (n < best) [u, best] = [v, n];
    }
    const inv = invmod(row.get(u)!);
    for (const [v, a] of row) row.set(v, mulmod(a, inv));
    for (const other of [...this.colOf(u)]) {
      if (other === id) continue;
      const orow = this.rows[other]!;
      this.axpy(other, orow, orow.get(u)!, row);
    }
    this.pivotRow.set(u, id);
  }

  /** Variables the rows determine exactly. */
  determined(): number[] {
    const out: number[] = [];
    for (const [u, id] of this.pivotRow) if (this.rows[id]!.size === 1) out.push(u);
    return out;
  }
}

/**
 * Forward-only sparse elimination (row echelon form) with determinacy by random null vectors:
 * back-substituting random values for the free variables gives a random solution of A·x = 0;
 * a variable is determined by the system exactly when it is 0 in every such solution, so two
 * random solutions find every undetermined variable except with probability ≤ 2/p². Much less
 * fill than Gauss–Jordan, because pivot columns are never cleared from earlier rows.
 */
export class SparseEchelon {
  private readonly rows: Map<number, number>[] = [];
  private readonly pivotOf: number[] = [];
  private readonly pivotIndex = new Map<number, number>();
  private readonly vars = new Set<number>();

  addRow(entries: Iterable<[number, number]>): void {
    const row = new Map<number, number>();
    for (const [v, c] of entries) {
      const nv = ((row.get(v) ?? 0) + ((c % P) + P)) % P;
      if (nv === 0) row.delete(v);
      else row.set(v, nv);
      this.vars.add(v);
    }
    for (;;) {
      // Eliminate the earliest pivot first: its row only brings in later pivots and free variables.
      let first = -1;
      let firstVar = -1;
      for (const v of row.keys()) {
        const i = this.pivotIndex.get(v);
        if (i !== undefined && (first < 0 || i < first)) [first, firstVar] = [i, v];
      }
      if (first < 0) break;
      const f = row.get(firstVar)!;
      for (const [w, a] of this.rows[first]!) {
        const nv = ((row.get(w) ?? 0) - mulmod(f, a) + P) % P;
        if (nv === 0) row.delete(w);
        else row.set(w, nv);
      }
    }
    if (row.size === 0) return;
    let u = -1;
    for (const v of row.keys()) if (u < 0 || v < u) u = v;
    const inv = invmod(row.get(u)!);
    for (const [v, a] of row) row.set(v, mulmod(a, inv));
    this.pivotIndex.set(u, this.rows.length);
    this.rows.push(row);
    this.pivotOf.push(u);
  }

  private randomSolution(seed: number): Map<number, number> {
    let s = seed;
    const rand = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s % (P - 1)) + 1;
    };
    const x = new Map<number, number>();
    for (const v of this.vars) if (!this.pivotIndex.has(v)) x.set(v, rand());
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const u = this.pivotOf[i]!;
      let sum = 0;
      for (const [w, a] of this.rows[i]!) if (w !== u) sum = (sum + mulmod(a, x.get(w)!)) % P;
      x.set(u, (P - sum) % P);
    }
    return x;
  }

  /** Variables (among those in any row) that every solution fixes. */
  determined(): number[] {
    const a = this.randomSolution(0x9e3779b9);
    const b = this.randomSolution(0x7f4a7c15);
    return [...this.vars].filter((v) => a.get(v) === 0 && b.get(v) === 0);
  }
}
