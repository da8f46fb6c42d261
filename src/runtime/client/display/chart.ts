/**
 * A streaming line chart: one per `chart` id, one series per name. Points are queued as they arrive and
 * copied into Chart.js once per frame (see DisplayHost), where Chart.js's LTTB decimation keeps the
 * drawing cost proportional to the chart's width rather than the run's length.
 */
import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import { LIMITS, type ChartSpec } from '../../protocol.ts';
import { applyTheme, gapKeeper, lineChartOptions, setLogY, type ChartPoint, type LineOptions } from './chart-config.ts';
import { swatch, type SeriesStyle } from './colors.ts';
import type { DisplayContext } from './context.ts';
import { renderSeriesTables } from './data-table.ts';
import { DataToggle, h, pressedButton } from './dom.ts';
import { formatCount, formatNumber } from './format.ts';
import { gapNote } from './notes.ts';
import { SeriesData } from './series.ts';
import type { Theme } from './theme.ts';

/** A dataset's line dash (Chart.js types it per chart kind; ours are all lines). */
function dashOf(dataset: object | undefined): number[] {
  const dash = (dataset as { borderDash?: unknown } | undefined)?.borderDash;
  return Array.isArray(dash) ? (dash as number[]) : [];
}

/** The plot area (inside axes and legend) is never shorter than this, in CSS pixels. */
const MIN_PLOT_HEIGHT = 160;

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend, Decimation);

type LineDataset = ChartDataset<'line', ChartPoint[]>;

interface Series {
  name: string;
  data: SeriesData;
  style: SeriesStyle;
  dataset: LineDataset;
  /** The array handed to Chart.js; after decimation engages, `dataset.data` no longer returns it. */
  points: ChartPoint[];
  /** The points of `points` with y null (Chart.js leaves a gap there: spanGaps is false). */
  gaps: ChartPoint[];
  /** How many of data's kept points are in `points`, and for which generation of data. */
  mirrored: number;
  generation: number;
  lastX: number;
  /** The last chart point is a gap marker, which SeriesData may since have moved to a newer NaN. */
  tailGap: boolean;
}

export class LineChartDisplay {
  readonly element: HTMLElement;
  private readonly chart: Chart<'line', ChartPoint[]>;
  /**
   * The options object Chart.js keeps as its config (it normalises it in place). Changes go here, as
   * plain data, and take effect on the next update(); `chart.options` is a resolver proxy over it and
   * the global defaults, which is the wrong thing to write to or to spread.
   */
  private readonly options: LineOptions;
  private readonly canvas: HTMLCanvasElement;
  private readonly box: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly logButton: HTMLButtonElement;
  private readonly note: HTMLElement;
  private readonly dataToggle: DataToggle;
  private spec: ChartSpec;
  private logY: boolean;
  private series: Series[] = [];
  private readonly byName = new Map<string, Series>();
  private readonly byDataset = new WeakMap<object, Series>();
  private rebuild = false;

  constructor(
    spec: ChartSpec,
    private readonly ctx: DisplayContext,
  ) {
    this.spec = spec;
    this.logY = spec.logY;
    this.element = h('figure', 'dsp-figure dsp-chart');
    this.caption = h('figcaption', 'dsp-title', spec.title);
    const tools = h('div', 'dsp-tools');
    this.logButton = pressedButton('Log scale', this.logY, (on) => this.setLog(on));
    this.dataToggle = new DataToggle('', (panel) => this.renderData(panel));
    tools.append(this.logButton, this.dataToggle.button);
    const box = h('div', 'dsp-chart-box');
    this.box = box;
    this.canvas = h('canvas');
    this.canvas.setAttribute('role', 'img');
    box.append(this.canvas);
    this.note = h('p', 'dsp-note');
    this.note.hidden = true;
    this.element.append(this.caption, tools, box, this.note, this.dataToggle.panel);
    this.options = lineChartOptions(spec, this.logY, ctx.theme());
    const labels = this.options.plugins?.legend?.labels;
    if (labels) {
      // Chart.js draws a legend line from the point style, which has no dash: give it the series' own.
      labels.generateLabels = (chart) =>
        Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({
          ...item,
          lineDash: dashOf(chart.data.datasets[item.datasetIndex ?? -1]),
        }));
    }
    this.chart = new Chart<'line', ChartPoint[]>(this.canvas, {
      type: 'line',
      data: { datasets: [] },
      options: this.options,
      plugins: [
        gapKeeper((dataset) => this.byDataset.get(dataset)?.gaps),
        { id: 'dspKeepPlotHeight', afterLayout: () => this.keepPlotHeight() },
      ],
    });
    this.describe();
  }

  /** A new run re-created this chart: drop the old series, keep the element (no flash of empty space). */
  reset(spec: ChartSpec): void {
    // The reader's log/linear choice survives re-runs unless the code changed its own default.
    const logY = spec.logY !== this.spec.logY ? spec.logY : this.logY;
    this.series = [];
    this.byName.clear();
    this.box.style.height = '';
    this.setSpec(spec);
    if (logY !== this.logY) this.setLog(logY);
    this.logButton.setAttribute('aria-pressed', String(this.logY));
    this.rebuild = true;
    this.ctx.invalidate();
  }

  setSpec(spec: ChartSpec): void {
    this.spec = spec;
    this.caption.textContent = spec.title;
    const scales = this.options.scales;
    const x = scales?.['x'];
    const y = scales?.['y'];
    if (x && 'title' in x && x.title) x.title.text = spec.x;
    if (y && 'title' in y && y.title) y.title.text = spec.y;
    if (y) y.max = spec.yMax ?? undefined;
    this.ctx.invalidate();
  }

  addPoints(name: string, xs: readonly number[], ys: readonly number[]): void {
    let s = this.byName.get(name);
    if (!s) {
      if (this.series.length >= LIMITS.series) return;
      s = this.createSeries(name);
    }
    s.data.append(xs, ys);
    this.ctx.invalidate();
  }

  private createSeries(name: string): Series {
    const style = this.ctx.colors.style(name);
    const color = swatch(style.index, this.ctx.theme().name);
    const points: ChartPoint[] = [];
    const dataset: LineDataset = {
      label: name,
      data: points,
      borderColor: color,
      backgroundColor: color,
      borderDash: [...style.dash],
      spanGaps: false,
    };
    const s: Series = {
      name,
      data: new SeriesData(),
      style,
      dataset,
      points,
      gaps: [],
      mirrored: 0,
      generation: 0,
      lastX: NaN,
      tailGap: false,
    };
    this.series.push(s);
    this.byName.set(name, s);
    this.byDataset.set(dataset, s);
    this.rebuild = true;
    return s;
  }

  /** Copies queued points into Chart.js and redraws. Called at most once per frame. */
  flush(): void {
    for (const s of this.series) this.mirror(s);
    if (this.rebuild) {
      this.chart.data.datasets = this.series.map((s) => s.dataset);
      this.rebuild = false;
    }
    this.chart.update('none');
    // How many points are on screen, for tests and tools that watch a run stream in.
    this.canvas.dataset['drawn'] = String(this.series.reduce((n, s) => n + s.points.length, 0));
    this.describe();
    this.updateNote();
    this.dataToggle.refreshLive();
  }

  /**
   * A legend of many series wraps onto several rows on a phone and would leave the plot a strip:
   * the box grows instead, so the plot keeps MIN_PLOT_HEIGHT. Runs after every Chart.js layout (new
   * series, or a resize); Chart.js sees the new size through its own ResizeObserver and lays out
   * again. A re-run starts again from the stylesheet's height.
   */
  private keepPlotHeight(): void {
    const area = this.chart.chartArea;
    if (!area) return;
    const missing = MIN_PLOT_HEIGHT - (area.bottom - area.top);
    // The common case reads no layout: this runs on every streamed frame.
    if (missing <= 1) return;
    const height = this.box.clientHeight;
    // Until Chart.js has resized to the box (first frames, or a resize in flight) its area is stale.
    if (height === 0 || Math.abs(this.chart.height - height) > 1) return;
    this.box.style.height = `${Math.ceil(height + missing)}px`;
  }

  /** The run ended: bring an open data table up to date. */
  finish(): void {
    this.flush();
    this.dataToggle.refresh();
  }

  private mirror(s: Series): void {
    const { data } = s;
    if (s.generation !== data.generation || s.mirrored > data.length) {
      s.points = [];
      s.gaps = [];
      s.mirrored = 0;
      s.lastX = NaN;
      s.tailGap = false;
      s.generation = data.generation;
      // Once decimation has engaged, this assignment goes to Chart.js's `_data` setter: still the source.
      s.dataset.data = s.points;
    }
    const { xs, ys } = data;
    const points = s.points;
    if (s.tailGap) {
      // Setting length (not pop()) for the same reason as the index assignment below.
      points.length -= 1;
      s.gaps.length -= 1;
      s.mirrored -= 1;
    }
    for (let k = s.mirrored; k < data.length; k++) {
      const x = xs[k] as number;
      const y = ys[k] as number;
      const finiteX = Number.isFinite(x);
      // A point with no usable x still has to break the line: it becomes a gap at the previous x.
      if (!finiteX && !Number.isFinite(s.lastX)) continue;
      if (finiteX) s.lastX = x;
      const drawable = finiteX && Number.isFinite(y) && (!this.logY || y > 0);
      // Index assignment, not push(): Chart.js patches push() on its data arrays and would re-sync
      // its elements once per call; update() picks up the new length in one go.
      const point: ChartPoint = { x: s.lastX, y: drawable ? y : null, i: points.length };
      points[points.length] = point;
      if (!drawable) s.gaps.push(point);
      s.tailGap = !(finiteX && Number.isFinite(y));
    }
    s.mirrored = data.length;
  }

  private setLog(on: boolean): void {
    this.logY = on;
    this.logButton.setAttribute('aria-pressed', String(on));
    setLogY(this.options, on);
    // y ≤ 0 is a gap on the log axis and a point on the linear one: rebuild every series' points.
    for (const s of this.series) s.generation = -1;
    this.ctx.invalidate();
  }

  applyTheme(theme: Theme): void {
    applyTheme(this.options, theme);
    for (const s of this.series) {
      const color = swatch(s.style.index, theme.name);
      s.dataset.borderColor = color;
      s.dataset.backgroundColor = color;
    }
    this.chart.update('none');
  }

  private describe(): void {
    const names = this.series.map((s) => s.name);
    const scale = this.logY ? ' (log scale)' : '';
    const list = names.length > 0 ? `; series: ${names.join(', ')}` : '; no data yet';
    const label = `Line chart: ${this.spec.title}; x: ${this.spec.x}, y: ${this.spec.y}${scale}${list}`;
    if (this.canvas.getAttribute('aria-label') !== label) this.canvas.setAttribute('aria-label', label);
    this.dataToggle.setLabel(`Data of chart “${this.spec.title}” from cell “${this.ctx.cellTitle}”`);
  }

  private updateNote(): void {
    let nonFinite = 0;
    let nonPositive = 0;
    for (const s of this.series) {
      nonFinite += s.data.nonFinite;
      nonPositive += s.data.nonPositive;
    }
    const text = gapNote(nonFinite, this.logY ? nonPositive : 0);
    if (this.note.textContent !== text) this.note.textContent = text;
    this.note.hidden = text === '';
  }

  private renderData(panel: HTMLElement): void {
    const { x, y } = this.spec;
    renderSeriesTables(
      panel,
      this.series,
      [x || 'x', y || 'y'],
      (d, k) => [d.xs[k] as number, d.ys[k] as number],
      (name, d) => {
        const last = d.length - 1;
        if (last < 0) return `${name}: no points.`;
        return `${name}: ${formatCount(d.received)} points; last ${x || 'x'} ${formatNumber(d.xs[last] as number)}, ${y || 'y'} ${formatNumber(d.ys[last] as number)}.`;
      },
    );
  }

  destroy(): void {
    this.chart.destroy();
    this.element.remove();
  }
}
