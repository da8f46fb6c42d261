import { Decimation, LineController } from 'chart.js';
import { describe, expect, it } from 'vitest';
import {
  gapKeeper,
  lineChartOptions,
  linearTick,
  logTick,
  mergeGaps,
  setLogY,
  type ChartPoint,
  type LineOptions,
} from '../../src/runtime/client/display/chart-config.ts';
import {
  casingFor,
  contrast,
  optimizerIndex,
  PALETTE,
  SeriesColors,
  swatch,
} from '../../src/runtime/client/display/colors.ts';
import type { Theme } from '../../src/runtime/client/display/theme.ts';

const theme: Theme = {
  name: 'light',
  text: '#1d2127',
  muted: '#4f5864',
  border: '#dcd8ce',
  bg: '#fbfaf7',
  raised: '#ffffff',
  sunken: '#f2f0ea',
  fontUi: 'system-ui',
};

/**
 * Runs Chart.js's own decimation plugin against our options on a stand-in chart: the plugin decides from
 * chart.options, the x scale's type and the controller, and silently does nothing if one is wrong.
 */
function decimate(options: LineOptions, points: ChartPoint[], width = 600, keepGaps = false) {
  const dataset: Record<string, unknown> = { data: points };
  const controller = Object.create(LineController.prototype) as { supportsDecimation?: boolean };
  // Chart.js sets this in the controller's initialize(); it is what the plugin checks.
  controller.supportsDecimation = true;
  const xType = options.scales?.['x']?.type;
  const chart: Record<string, unknown> & { scales: { x: unknown } } = {
    width,
    options,
    data: { datasets: [dataset] },
    scales: { x: { type: xType, axis: 'x', getUserBounds: () => ({ minDefined: false, maxDefined: false }) } },
    getDatasetMeta: () => ({ controller, xAxisID: 'x', iScale: chart.scales.x }),
  };
  const pluginOptions = { ...Decimation.defaults, ...options.plugins?.decimation };
  const hook = Decimation.beforeElementsUpdate as unknown as (c: unknown, a: unknown, o: unknown) => void;
  hook(chart, {}, pluginOptions);
  if (keepGaps) {
    const gaps = points.filter((p) => p.y === null);
    const keeper = gapKeeper(() => gaps).beforeElementsUpdate as unknown as (c: unknown) => void;
    keeper(chart);
  }
  return dataset['data'] as ChartPoint[];
}

const spec = { title: 'Training loss', x: 'step', y: 'loss', logY: false, yMax: null as number | null };
const series = (n: number): ChartPoint[] =>
  Array.from({ length: n }, (_, i) => ({ x: i, y: i === 5000 ? null : 1 / (i + 1), i }));

describe('line chart options', () => {
  it('stream without animation, parsing or point markers', () => {
    const o = lineChartOptions(spec, false, theme);
    expect(o.parsing).toBe(false);
    expect(o.normalized).toBe(true);
    expect(o.animation).toBe(false);
    expect(o.elements?.point?.radius).toBe(0);
    expect(o.scales?.['x']?.type).toBe('linear');
    expect(o.plugins?.decimation).toMatchObject({ enabled: true, algorithm: 'lttb', threshold: 1 });
  });

  it('fit the y axis to the data unless the cell caps it with yMax', () => {
    expect(lineChartOptions(spec, true, theme).scales?.['y']?.max).toBeUndefined();
    expect(lineChartOptions({ ...spec, yMax: 1e3 }, true, theme).scales?.['y']?.max).toBe(1e3);
  });

  it('let LTTB decimation engage on a long series, on linear and log y', () => {
    for (const logY of [false, true]) {
      const o = lineChartOptions(spec, logY, theme);
      const decimated = decimate(o, series(10_000), 600);
      expect(decimated.length).toBe(600);
      expect(decimated[0]?.i).toBe(0);
      expect(decimated.at(-1)?.i).toBe(9_999);
    }
  });

  it('copy short series unchanged (so Chart.js never takes its pixel-snapping fast path)', () => {
    const points = series(500);
    const out = decimate(lineChartOptions(spec, false, theme), points, 600);
    expect(out).not.toBe(points);
    expect(out).toEqual(points);
  });

  it('keep every gap through decimation, so a line never joins across a stretch of NaN', () => {
    // A diverged stretch collapsed to one marker (see SeriesData), then recovery.
    const points: ChartPoint[] = Array.from({ length: 20_000 }, (_, i) => ({ x: i, y: 1 + Math.sin(i / 50), i }));
    for (const k of [7_000, 7_001, 13_333]) (points[k] as ChartPoint).y = null;
    const plain = decimate(lineChartOptions(spec, false, theme), points, 600);
    const kept = decimate(lineChartOptions(spec, false, theme), points, 600, true);
    expect(plain.filter((p) => p.y === null).length).toBeLessThan(3);
    expect(kept.filter((p) => p.y === null).map((p) => p.i)).toEqual([7_000, 7_001, 13_333]);
    expect(kept.length).toBeLessThanOrEqual(603);
    for (let k = 1; k < kept.length; k++)
      expect((kept[k] as ChartPoint).i).toBeGreaterThan((kept[k - 1] as ChartPoint).i);
  });

  it('merge gap markers into a decimated series by position, without duplicates', () => {
    const p = (i: number) => ({ i });
    expect(mergeGaps([p(0), p(4), p(9)], [p(2), p(4), p(10)]).map((q) => q.i)).toEqual([0, 2, 4, 9, 10]);
    expect(mergeGaps([p(0), p(1)], []).map((q) => q.i)).toEqual([0, 1]);
  });

  it('would not decimate with parsing on or a category axis (the checks are real)', () => {
    const parsing = { ...lineChartOptions(spec, false, theme), parsing: true } as unknown as LineOptions;
    expect(decimate(parsing, series(10_000))).toHaveLength(10_000);
    const off = lineChartOptions(spec, false, theme);
    (off.plugins as Record<string, unknown>)['decimation'] = { enabled: false };
    expect(decimate(off, series(10_000))).toHaveLength(10_000);
    const category = lineChartOptions(spec, false, theme);
    (category.scales as Record<string, { type: string }>)['x'] = { type: 'category' };
    expect(decimate(category, series(10_000))).toHaveLength(10_000);
  });

  it('switch the y axis between linear and logarithmic', () => {
    const o = lineChartOptions(spec, true, theme);
    expect(o.scales?.['y']?.type).toBe('logarithmic');
    setLogY(o, false);
    expect(o.scales?.['y']?.type).toBe('linear');
  });
});

describe('tick labels', () => {
  it('label linear ticks without float noise', () => {
    expect(linearTick(0.30000000000000004)).toBe('0.3');
    expect(linearTick(2000)).toBe('2000');
    expect(linearTick(-0.5)).toBe('-0.5');
  });

  it('label 1, 2, 3 and 5 × 10^k on a log axis, or every tick when there are few', () => {
    const ticks = [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.1, 0.2, 0.7, 1].map((value) => ({ value }));
    expect(ticks.map((t, i) => logTick(t.value, i, ticks))).toEqual([
      '0.01',
      '0.02',
      '0.03',
      '',
      '0.05',
      '',
      '0.1',
      '0.2',
      '',
      '1',
    ]);
    const few = [0.4, 0.6, 0.8].map((value) => ({ value }));
    expect(few.map((t, i) => logTick(t.value, i, few))).toEqual(['0.4', '0.6', '0.8']);
  });
});

describe('series colours', () => {
  it('gives the course optimizers fixed colours, case-insensitively', () => {
    expect(optimizerIndex('SGD')).toBe(optimizerIndex('sgd'));
    expect(optimizerIndex('gradient descent')).toBe(optimizerIndex('sgd'));
    expect(optimizerIndex('Adam (lr=0.01)')).toBe(optimizerIndex('adam'));
    expect(optimizerIndex('AdamW')).not.toBe(optimizerIndex('adam'));
    expect(optimizerIndex('sgd + momentum')).toBe(optimizerIndex('momentum'));
    expect(optimizerIndex('Nesterov momentum')).toBe(optimizerIndex('nesterov'));
    expect(optimizerIndex('train')).toBeNull();
    const all = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'].map(optimizerIndex);
    expect(new Set(all).size).toBe(7);
  });

  it('keeps an optimizer colour no matter the order names appear in', () => {
    const a = new SeriesColors();
    const b = new SeriesColors();
    a.style('train');
    a.style('test');
    expect(a.style('adam')).toEqual(b.style('adam'));
  });

  it('dashes an optimizer whose colour has a look-alike already in the cell, and keeps its colour', () => {
    const race = new SeriesColors();
    const names = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];
    const styles = names.map((n) => race.style(n));
    expect(styles.map((s) => s.index)).toEqual(names.map(optimizerIndex));
    expect(styles.filter((s) => s.dash.length > 0).length).toBe(1);
    expect(race.style('rmsprop').dash.length).toBeGreaterThan(0);
    expect(new SeriesColors().style('rmsprop').dash).toEqual([]);
  });

  it('tells apart two names for the same optimizer', () => {
    const c = new SeriesColors();
    const first = c.style('sgd lr=0.1');
    const second = c.style('SGD lr=1');
    expect(first.index).toBe(optimizerIndex('sgd'));
    expect(second.index).not.toBe(first.index);
  });

  it('gives other names the next free colour, then dashed repeats', () => {
    const c = new SeriesColors();
    const sgd = c.style('sgd');
    const train = c.style('train');
    const test = c.style('test');
    expect(new Set([sgd.index, train.index, test.index]).size).toBe(3);
    expect(c.style('train')).toBe(train);
    const styles = Array.from({ length: 14 }, (_, i) => c.style(`run ${i}`));
    expect(styles.slice(0, 5).every((s) => s.dash.length === 0)).toBe(true);
    expect(styles.slice(5).every((s) => s.dash.length > 0)).toBe(true);
    const keys = new Set([sgd, train, test, ...styles].map((s) => `${s.index}/${s.dash.join(',')}`));
    expect(keys.size).toBe(17);
  });

  it('keeps lines visible against both themes', () => {
    PALETTE.forEach((_, i) => {
      expect(contrast(swatch(i, 'light'), '#fbfaf7')).toBeGreaterThan(2.8);
      expect(contrast(swatch(i, 'dark'), '#15171a')).toBeGreaterThan(3);
    });
    expect(casingFor('#f0e442')).toMatch(/^rgba\(0/);
    expect(casingFor('#0072b2')).toMatch(/^rgba\(255/);
  });
});
