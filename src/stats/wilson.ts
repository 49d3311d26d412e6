/**
 * Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3), in percent.
 */

/**
 * Wilson interval for `successes` of `n`, as percentages 0–100. NaN bounds when n = 0.
 * @example wilson(81, 263) ≈ { lower: 25.53, upper: 36.62 } (Newcombe 1998)
 */
export function wilson(successes: number, n: number, z = 1.96): { lower: number; upper: number } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`successes must be in 0..${n}, got ${successes}`);
  if (n === 0) return { lower: Number.NaN, upper: Number.NaN };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // At 0 and n the bounds are exactly 0 and 1; clamp float noise elsewhere.
  const lower = successes === 0 ? 0 : Math.max(0, centre - half);
  const upper = successes === n ? 1 : Math.min(1, centre + half);
  return { lower: lower * 100, upper: upper * 100 };
}
