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
 * Variables are 0..nVars−1; rows are packed typed arrays and elimination runs in one dense
 * scratch accumulator, so a system of 10⁵ rows makes almost no garbage.
 */
export class SparseEchelon {
  private readonly rowIdx: Int32Array[] = [];
  private readonly rowVal: Float64Array[] = [];
  private readonly pivotOf: number[] = [];
  private readonly pivotRow: Int32Array;
  private readonly seen: Uint8Array;
  private readonly acc: Float64Array;
  private readonly mark: Uint8Array;

  constructor(private readonly nVars: number) {
    this.pivotRow = new Int32Array(nVars).fill(-1);
    this.seen = new Uint8Array(nVars);
    this.acc = new Float64Array(nVars);
    this.mark = new Uint8Array(nVars);
  }

  addRow(entries: Iterable<[number, number]>): void {
    const vars: number[] = [];
    const coefs: number[] = [];
    for (const [v, c] of entries) {
      vars.push(v);
      coefs.push(c);
    }
    this.add(vars, coefs);
  }

  /** addRow without pair arrays: Σ coefs[j]·x[vars[j]] = 0. */
  add(vars: readonly number[], coefs: readonly number[]): void {
    const { acc, mark, pivotRow } = this;
    const touched: number[] = [];
    for (let j = 0; j < vars.length; j++) {
      const v = vars[j]!;
      this.seen[v] = 1;
      if (!mark[v]) {
        mark[v] = 1;
        touched.push(v);
        acc[v] = 0;
      }
      acc[v] = (acc[v]! + (((coefs[j]! % P) + P) % P)) % P;
    }
    for (;;) {
      // Eliminate the earliest pivot first: its row only brings in later pivots and free variables.
      let first = -1;
      let firstVar = -1;
      for (const v of touched) {
        if (acc[v] === 0) continue;
        const i = pivotRow[v]!;
        if (i >= 0 && (first < 0 || i < first)) [first, firstVar] = [i, v];
      }
      if (first < 0) break;
      const f = acc[firstVar]!;
      const idx = this.rowIdx[first]!;
      const val = this.rowVal[first]!;
      for (let j = 0; j < idx.length; j++) {
        const v = idx[j]!;
        if (!mark[v]) {
          mark[v] = 1;
          touched.push(v);
          acc[v] = 0;
        }
        acc[v] = (acc[v]! + P - mulmod(f, val[j]!)) % P;
      }
    }
    let u = -1;
    let size = 0;
    for (const v of touched) {
      mark[v] = 0;
      if (acc[v] === 0) continue;
      size++;
      if (u < 0 || v < u) u = v;
    }
    if (size === 0) return;
    const inv = invmod(acc[u]!);
    const idx = new Int32Array(size);
    const val = new Float64Array(size);
    let j = 0;
    for (const v of touched) {
      if (acc[v] === 0) continue;
      idx[j] = v;
      val[j++] = mulmod(acc[v]!, inv);
      acc[v] = 0;
    }
    pivotRow[u] = this.rowIdx.length;
    this.rowIdx.push(idx);
    this.rowVal.push(val);
    this.pivotOf.push(u);
  }

  private randomSolution(seed: number): Float64Array {
    let s = seed;
    const rand = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s % (P - 1)) + 1;
    };
    const x = new Float64Array(this.nVars);
    for (let v = 0; v < this.nVars; v++) if (this.seen[v] && this.pivotRow[v]! < 0) x[v] = rand();
    for (let i = this.rowIdx.length - 1; i >= 0; i--) {
      const u = this.pivotOf[i]!;
      const idx = this.rowIdx[i]!;
      const val = this.rowVal[i]!;
      let sum = 0;
      for (let j = 0; j < idx.length; j++) if (idx[j] !== u) sum = (sum + mulmod(val[j]!, x[idx[j]!]!)) % P;
      x[u] = (P - sum) % P;
    }
    return x;
  }

  /** Variables (among those in any row) that every solution fixes. */
  determined(): number[] {
    const a = this.randomSolution(0x9e3779b9);
    const b = this.randomSolution(0x7f4a7c15);
    const out: number[] = [];
    for (let v = 0; v < this.nVars; v++) if (this.seen[v] && a[v] === 0 && b[v] === 0) out.push(v);
    return out;
  }
}
