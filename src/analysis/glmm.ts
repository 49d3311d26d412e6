/**
 * Random-intercept logistic regression (a generalised linear mixed model):
 *   logit P(y_i = 1) = x_i'β + b_{g(i)},  b_j ~ N(0, σ²),
 * fitted by the Laplace approximation as lme4's `glmer(..., nAGQ = 0)` does (Bates et al. 2015,
 * "Fitting linear mixed-effects models using lme4", and the glmer vignette): with the spherical
 * random effects u = b/σ, penalised iteratively reweighted least squares (PIRLS) finds the joint
 * mode of (β, u) for a given σ, and σ minimises the Laplace deviance
 *   d(σ) = Σ_i devres_i + ‖u‖² + Σ_j log(1 + σ² Σ_{i∈j} w_i)
 * (w_i = μ_i(1 − μ_i) at the mode). The conditional modes b_j = σ u_j are the empirical-Bayes
 * (shrunken) municipality effects on the log-odds scale. Checked against lme4 in
 * test/analysis/glmm-lme4.test.ts.
 *
 * For one random intercept the u-block of the Hessian is diagonal, so each Newton step eliminates
 * u by a Schur complement: (X'WX − σ² Σ_j c_j c_j'/D_j) δβ = X'r − σ Σ_j c_j b_j/D_j, with
 * c_j = Σ_{i∈j} w_i x_i, D_j = 1 + σ² s_j, s_j = Σ_{i∈j} w_i, b_j = σ Σ_{i∈j} r_i − u_j.
 */
import { expit, type Design } from './glm.ts';

export interface GlmmFit {
  readonly names: readonly string[];
  /** Fixed effects. */
  readonly coef: Float64Array;
  /** Standard deviation σ of the random intercept (lme4: θ for a scalar random effect). */
  readonly sigma: number;
  /** Conditional modes b_j (log-odds) per group code. */
  readonly ranef: Float64Array;
  /** Conditional standard deviation of b_j (from the Laplace Hessian at the mode, β fixed). */
  readonly ranefSd: Float64Array;
  /** Persons per group. */
  readonly groupN: Int32Array;
  /** Laplace deviance at the optimum (lme4: `deviance(fit)` is not this; `-2 * logLik(fit)` is). */
  readonly laplaceDeviance: number;
  /** Fixed part x_i'β (+ offset) per row (the prediction for a municipality with b = 0). */
  readonly etaFixed: Float64Array;
  readonly evaluations: number;
}

export interface GlmmOptions {
  /** Start values of β (e.g. the GLM's); zeros if absent. */
  readonly start?: Float64Array;
  /** Per-row offset on the linear predictor (lme4: `offset(...)` in the formula). */
  readonly offset?: Float64Array;
  /** Upper bound of σ searched (default 5). */
  readonly maxSigma?: number;
  /** Tolerance on σ (default 1e-7). */
  readonly tol?: number;
}

interface Mode {
  beta: Float64Array;
  u: Float64Array;
  dev: number;
}

/** Gathers the non-empty slots of row i (column, value). */
function rowSlots(d: Design, i: number, cs: Int32Array, vs: Float64Array): number {
  let m = 0;
  const base = i * d.k;
  for (let a = 0; a < d.k; a++) {
    const c = d.idx[base + a]!;
    if (c < 0) continue;
    cs[m] = c;
    vs[m++] = d.val[base + a]!;
  }
  return m;
}

function etaOf(d: Design, beta: Float64Array, g: Int32Array, u: Float64Array, sigma: number, out: Float64Array, offset?: Float64Array): void {
  const { k, idx, val } = d;
  for (let i = 0; i < d.n; i++) {
    let s = sigma * u[g[i]!]! + (offset ? offset[i]! : 0);
    const base = i * k;
    for (let a = 0; a < k; a++) {
      const c = idx[base + a]!;
      if (c >= 0) s += beta[c]! * val[base + a]!;
    }
    out[i] = s;
  }
}

/** −2 log-likelihood of 0/1 outcomes (= the sum of the binomial deviance residuals). */
function devResid(y: Float64Array, eta: Float64Array): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    const e = eta[i]!;
    // log(1 + exp(e)) computed stably; −2 [y e − log(1 + e^e)].
    const l1p = e > 0 ? e + Math.log1p(Math.exp(-e)) : Math.log1p(Math.exp(e));
    s += -2 * (y[i]! * e - l1p);
  }
  return s;
}

/** Solves the symmetric positive definite system a x = b (Cholesky; tiny ridge on failure). */
function solveSpd(a: Float64Array, p: number, b: Float64Array): Float64Array {
  const l = Float64Array.from(a);
  for (let j = 0; j < p; j++) {
    let d = l[j * p + j]!;
    for (let m = 0; m < j; m++) d -= l[j * p + m]! ** 2;
    if (!(d > 1e-12 * Math.max(1, a[j * p + j]!))) {
      // A column with no information (aliased): pin it with a unit pivot and a zero row.
      l[j * p + j] = 1;
      for (let i = j + 1; i < p; i++) l[i * p + j] = 0;
      continue;
    }
    const s = Math.sqrt(d);
    l[j * p + j] = s;
    for (let i = j + 1; i < p; i++) {
      let v = l[i * p + j]!;
      for (let m = 0; m < j; m++) v -= l[i * p + m]! * l[j * p + m]!;
      l[i * p + j] = v / s;
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let m = 0; m < i; m++) s -= l[i * p + m]! * z[m]!;
    z[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let m = i + 1; m < p; m++) s -= l[m * p + i]! * x[m]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

/** PIRLS: the joint mode of (β, u) for a given σ, from a warm start. */
function pirls(d: Design, y: Float64Array, g: Int32Array, q: number, sigma: number, start: Mode, offset?: Float64Array): Mode {
  const { n, p } = d;
  const beta = Float64Array.from(start.beta);
  const u = Float64Array.from(start.u);
  const eta = new Float64Array(n);
  const cs = new Int32Array(d.k);
  const vs = new Float64Array(d.k);
  const objective = (bt: Float64Array, uu: Float64Array): number => {
    etaOf(d, bt, g, uu, sigma, eta, offset);
    let pen = 0;
    for (let j = 0; j < q; j++) pen += uu[j]! ** 2;
    return devResid(y, eta) + pen;
  };
  let obj = objective(beta, u);
  for (let it = 0; it < 100; it++) {
    // eta is current (objective() just set it).
    const h = new Float64Array(p * p);
    const gx = new Float64Array(p);
    const c = new Float64Array(q * p);
    const s = new Float64Array(q);
    const rs = new Float64Array(q);
    for (let i = 0; i < n; i++) {
      const mu = expit(eta[i]!);
      const w = Math.max(mu * (1 - mu), 1e-300);
      const r = y[i]! - mu;
      const j = g[i]!;
      s[j] = s[j]! + w;
      rs[j] = rs[j]! + r;
      const m = rowSlots(d, i, cs, vs);
      for (let a = 0; a < m; a++) {
        const ca = cs[a]!;
        const va = vs[a]!;
        gx[ca] = gx[ca]! + va * r;
        c[j * p + ca] = c[j * p + ca]! + w * va;
        const wva = w * va;
        for (let b = 0; b < m; b++) h[ca * p + cs[b]!] = h[ca * p + cs[b]!]! + wva * vs[b]!;
      }
    }
    const s2 = sigma * sigma;
    const bj = new Float64Array(q);
    const dj = new Float64Array(q);
    for (let j = 0; j < q; j++) {
      dj[j] = 1 + s2 * s[j]!;
      bj[j] = sigma * rs[j]! - u[j]!;
      const f = s2 / dj[j]!;
      const fb = (sigma * bj[j]!) / dj[j]!;
      const cj = j * p;
      for (let a = 0; a < p; a++) {
        const ca = c[cj + a]!;
        if (ca === 0) continue;
        gx[a] = gx[a]! - fb * ca;
        for (let b = 0; b < p; b++) h[a * p + b] = h[a * p + b]! - f * ca * c[cj + b]!;
      }
    }
    const db = solveSpd(h, p, gx);
    const du = new Float64Array(q);
    for (let j = 0; j < q; j++) {
      let cd = 0;
      for (let a = 0; a < p; a++) cd += c[j * p + a]! * db[a]!;
      du[j] = (bj[j]! - sigma * cd) / dj[j]!;
    }
    // Step halving until the penalised deviance does not increase.
    let step = 1;
    let nb = beta;
    let nu = u;
    let nobj = obj;
    for (let h2 = 0; h2 < 30; h2++) {
      nb = beta.map((v, a) => v + step * db[a]!);
      nu = u.map((v, j) => v + step * du[j]!);
      nobj = objective(nb, nu);
      if (nobj <= obj + 1e-10 * Math.abs(obj)) break;
      step /= 2;
    }
    const change = obj - nobj;
    beta.set(nb);
    u.set(nu);
    obj = nobj;
    let maxStep = 0;
    for (let a = 0; a < p; a++) maxStep = Math.max(maxStep, Math.abs(step * db[a]!));
    for (let j = 0; j < q; j++) maxStep = Math.max(maxStep, Math.abs(step * du[j]!));
    if (maxStep < 1e-10 || (change >= 0 && change < 1e-12 * Math.abs(obj) && maxStep < 1e-7)) break;
  }
  etaOf(d, beta, g, u, sigma, eta, offset);
  // Laplace deviance: penalised deviance + log-determinant of the u-block (1 + σ² s_j).
  const s = new Float64Array(q);
  for (let i = 0; i < n; i++) {
    const mu = expit(eta[i]!);
    s[g[i]!] = s[g[i]!]! + mu * (1 - mu);
  }
  let ld = 0;
  for (let j = 0; j < q; j++) ld += Math.log(1 + sigma * sigma * s[j]!);
  return { beta, u, dev: obj + ld };
}

/**
 * Fits the random-intercept logistic model. `group` holds each row's group code in [0, q).
 * σ is found by Brent's method on the Laplace deviance over [0, maxSigma].
 */
export function fitGlmm(d: Design, y: Float64Array, group: Int32Array, q: number, opts: GlmmOptions = {}): GlmmFit {
  const maxSigma = opts.maxSigma ?? 5;
  const tol = opts.tol ?? 1e-7;
  let warm: Mode = { beta: opts.start ? Float64Array.from(opts.start) : new Float64Array(d.p), u: new Float64Array(q), dev: Infinity };
  let evaluations = 0;
  const cache = new Map<number, Mode>();
  const f = (sigma: number): number => {
    const hit = cache.get(sigma);
    if (hit) return hit.dev;
    const m = pirls(d, y, group, q, sigma, warm, opts.offset);
    evaluations++;
    cache.set(sigma, m);
    warm = m;
    return m.dev;
  };
  const sigma = brent(f, 0, maxSigma, tol);
  const best = cache.get(sigma) ?? pirls(d, y, group, q, sigma, warm, opts.offset);
  const etaFixed = new Float64Array(d.n);
  etaOf(d, best.beta, group, new Float64Array(q), 0, etaFixed, opts.offset);
  const ranef = best.u.map((v) => sigma * v);
  // Conditional sd of b_j given β: 1 / sqrt(Σ w_i + 1/σ²) at the mode.
  const sw = new Float64Array(q);
  const groupN = new Int32Array(q);
  for (let i = 0; i < d.n; i++) {
    const mu = expit(etaFixed[i]! + ranef[group[i]!]!);
    sw[group[i]!] = sw[group[i]!]! + mu * (1 - mu);
    groupN[group[i]!] = groupN[group[i]!]! + 1;
  }
  const ranefSd = sw.map((w) => (sigma > 0 ? 1 / Math.sqrt(w + 1 / (sigma * sigma)) : 0));
  return { names: d.names, coef: best.beta, sigma, ranef, ranefSd, groupN, laplaceDeviance: best.dev, etaFixed, evaluations };
}

/** Brent's minimisation on [a, b] (golden section + parabolic steps). */
export function brent(f: (x: number) => number, a: number, b: number, tol: number): number {
  const C = 0.3819660112501051;
  let x = a + C * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let it = 0; it < 200; it++) {
    const m = 0.5 * (a + b);
    const tol1 = tol * Math.abs(x) + 1e-10;
    const tol2 = 2 * tol1;
    if (Math.abs(x - m) <= tol2 - 0.5 * (b - a)) break;
    let useGolden = true;
    if (Math.abs(e) > tol1) {
      const r = (x - w) * (fx - fv);
      let qq = (x - v) * (fx - fw);
      let pp = (x - v) * qq - (x - w) * r;
      qq = 2 * (qq - r);
      if (qq > 0) pp = -pp;
      qq = Math.abs(qq);
      const etemp = e;
      e = d;
      if (!(Math.abs(pp) >= Math.abs(0.5 * qq * etemp) || pp <= qq * (a - x) || pp >= qq * (b - x))) {
        d = pp / qq;
        const uu = x + d;
        if (uu - a < tol2 || b - uu < tol2) d = m >= x ? tol1 : -tol1;
        useGolden = false;
      }
    }
    if (useGolden) {
      e = x >= m ? a - x : b - x;
      d = C * e;
    }
    const uu = Math.abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1);
    const fu = f(uu);
    if (fu <= fx) {
      if (uu >= x) a = x;
      else b = x;
      v = w; fv = fw;
      w = x; fw = fx;
      x = uu; fx = fu;
    } else {
      if (uu < x) a = uu;
      else b = uu;
      if (fu <= fw || w === x) {
        v = w; fv = fw;
        w = uu; fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = uu; fv = fu;
      }
    }
  }
  // The boundary σ = 0 (no between-group variation) is a candidate Brent never evaluates exactly.
  if (f(0) <= fx) return 0;
  return x;
}
