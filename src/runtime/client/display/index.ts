/**
 * What a cell draws: line charts, loss landscapes, tables and sliders, rendered from validated
 * `CellEvent`s while the run is in progress.
 *
 * `apply` only queues: points go into each display's buffers and one animation frame draws everything
 * that changed, however many batches arrived in between. Displays of the previous run stay on screen
 * until this run's first event for the same id replaces them, or until the run ends without one, so
 * re-running a cell does not make the page flash empty or jump.
 */
import './display.css';
import {
  LIMITS,
  type Cell,
  type CellEvent,
  type ChartSpec,
  type LandscapeSpec,
  type SliderSpec,
} from '../../protocol.ts';
import { LineChartDisplay } from './chart.ts';
import { SeriesColors } from './colors.ts';
import type { DisplayContext } from './context.ts';
import { h } from './dom.ts';
import { LandscapeDisplay } from './landscape.ts';
import { SliderControl } from './slider.ts';
import { TableDisplay } from './table.ts';
import { readTheme, watchTheme, type Theme } from './theme.ts';

export interface DisplayOptions {
  /** The cell's title, for accessible names ("Data of chart “…” from cell “…”"). */
  cellTitle: string;
  /** A slider moved (debounced): the controller re-runs the cell with these values. */
  onParamsChange(params: Record<string, number>): void;
}

export interface DisplayHost {
  /** A new run starts: its events replace the previous run's displays id by id; sliders keep their values. */
  beginRun(): void;
  /** Applies validated events in order (chart, points, landscape, path, table, slider; others are ignored). */
  apply(events: readonly CellEvent[]): void;
  /** The run ended: draws what is pending and removes displays this run did not re-create. */
  endRun(): void;
  /** Current slider values by name, for the next run. */
  params(): Record<string, number>;
  destroy(): void;
}

export function createDisplay(root: HTMLElement, options: DisplayOptions): DisplayHost {
  return new Host(root, options);
}

/** Wait after the last slider movement before asking for a re-run. */
export const PARAMS_DEBOUNCE_MS = 150;

type Entry =
  | { kind: 'chart'; id: number; run: number; display: LineChartDisplay }
  | { kind: 'landscape'; id: number; run: number; display: LandscapeDisplay }
  | { kind: 'table'; id: number; run: number; display: TableDisplay };

interface Drawable {
  flush(): void;
}

class Host implements DisplayHost {
  private readonly container: HTMLElement;
  private readonly sliderBox: HTMLElement;
  private readonly displayBox: HTMLElement;
  private readonly entries = new Map<number, Entry>();
  private readonly sliders = new Map<string, { control: SliderControl; run: number }>();
  /** Values the reader chose, kept even while a run has not (yet) re-created their slider. */
  private readonly moved = new Map<string, number>();
  private readonly colors = new SeriesColors();
  private readonly dirty = new Set<Drawable>();
  private readonly stopWatchingTheme: () => void;
  private run = 0;
  private frame = 0;
  private paramsTimer: ReturnType<typeof setTimeout> | undefined;
  private cachedTheme: Theme | null = null;
  private destroyed = false;

  constructor(
    root: HTMLElement,
    private readonly options: DisplayOptions,
  ) {
    this.container = h('div', 'dsp');
    this.sliderBox = h('div', 'dsp-sliders');
    this.displayBox = h('div', 'dsp-displays');
    this.container.append(this.sliderBox, this.displayBox);
    root.append(this.container);
    this.stopWatchingTheme = watchTheme(() => this.themeChanged());
  }

  beginRun(): void {
    this.run++;
    // Colours are handed out in order of appearance; the same code gets the same colours every run.
    this.colors.reset();
  }

  apply(events: readonly CellEvent[]): void {
    if (this.destroyed) return;
    for (const e of events) {
      switch (e.t) {
        case 'chart':
          this.chart(e.id, e.spec);
          break;
        case 'points': {
          const entry = this.entries.get(e.id);
          if (entry?.kind === 'chart' && entry.run === this.run) entry.display.addPoints(e.series, e.xs, e.ys);
          break;
        }
        case 'landscape':
          this.landscape(e.id, e.spec);
          break;
        case 'path': {
          const entry = this.entries.get(e.id);
          if (entry?.kind === 'landscape' && entry.run === this.run) entry.display.addPath(e.name, e.xs, e.ys);
          break;
        }
        case 'table':
          this.table(e.id, e.title, e.columns, e.rows);
          break;
        case 'slider':
          this.slider(e.spec);
          break;
        default:
          break;
      }
    }
  }

  endRun(): void {
    if (this.destroyed) return;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.dirty.clear();
    for (const entry of [...this.entries.values()]) {
      if (entry.run === this.run) {
        this.guard(() => entry.display.finish());
      } else {
        entry.display.destroy();
        this.entries.delete(entry.id);
      }
    }
    for (const [name, s] of [...this.sliders]) {
      if (s.run === this.run) continue;
      s.control.destroy();
      this.sliders.delete(name);
    }
  }

  params(): Record<string, number> {
    const out: Record<string, number> = {};
    // defineProperty, not assignment: a slider named "__proto__" must stay an ordinary key.
    const set = (name: string, value: number) =>
      Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
    for (const [name, value] of this.moved) set(name, value);
    for (const [name, s] of this.sliders) set(name, s.control.value);
    return out;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    clearTimeout(this.paramsTimer);
    this.stopWatchingTheme();
    for (const entry of this.entries.values()) entry.display.destroy();
    for (const s of this.sliders.values()) s.control.destroy();
    this.entries.clear();
    this.sliders.clear();
    this.dirty.clear();
    this.container.remove();
  }

  // -------------------------------------------------------------------------------------------------

  private chart(id: number, spec: ChartSpec): void {
    const entry = this.entries.get(id);
    if (entry?.kind === 'chart') {
      if (entry.run === this.run) entry.display.setSpec(spec);
      else entry.display.reset(spec);
      entry.run = this.run;
      return;
    }
    if (!this.mayCreate(entry)) return;
    const target: { display?: Drawable } = {};
    const display = new LineChartDisplay(spec, this.context(target));
    target.display = display;
    this.place({ kind: 'chart', id, run: this.run, display }, entry);
    this.invalidate(display);
  }

  private landscape(id: number, spec: LandscapeSpec): void {
    const entry = this.entries.get(id);
    if (entry?.kind === 'landscape') {
      if (entry.run === this.run) entry.display.setSpec(spec);
      else entry.display.reset(spec);
      entry.run = this.run;
      return;
    }
    if (!this.mayCreate(entry)) return;
    const target: { display?: Drawable } = {};
    const display = new LandscapeDisplay(spec, this.context(target));
    target.display = display;
    this.place({ kind: 'landscape', id, run: this.run, display }, entry);
    this.invalidate(display);
  }

  private table(id: number, title: string, columns: readonly string[], rows: readonly (readonly Cell[])[]): void {
    const entry = this.entries.get(id);
    if (entry?.kind === 'table') {
      entry.display.set(title, columns, rows);
      entry.run = this.run;
      this.invalidate(entry.display);
      return;
    }
    if (!this.mayCreate(entry)) return;
    const display = new TableDisplay(title, columns, rows);
    this.place({ kind: 'table', id, run: this.run, display }, entry);
    this.invalidate(display);
  }

  /** Whether this run may create one more display (`replacing` one of another kind costs nothing). */
  private mayCreate(replacing: Entry | undefined): boolean {
    if (replacing && replacing.run === this.run) return true;
    let count = 0;
    for (const e of this.entries.values()) if (e.run === this.run) count++;
    return count < LIMITS.displays;
  }

  /** Puts a new display on screen in id order, in place of `replacing` if there is one. */
  private place(entry: Entry, replacing: Entry | undefined): void {
    if (replacing) {
      replacing.display.element.replaceWith(entry.display.element);
      replacing.display.destroy();
    } else {
      let next: Entry | undefined;
      for (const e of this.entries.values()) if (e.id > entry.id && (!next || e.id < next.id)) next = e;
      this.displayBox.insertBefore(entry.display.element, next?.display.element ?? null);
    }
    this.entries.set(entry.id, entry);
  }

  private slider(spec: SliderSpec): void {
    const value = this.moved.get(spec.name) ?? spec.value;
    const existing = this.sliders.get(spec.name);
    if (existing) {
      existing.control.update(spec, value);
      existing.run = this.run;
      return;
    }
    if (this.sliders.size >= LIMITS.displays) return;
    const control = new SliderControl(spec, value, (name, v) => this.sliderMoved(name, v));
    this.sliders.set(spec.name, { control, run: this.run });
    this.sliderBox.append(control.element);
  }

  private sliderMoved(name: string, value: number): void {
    this.moved.set(name, value);
    clearTimeout(this.paramsTimer);
    this.paramsTimer = setTimeout(() => {
      if (!this.destroyed) this.options.onParamsChange(this.params());
    }, PARAMS_DEBOUNCE_MS);
  }

  private context(target: { display?: Drawable }): DisplayContext {
    return {
      cellTitle: this.options.cellTitle,
      colors: this.colors,
      theme: () => this.theme(),
      invalidate: () => {
        if (target.display) this.invalidate(target.display);
      },
    };
  }

  private invalidate(display: Drawable): void {
    if (this.destroyed) return;
    this.dirty.add(display);
    if (!this.frame) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        const batch = [...this.dirty];
        this.dirty.clear();
        for (const d of batch) this.guard(() => d.flush());
      });
    }
  }

  /** A drawing bug in one display must not stop the others or the cell's controller. */
  private guard(draw: () => void): void {
    try {
      draw();
    } catch (err) {
      console.error('Descent display:', err);
    }
  }

  private theme(): Theme {
    this.cachedTheme ??= readTheme(this.container);
    return this.cachedTheme;
  }

  private themeChanged(): void {
    this.cachedTheme = null;
    const theme = this.theme();
    for (const entry of this.entries.values()) {
      if (entry.kind === 'chart') this.guard(() => entry.display.applyTheme(theme));
      else if (entry.kind === 'landscape') entry.display.applyTheme();
    }
  }
}
