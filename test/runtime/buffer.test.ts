import { describe, expect, it } from 'vitest';
import type { CellEvent } from '../../src/runtime/protocol.ts';
import { createBuffer } from '../../src/runtime/worker/buffer.ts';

function harnessClock() {
  let t = 0;
  const batches: CellEvent[][] = [];
  const buffer = createBuffer({ post: (e) => batches.push(e), now: () => t, intervalMs: 25, lineBudget: 3 });
  buffer.flush(); // past the first, immediate batch (tested on its own below)
  return { buffer, batches, advance: (ms: number) => (t += ms) };
}

describe('the worker-side event buffer', () => {
  it('sends the first event at once, so a chart appears before the cell has computed anything', () => {
    const batches: CellEvent[][] = [];
    const buffer = createBuffer({ post: (e) => batches.push(e), now: () => 0 });
    buffer.emit({ t: 'chart', id: 0, spec: { title: 't', x: 'step', y: 'loss', logY: false, yMax: null } });
    expect(batches).toHaveLength(1);
    buffer.point('points', 0, 'sgd', 1, 1);
    expect(batches).toHaveLength(1);
  });

  it('merges consecutive points of one series into a single event', () => {
    const { buffer, batches } = harnessClock();
    buffer.emit({ t: 'chart', id: 0, spec: { title: 't', x: 'step', y: 'loss', logY: false, yMax: null } });
    for (let i = 0; i < 100; i++) buffer.point('points', 0, 'sgd', i, 1 / (i + 1));
    buffer.flush();
    expect(batches).toHaveLength(1);
    const points = batches[0]?.filter((e) => e.t === 'points');
    expect(points).toHaveLength(1);
    expect(points?.[0]?.t === 'points' && points[0].xs.length).toBe(100);
  });

  it('sends a batch once the interval has passed, not on every point', () => {
    const { buffer, batches, advance } = harnessClock();
    for (let i = 0; i < 10; i++) buffer.point('points', 0, 'a', i, i);
    expect(batches).toHaveLength(0);
    advance(30);
    buffer.point('points', 0, 'a', 10, 10);
    expect(batches).toHaveLength(1);
  });

  it('keeps the newest lines of a flood and counts the rest', () => {
    const { buffer, batches } = harnessClock();
    for (let i = 1; i <= 10; i++) buffer.log('log', `line ${i}`);
    buffer.flush();
    expect(batches[0]).toEqual([
      { t: 'dropped', lines: 7 },
      { t: 'log', level: 'log', text: 'line 8' },
      { t: 'log', level: 'log', text: 'line 9' },
      { t: 'log', level: 'log', text: 'line 10' },
    ]);
  });

  it('puts "done" last, after the output flushed with it', () => {
    const { buffer, batches } = harnessClock();
    buffer.log('log', 'before');
    buffer.emit({ t: 'done' });
    buffer.flush();
    expect(batches[0]?.at(-1)).toEqual({ t: 'done' });
  });

  it('reports only the latest progress in a batch', () => {
    const { buffer, batches } = harnessClock();
    for (let i = 1; i <= 5; i++) buffer.progress(i, 5);
    buffer.flush();
    expect(batches[0]).toEqual([{ t: 'progress', step: 5, total: 5 }]);
  });
});
