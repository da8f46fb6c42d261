/**
 * Collects what a running cell reports and posts it in batches. A cell that adds a chart point every
 * microsecond must not send a million messages: points for the same series are merged, output lines
 * beyond a per-batch budget are dropped (and counted), and a batch goes out at most every `intervalMs`.
 * The page applies the same caps again, since code in the worker can replace all of this.
 */
import type { CellEvent, LogLevel } from '../protocol.ts';

export interface EventBuffer {
  emit(event: CellEvent): void;
  log(level: LogLevel, text: string): void;
  /** Appends one point to a chart series (`points`) or a landscape path (`path`). */
  point(kind: 'points' | 'path', id: number, name: string, x: number, y: number): void;
  progress(step: number, total: number | null): void;
  /** Sends everything pending now. */
  flush(): void;
}

export interface BufferOptions {
  post(events: CellEvent[]): void;
  now(): number;
  /** Schedules a flush for code that reports and then waits (setTimeout in a worker). */
  later?(callback: () => void, ms: number): void;
  intervalMs?: number;
  /** Output lines kept per batch. */
  lineBudget?: number;
}

type Series = { t: 'points' | 'path'; xs: number[]; ys: number[] };

export function createBuffer(options: BufferOptions): EventBuffer {
  const interval = options.intervalMs ?? 25;
  const lineBudget = options.lineBudget ?? 1_000;
  let pending: CellEvent[] = [];
  let series = new Map<string, Series>();
  // The newest `lineBudget` lines, as a ring so that a flood costs O(1) per line.
  let ring: { level: LogLevel; text: string }[] = [];
  let head = 0;
  let dropped = 0;
  let progress: CellEvent | null = null;
  // The first batch goes out at once, so a chart appears as soon as the cell creates it.
  let last = -Infinity;
  let scheduled = false;

  /** Moves the lines printed so far into the pending events, after what came before them. */
  function drainLines(): void {
    if (dropped > 0) pending.push({ t: 'dropped', lines: dropped });
    for (let i = 0; i < ring.length; i++) {
      const { level, text } = ring[(head + i) % ring.length] as { level: LogLevel; text: string };
      pending.push({ t: 'log', level, text });
    }
    ring = [];
    head = 0;
    dropped = 0;
  }

  function flush(): void {
    scheduled = false;
    last = options.now();
    drainLines();
    const out: CellEvent[] = pending;
    if (progress) out.push(progress);
    // `done` ends the run for the page, so it must come after the output it flushes with.
    const done = out.findIndex((e) => e.t === 'done');
    if (done >= 0) out.push(...out.splice(done, 1));
    if (out.length > 0) options.post(out);
    pending = [];
    series = new Map();
    progress = null;
  }

  function maybeFlush(): void {
    if (options.now() - last >= interval) flush();
    else if (!scheduled && options.later) {
      scheduled = true;
      options.later(() => scheduled && flush(), interval);
    }
  }

  return {
    emit(event) {
      // Keep output in order: lines printed before an error or a chart come before it.
      // Structural events also end the current run of merged points (a chart must exist first).
      drainLines();
      series = new Map();
      pending.push(event);
      maybeFlush();
    },
    log(level, text) {
      if (ring.length < lineBudget) ring.push({ level, text });
      else {
        ring[head] = { level, text };
        head = (head + 1) % lineBudget;
        dropped++;
      }
      maybeFlush();
    },
    point(kind, id, name, x, y) {
      const key = `${kind}\u0000${id}\u0000${name}`;
      let s = series.get(key);
      if (!s) {
        s = { t: kind, xs: [], ys: [] };
        series.set(key, s);
        pending.push(
          kind === 'points'
            ? { t: 'points', id, series: name, xs: s.xs, ys: s.ys }
            : { t: 'path', id, name, xs: s.xs, ys: s.ys },
        );
      }
      s.xs.push(x);
      s.ys.push(y);
      if (s.xs.length >= 10_000) series.delete(key);
      maybeFlush();
    },
    progress(step, total) {
      progress = { t: 'progress', step, total };
      maybeFlush();
    },
    flush,
  };
}
