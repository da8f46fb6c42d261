/** Axis ticks at round numbers (1, 2 or 5 × 10^k apart), for the landscape's own axes. */

/** About `target` ticks inside [min, max]: the round step whose tick count comes closest. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!(max > min) || !Number.isFinite(min) || !Number.isFinite(max) || target < 1) return [];
  const mag = 10 ** Math.floor(Math.log10((max - min) / target));
  let best = 0;
  let bestMiss = Infinity;
  for (const m of [1, 2, 5, 10, 20]) {
    const step = m * mag;
    const count = Math.floor(max / step + 1e-9) - Math.ceil(min / step - 1e-9) + 1;
    const miss = Math.abs(count - target);
    if (miss < bestMiss) {
      best = step;
      bestMiss = miss;
    }
  }
  const out: number[] = [];
  for (let k = Math.ceil(min / best - 1e-9); k * best <= max + best * 1e-9; k++) {
    // k × step carries float noise (3 × 0.1 = 0.30000000000000004); 12 digits is far below a pixel.
    out.push(Number((k * best).toPrecision(12)) || 0);
  }
  return out;
}
