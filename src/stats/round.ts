/**
 * Rounding for published figures.
 */

/**
 * One decimal, halves away from zero (1.25 → 1.3, -1.25 → -1.3), robust to binary noise
 * (1.45 is stored as 1.4499999999999999556 but rounds to 1.5). Never returns -0.
 */
export function round1(x: number): number {
  if (!Number.isFinite(x)) return x;
  const r = Math.round(Math.abs(x) * 10 * (1 + Number.EPSILON)) / 10;
  return r === 0 ? 0 : Math.sign(x) * r;
}
