import { describe, expect, it } from 'vitest';
import { formatCell, formatNumber, plural } from '../../src/runtime/client/display/format.ts';
import { evenIndices } from '../../src/runtime/client/display/sampling.ts';
import { MAX_KEPT_POINTS, SeriesData } from '../../src/runtime/client/display/series.ts';
import { LOG_POSITIONS_PER_DECADE, sliderScale } from '../../src/runtime/client/display/slider-scale.ts';
import { niceTicks } from '../../src/runtime/client/display/ticks.ts';
import { gapNote } from '../../src/runtime/client/display/notes.ts';

describe('number formatting', () => {
  it('drops binary-float noise', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 / 3)).toBe('0.33333');
    expect(formatNumber(2 / 3, 4)).toBe('0.6667');
    expect(formatNumber(-1.23456789)).toBe('-1.2346');
  });

  it('keeps integers whole and uses exponents only for very large or small magnitudes', () => {
    expect(formatNumber(10000)).toBe('10000');
    expect(formatNumber(-42)).toBe('-42');
    expect(formatNumber(123456.7)).toBe('123460');
    expect(formatNumber(1.5e7)).toBe('1.5e7');
    expect(formatNumber(0.000012345678)).toBe('1.2346e-5');
    expect(formatNumber(1e-4)).toBe('0.0001');
    expect(formatNumber(3e-10)).toBe('3e-10');
    expect(formatNumber(1e300 * 10)).toBe('1e301');
  });

  it('names the non-finite values', () => {
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('−∞');
    expect(formatNumber(-0)).toBe('0');
  });

  it('shows table cells of every kind as text', () => {
    expect(formatCell(null)).toBe('null');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(false)).toBe('false');
    expect(formatCell('<b>adam</b>')).toBe('<b>adam</b>');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
  });

  it('writes counts for sentences', () => {
    expect(plural(1, 'point', 'points')).toBe('1 point');
    expect(plural(10000, 'point', 'points')).toBe('10,000 points');
  });
});

describe('even downsampling', () => {
  it('keeps everything when it fits', () => {
    expect(evenIndices(5, 200)).toEqual([0, 1, 2, 3, 4]);
    expect(evenIndices(0, 200)).toEqual([]);
  });

  it('spreads at most max rows evenly, first and last included', () => {
    const idx = evenIndices(10_000, 200);
    expect(idx).toHaveLength(200);
    expect(idx[0]).toBe(0);
    expect(idx.at(-1)).toBe(9_999);
    expect(new Set(idx).size).toBe(200);
    const gaps = idx.slice(1).map((v, i) => v - (idx[i] as number));
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1);
    expect(evenIndices(201, 200)).toHaveLength(200);
    expect(evenIndices(7, 1)).toEqual([6]);
  });
});

describe('series data', () => {
  it('counts non-finite points and points a log axis cannot show', () => {
    const s = new SeriesData();
    s.append([0, 1, 2, 3, 4, 5], [1, NaN, Infinity, 0, -2, 3]);
    expect(s.received).toBe(6);
    expect(s.nonFinite).toBe(2);
    expect(s.nonPositive).toBe(2);
    s.append([NaN], [1]);
    expect(s.nonFinite).toBe(3);
  });

  it('collapses a run of non-finite points into one gap marker at the newest one', () => {
    const s = new SeriesData();
    s.append([0, 1, 2, 3, 4, 5], [1, 2, NaN, NaN, NaN, 4]);
    expect(s.xs).toEqual([0, 1, 4, 5]);
    expect(Number.isNaN(s.ys[2])).toBe(true);
    expect(s.index).toEqual([0, 1, 4, 5]);
    expect(s.nonFinite).toBe(3);
  });

  it('thins past its cap, keeps gaps and the newest point, and tells consumers to start over', () => {
    const cap = 1000;
    const s = new SeriesData(cap);
    const xs = Array.from({ length: 5000 }, (_, i) => i);
    const ys = xs.map((x) => (x === 2501 ? NaN : 1 / (x + 1)));
    s.append(xs, ys);
    expect(s.length).toBeLessThanOrEqual(cap + 1);
    expect(s.length).toBeGreaterThan(cap / 2);
    expect(s.generation).toBeGreaterThan(0);
    expect(s.received).toBe(5000);
    expect(s.ys.some((y) => Number.isNaN(y))).toBe(true);
    expect(s.xs.at(-1)).toBeGreaterThan(4990);
    // Kept points stay in stream order and agree with their indices.
    for (let k = 1; k < s.length; k++) expect(s.index[k]).toBeGreaterThan(s.index[k - 1] as number);
    for (let k = 0; k < s.length; k++) expect(s.xs[k]).toBe(s.index[k]);
    expect(MAX_KEPT_POINTS).toBeGreaterThanOrEqual(10_000);
  });

  it('stays bounded when every other point is NaN', () => {
    const s = new SeriesData(500);
    const xs = Array.from({ length: 20_000 }, (_, i) => i);
    s.append(
      xs,
      xs.map((x) => (x % 2 ? NaN : x)),
    );
    expect(s.length).toBeLessThanOrEqual(501);
    expect(s.nonFinite).toBe(10_000);
  });
});

describe('gap notes', () => {
  it('says nothing when nothing is missing', () => {
    expect(gapNote(0, 0)).toBe('');
  });
  it('counts what is missing and why', () => {
    expect(gapNote(3, 0)).toBe('3 points were not finite (NaN or ±Infinity) and are shown as gaps.');
    expect(gapNote(1, 2)).toBe(
      '1 point was not finite (NaN or ±Infinity) and is shown as a gap. 2 points are zero or negative and cannot be shown on the log scale.',
    );
    expect(gapNote(0, 0, ['sgd'])).toBe('The path of sgd ended outside the plotted area.');
  });
});

describe('slider scales', () => {
  it('maps a log slider over 24 positions per decade and round-trips every position', () => {
    const scale = sliderScale({ min: 1e-4, max: 1, step: 0.0001, log: true });
    expect(scale.min).toBe(0);
    expect(scale.max).toBe(4 * LOG_POSITIONS_PER_DECADE);
    expect(scale.step).toBe(1);
    expect(scale.toValue(0)).toBe(1e-4);
    expect(scale.toValue(scale.max)).toBe(1);
    expect(scale.toValue(48)).toBe(0.01);
    expect(scale.toValue(60)).toBe(0.0316);
    for (let p = 0; p <= scale.max; p++) expect(scale.toPosition(scale.toValue(p))).toBe(p);
  });

  it('puts any value of a log slider on its nearest position, clamped to the range', () => {
    const scale = sliderScale({ min: 1e-4, max: 1, step: 1, log: true });
    expect(scale.toValue(scale.toPosition(0.003))).toBeCloseTo(0.003, 3);
    expect(Math.abs(Math.log10(scale.toValue(scale.toPosition(0.003)) / 0.003))).toBeLessThan(1 / 48 + 1e-9);
    expect(scale.toPosition(5)).toBe(scale.max);
    expect(scale.toPosition(1e-9)).toBe(0);
  });

  it('leaves linear sliders to the input, without float noise', () => {
    const scale = sliderScale({ min: 0, max: 1, step: 0.1, log: false });
    expect([scale.min, scale.max, scale.step]).toEqual([0, 1, 0.1]);
    expect(scale.toValue(0.1 + 0.2)).toBe(0.3);
    expect(scale.toPosition(7)).toBe(1);
  });
});

describe('axis ticks', () => {
  it('uses round steps inside the range', () => {
    expect(niceTicks(-2, 2, 5)).toEqual([-2, -1, 0, 1, 2]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-1.5, 3.2, 4)).toEqual([-1, 0, 1, 2, 3]);
    expect(niceTicks(0.1, 0.35, 3)).toEqual([0.1, 0.2, 0.3]);
    expect(niceTicks(1, 1, 5)).toEqual([]);
  });
});
