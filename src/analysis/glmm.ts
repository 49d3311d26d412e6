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

/**
 * Two nested random intercepts with an offset and no other fixed effects:
 *   logit P(y_i = 1) = offset_i + a_{k(i)} + c_{s(i)},  a_k ~ N(0, σ₁²), c_s ~ N(0, σ₂²),
 * where every sub-group s (e.g. municipality × cohort year) lies in one group k = parent[s].
 * lme4: `glmer(y ~ 0 + offset(o) + (1 | k) + (1 | k:s), family = binomial, nAGQ = 0)`.
 * Without fixed effects the groups are independent: for given (σ₁, σ₂), PIRLS runs per group on
 * the arrow-shaped block (one a_k, its c_s), and the Laplace deviance adds log det of each block.
 *
 * (σ₁, σ₂) minimise the Laplace deviance by a safeguarded two-dimensional Newton method: gradient
 * and Hessian by central differences (the deviance is even in each σ, so a difference across 0
 * uses |σ|), a Levenberg shift when the Hessian is not positive definite, step halving until the
 * deviance decreases, and stop when the step is below `tol`. It converges to the optimum in about
 * 25 evaluations where coordinate-wise Brent needed 70–130 and stopped further from it.
 */
export interface NestedFit {
  readonly sigmaGroup: number;
  readonly sigmaSub: number;
  /** Conditional modes a_k (log-odds) per group. */
  readonly groupEffect: Float64Array;
  /** Conditional modes c_s (log-odds) per sub-group. */
  readonly subEffect: Float64Array;
  readonly laplaceDeviance: number;
  readonly evaluations: number;
}

export function fitNestedIntercepts(
  y: Float64Array, offset: Float64Array, sub: Int32Array, parent: Int32Array, q: number, opts: { tol?: number; maxSigma?: number } = {},
): NestedFit {
  const n = y.length;
  const qs = parent.length;
  const tol = opts.tol ?? 1e-6;
  const maxSigma = opts.maxSigma ?? 5;
  // Sub-groups ordered by group, rows ordered by sub-group: contiguous ranges.
  const subOrder = Array.from({ length: qs }, (_, s) => s).sort((a, b) => parent[a]! - parent[b]! || a - b);
  const subRank = new Int32Array(qs);
  subOrder.forEach((s, r) => { subRank[s] = r; });
  const groupStart = new Int32Array(q + 1);
  for (let s = 0; s < qs; s++) groupStart[parent[s]! + 1]!++;
  for (let k = 0; k < q; k++) groupStart[k + 1]! += groupStart[k]!;
  const rowStart = new Int32Array(qs + 1);
  for (let i = 0; i < n; i++) rowStart[subRank[sub[i]!]! + 1]!++;
  for (let r = 0; r < qs; r++) rowStart[r + 1]! += rowStart[r]!;
  const fill = rowStart.slice(0, qs);
  const ys = new Float64Array(n);
  const os = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[subRank[sub[i]!]!]!++;
    ys[at] = y[i]!;
    os[at] = offset[i]!;
  }
  // Σ y per sub-group: the residual sum is Σy − Σμ.
  const sy = new Float64Array(qs);
  for (let r = 0; r < qs; r++) for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) sy[r] = sy[r]! + ys[i]!;
  // Spherical modes by rank order, kept between evaluations as warm starts.
  const u = new Float64Array(q);
  const v = new Float64Array(qs);
  const sw = new Float64Array(qs);
  const sr = new Float64Array(qs);
  const tv = new Float64Array(qs);
  const dv = new Float64Array(qs);
  let evaluations = 0;

  /** Weights and residual sums of sub-groups lo..hi at (uk, vs): no deviance (no logarithm). */
  const moments = (lo: number, hi: number, s1: number, s2: number, uk: number, vs: Float64Array): void => {
    for (let r = lo; r < hi; r++) {
      const shift = s1 * uk + s2 * vs[r]!;
      let w = 0;
      let m = 0;
      for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) {
        const mu = 1 / (1 + Math.exp(-(os[i]! + shift)));
        w += mu * (1 - mu);
        m += mu;
      }
      sw[r] = w;
      sr[r] = sy[r]! - m;
    }
  };

  /** Penalised deviance of group k's sub-groups lo..hi at (uk, v); also refreshes sw, sr there. */
  const deviance = (lo: number, hi: number, s1: number, s2: number, uk: number): number => {
    let d = uk * uk;
    for (let r = lo; r < hi; r++) {
      const vr = v[r]!;
      d += vr * vr;
      const shift = s1 * uk + s2 * vr;
      let w = 0;
      let m = 0;
      for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) {
        const e = os[i]! + shift;
        const ex = Math.exp(-Math.abs(e));
        const l1p = (e > 0 ? e : 0) + Math.log1p(ex);
        d += -2 * (ys[i]! * e - l1p);
        const mu = e >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
        w += mu * (1 - mu);
        m += mu;
      }
      sw[r] = w;
      sr[r] = sy[r]! - m;
    }
    return d;
  };

  /** Squared norm of the penalised score of group k at (uk, v) (sw, sr current). */
  const score2 = (lo: number, hi: number, s1: number, s2: number, uk: number, vs: Float64Array): number => {
    let gu = -uk;
    let g2 = 0;
    for (let r = lo; r < hi; r++) {
      gu += s1 * sr[r]!;
      const gv = s2 * sr[r]! - vs[r]!;
      g2 += gv * gv;
    }
    return g2 + gu * gu;
  };

  /**
   * PIRLS per group for (s1, s2); returns the Laplace deviance. Updates u, v. The penalised
   * deviance is strictly convex in (u, v), so Newton steps are kept while the score shrinks
   * (halved otherwise) and stop after a step below 1e-7 (the error left is O(step²)); one pass with the deviance
   * at the mode then gives the group's term.
   */
  const laplace = (s1: number, s2: number): number => {
    evaluations++;
    let total = 0;
    for (let k = 0; k < q; k++) {
      const lo = groupStart[k]!;
      const hi = groupStart[k + 1]!;
      let uk = u[k]!;
      moments(lo, hi, s1, s2, uk, v);
      let g2 = score2(lo, hi, s1, s2, uk, v);
      for (let it = 0; it < 100; it++) {
        // Newton step on the arrow matrix [huu huv'; huv diag(hvv)] (sw, sr are at the current point).
        let huu = 1;
        let gu = -uk;
        for (let r = lo; r < hi; r++) {
          huu += s1 * s1 * sw[r]!;
          gu += s1 * sr[r]!;
        }
        let schur = huu;
        let rhs = gu;
        for (let r = lo; r < hi; r++) {
          const hvv = 1 + s2 * s2 * sw[r]!;
          const huv = s1 * s2 * sw[r]!;
          const gv = s2 * sr[r]! - v[r]!;
          schur -= (huv * huv) / hvv;
          rhs -= (huv * gv) / hvv;
        }
        const du = rhs / schur;
        let maxStep = Math.abs(du);
        for (let r = lo; r < hi; r++) {
          const hvv = 1 + s2 * s2 * sw[r]!;
          const huv = s1 * s2 * sw[r]!;
          dv[r] = (s2 * sr[r]! - v[r]! - huv * du) / hvv;
          maxStep = Math.max(maxStep, Math.abs(dv[r]!));
        }
        if (maxStep < 1e-7) {
          // Converged: Newton's error after this step is O(step²) ≈ 1e-14.
          uk += du;
          for (let r = lo; r < hi; r++) v[r] = v[r]! + dv[r]!;
          break;
        }
        let step = 1;
        let next = g2;
        for (let h = 0; h < 30; h++) {
          for (let r = lo; r < hi; r++) tv[r] = v[r]! + step * dv[r]!;
          moments(lo, hi, s1, s2, uk + step * du, tv);
          next = score2(lo, hi, s1, s2, uk + step * du, tv);
          if (next < g2 || step * maxStep < 1e-10) break;
          step /= 2;
        }
        uk += step * du;
        for (let r = lo; r < hi; r++) v[r] = tv[r]!;
        g2 = next;
        if (step * maxStep < 1e-10) break;
      }
      const cur = deviance(lo, hi, s1, s2, uk);
      // sw holds the weights at the mode: log det of the block.
      let huu = 1;
      let ld = 0;
      let corr = 0;
      for (let r = lo; r < hi; r++) {
        const hv = 1 + s2 * s2 * sw[r]!;
        ld += Math.log(hv);
        huu += s1 * s1 * sw[r]!;
        corr += (s1 * s2 * sw[r]!) ** 2 / hv;
      }
      ld += Math.log(huu - corr);
      u[k] = uk;
      total += cur + ld;
    }
    return total;
  };

  // The deviance is even in each σ (σ → −σ with u → −u): evaluate at |σ|, capped at maxSigma.
  const f = (a: number, b: number): number => laplace(Math.min(maxSigma, Math.abs(a)), Math.min(maxSigma, Math.abs(b)));
  let x1 = 0.3;
  let x2 = 0.1;
  let fx = f(x1, x2);
  // (u, v) hold the modes at (x1, x2) only right after an accepted step.
  let modesAtX = true;
  let prevLen = Infinity;
  for (let it = 0; it < 100; it++) {
    const h1 = Math.max(1e-4, 1e-3 * Math.abs(x1));
    const h2 = Math.max(1e-4, 1e-3 * Math.abs(x2));
    const fp1 = f(x1 + h1, x2);
    const fm1 = f(x1 - h1, x2);
    const fp2 = f(x1, x2 + h2);
    const fm2 = f(x1, x2 - h2);
    const fpp = f(x1 + h1, x2 + h2);
    modesAtX = false;
    const g1 = (fp1 - fm1) / (2 * h1);
    const g2 = (fp2 - fm2) / (2 * h2);
    let a = (fp1 - 2 * fx + fm1) / (h1 * h1);
    let d = (fp2 - 2 * fx + fm2) / (h2 * h2);
    const b = (fpp - fp1 - fp2 + fx) / (h1 * h2);
    // Levenberg shift: make the Hessian positive definite (smallest eigenvalue ≥ 1e-6 · its scale).
    const tr = Math.abs(a) + Math.abs(d) + 1e-12;
    const lmin = (a + d) / 2 - Math.sqrt(((a - d) / 2) ** 2 + b * b);
    const shifted = lmin < 1e-6 * tr;
    if (shifted) {
      const shift = 1e-6 * tr - lmin + 1e-3 * tr;
      a += shift;
      d += shift;
    }
    const det = a * d - b * b;
    let s1 = -(d * g1 - b * g2) / det;
    let s2 = -(a * g2 - b * g1) / det;
    // At most 0.5 per step on the σ scale.
    const len = Math.max(Math.abs(s1), Math.abs(s2));
    if (len > 0.5) {
      s1 *= 0.5 / len;
      s2 *= 0.5 / len;
    }
    if (len < tol) break;
    let t = 1;
    let accepted = false;
    for (let h = 0; h < 30; h++) {
      const fn = f(x1 + t * s1, x2 + t * s2);
      if (fn < fx) {
        x1 += t * s1;
        x2 += t * s2;
        fx = fn;
        accepted = true;
        modesAtX = true;
        break;
      }
      t /= 2;
      if (t * len < tol) break;
    }
    if (!accepted || t * len < tol) break;
    // A full Newton step that is small and much smaller than the last one: convergence is
    // quadratic here, so the next step would be O(len²) < tol; stop without its 5 evaluations.
    if (t === 1 && !shifted && len < Math.sqrt(tol) && len < 0.1 * prevLen) break;
    prevLen = len;
  }
  const s1 = Math.min(maxSigma, Math.abs(x1));
  const s2 = Math.min(maxSigma, Math.abs(x2));
  // Modes (u, v) at the optimum (unless the last evaluation was there).
  const dev = modesAtX ? fx : laplace(s1, s2);
  const subEffect = new Float64Array(qs);
  for (let s = 0; s < qs; s++) subEffect[s] = s2 * v[subRank[s]!]!;
  return {
    sigmaGroup: s1,
    sigmaSub: s2,
    groupEffect: u.map((x) => s1 * x),
    subEffect,
    laplaceDeviance: dev,
    evaluations,
  };
}
