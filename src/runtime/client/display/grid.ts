/**
 * A landscape's grid turned into what is drawn: the value that colours and contours use, the heat map's
 * pixels, and the contour levels. Pure functions over typed arrays, no DOM.
 */
import { VIRIDIS_LUT } from './colormap.ts';

export interface ShadedGrid {
  /** The value coloured and contoured, NaN where f is not finite. */
  values: Float64Array;
  /** Range of the finite entries of `values` (both 0 if there are none). */
  min: number;
  max: number;
}

/**
 * f itself, or log(f − min f + 1) when `logScale`: that compresses the steep walls of valleys such as
 * Rosenbrock's, where a linear scale would spend every colour and contour on the walls.
 */
export function shadeGrid(f: ArrayLike<number>, logScale: boolean): ShadedGrid {
  let fmin = Infinity;
  for (let i = 0; i < f.length; i++) {
    const v = f[i] as number;
    if (Number.isFinite(v) && v < fmin) fmin = v;
  }
  const values = new Float64Array(f.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < f.length; i++) {
    const v = f[i] as number;
    const s = !Number.isFinite(v) ? NaN : logScale ? Math.log(v - fmin + 1) : v;
    values[i] = s;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  if (min > max) return { values, min: 0, max: 0 };
  return { values, min, max };
}

/**
 * RGBA pixels for an `nx × ny` image of the grid. The grid is row-major from the bottom (ymin) and
 * images are stored from the top, so rows are flipped. Non-finite cells are transparent.
 */
export function heatmapPixels(grid: ShadedGrid, nx: number, ny: number): Uint8ClampedArray<ArrayBuffer> {
  const { values, min, max } = grid;
  const out = new Uint8ClampedArray(nx * ny * 4);
  const span = max - min;
  for (let j = 0; j < ny; j++) {
    const row = (ny - 1 - j) * nx;
    for (let i = 0; i < nx; i++) {
      const v = values[j * nx + i] as number;
      if (!Number.isFinite(v)) continue;
      const t = span > 0 ? (v - min) / span : 0.5;
      const c = Math.round(t * 255) * 3;
      const o = (row + i) * 4;
      out[o] = VIRIDIS_LUT[c] as number;
      out[o + 1] = VIRIDIS_LUT[c + 1] as number;
      out[o + 2] = VIRIDIS_LUT[c + 2] as number;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** `count` levels evenly spaced strictly inside (min, max): none sits on a flat floor or ceiling. */
export function contourLevels(min: number, max: number, count: number): number[] {
  if (!(max > min) || count <= 0) return [];
  return Array.from({ length: count }, (_, k) => min + ((max - min) * (k + 1)) / (count + 1));
}
