import { describe, expect, it } from 'vitest';
import { contourLines, contourSegments } from '../../src/runtime/client/display/contours.ts';
import { viridis } from '../../src/runtime/client/display/colormap.ts';
import { contourLevels, heatmapPixels, shadeGrid } from '../../src/runtime/client/display/grid.ts';
import {
  inView,
  plotAspect,
  plotHeight,
  sameSurface,
  toPixel,
} from '../../src/runtime/client/display/landscape-geometry.ts';

/** f sampled like a `landscape` event: nx × ny nodes over [lo, hi]², row-major from the bottom. */
function sample(f: (x: number, y: number) => number, n: number, lo: number, hi: number) {
  const values = new Float64Array(n * n);
  const at = (i: number) => lo + ((hi - lo) * i) / (n - 1);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) values[j * n + i] = f(at(i), at(j));
  return { values, toWorld: (g: number) => lo + ((hi - lo) * g) / (n - 1) };
}

function segmentsOf(flat: number[]): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let k = 0; k < flat.length; k += 4) out.push(flat.slice(k, k + 4) as [number, number, number, number]);
  return out;
}

describe('marching squares', () => {
  const n = 81;
  const { values, toWorld } = sample((x, y) => x * x + y * y, n, -2, 2);

  it('traces the circles of x² + y² at their radius', () => {
    for (const r of [0.5, 1, 1.7]) {
      const segs = segmentsOf(contourSegments(values, n, n, r * r));
      expect(segs.length).toBeGreaterThan(20);
      let length = 0;
      for (const [x1, y1, x2, y2] of segs) {
        for (const [gx, gy] of [
          [x1, y1],
          [x2, y2],
        ] as const) {
          expect(Math.hypot(toWorld(gx), toWorld(gy))).toBeCloseTo(r, 1);
          expect(Math.abs(Math.hypot(toWorld(gx), toWorld(gy)) - r)).toBeLessThan(0.01);
        }
        length += Math.hypot(toWorld(x2) - toWorld(x1), toWorld(y2) - toWorld(y1));
      }
      expect(length / (2 * Math.PI * r)).toBeGreaterThan(0.99);
      expect(length / (2 * Math.PI * r)).toBeLessThan(1.001);
    }
  });

  it('closes each circle: every segment end meets exactly one other end', () => {
    // A level that no grid node equals exactly (a node on the level is touched by four cells).
    const segs = segmentsOf(contourSegments(values, n, n, 1.0123));
    const key = (x: number, y: number) => `${x.toFixed(9)},${y.toFixed(9)}`;
    const ends = new Map<string, number>();
    for (const [x1, y1, x2, y2] of segs) {
      for (const k of [key(x1, y1), key(x2, y2)]) ends.set(k, (ends.get(k) ?? 0) + 1);
    }
    expect([...ends.values()].every((c) => c === 2)).toBe(true);
  });

  it('traces many levels in one pass exactly as one at a time', () => {
    const levels = contourLevels(0, 8, 15);
    const all = contourLines(values, n, n, levels);
    levels.forEach((level, k) => expect(all[k]).toEqual(contourSegments(values, n, n, level)));
  });

  it('draws nothing for levels outside the surface', () => {
    expect(contourSegments(values, n, n, -1)).toEqual([]);
    expect(contourSegments(values, n, n, 100)).toEqual([]);
  });

  it('skips cells where f is undefined', () => {
    const holed = Float64Array.from(values);
    for (let i = 0; i < n * 41; i++) holed[i] = NaN; // the lower half, up to y = 0
    const segs = segmentsOf(contourSegments(holed, n, n, 1));
    expect(segs.length).toBeGreaterThan(0);
    for (const [, y1, , y2] of segs) {
      expect(toWorld(y1)).toBeGreaterThanOrEqual(0);
      expect(toWorld(y2)).toBeGreaterThanOrEqual(0);
    }
  });

  it('resolves saddle cells without crossing lines', () => {
    // x·y on a coarse grid: many cells see all four edges cross near the origin.
    const m = 6;
    const { values: v, toWorld: w } = sample((x, y) => x * y, m, -1, 1);
    for (const level of [0.05, -0.05]) {
      const segs = segmentsOf(contourSegments(v, m, m, level));
      expect(segs.length).toBeGreaterThan(0);
      for (const [x1, y1, x2, y2] of segs) {
        // Both ends lie on the same branch of the hyperbola: same quadrant.
        expect(Math.sign(w(x1))).toBe(Math.sign(w(x2)));
        expect(Math.sign(w(y1))).toBe(Math.sign(w(y2)));
      }
    }
    // One cell, row-major from the bottom. Left column above, right below: one segment.
    expect(segmentsOf(contourSegments([1, -1, 1, -1], 2, 2, 0))).toHaveLength(1);
    // Opposite corners agree (a saddle cell): two segments, whichever way the centre falls.
    const saddle = [1, -1, -1, 1];
    expect(segmentsOf(contourSegments(saddle, 2, 2, 0.5))).toHaveLength(2);
    expect(segmentsOf(contourSegments(saddle, 2, 2, -0.5))).toHaveLength(2);
  });
});

describe('shading and heat map', () => {
  it('uses log(f − min + 1) on a log scale and ignores non-finite values', () => {
    const g = shadeGrid([2, 3, NaN, 2 + Math.E - 1, Infinity], true);
    expect(g.min).toBe(0);
    expect(g.max).toBeCloseTo(1, 12);
    expect(g.values[1]).toBeCloseTo(Math.log(2), 12);
    expect(Number.isNaN(g.values[2])).toBe(true);
    expect(Number.isNaN(g.values[4])).toBe(true);
    const lin = shadeGrid([5, -1, 3], false);
    expect([lin.min, lin.max]).toEqual([-1, 5]);
    expect(shadeGrid([NaN, NaN], false)).toMatchObject({ min: 0, max: 0 });
  });

  it('puts the bottom row of the grid at the bottom of the image and leaves holes transparent', () => {
    // 2 × 2 grid: bottom row (j = 0) is low, top row high; one hole at the top right.
    const px = heatmapPixels(shadeGrid([0, 0, 1, NaN], false), 2, 2);
    const [lo, hi] = [viridis(0), viridis(1)];
    expect([...px.slice(8, 12)]).toEqual([...lo, 255]); // image row 1 (bottom), left
    expect([...px.slice(0, 4)]).toEqual([...hi, 255]); // image row 0 (top), left
    expect(px[7]).toBe(0); // top right: transparent
  });

  it('spaces contour levels evenly strictly inside the range', () => {
    expect(contourLevels(0, 16, 15)).toEqual(Array.from({ length: 15 }, (_, k) => k + 1));
    expect(contourLevels(1, 1, 15)).toEqual([]);
  });

  it('follows viridis', () => {
    // Reference colours of matplotlib's viridis at 0, 0.5 and 1.
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - (b[i] as number)) <= 4);
    expect(near(viridis(0), [68, 1, 84])).toBe(true);
    expect(near(viridis(0.5), [33, 145, 140])).toBe(true);
    expect(near(viridis(1), [253, 231, 37])).toBe(true);
  });
});

describe('landscape geometry', () => {
  const view = { xmin: -2, xmax: 2, ymin: -1, ymax: 3 };
  const plot = { x: 40, y: 10, w: 400, h: 400 };

  it('maps the view box onto the plot, y up', () => {
    expect(toPixel(view, plot, -2, -1)).toEqual([40, 410]);
    expect(toPixel(view, plot, 2, 3)).toEqual([440, 10]);
    expect(toPixel(view, plot, 0, 1)).toEqual([240, 210]);
  });

  it('clamps far-away points so a diverging path cannot overflow the canvas', () => {
    const [px, py] = toPixel(view, plot, 1e300, -1e300);
    expect(px).toBeLessThanOrEqual(40 + 400 + 4000);
    expect(py).toBeLessThanOrEqual(10 + 400 + 4000);
    expect(inView(view, 1e300, 0)).toBe(false);
    expect(inView(view, 0, 0)).toBe(true);
  });

  it('keeps the view aspect within limits', () => {
    expect(plotAspect(view)).toBe(1);
    expect(plotAspect({ xmin: 0, xmax: 10, ymin: 0, ymax: 1 })).toBe(0.5);
    expect(plotAspect({ xmin: 0, xmax: 1, ymin: 0, ymax: 10 })).toBe(1.25);
  });

  it('draws a wide view at its aspect on a desktop, but no flatter than 160 px on a phone', () => {
    const wide = { xmin: -6, xmax: 6, ymin: -3, ymax: 3 };
    expect(plotHeight(wide, 500)).toBe(250);
    expect(plotHeight(wide, 220)).toBe(160);
    expect(plotHeight(view, 220)).toBe(220);
    expect(plotHeight(wide, 120)).toBe(120);
  });

  it('recognises the same surface so a re-run can keep its heat map', () => {
    const a = { view, nx: 2, ny: 2, logScale: true, values: Float64Array.from([1, 2, NaN, 4]), x: 'w', y: 'b' };
    expect(sameSurface(a, { ...a, values: Float64Array.from([1, 2, NaN, 4]) })).toBe(true);
    expect(sameSurface(a, { ...a, values: Float64Array.from([1, 2, 3, 4]) })).toBe(false);
    expect(sameSurface(a, { ...a, logScale: false })).toBe(false);
    expect(sameSurface(a, { ...a, view: { ...view, xmax: 3 } })).toBe(false);
    expect(sameSurface(a, { ...a, y: 'bias' })).toBe(false);
  });
});
