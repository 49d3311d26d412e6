/**
 * Small statistics helpers (pure): Wilson intervals for shares, t intervals for means, rounding.
 */
export { wilson } from './wilson.ts';
export { normalQuantile, tCdf, tInterval, tQuantile } from './t-distribution.ts';
export { round1 } from './round.ts';
export { lnGamma, regularizedIncompleteBeta } from './special-functions.ts';
