/**
 * Marching squares: where the surface through the grid values crosses a level, as line segments.
 *
 * Grid coordinates are used throughout: point (i, j) is grid node i along x and j along y, and crossings
 * are placed on cell edges by linear interpolation. The caller maps them to pixels, so the segments are
 * computed once per landscape and redrawn at any size.
 *
 * All levels are traced in one pass over the cells, and a cell only looks at the levels between its
 * lowest and highest corner: a 200 × 200 grid with 15 levels costs about as much as one level would.
 */

/**
 * Segments of each contour level of an `nx × ny` row-major grid (row 0 at the bottom), as flat lists
 * x1, y1, x2, y2, … in grid coordinates, one list per level. `levels` must be ascending. Cells with a
 * non-finite corner are skipped: the function is undefined there.
 */
export function contourLines(values: ArrayLike<number>, nx: number, ny: number, levels: readonly number[]): number[][] {
  const out = levels.map(() => [] as number[]);
  if (levels.length === 0) return out;
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const b = j * nx + i;
      // Corners counter-clockwise from the bottom left.
      const v0 = values[b] as number;
      const v1 = values[b + 1] as number;
      const v2 = values[b + nx + 1] as number;
      const v3 = values[b + nx] as number;
      const lo = Math.min(v0, v1, v2, v3);
      const hi = Math.max(v0, v1, v2, v3);
      // NaN makes lo and hi NaN; ±Infinity makes them infinite.
      if (!(Number.isFinite(lo) && Number.isFinite(hi)) || lo === hi) continue;
      // A corner is "above" when v > level, so the cell crosses exactly the levels in [lo, hi).
      let k = firstAtLeast(levels, lo);
      for (; k < levels.length && (levels[k] as number) < hi; k++) {
        cell(out[k] as number[], i, j, v0, v1, v2, v3, levels[k] as number);
      }
    }
  }
  return out;
}

/** One level only. */
export function contourSegments(values: ArrayLike<number>, nx: number, ny: number, level: number): number[] {
  return contourLines(values, nx, ny, [level])[0] as number[];
}

function firstAtLeast(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The segments of one cell at one level. Edge crossings are interpolated left to right or bottom to
 * top whichever cell computes them, so neighbouring cells produce bit-identical shared points.
 */
function cell(
  out: number[],
  i: number,
  j: number,
  v0: number,
  v1: number,
  v2: number,
  v3: number,
  level: number,
): void {
  const a0 = v0 > level;
  const a1 = v1 > level;
  const a2 = v2 > level;
  const a3 = v3 > level;
  const bottom = a0 !== a1;
  const right = a1 !== a2;
  const top = a3 !== a2;
  const left = a0 !== a3;
  const bx = i + (level - v0) / (v1 - v0);
  const ry = j + (level - v1) / (v2 - v1);
  const tx = i + (level - v3) / (v2 - v3);
  const ly = j + (level - v0) / (v3 - v0);
  if (bottom && right && top && left) {
    // A saddle cell: the centre decides which diagonal pair of corners is connected. The two corners on
    // the other side of the level from the centre are each cut off by one segment.
    const centreAbove = (v0 + v1 + v2 + v3) / 4 > level;
    if (a0 !== centreAbove) {
      out.push(bx, j, i, ly); // corner 0: bottom–left
      out.push(i + 1, ry, tx, j + 1); // corner 2: right–top
    } else {
      out.push(bx, j, i + 1, ry); // corner 1: bottom–right
      out.push(tx, j + 1, i, ly); // corner 3: top–left
    }
    return;
  }
  // Otherwise exactly two edges cross (the cell spans the level, so it is never zero); join them.
  if (bottom) {
    if (right) out.push(bx, j, i + 1, ry);
    else if (top) out.push(bx, j, tx, j + 1);
    else out.push(bx, j, i, ly);
  } else if (right) {
    if (top) out.push(i + 1, ry, tx, j + 1);
    else out.push(i + 1, ry, i, ly);
  } else {
    out.push(tx, j + 1, i, ly);
  }
}
