/** Class breaks for the choropleth: quantiles of the published values, rounded for the legend. */

/**
 * Up to `k` classes with about the same number of regions each; returns the k-1 inner breaks.
 * quantileBreaks([1,2,3,4,5,6,7,8,9,10], 5) → [3, 5, 7, 9]. Fewer distinct values, fewer classes.
 */
export function quantileBreaks(values: readonly number[], k: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks: number[] = [];
  for (let i = 1; i < k; i++) {
    const q = sorted[Math.min(sorted.length - 1, Math.floor((i * sorted.length) / k))]!;
    if (q > sorted[0]! && !breaks.includes(q)) breaks.push(q);
  }
  return breaks;
}

/** The class index (0 … breaks.length) of a value: values below breaks[0] are class 0. */
export function classOf(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}
