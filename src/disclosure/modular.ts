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
