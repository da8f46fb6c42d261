/**
 * A loss landscape: heat map and contours of f over the view box, minima and saddles, and optimizer
 * paths that grow as `path` events arrive.
 *
 * The heat map, contours and axes change only with the grid, the size or the theme, so they are drawn
 * once into an offscreen canvas; a frame with new path points just copies that and draws the paths.
 */
import { LIMITS, type LandscapeSpec } from '../../protocol.ts';
import type { DisplayContext } from './context.ts';
import { casingFor, swatch, type SeriesStyle } from './colors.ts';
import { viridis } from './colormap.ts';
import { contourLines } from './contours.ts';
import { renderSeriesTables } from './data-table.ts';
import { DataToggle, h } from './dom.ts';
import { formatCount, formatNumber } from './format.ts';
import { contourLevels, heatmapPixels, shadeGrid } from './grid.ts';
import { inView, MAX_LANDSCAPE_WIDTH, plotHeight, sameSurface, toPixel, type Rect } from './landscape-geometry.ts';
import { gapNote } from './notes.ts';
import { SeriesData } from './series.ts';
import type { Theme } from './theme.ts';
import { niceTicks } from './ticks.ts';

const CONTOUR_LEVELS = 15;
const MARGIN = { top: 10, right: 14, bottom: 42, axisLabel: 16, tickGap: 7 };

interface Contour {
  segments: number[];
  /** Dark lines on the bright end of viridis, light lines on the dark end. */
  stroke: string;
}

interface Path {
  name: string;
  data: SeriesData;
  style: SeriesStyle;
}

interface Layout {
  width: number;
  height: number;
  dpr: number;
  plot: Rect;
}

export class LandscapeDisplay {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly base = document.createElement('canvas');
  private readonly caption: HTMLElement;
  private readonly legend: HTMLUListElement;
  private readonly note: HTMLElement;
  private readonly dataToggle: DataToggle;
  private readonly resizeObserver: ResizeObserver;
  private spec: LandscapeSpec;
  /** The nx × ny heat map image; scaled onto the plot when the base is drawn. */
  private heat: HTMLCanvasElement | null = null;
  private contours: Contour[] = [];
  private paths: Path[] = [];
  private readonly byName = new Map<string, Path>();
  private layout: Layout | null = null;
  /** What the next flush must redo: the heat map and contours (new grid), the size, the offscreen base. */
  private surfaceDirty = true;
  private layoutDirty = true;
  private baseDirty = true;
  private legendKey = '';
  /** Paths the reader switched off in the legend, by name, so they stay off across re-runs. */
  private readonly hidden = new Set<string>();

  constructor(
    spec: LandscapeSpec,
    private readonly ctx: DisplayContext,
  ) {
    this.spec = spec;
    this.element = h('figure', 'dsp-figure dsp-landscape');
    this.caption = h('figcaption', 'dsp-title', spec.title);
    const tools = h('div', 'dsp-tools');
    this.dataToggle = new DataToggle('', (panel) => this.renderData(panel));
    tools.append(this.dataToggle.button);
    const box = h('div', 'dsp-landscape-box');
    this.canvas = h('canvas');
    this.canvas.setAttribute('role', 'img');
    box.append(this.canvas);
    this.legend = h('ul', 'dsp-legend');
    this.note = h('p', 'dsp-note');
    this.note.hidden = true;
    this.element.append(this.caption, tools, box, this.legend, this.note, this.dataToggle.panel);
    this.resizeObserver = new ResizeObserver(() => {
      // Resizing a canvas clears it; redraw in the same callback so the reader never sees it blank.
      if (this.measure()) this.flush();
    });
    this.resizeObserver.observe(box);
    this.describe();
  }

  /** A new run re-created this landscape: forget the paths; keep the surface if the grid is the same. */
  reset(spec: LandscapeSpec): void {
    this.paths = [];
    this.byName.clear();
    this.setSpec(spec);
  }

  setSpec(spec: LandscapeSpec): void {
    // A re-run of the same cell (say, after a slider moved) sends the same grid: keep everything drawn.
    if (!sameSurface(spec, this.spec)) {
      this.surfaceDirty = true;
      this.layoutDirty = true; // the y tick labels, hence the left margin, depend on the view
    }
    this.spec = spec;
    this.caption.textContent = spec.title;
    this.ctx.invalidate();
  }

  addPath(name: string, xs: readonly number[], ys: readonly number[]): void {
    let p = this.byName.get(name);
    if (!p) {
      if (this.paths.length >= LIMITS.series) return;
      p = { name, data: new SeriesData(), style: this.ctx.colors.style(name) };
      this.paths.push(p);
      this.byName.set(name, p);
    }
    p.data.append(xs, ys);
    this.ctx.invalidate();
  }

  applyTheme(): void {
    this.baseDirty = true;
    this.legendKey = '';
    this.ctx.invalidate();
  }

  /** Draws what changed. Called at most once per frame, and on resize. */
  flush(): void {
    this.describe();
    this.updateLegend();
    this.updateNote();
    if (this.surfaceDirty) this.computeSurface();
    if ((!this.layout || this.layoutDirty) && !this.measure()) return;
    const layout = this.layout as Layout;
    const theme = this.ctx.theme();
    if (this.baseDirty) this.drawBase(layout, theme);
    const g = this.canvas.getContext('2d');
    if (!g) return;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.canvas.width, this.canvas.height);
    g.drawImage(this.base, 0, 0);
    g.setTransform(layout.dpr, 0, 0, layout.dpr, 0, 0);
    g.save();
    g.beginPath();
    g.rect(layout.plot.x, layout.plot.y, layout.plot.w, layout.plot.h);
    g.clip();
    for (const p of this.paths) if (!this.hidden.has(p.name)) this.drawPath(g, layout.plot, p, theme);
    this.drawMarkers(g, layout.plot);
    g.restore();
    this.canvas.dataset['drawn'] = String(this.paths.reduce((n, p) => n + p.data.received, 0));
    this.dataToggle.refreshLive();
  }

  finish(): void {
    this.flush();
    this.dataToggle.refresh();
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.element.remove();
  }

  // -------------------------------------------------------------------------------------------------

  private computeSurface(): void {
    const { nx, ny, values, logScale } = this.spec;
    const shaded = shadeGrid(values, logScale);
    const heat = document.createElement('canvas');
    heat.width = nx;
    heat.height = ny;
    const hg = heat.getContext('2d');
    if (hg) hg.putImageData(new ImageData(heatmapPixels(shaded, nx, ny), nx, ny), 0, 0);
    this.heat = heat;
    this.surfaceDirty = false;
    const span = shaded.max - shaded.min;
    const levels = contourLevels(shaded.min, shaded.max, CONTOUR_LEVELS);
    const lines = contourLines(shaded.values, nx, ny, levels);
    this.contours = levels.map((level, k) => {
      const [r, gr, b] = viridis(span > 0 ? (level - shaded.min) / span : 0.5);
      const bright = 0.2126 * r + 0.7152 * gr + 0.0722 * b > 140;
      return {
        segments: lines[k] as number[],
        stroke: bright ? 'rgba(0, 0, 0, 0.5)' : 'rgba(255, 255, 255, 0.55)',
      };
    });
    this.baseDirty = true;
  }

  /** Sizes the canvas to its box. Returns false while the box has no width (not in the page yet). */
  private measure(): boolean {
    const box = this.canvas.parentElement;
    const width = Math.min(MAX_LANDSCAPE_WIDTH, Math.floor(box?.clientWidth ?? 0));
    if (width <= 0) return false;
    const dpr = Math.max(1, Math.min(3, window.devicePixelRatio || 1));
    const left = this.leftMargin();
    const plotW = Math.max(40, width - left - MARGIN.right);
    const plotH = plotHeight(this.spec.view, plotW);
    const height = MARGIN.top + plotH + MARGIN.bottom;
    const prev = this.layout;
    this.layoutDirty = false;
    if (prev && prev.width === width && prev.height === height && prev.dpr === dpr && prev.plot.x === left) return true;
    this.layout = { width, height, dpr, plot: { x: left, y: MARGIN.top, w: plotW, h: plotH } };
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.canvas.width = this.base.width = Math.round(width * dpr);
    this.canvas.height = this.base.height = Math.round(height * dpr);
    this.baseDirty = true;
    return true;
  }

  private tickFont(): string {
    return `12px ${this.ctx.theme().fontUi}`;
  }

  /** Wide enough for the longest y tick label plus the axis label. */
  private leftMargin(): number {
    const g = this.base.getContext('2d');
    const { ymin, ymax } = this.spec.view;
    let widest = 24;
    if (g) {
      g.font = this.tickFont();
      for (const t of niceTicks(ymin, ymax, 6)) widest = Math.max(widest, g.measureText(formatNumber(t, 4)).width);
    }
    return Math.ceil(MARGIN.axisLabel + widest + MARGIN.tickGap + 4);
  }

  private drawBase(layout: Layout, theme: Theme): void {
    const g = this.base.getContext('2d');
    if (!g) return;
    this.baseDirty = false;
    const { plot, dpr } = layout;
    const { view, nx, ny } = this.spec;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, this.base.width, this.base.height);
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    // Where f is undefined the heat map is transparent and shows this.
    g.fillStyle = theme.sunken;
    g.fillRect(plot.x, plot.y, plot.w, plot.h);
    if (this.heat) {
      // Bilinear ('low') is the right filter for a smooth field, and ~7× cheaper than 'high' here.
      g.imageSmoothingEnabled = true;
      g.imageSmoothingQuality = 'low';
      // Grid nodes sit on the view's edges; pixel centres of the nx × ny image are at i + 0.5, so the
      // source rectangle runs from the first node's centre to the last one's.
      g.drawImage(this.heat, 0.5, 0.5, nx - 1, ny - 1, plot.x, plot.y, plot.w, plot.h);
    }
    g.save();
    g.beginPath();
    g.rect(plot.x, plot.y, plot.w, plot.h);
    g.clip();
    // One device pixel: Skia strokes such hairlines on a fast path, about 5× cheaper than 2 px wide.
    g.lineWidth = 1 / dpr;
    const sx = plot.w / (nx - 1);
    const sy = plot.h / (ny - 1);
    const bottom = plot.y + plot.h;
    for (const c of this.contours) {
      g.strokeStyle = c.stroke;
      g.beginPath();
      const s = c.segments;
      for (let k = 0; k < s.length; k += 4) {
        g.moveTo(plot.x + (s[k] as number) * sx, bottom - (s[k + 1] as number) * sy);
        g.lineTo(plot.x + (s[k + 2] as number) * sx, bottom - (s[k + 3] as number) * sy);
      }
      g.stroke();
    }
    g.restore();
    this.drawAxes(g, plot, theme, view);
  }

  private drawAxes(g: CanvasRenderingContext2D, plot: Rect, theme: Theme, view: LandscapeSpec['view']): void {
    g.strokeStyle = theme.border;
    g.lineWidth = 1;
    g.strokeRect(plot.x - 0.5, plot.y - 0.5, plot.w + 1, plot.h + 1);
    g.fillStyle = theme.muted;
    g.strokeStyle = theme.muted;
    g.font = this.tickFont();
    const bottom = plot.y + plot.h;
    g.textAlign = 'center';
    g.textBaseline = 'top';
    g.beginPath();
    for (const t of niceTicks(view.xmin, view.xmax, Math.max(2, Math.floor(plot.w / 70)))) {
      const [px] = toPixel(view, plot, t, view.ymin);
      g.moveTo(px, bottom + 1);
      g.lineTo(px, bottom + 5);
      g.fillText(formatNumber(t, 4), px, bottom + MARGIN.tickGap);
    }
    g.textAlign = 'right';
    g.textBaseline = 'middle';
    for (const t of niceTicks(view.ymin, view.ymax, Math.max(2, Math.floor(plot.h / 50)))) {
      const [, py] = toPixel(view, plot, view.xmin, t);
      g.moveTo(plot.x - 1, py);
      g.lineTo(plot.x - 5, py);
      g.fillText(formatNumber(t, 4), plot.x - MARGIN.tickGap, py);
    }
    g.stroke();
    g.font = `italic 13px ${theme.fontUi}`;
    g.textAlign = 'center';
    g.textBaseline = 'bottom';
    g.fillText(this.spec.x, plot.x + plot.w / 2, bottom + MARGIN.bottom - 2);
    // The vertical axis's name reads upwards in its own 16 px column, whatever its length.
    g.save();
    g.translate(2, plot.y + plot.h / 2);
    g.rotate(-Math.PI / 2);
    g.textAlign = 'center';
    g.textBaseline = 'top';
    g.fillText(this.spec.y, 0, 0);
    g.restore();
  }

  private drawPath(g: CanvasRenderingContext2D, plot: Rect, p: Path, theme: Theme): void {
    const { xs, ys, length } = p.data;
    if (length === 0) return;
    const color = swatch(p.style.index, theme.name);
    const casing = casingFor(color);
    const { view } = this.spec;
    // One polyline, broken wherever a point is not finite.
    g.beginPath();
    let pen = false;
    let first: [number, number] | null = null;
    let last: [number, number] | null = null;
    for (let k = 0; k < length; k++) {
      const x = xs[k] as number;
      const y = ys[k] as number;
      if (!(Number.isFinite(x) && Number.isFinite(y))) {
        pen = false;
        continue;
      }
      const pt = toPixel(view, plot, x, y);
      if (pen) g.lineTo(pt[0], pt[1]);
      else g.moveTo(pt[0], pt[1]);
      pen = true;
      first ??= pt;
      last = pt;
    }
    g.lineJoin = 'round';
    g.lineCap = 'round';
    g.setLineDash([]);
    g.strokeStyle = casing;
    g.lineWidth = 4.5;
    g.stroke();
    g.setLineDash(p.style.dash as number[]);
    g.strokeStyle = color;
    g.lineWidth = 2;
    g.stroke();
    g.setLineDash([]);
    if (first) dot(g, first, 3, color, casing, 1.5);
    if (last) dot(g, last, 5.5, color, casing, 2);
  }

  private drawMarkers(g: CanvasRenderingContext2D, plot: Rect): void {
    const { view, minima, saddles } = this.spec;
    // White with a black outline reads on every colour of the heat map and on every path colour.
    g.lineJoin = 'round';
    for (const [x, y] of minima) {
      const [px, py] = toPixel(view, plot, x, y);
      star(g, px, py, 8);
      g.fillStyle = '#ffffff';
      g.fill();
      g.strokeStyle = '#000000';
      g.lineWidth = 1.5;
      g.stroke();
    }
    for (const [x, y] of saddles) {
      const [px, py] = toPixel(view, plot, x, y);
      const r = 5.5;
      g.beginPath();
      g.moveTo(px - r, py - r);
      g.lineTo(px + r, py + r);
      g.moveTo(px + r, py - r);
      g.lineTo(px - r, py + r);
      g.lineCap = 'round';
      g.strokeStyle = '#000000';
      g.lineWidth = 4.5;
      g.stroke();
      g.strokeStyle = '#ffffff';
      g.lineWidth = 2;
      g.stroke();
    }
  }

  private describe(): void {
    const names = this.paths.map((p) => p.name);
    const label = `Loss landscape: ${this.spec.title}${names.length > 0 ? `, with paths of ${names.join(', ')}` : ''}`;
    if (this.canvas.getAttribute('aria-label') !== label) this.canvas.setAttribute('aria-label', label);
    this.dataToggle.setLabel(`Data of landscape “${this.spec.title}” from cell “${this.ctx.cellTitle}”`);
  }

  private updateLegend(): void {
    const theme = this.ctx.theme();
    const { minima, saddles } = this.spec;
    const names = this.paths.map((p) => `${p.name}${this.hidden.has(p.name) ? '\u0001' : ''}`);
    const key = `${theme.name}|${names.join('\u0000')}|${minima.length > 0}|${saddles.length > 0}`;
    if (key === this.legendKey) return;
    this.legendKey = key;
    const items: HTMLLIElement[] = [];
    // With several paths, each legend entry is a switch: paths that overlap can be looked at one by one.
    const switchable = this.paths.length > 1;
    for (const p of this.paths) {
      const li = h('li');
      const sw = h('span', 'dsp-swatch');
      sw.setAttribute('aria-hidden', 'true');
      sw.style.borderTopColor = swatch(p.style.index, theme.name);
      if (p.style.dash.length > 0) sw.style.borderTopStyle = p.style.dash[0] === 2 ? 'dotted' : 'dashed';
      if (!switchable) {
        li.append(sw, h('span', undefined, p.name));
      } else {
        const toggle = h('button', 'dsp-legend-toggle');
        toggle.type = 'button';
        toggle.setAttribute('aria-pressed', String(!this.hidden.has(p.name)));
        toggle.dataset['path'] = p.name;
        toggle.title = 'Show or hide this path';
        toggle.append(sw, h('span', undefined, p.name));
        toggle.addEventListener('click', () => {
          if (!this.hidden.delete(p.name)) this.hidden.add(p.name);
          this.ctx.invalidate();
        });
        li.append(toggle);
      }
      items.push(li);
    }
    const symbol = (glyph: string, text: string) => {
      const li = h('li');
      const mark = h('span', 'dsp-mark', glyph);
      mark.setAttribute('aria-hidden', 'true');
      li.append(mark, h('span', undefined, text));
      items.push(li);
    };
    if (minima.length > 0) symbol('★', minima.length === 1 ? 'minimum' : 'minima');
    if (saddles.length > 0) symbol('×', saddles.length === 1 ? 'saddle point' : 'saddle points');
    // Rebuilding the legend must not drop the keyboard focus of a reader toggling a path.
    const focused = document.activeElement as HTMLElement | null;
    const focusedPath = focused && this.legend.contains(focused) ? (focused.dataset['path'] ?? null) : null;
    this.legend.replaceChildren(...items);
    if (focusedPath !== null) {
      for (const b of this.legend.querySelectorAll<HTMLElement>('[data-path]'))
        if (b.dataset['path'] === focusedPath) b.focus();
    }
    this.legend.hidden = items.length === 0;
  }

  private updateNote(): void {
    let nonFinite = 0;
    const outside: string[] = [];
    for (const p of this.paths) {
      nonFinite += p.data.nonFinite;
      const { xs, ys, length } = p.data;
      for (let k = length - 1; k >= 0; k--) {
        const x = xs[k] as number;
        const y = ys[k] as number;
        if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
        if (!inView(this.spec.view, x, y)) outside.push(p.name);
        break;
      }
    }
    const text = gapNote(nonFinite, 0, outside);
    if (this.note.textContent !== text) this.note.textContent = text;
    this.note.hidden = text === '';
  }

  private renderData(panel: HTMLElement): void {
    const pair = ([x, y]: [number, number]) => `(${formatNumber(x)}, ${formatNumber(y)})`;
    renderSeriesTables(
      panel,
      this.paths,
      ['point', this.spec.x, this.spec.y],
      (d, k) => [(d.index[k] as number) + 1, d.xs[k] as number, d.ys[k] as number],
      (name, d) => {
        const last = d.length - 1;
        if (last < 0) return `${name}: no points.`;
        return `${name}: ${formatCount(d.received)} points; last point ${pair([d.xs[last] as number, d.ys[last] as number])}.`;
      },
    );
    const { minima, saddles } = this.spec;
    const marks: string[] = [];
    if (minima.length > 0) marks.push(`Minima at ${minima.map(pair).join(', ')}.`);
    if (saddles.length > 0) marks.push(`Saddle points at ${saddles.map(pair).join(', ')}.`);
    if (marks.length > 0) panel.prepend(h('p', 'dsp-data-note', marks.join(' ')));
  }
}

function dot(
  g: CanvasRenderingContext2D,
  [x, y]: [number, number],
  r: number,
  fill: string,
  stroke: string,
  width: number,
): void {
  g.beginPath();
  g.arc(x, y, r, 0, 2 * Math.PI);
  g.fillStyle = fill;
  g.fill();
  g.strokeStyle = stroke;
  g.lineWidth = width;
  g.stroke();
}

function star(g: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  g.beginPath();
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? r : r * 0.45;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const px = x + radius * Math.cos(a);
    const py = y + radius * Math.sin(a);
    if (k === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
  }
  g.closePath();
}
