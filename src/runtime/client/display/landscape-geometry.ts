/** Where a landscape's plot sits on its canvas, and how data maps to it. Pure, no DOM. */
import type { ViewBoxSpec } from '../../protocol.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const MAX_LANDSCAPE_WIDTH = 560;

/**
 * The plot keeps the view box's aspect, so a round bowl looks round and an ill-conditioned one looks
 * stretched, within limits that keep a very wide or tall view usable on a phone.
 */
export function plotAspect(view: ViewBoxSpec): number {
  const a = (view.ymax - view.ymin) / (view.xmax - view.xmin);
  return Math.min(1.25, Math.max(0.5, a));
}

/** A wide view on a narrow screen is never flatter than this many CSS pixels (a phone's ravine stays readable). */
export const MIN_PLOT_HEIGHT = 160;

/**
 * Height of a plot `plotW` pixels wide: the view's aspect (see `plotAspect`), but at least
 * MIN_PLOT_HEIGHT, and never taller than wide for that reason alone. On a desktop this is the true
 * aspect; on a phone a 2:1 ravine is drawn about 1.4:1 rather than a strip 110 px tall.
 */
export function plotHeight(view: ViewBoxSpec, plotW: number): number {
  const natural = Math.round(plotW * plotAspect(view));
  return Math.max(natural, Math.min(MIN_PLOT_HEIGHT, plotW));
}

/** Pixel position of a data point; far-away points are clamped so the canvas never sees huge numbers. */
export function toPixel(view: ViewBoxSpec, plot: Rect, x: number, y: number): [number, number] {
  const px = plot.x + ((x - view.xmin) / (view.xmax - view.xmin)) * plot.w;
  const py = plot.y + plot.h - ((y - view.ymin) / (view.ymax - view.ymin)) * plot.h;
  const limit = 10 * Math.max(plot.w, plot.h);
  return [clamp(px, plot.x - limit, plot.x + plot.w + limit), clamp(py, plot.y - limit, plot.y + plot.h + limit)];
}

export function inView(view: ViewBoxSpec, x: number, y: number): boolean {
  return x >= view.xmin && x <= view.xmax && y >= view.ymin && y <= view.ymax;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Same grid and scale: the heat map and contours computed for one can be reused for the other. */
/** What the drawn surface depends on: its grid, colour scale and axes. */
interface Surface {
  view: ViewBoxSpec;
  nx: number;
  ny: number;
  logScale: boolean;
  values: ArrayLike<number>;
  x: string;
  y: string;
}

export function sameSurface(a: Surface, b: Surface): boolean {
  if (a.nx !== b.nx || a.ny !== b.ny || a.logScale !== b.logScale || a.x !== b.x || a.y !== b.y) return false;
  const { view: va } = a;
  const { view: vb } = b;
  if (va.xmin !== vb.xmin || va.xmax !== vb.xmax || va.ymin !== vb.ymin || va.ymax !== vb.ymax) return false;
  if (a.values.length !== b.values.length) return false;
  for (let i = 0; i < a.values.length; i++) if (!Object.is(a.values[i], b.values[i])) return false;
  return true;
}
