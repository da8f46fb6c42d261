/** Choosing which points to show when there are too many. Pure functions, no DOM. */

/**
 * Indices of at most `max` rows spread evenly over `0 … n-1`, always including the first and the last
 * (the last point is usually the one a reader looks for).
 */
export function evenIndices(n: number, max: number): number[] {
  if (n <= 0 || max <= 0) return [];
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  if (max === 1) return [n - 1];
  const out = new Array<number>(max);
  const step = (n - 1) / (max - 1);
  // step > 1 here, so rounding never produces the same index twice.
  for (let i = 0; i < max; i++) out[i] = Math.round(i * step);
  return out;
}
