/**
 * Generalised linear models fitted by Newton / IRLS on a sparse row design (most covariates are
 * categorical: one non-zero per factor per row), with model-based standard errors.
 * Binomial with the logit link (shares) and Gaussian with the identity link (means).
 * The results equal statsmodels' GLM (test/analysis/glm-statsmodels.test.ts).
 */

/**
 * A design matrix stored by rows with a fixed number of slots per row: slot s of row i holds
 * column `idx[i*k+s]` (−1 = empty: the reference level) with value `val[i*k+s]`.
 */
export interface Design {
  readonly n: number;
  /** Number of columns (coefficients), the intercept included. */
  readonly p: number;
  /** Slots per row. */
  readonly k: number;
  readonly idx: Int32Array;
  readonly val: Float64Array;
  readonly names: readonly string[];
}

export type Family = 'binomial' | 'gaussian';

export interface GlmFit {
  readonly family: Family;
  readonly names: readonly string[];
  readonly coef: Float64Array;
  readonly se: Float64Array;
  /** Columns whose coefficient ran off (|coef| > 15: a level with only 0s or only 1s). */
  readonly separated: readonly string[];
  /** Columns left out because they were linearly dependent on earlier ones (coef 0, se NaN). */
  readonly aliased: readonly string[];
  readonly iterations: number;
  readonly converged: boolean;
  readonly deviance: number;
  readonly nullDeviance: number;
  readonly logLik: number;
  readonly aic: number;
  /** Dispersion (1 for binomial; residual variance for Gaussian). */
  readonly scale: number;
  readonly n: number;
  /** The coefficients' covariance matrix (p × p, row-major). */
  readonly cov: Float64Array;
}

export interface GlmOptions {
  readonly family: Family;
  /** Per-row offset on the linear predictor. */
  readonly offset?: Float64Array;
  readonly maxIter?: number;
  /** Stop when the largest coefficient change is below this. */
  readonly tol?: number;
  /** Start values of the coefficients (binomial; zeros if absent), e.g. a related model's fit. */
  readonly start?: Float64Array;
}

/** Linear predictor Xβ (+ offset) for every row. */
export function linearPredictor(d: Design, coef: Float64Array, offset?: Float64Array): Float64Array {
  const eta = new Float64Array(d.n);
  const { k, idx, val } = d;
  for (let i = 0; i < d.n; i++) {
    let s = offset ? offset[i]! : 0;
    const base = i * k;
    for (let j = 0; j < k; j++) {
      const c = idx[base + j]!;
      if (c >= 0) s += coef[c]! * val[base + j]!;
    }
    eta[i] = s;
  }
  return eta;
}

export const expit = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** A design's rows with the empty slots dropped and the columns in increasing order (built once per design). */
interface SortedRows {
  /** Non-empty slots of row i: cs/vs[i*k .. i*k + m[i]). */
  readonly m: Uint8Array;
  readonly cs: Int32Array;
  readonly vs: Float64Array;
}

const sortedRowsCache = new WeakMap<Design, SortedRows>();

function sortedRows(d: Design): SortedRows {
  const hit = sortedRowsCache.get(d);
  if (hit) return hit;
  const { n, k, idx, val } = d;
  const m = new Uint8Array(n);
  const cs = new Int32Array(n * k);
  const vs = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const base = i * k;
    let c0 = 0;
    for (let a = 0; a < k; a++) {
      const c = idx[base + a]!;
      if (c < 0) continue;
      // Insertion in increasing column order (k is small).
      let j = c0++;
      const v = val[base + a]!;
      while (j > 0 && cs[base + j - 1]! > c) {
        cs[base + j] = cs[base + j - 1]!;
        vs[base + j] = vs[base + j - 1]!;
        j--;
      }
      cs[base + j] = c;
      vs[base + j] = v;
    }
    m[i] = c0;
  }
  const out = { m, cs, vs };
  sortedRowsCache.set(d, out);
  return out;
}

/** Accumulates X'WX (full p×p) and g = X'r over each row's non-empty slots (sorted once), upper triangle then mirrored. */
function crossProducts(d: Design, w: Float64Array, r: Float64Array): { h: Float64Array; g: Float64Array } {
  const { p, k } = d;
  const { m: ms, cs, vs } = sortedRows(d);
  const h = new Float64Array(p * p);
  const g = new Float64Array(p);
  for (let i = 0; i < d.n; i++) {
    const wi = w[i]!;
    const ri = r[i]!;
    const base = i * k;
    const end = base + ms[i]!;
    for (let a = base; a < end; a++) {
      const ca = cs[a]!;
      const va = vs[a]!;
      g[ca] = g[ca]! + va * ri;
      const wva = wi * va;
      const row = ca * p;
      for (let b = a; b < end; b++) {
        const ix = row + cs[b]!;
        h[ix] = h[ix]! + wva * vs[b]!;
      }
    }
  }
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) h[b * p + a] = h[a * p + b]!;
  return { h, g };
}

/**
 * Cholesky factor of a symmetric positive semi-definite matrix (in place, lower triangle).
 * Columns whose pivot is (numerically) zero are marked aliased and skipped.
 */
function cholesky(a: Float64Array, p: number, aliased: Uint8Array): void {
  for (let j = 0; j < p; j++) {
    if (aliased[j]) continue;
    let d = a[j * p + j]!;
    for (let m = 0; m < j; m++) if (!aliased[m]) d -= a[j * p + m]! * a[j * p + m]!;
    const orig = a[j * p + j]!;
    if (!(d > 1e-9 * Math.max(1, orig))) {
      aliased[j] = 1;
      continue;
    }
    const l = Math.sqrt(d);
    a[j * p + j] = l;
    for (let i = j + 1; i < p; i++) {
      if (aliased[i]) continue;
      let s = a[i * p + j]!;
      for (let m = 0; m < j; m++) if (!aliased[m]) s -= a[i * p + m]! * a[j * p + m]!;
      a[i * p + j] = s / l;
    }
  }
}

function cholSolve(l: Float64Array, p: number, aliased: Uint8Array, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    if (aliased[i]) continue;
    let s = b[i]!;
    for (let m = 0; m < i; m++) if (!aliased[m]) s -= l[i * p + m]! * y[m]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    if (aliased[i]) continue;
    let s = y[i]!;
    for (let m = i + 1; m < p; m++) if (!aliased[m]) s -= l[m * p + i]! * x[m]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

function inverse(l: Float64Array, p: number, aliased: Uint8Array): Float64Array {
  const inv = new Float64Array(p * p).fill(NaN);
  const e = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (aliased[j]) continue;
    e.fill(0);
    e[j] = 1;
    const col = cholSolve(l, p, aliased, e);
    for (let i = 0; i < p; i++) if (!aliased[i]) inv[i * p + j] = col[i]!;
  }
  return inv;
}

/** Binomial deviance contribution of one row. */
function binDev(y: number, mu: number): number {
  const a = y > 0 ? y * Math.log(y / mu) : 0;
  const b = y < 1 ? (1 - y) * Math.log((1 - y) / (1 - mu)) : 0;
  return 2 * (a + b);
}

/** Fits a GLM; y is 0/1 for binomial. */
export function fitGlm(d: Design, y: Float64Array, opts: GlmOptions): GlmFit {
  const { p, n } = d;
  if (y.length !== n) throw new Error(`fitGlm: y has ${y.length} rows, design ${n}`);
  const maxIter = opts.maxIter ?? 50;
  const tol = opts.tol ?? 1e-11;
  const coef = new Float64Array(p);
  if (opts.start && opts.family === 'binomial') coef.set(opts.start.subarray(0, p));
  const aliased = new Uint8Array(p);
  const w = new Float64Array(n);
  const r = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  let l: Float64Array = new Float64Array(0);

  if (opts.family === 'gaussian') {
    const off = opts.offset;
    for (let i = 0; i < n; i++) {
      w[i] = 1;
      r[i] = y[i]! - (off ? off[i]! : 0);
    }
    const cp = crossProducts(d, w, r);
    l = cp.h;
    cholesky(l, p, aliased);
    coef.set(cholSolve(l, p, aliased, cp.g));
    iterations = 1;
    converged = true;
  } else {
    let devOld = Infinity;
    for (iterations = 1; iterations <= maxIter; iterations++) {
      const eta = linearPredictor(d, coef, opts.offset);
      let dev = 0;
      for (let i = 0; i < n; i++) {
        const mu = expit(eta[i]!);
        w[i] = Math.max(mu * (1 - mu), 1e-300);
        r[i] = y[i]! - mu;
        dev += binDev(y[i]!, mu);
      }
      // Quasi-separation (a level with only 0s or 1s) drives one coefficient to infinity while the
      // deviance settles: stop on the deviance then (the fitted values are already right).
      if (iterations > 3 && Math.abs(devOld - dev) < 1e-10 * (Math.abs(dev) + 0.1)) {
        converged = true;
        break;
      }
      devOld = dev;
      const cp = crossProducts(d, w, r);
      l = cp.h;
      // Aliased columns are decided on the first iteration and kept (stable steps).
      cholesky(l, p, aliased);
      const step = cholSolve(l, p, aliased, cp.g);
      let maxStep = 0;
      for (let j = 0; j < p; j++) {
        coef[j]! += step[j]!;
        maxStep = Math.max(maxStep, Math.abs(step[j]!));
      }
      if (maxStep < tol) {
        converged = true;
        break;
      }
    }
    iterations = Math.min(iterations, maxIter);
    // Covariance at the final coefficients.
    const eta = linearPredictor(d, coef, opts.offset);
    for (let i = 0; i < n; i++) {
      const mu = expit(eta[i]!);
      w[i] = Math.max(mu * (1 - mu), 1e-300);
      r[i] = 0;
    }
    l = crossProducts(d, w, r).h;
    cholesky(l, p, aliased);
  }

  const eta = linearPredictor(d, coef, opts.offset);
  let deviance = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i]!;
  ybar /= n;
  let nullDeviance = 0;
  let logLik = 0;
  let scale = 1;
  const rank = p - aliased.reduce((s, a) => s + a, 0);
  if (opts.family === 'binomial') {
    for (let i = 0; i < n; i++) {
      const mu = expit(eta[i]!);
      deviance += binDev(y[i]!, mu);
      nullDeviance += binDev(y[i]!, ybar);
    }
    logLik = -deviance / 2;
  } else {
    for (let i = 0; i < n; i++) {
      deviance += (y[i]! - eta[i]!) ** 2;
      nullDeviance += (y[i]! - ybar) ** 2;
    }
    scale = deviance / (n - rank);
    const s2 = deviance / n;
    logLik = (-n / 2) * (Math.log(2 * Math.PI * s2) + 1);
  }
  const inv = inverse(l, p, aliased);
  const cov = inv.map((v) => v * scale);
  const se = new Float64Array(p);
  for (let j = 0; j < p; j++) se[j] = aliased[j] ? NaN : Math.sqrt(cov[j * p + j]!);
  for (let j = 0; j < p; j++) if (aliased[j]) coef[j] = 0;
  return {
    family: opts.family,
    names: d.names,
    coef,
    se,
    aliased: d.names.filter((_, j) => aliased[j]),
    separated: d.names.filter((_, j) => Math.abs(coef[j]!) > 15),
    iterations,
    converged,
    deviance,
    nullDeviance,
    logLik,
    aic: -2 * logLik + 2 * (rank + (opts.family === 'gaussian' ? 1 : 0)),
    scale,
    n,
    cov,
  };
}

/** Fitted means (probabilities for binomial) for every row. */
export function predict(fit: GlmFit, d: Design, offset?: Float64Array): Float64Array {
  const eta = linearPredictor(d, fit.coef, offset);
  if (fit.family === 'binomial') for (let i = 0; i < eta.length; i++) eta[i] = expit(eta[i]!);
  return eta;
}
