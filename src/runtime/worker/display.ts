/**
 * Drawing from a cell: `import { lineChart, landscape, table, slider, print } from 'descent/display'`.
 *
 * Everything here sends plain data to the page, which draws it while your code is still running:
 * add a point in a loop and watch the curve grow. Calls are cheap (points are batched), so it is fine
 * to add one point per optimizer step for tens of thousands of steps.
 *
 * @module
 */
import { LIMITS, type Cell } from '../protocol.ts';
import { context } from './context.ts';
import { formatArgs } from './format.ts';

/** Prints values to the cell's output, like `console.log`. */
export function print(...values: unknown[]): void {
  context().buffer.log('log', formatArgs(values));
}

/** Prints `label: value` with the value fully formatted (arrays, typed arrays and objects included). */
export function show(label: string, value: unknown): void {
  context().buffer.log('log', `${label}: ${formatArgs([value])}`);
}

/** Updates the status line's step counter, e.g. `progress(step, 1000)` shows "step 300 / 1000". */
export function progress(step: number, total?: number): void {
  context().buffer.progress(step, total ?? null);
}

export interface LineChartOptions {
  /** Shown above the chart and used as its accessible name. Default "Loss". */
  title?: string;
  /** Axis labels. Defaults "step" and "loss". */
  x?: string;
  y?: string;
  /** Start with a logarithmic y axis (the reader can switch). Default false. */
  logY?: boolean;
  /**
   * Top of the y axis: larger values run off the top of the chart ("show data" still lists them).
   * Use it so that one diverging run does not flatten the others. Default: fit every point.
   */
  yMax?: number;
}

export interface LineChart {
  /**
   * Appends the point (x, y) to the named series, creating the series on first use. Non-finite values
   * (NaN, Infinity) are shown as gaps, with a note under the chart.
   */
  add(series: string, x: number, y: number): void;
}

/**
 * A live line chart, e.g. the loss against the step for several optimizers.
 *
 * ```ts
 * const chart = lineChart({ title: 'Training loss', y: 'loss', logY: true });
 * for (let t = 1; t <= 100; t++) chart.add('sgd', t, lossAt(t));
 * ```
 */
export function lineChart(options: LineChartOptions = {}): LineChart {
  const ctx = context();
  const id = ctx.nextId++;
  ctx.buffer.emit({
    t: 'chart',
    id,
    spec: {
      title: String(options.title ?? 'Loss'),
      x: String(options.x ?? 'step'),
      y: String(options.y ?? 'loss'),
      logY: Boolean(options.logY),
      yMax: yMaxOf(options.yMax),
    },
  });
  const stepAxis = (options.x ?? 'step') === 'step';
  return {
    add(series, x, y) {
      ctx.buffer.point('points', id, String(series), Number(x), Number(y));
      if (stepAxis && Number.isInteger(x)) ctx.buffer.progress(Number(x), null);
    },
  };
}

function yMaxOf(value: unknown): number | null {
  if (value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`lineChart: yMax must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** A function of two variables to draw: any engine objective, or `(x, y) => number` with a view box. */
export interface Surface {
  readonly name?: string;
  readonly view?: { xmin: number; xmax: number; ymin: number; ymax: number };
  readonly minima?: readonly { readonly point: readonly number[] }[];
  readonly saddles?: readonly (readonly number[])[];
  readonly value?: (x: number, y: number) => number;
  loss?(theta: Float64Array): number;
}

export interface LandscapeOptions {
  /** Default: the objective's name. */
  title?: string;
  /** The window to draw; default: the objective's own view box. */
  view?: { xmin: number; xmax: number; ymin: number; ymax: number };
  /** Grid points per side (default 120, at most 200). */
  resolution?: number;
  /** Colour by log(f − min + 1), which shows steep valleys such as Rosenbrock's. Default: automatic. */
  logScale?: boolean;
  /** Names of the axes, e.g. `{ x: 'w', y: 'b' }` for a loss over a weight and a bias. Default "x", "y". */
  x?: string;
  y?: string;
}

export interface Landscape {
  /** Appends the point (x, y) to the named optimizer path, creating it on first use. */
  add(path: string, x: number, y: number): void;
}

/**
 * Draws the contours of a 2-D function and, as you add points, the paths optimizers take on it.
 *
 * ```ts
 * const land = landscape(rosenbrock());
 * land.add('adam', theta[0], theta[1]);
 * ```
 */
export function landscape(
  surface: Surface | ((x: number, y: number) => number),
  options: LandscapeOptions = {},
): Landscape {
  const ctx = context();
  const s: Surface = typeof surface === 'function' ? { value: surface } : surface;
  const view = options.view ?? s.view;
  if (!view)
    throw new Error(
      'landscape: give a view box, e.g. landscape(f, { view: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 } })',
    );
  const { xmin, xmax, ymin, ymax } = view;
  const spans = [xmax - xmin, ymax - ymin];
  if (!spans.every((d) => Number.isFinite(d) && d > 0)) {
    throw new RangeError(
      `landscape: the view box needs finite numbers with xmin < xmax and ymin < ymax, got ` +
        `{ xmin: ${xmin}, xmax: ${xmax}, ymin: ${ymin}, ymax: ${ymax} }`,
    );
  }
  const axes = [String(options.x ?? 'x'), String(options.y ?? 'y')];
  if (axes.some((a) => a.length === 0 || a.length > LIMITS.axisNameLength)) {
    throw new RangeError(
      `landscape: axis names need 1 to ${LIMITS.axisNameLength} characters, got "${axes.join('", "')}"`,
    );
  }
  const n = Math.max(16, Math.min(200, Math.round(options.resolution ?? 120)));
  const theta = new Float64Array(2);
  const f =
    s.value ??
    ((x: number, y: number) => {
      if (!s.loss) throw new Error('landscape: the objective has neither value(x, y) nor loss(theta)');
      theta[0] = x;
      theta[1] = y;
      return s.loss(theta);
    });
  const values = new Float64Array(n * n);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < n; j++) {
    const y = view.ymin + ((view.ymax - view.ymin) * j) / (n - 1);
    for (let i = 0; i < n; i++) {
      const x = view.xmin + ((view.xmax - view.xmin) * i) / (n - 1);
      const v = f(x, y);
      values[j * n + i] = v;
      if (Number.isFinite(v)) {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
  }
  // Rosenbrock and Beale span many orders of magnitude inside their view box; a linear colour
  // scale would show one flat colour with a bright corner.
  const logScale = options.logScale ?? (max - min > 1e3 ? true : false);
  const id = ctx.nextId++;
  const pick = (p: readonly number[]): [number, number] => [Number(p[0]), Number(p[1])];
  ctx.buffer.emit({
    t: 'landscape',
    id,
    spec: {
      title: String(options.title ?? s.name ?? 'Loss landscape'),
      x: axes[0],
      y: axes[1],
      view: { ...view },
      nx: n,
      ny: n,
      values,
      logScale,
      minima: (s.minima ?? []).map((m) => pick(m.point)).slice(0, 16),
      saddles: (s.saddles ?? []).map(pick).slice(0, 16),
    },
  });
  return {
    add(path, x, y) {
      ctx.buffer.point('path', id, String(path), Number(x), Number(y));
    },
  };
}

/**
 * Shows a table of values. Each row is an object; the columns are the keys of the first row.
 * A table holds at most 200 rows and 20 columns, all the tables of one run at most 4,000 cells, and
 * text in a cell is cut at 120 characters: show a summary or every 10th step rather than every one.
 *
 * ```ts
 * table([{ optimizer: 'sgd', 'test error': 0.5 }, { optimizer: 'adam', 'test error': 0.25 }], { title: 'Results' });
 * ```
 */
export function table(rows: readonly Record<string, Cell>[], options: { title?: string } = {}): void {
  const ctx = context();
  const columns = rows.length > 0 ? Object.keys(rows[0] as object) : [];
  if (columns.length === 0) throw new Error('table: give at least one row with at least one column');
  const count = (n: number) => n.toLocaleString('en');
  if (rows.length > LIMITS.tableRows) {
    throw new RangeError(
      `table: ${count(rows.length)} rows is more than the ${LIMITS.tableRows} a table can show; ` +
        'show every 10th row, say, or a summary',
    );
  }
  if (columns.length > LIMITS.tableColumns) {
    throw new RangeError(`table: ${columns.length} columns is more than the ${LIMITS.tableColumns} a table can show`);
  }
  const cells = rows.length * columns.length;
  if (ctx.tableCells + cells > LIMITS.tableCells) {
    throw new RangeError(
      `table: this table's ${count(cells)} cells would take the run's tables past ` +
        `${count(LIMITS.tableCells)} cells in all; show fewer or smaller tables`,
    );
  }
  ctx.tableCells += cells;
  ctx.buffer.emit({
    t: 'table',
    id: ctx.nextId++,
    title: String(options.title ?? 'Table'),
    columns,
    rows: rows.map((row) => columns.map((c) => row[c] ?? null)),
  });
}

export interface SliderOptions {
  min: number;
  max: number;
  /** The starting value. */
  value: number;
  /** Increment (default: 1/100 of the range, or a log-spaced step when `log` is set). */
  step?: number;
  /** Slide on a logarithmic scale, as for learning rates. Default false. */
  log?: boolean;
}

/**
 * A slider above the cell's output. Returns its current value; moving it re-runs the cell with the
 * new value, so write the cell as if the value were a constant.
 *
 * ```ts
 * const lr = slider('learning rate η', { min: 0.001, max: 1, value: 0.1, log: true });
 * ```
 */
export function slider(name: string, options: SliderOptions): number {
  const ctx = context();
  const { min, max, value } = options;
  if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) {
    throw new Error(`slider "${name}": min (${min}) must be less than max (${max})`);
  }
  if (options.log && min <= 0) throw new Error(`slider "${name}": a log slider needs min > 0, got ${min}`);
  const step = options.step ?? (max - min) / 100;
  ctx.buffer.emit({ t: 'slider', spec: { name: String(name), min, max, step, value, log: Boolean(options.log) } });
  const chosen = ctx.params[String(name)];
  return chosen !== undefined && chosen >= min && chosen <= max ? chosen : Math.min(max, Math.max(min, value));
}
