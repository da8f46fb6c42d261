/**
 * Chart.js options for a streaming line chart, kept apart from the DOM so a unit test can run Chart.js's
 * own decimation plugin against them. That plugin does nothing, silently, unless the x axis is 'linear'
 * (not the line chart's default 'category'), `parsing` is false and the index axis is x; then it thins
 * every series longer than `threshold` to `samples` points (default: the chart's width in CSS pixels).
 *
 * The threshold is 1, not the default 4 × width: a series that is not decimated is drawn by Chart.js's
 * "fast path", which snaps points to whole pixels and leaves visible notches on steep curves. Below
 * `samples` points LTTB just copies the series, so this costs one array copy per frame.
 */
import type { ChartOptions, Plugin, Tick, TooltipItem } from 'chart.js';
import type { ChartSpec } from '../../protocol.ts';
import { formatNumber } from './format.ts';
import type { Theme } from './theme.ts';

/** A point as Chart.js receives it; `i` is its position in the series, y is null where it is a gap. */
export interface ChartPoint {
  x: number;
  y: number | null;
  i: number;
}

export type LineOptions = ChartOptions<'line'>;

export function lineChartOptions(spec: ChartSpec, logY: boolean, theme: Theme): LineOptions {
  const options: LineOptions = {
    parsing: false,
    normalized: true,
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: 'x',
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    elements: {
      point: { radius: 0, hoverRadius: 4, hitRadius: 6 },
      line: { borderWidth: 2, tension: 0 },
    },
    scales: {
      x: { type: 'linear', title: { display: true, text: spec.x }, ticks: { callback: linearTick } },
      y: {
        type: logY ? 'logarithmic' : 'linear',
        ...(spec.yMax === null ? {} : { max: spec.yMax }),
        title: { display: true, text: spec.y },
        ticks: { callback: logY ? logTick : linearTick },
      },
    },
    plugins: {
      decimation: { enabled: true, algorithm: 'lttb', threshold: 1 },
      legend: { position: 'bottom', labels: { usePointStyle: true, pointStyle: 'line', boxWidth: 28 } },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'line'>[]) => {
            const x = items[0]?.parsed.x;
            return x === undefined || x === null ? '' : `${spec.x} ${formatNumber(x)}`;
          },
          label: (item: TooltipItem<'line'>) => `${item.dataset.label ?? ''}: ${formatNumber(item.parsed.y ?? NaN)}`,
        },
      },
    },
  };
  applyTheme(options, theme);
  return options;
}

/** Re-colours grid, ticks, titles and legend for the theme (in place, so the chart keeps its state). */
export function applyTheme(options: LineOptions, theme: Theme): void {
  const font = { family: theme.fontUi, size: 12 };
  for (const axis of [options.scales?.['x'], options.scales?.['y']]) {
    if (!axis) continue;
    axis.grid = { ...axis.grid, color: theme.border };
    axis.border = { ...axis.border, color: theme.border };
    axis.ticks = { ...axis.ticks, color: theme.muted, font };
    if ('title' in axis && axis.title) axis.title = { ...axis.title, color: theme.muted, font: { ...font, size: 13 } };
  }
  const legend = options.plugins?.legend;
  if (legend) legend.labels = { ...legend.labels, color: theme.text, font: { ...font, size: 13 } };
  const tooltip = options.plugins?.tooltip;
  if (tooltip) {
    tooltip.titleFont = { ...font, weight: 'bold' };
    tooltip.bodyFont = font;
  }
}

export function setLogY(options: LineOptions, logY: boolean): void {
  const y = options.scales?.['y'];
  if (!y) return;
  y.type = logY ? 'logarithmic' : 'linear';
  y.ticks = { ...y.ticks, callback: logY ? logTick : linearTick };
}

/**
 * LTTB picks points by area and drops gap markers (y null) like any other point, which would join a
 * line across a stretch where the value was not finite. This plugin runs after Chart.js's decimation
 * (registered plugins run before inline ones) and puts every gap marker back, in series order.
 */
export function gapKeeper(gapsOf: (dataset: object) => readonly ChartPoint[] | undefined): Plugin<'line'> {
  return {
    id: 'dspKeepGaps',
    beforeElementsUpdate(chart) {
      for (const dataset of chart.data.datasets) {
        const d = dataset as { _decimated?: ChartPoint[] };
        const gaps = gapsOf(dataset);
        if (d._decimated && gaps && gaps.length > 0) d._decimated = mergeGaps(d._decimated, gaps);
      }
    },
  };
}

/** `decimated` (a subsequence of a series) plus the gap markers it lacks, in series order. */
export function mergeGaps<T extends { i: number }>(decimated: readonly T[], gaps: readonly T[]): T[] {
  const out: T[] = [];
  let g = 0;
  for (const p of decimated) {
    while (g < gaps.length && (gaps[g] as T).i < p.i) out.push(gaps[g++] as T);
    if (g < gaps.length && (gaps[g] as T).i === p.i) g++;
    out.push(p);
  }
  while (g < gaps.length) out.push(gaps[g++] as T);
  return out;
}

// Tick labels are ours rather than Chart.js's: its formatter builds an Intl.NumberFormat per tick
// precision, and creating the first one cost ~40 ms on the first chart of a page.

export function linearTick(value: number | string): string {
  return formatNumber(Number(value), 6);
}

/** A log axis has ticks at every 1–9 × 10^k; only 1, 2, 3 and 5 are labelled unless there are few. */
export function logTick(value: number | string, _index: number, ticks: readonly Pick<Tick, 'value'>[]): string {
  const v = Number(value);
  if (!(v > 0)) return '';
  const significand = Math.round((v / 10 ** Math.floor(Math.log10(v))) * 1e6) / 1e6;
  return ticks.length <= 4 || [1, 2, 3, 5, 10].includes(significand) ? formatNumber(v, 6) : '';
}
