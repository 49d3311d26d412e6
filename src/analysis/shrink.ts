/**
 * Between-unit variation of observed − expected: the moment estimator of the between-unit
 * variance (DerSimonian–Laird with the centre fixed at 0, since the model's expected values sum
 * to the observed within every cohort year), empirical-Bayes shrinkage towards 0, and the
 * overdispersion factor of Spiegelhalter (2005) for funnel limits (winsorised z-scores).
 */

export interface UnitDifference {
  /** Observed − expected (any scale, e.g. percentage points). */
  readonly d: number;
  /** Its standard error under the model (no between-unit variation). */
  readonly se: number;
}

/** τ² = max(0, (Q − K) / Σw), Q = Σ w d², w = 1/se² (E[Q] = K + τ²Σw when the centre is 0). */
export function betweenVariance(units: readonly UnitDifference[]): { tau2: number; q: number; k: number } {
  let q = 0;
  let sw = 0;
  let k = 0;
  for (const u of units) {
    if (!(u.se > 0)) continue;
    const w = 1 / (u.se * u.se);
    q += w * u.d * u.d;
    sw += w;
    k++;
  }
  const tau2 = k > 0 && sw > 0 ? Math.max(0, (q - k) / sw) : 0;
  return { tau2, q, k };
}

/** Shrunken difference: d · τ² / (τ² + se²) (the posterior mean under d ~ N(θ, se²), θ ~ N(0, τ²)). */
export function shrink(u: UnitDifference, tau2: number): number {
  if (!(u.se > 0)) return 0;
  return (u.d * tau2) / (tau2 + u.se * u.se);
}

/**
 * Overdispersion factor φ (Spiegelhalter 2005, "Funnel plots for comparing institutional
 * performance", §5): the mean of the squared z-scores after winsorising the lowest and highest
 * `fraction` of them; φ ≤ 1 is set to 1 (no correction). Funnel limits are ±z·√φ·se.
 */
export function overdispersion(units: readonly UnitDifference[], fraction = 0.1): number {
  const z = units.filter((u) => u.se > 0).map((u) => u.d / u.se).sort((a, b) => a - b);
  const k = z.length;
  if (k < 3) return 1;
  const lo = z[Math.floor(fraction * k)]!;
  const hi = z[Math.ceil((1 - fraction) * k) - 1]!;
  let s = 0;
  for (const v of z) {
    const w = Math.min(hi, Math.max(lo, v));
    s += w * w;
  }
  return Math.max(1, s / k);
}

export const Z95 = 1.959963984540054;
export const Z998 = 3.090232306167813;

/** Funnel limits for one unit at 95 % and 99.8 %, corrected for overdispersion φ. */
export function funnelLimits(se: number, phi: number): { l95: number; u95: number; l998: number; u998: number } {
  const s = Math.sqrt(phi) * se;
  return { l95: -Z95 * s, u95: Z95 * s, l998: -Z998 * s, u998: Z998 * s };
}

/**
 * The unit's effect on the log-odds scale: δ such that Σ expit(η_i + δ) = O (Newton); ±Infinity
 * when O is 0 or n. Used to compare with planted effects (bench/analysis-national-check.ts).
 */
export function logitEffect(eta: ArrayLike<number>, observed: number): number {
  const n = eta.length;
  if (observed <= 0) return -Infinity;
  if (observed >= n) return Infinity;
  let d = 0;
  for (let it = 0; it < 100; it++) {
    let s = 0;
    let v = 0;
    for (let i = 0; i < n; i++) {
      const x = eta[i]! + d;
      const p = x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
      s += p;
      v += p * (1 - p);
    }
    const step = (observed - s) / v;
    d += Math.max(-5, Math.min(5, step));
    if (Math.abs(step) < 1e-10) break;
  }
  return d;
}
