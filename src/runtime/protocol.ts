/**
 * The messages that cross the sandbox boundary, and the code that checks them.
 *
 * Student code runs in a Web Worker inside a sandboxed iframe. Everything it sends reaches the page as
 * data that this module validates: unknown shapes are dropped, strings and arrays are capped, numbers
 * must be numbers. The page renders what survives as text (never HTML), so a message cannot inject
 * markup, run code in the page, or grow without bound.
 *
 * Worker → runner (iframe) → page: `CellEvent`s, in batches. Page → runner: `RunnerCommand`s.
 */

/** Caps that keep a hostile or buggy cell from flooding the page. */
export const LIMITS = {
  /** Characters kept from one line of output. */
  textLength: 4_000,
  /** Characters in a title, label, series or slider name. */
  labelLength: 120,
  /** Characters in a landscape's axis name, drawn beside its ticks. */
  axisNameLength: 24,
  /** Points in one batch of a series (the worker batches far fewer). */
  batchPoints: 20_000,
  /** Events in one batch from the runner. */
  batchEvents: 5_000,
  /** Cells of a landscape grid: 200 × 200. */
  gridCells: 40_000,
  /** Rows and columns of a table. */
  tableRows: 200,
  tableColumns: 20,
  /**
   * Cells in all the tables of one run. Laying out a table costs the page time in proportion to its
   * cells and their text: 4,000 cells of 120 characters take about 0.4 s in Chromium here, where the
   * old per-table caps let one run freeze the page for 100 s. The course's largest table has 70.
   */
  tableCells: 4_000,
  /** Charts, landscapes, tables and sliders one run may create. */
  displays: 24,
  /** Series in one chart, paths on one landscape. */
  series: 16,
  /** Lines of output the page keeps per cell; older ones are dropped and counted. */
  keptLines: 1_000,
  /** Source code size accepted for a run (characters). */
  codeLength: 200_000,
} as const;

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface ChartSpec {
  title: string;
  /** Axis labels, e.g. "step" and "loss". */
  x: string;
  y: string;
  /** Start with a logarithmic y axis (the reader can toggle it). */
  logY: boolean;
  /** Top of the y axis (larger values run off the chart), or null to fit every point. */
  yMax: number | null;
}

export interface ViewBoxSpec {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

export interface LandscapeSpec {
  title: string;
  /** Names of the two axes, e.g. "w" and "b" (default "x" and "y"). */
  x: string;
  y: string;
  view: ViewBoxSpec;
  /** f on an nx × ny grid over `view`, row-major from (xmin, ymin); NaN where f is undefined. */
  nx: number;
  ny: number;
  values: Float64Array;
  /** Draw colours and contours of log(f - min + 1) instead of f, for steep valleys like Rosenbrock's. */
  logScale: boolean;
  /** Points to mark: global minima, and saddles. */
  minima: [number, number][];
  saddles: [number, number][];
}

export interface SliderSpec {
  name: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** Move along a logarithmic scale (for learning rates). */
  log: boolean;
}

export type Cell = string | number | boolean | null;

/** What a running cell reports. `id` numbers displays in the order the cell created them. */
export type CellEvent =
  | { t: 'log'; level: LogLevel; text: string }
  /** The worker dropped this many output lines to keep up (the page drops more if it must). */
  | { t: 'dropped'; lines: number }
  | { t: 'chart'; id: number; spec: ChartSpec }
  | { t: 'points'; id: number; series: string; xs: number[]; ys: number[] }
  | { t: 'landscape'; id: number; spec: LandscapeSpec }
  | { t: 'path'; id: number; name: string; xs: number[]; ys: number[] }
  | { t: 'table'; id: number; title: string; columns: string[]; rows: Cell[][] }
  | { t: 'slider'; spec: SliderSpec }
  | { t: 'progress'; step: number; total: number | null }
  | { t: 'check'; ok: boolean; message: string }
  | { t: 'error'; message: string; line: number | null; column: number | null; phase: 'compile' | 'run' | 'check' }
  | { t: 'done' };

/** Why a run ended without `done`. */
export type EndReason = 'stopped' | 'timeout' | 'flood' | 'crashed';

/** Runner → page. */
export type RunnerMessage =
  | { t: 'ready' }
  /** Answer to a ping: the runner is alive (its main thread is never busy with student code). */
  | { t: 'pong'; n: number }
  | { t: 'events'; run: number; events: CellEvent[] }
  | { t: 'ended'; run: number; reason: EndReason; detail: string };

/** Page → runner. */
export type RunnerCommand =
  | {
      t: 'run';
      run: number;
      /** The cell's TypeScript source. */
      code: string;
      /** An exercise's hidden check, run after the code in the same worker. */
      check: string | null;
      /** Current slider values by name. */
      params: Record<string, number>;
      timeLimitMs: number;
    }
  /** Stop a run: the student pressed Stop, or the page's timer for the cell's time limit ran out. */
  | { t: 'stop'; run: number; reason: 'stopped' | 'timeout' }
  /** Heartbeat while runs are active; a runner whose process died (e.g. out of memory) never answers. */
  | { t: 'ping'; n: number };

// ---------------------------------------------------------------------------------------------------
// Validation. Each function returns a clean copy or null; nothing is trusted by reference.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function text(v: unknown, max: number): string | null {
  return typeof v === 'string' ? clip(v, max) : null;
}

function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A number array (plain or typed); entries that are not numbers make it invalid. NaN/±Infinity stay. */
function numbers(v: unknown, max: number): number[] | null {
  if (!(Array.isArray(v) || v instanceof Float64Array || v instanceof Float32Array)) return null;
  if (v.length > max) return null;
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number') return null;
    out[i] = x;
  }
  return out;
}

function viewBox(v: unknown): ViewBoxSpec | null {
  if (!isObject(v)) return null;
  const xmin = finite(v['xmin']);
  const xmax = finite(v['xmax']);
  const ymin = finite(v['ymin']);
  const ymax = finite(v['ymax']);
  if (xmin === null || xmax === null || ymin === null || ymax === null) return null;
  // The spans must be finite too: [-1e308, 1e308] has finite ends but an infinite width.
  if (!(xmin < xmax && ymin < ymax && Number.isFinite(xmax - xmin) && Number.isFinite(ymax - ymin))) return null;
  return { xmin, xmax, ymin, ymax };
}

function points2d(v: unknown, max: number): [number, number][] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  const out: [number, number][] = [];
  for (const p of v) {
    if (!Array.isArray(p) || p.length !== 2) return null;
    const x = finite(p[0]);
    const y = finite(p[1]);
    if (x === null || y === null) return null;
    out.push([x, y]);
  }
  return out;
}

function cell(v: unknown): Cell | undefined {
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return clip(v, LIMITS.labelLength);
  return undefined;
}

const LEVELS = new Set(['log', 'info', 'warn', 'error']);
const PHASES = new Set(['compile', 'run', 'check']);

/** Validates one event from a worker. Returns a clean copy, or null to drop it. */
export function parseEvent(v: unknown): CellEvent | null {
  if (!isObject(v)) return null;
  switch (v['t']) {
    case 'log': {
      const body = text(v['text'], LIMITS.textLength);
      const level = v['level'];
      if (body === null || typeof level !== 'string' || !LEVELS.has(level)) return null;
      return { t: 'log', level: level as LogLevel, text: body };
    }
    case 'dropped': {
      const lines = v['lines'];
      return isInt(lines) && lines > 0 ? { t: 'dropped', lines } : null;
    }
    case 'chart': {
      const spec = v['spec'];
      if (!isInt(v['id']) || !isObject(spec)) return null;
      const title = text(spec['title'], LIMITS.labelLength);
      const x = text(spec['x'], LIMITS.labelLength);
      const y = text(spec['y'], LIMITS.labelLength);
      if (title === null || x === null || y === null || typeof spec['logY'] !== 'boolean') return null;
      const yMax = spec['yMax'];
      if (yMax !== null && !(typeof yMax === 'number' && Number.isFinite(yMax))) return null;
      return { t: 'chart', id: v['id'], spec: { title, x, y, logY: spec['logY'], yMax } };
    }
    case 'points':
    case 'path': {
      const name = text(v['t'] === 'points' ? v['series'] : v['name'], LIMITS.labelLength);
      const xs = numbers(v['xs'], LIMITS.batchPoints);
      const ys = numbers(v['ys'], LIMITS.batchPoints);
      if (!isInt(v['id']) || name === null || !xs || !ys || xs.length !== ys.length) return null;
      return v['t'] === 'points'
        ? { t: 'points', id: v['id'], series: name, xs, ys }
        : { t: 'path', id: v['id'], name, xs, ys };
    }
    case 'landscape': {
      const spec = v['spec'];
      if (!isInt(v['id']) || !isObject(spec)) return null;
      const title = text(spec['title'], LIMITS.labelLength);
      const x = text(spec['x'], LIMITS.axisNameLength);
      const y = text(spec['y'], LIMITS.axisNameLength);
      const view = viewBox(spec['view']);
      const { nx, ny } = spec;
      if (title === null || x === null || y === null || !view || !isInt(nx) || !isInt(ny) || nx < 2 || ny < 2)
        return null;
      if (nx * ny > LIMITS.gridCells || typeof spec['logScale'] !== 'boolean') return null;
      const raw = numbers(spec['values'], LIMITS.gridCells);
      const minima = points2d(spec['minima'], 16);
      const saddles = points2d(spec['saddles'], 16);
      if (!raw || raw.length !== nx * ny || !minima || !saddles) return null;
      const spec2: LandscapeSpec = {
        title,
        x,
        y,
        view,
        nx,
        ny,
        values: Float64Array.from(raw),
        logScale: spec['logScale'],
        minima,
        saddles,
      };
      return { t: 'landscape', id: v['id'], spec: spec2 };
    }
    case 'table': {
      const title = text(v['title'], LIMITS.labelLength);
      const columns = v['columns'];
      const rows = v['rows'];
      if (!isInt(v['id']) || title === null || !Array.isArray(columns) || !Array.isArray(rows)) return null;
      if (columns.length === 0 || columns.length > LIMITS.tableColumns || rows.length > LIMITS.tableRows) return null;
      const cols = columns.map((c) => text(c, LIMITS.labelLength));
      if (cols.some((c) => c === null)) return null;
      const cleanRows: Cell[][] = [];
      for (const row of rows) {
        if (!Array.isArray(row) || row.length !== cols.length) return null;
        const clean = row.map(cell);
        if (clean.some((c) => c === undefined)) return null;
        cleanRows.push(clean as Cell[]);
      }
      return { t: 'table', id: v['id'], title, columns: cols as string[], rows: cleanRows };
    }
    case 'slider': {
      const spec = v['spec'];
      if (!isObject(spec)) return null;
      const name = text(spec['name'], LIMITS.labelLength);
      const min = finite(spec['min']);
      const max = finite(spec['max']);
      const step = finite(spec['step']);
      const value = finite(spec['value']);
      const log = spec['log'];
      if (name === null || min === null || max === null || step === null || value === null) return null;
      if (typeof log !== 'boolean' || !(min < max) || !(step > 0) || (log && min <= 0)) return null;
      return { t: 'slider', spec: { name, min, max, step, value: Math.min(max, Math.max(min, value)), log } };
    }
    case 'progress': {
      const step = finite(v['step']);
      const total = v['total'] === null ? null : finite(v['total']);
      if (step === null || (v['total'] !== null && total === null)) return null;
      return { t: 'progress', step, total };
    }
    case 'check': {
      const message = text(v['message'], LIMITS.textLength);
      if (typeof v['ok'] !== 'boolean' || message === null) return null;
      return { t: 'check', ok: v['ok'], message };
    }
    case 'error': {
      const message = text(v['message'], LIMITS.textLength);
      const line = v['line'] === null ? null : isInt(v['line']) && v['line'] > 0 ? v['line'] : undefined;
      const column = v['column'] === null ? null : isInt(v['column']) && v['column'] > 0 ? v['column'] : undefined;
      const phase = v['phase'];
      if (message === null || line === undefined || column === undefined) return null;
      if (typeof phase !== 'string' || !PHASES.has(phase)) return null;
      return { t: 'error', message, line, column, phase: phase as 'compile' | 'run' | 'check' };
    }
    case 'done':
      return { t: 'done' };
    default:
      return null;
  }
}

const REASONS = new Set(['stopped', 'timeout', 'flood', 'crashed']);

/** Validates a message from the runner iframe. Events that fail validation are dropped one by one. */
export function parseRunnerMessage(v: unknown): RunnerMessage | null {
  if (!isObject(v)) return null;
  if (v['t'] === 'ready') return { t: 'ready' };
  if (v['t'] === 'pong') return isInt(v['n']) ? { t: 'pong', n: v['n'] } : null;
  if (!isInt(v['run'])) return null;
  if (v['t'] === 'events') {
    const events = v['events'];
    if (!Array.isArray(events) || events.length > LIMITS.batchEvents) return null;
    const clean: CellEvent[] = [];
    for (const e of events) {
      const parsed = parseEvent(e);
      if (parsed) clean.push(parsed);
    }
    return { t: 'events', run: v['run'], events: clean };
  }
  if (v['t'] === 'ended') {
    const reason = v['reason'];
    const detail = text(v['detail'], LIMITS.textLength);
    if (typeof reason !== 'string' || !REASONS.has(reason) || detail === null) return null;
    return { t: 'ended', run: v['run'], reason: reason as EndReason, detail };
  }
  return null;
}

/** Validates a command from the page (the runner trusts only its parent, but checks shape anyway). */
export function parseCommand(v: unknown): RunnerCommand | null {
  if (isObject(v) && v['t'] === 'ping') return isInt(v['n']) ? { t: 'ping', n: v['n'] } : null;
  if (!isObject(v) || !isInt(v['run'])) return null;
  if (v['t'] === 'stop') {
    return v['reason'] === 'stopped' || v['reason'] === 'timeout'
      ? { t: 'stop', run: v['run'], reason: v['reason'] }
      : null;
  }
  if (v['t'] !== 'run') return null;
  const code = v['code'];
  const check = v['check'];
  const params = v['params'];
  const limit = finite(v['timeLimitMs']);
  if (typeof code !== 'string' || code.length > LIMITS.codeLength) return null;
  if (check !== null && (typeof check !== 'string' || check.length > LIMITS.codeLength)) return null;
  if (!isObject(params) || limit === null || limit <= 0) return null;
  const cleanParams: Record<string, number> = {};
  for (const [k, val] of Object.entries(params)) {
    const n = finite(val);
    // defineProperty, so a slider named "__proto__" is an ordinary key rather than a prototype.
    if (n !== null)
      Object.defineProperty(cleanParams, clip(k, LIMITS.labelLength), {
        value: n,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return { t: 'run', run: v['run'], code, check, params: cleanParams, timeLimitMs: limit };
}
