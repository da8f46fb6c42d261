import { describe, expect, it } from 'vitest';
import { LIMITS, parseCommand, parseEvent, parseRunnerMessage } from '../../src/runtime/protocol.ts';

/** A well-formed landscape event; each case below changes the one thing that makes it invalid. */
function landscapeEvent(spec: Record<string, unknown> = {}) {
  return {
    t: 'landscape',
    id: 0,
    spec: {
      title: 't',
      x: 'w',
      y: 'b',
      view: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 },
      nx: 2,
      ny: 2,
      values: [1, 2, 3, 4],
      logScale: false,
      minima: [],
      saddles: [],
      ...spec,
    },
  };
}

describe('events from a worker', () => {
  it('pass through when well formed, as clean copies', () => {
    const input = { t: 'points', id: 0, series: 'adam', xs: [1, 2], ys: [0.5, 0.25], extra: 'dropped' };
    const parsed = parseEvent(input);
    expect(parsed).toEqual({ t: 'points', id: 0, series: 'adam', xs: [1, 2], ys: [0.5, 0.25] });
    expect(parsed).not.toBe(input);
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { t: 'eval', code: 'alert(1)' }],
    ['a log with a non-string text', { t: 'log', level: 'log', text: { toString: (): string => 'x' } }],
    ['a log with an unknown level', { t: 'log', level: 'html', text: 'x' }],
    ['points with mismatched lengths', { t: 'points', id: 0, series: 'a', xs: [1], ys: [] }],
    ['points with a string inside', { t: 'points', id: 0, series: 'a', xs: [1], ys: ['1'] }],
    [
      'points beyond the batch cap',
      {
        t: 'points',
        id: 0,
        series: 'a',
        xs: new Array(LIMITS.batchPoints + 1).fill(0),
        ys: new Array(LIMITS.batchPoints + 1).fill(0),
      },
    ],
    ['a chart id that is not an integer', { t: 'chart', id: 0.5, spec: { title: 'a', x: 'b', y: 'c', logY: false } }],
    [
      'a chart whose yMax is not a finite number',
      { t: 'chart', id: 0, spec: { title: 'a', x: 'b', y: 'c', logY: false, yMax: Infinity } },
    ],
    ['a chart spec without yMax', { t: 'chart', id: 0, spec: { title: 'a', x: 'b', y: 'c', logY: false } }],
    ['a landscape grid larger than the cap', landscapeEvent({ nx: 300, ny: 300, values: [] })],
    ['a landscape with an empty view', landscapeEvent({ view: { xmin: 1, xmax: 1, ymin: 0, ymax: 1 } })],
    [
      'a landscape whose view has finite ends but an infinite width',
      landscapeEvent({ view: { xmin: -1e308, xmax: 1e308, ymin: 0, ymax: 1 } }),
    ],
    ['a table row of the wrong width', { t: 'table', id: 0, title: 't', columns: ['a', 'b'], rows: [[1]] }],
    ['a table cell holding an object', { t: 'table', id: 0, title: 't', columns: ['a'], rows: [[{}]] }],
    [
      'a table of 201 rows',
      { t: 'table', id: 0, title: 't', columns: ['a'], rows: Array.from({ length: 201 }, () => [1]) },
    ],
    [
      'a log slider starting at zero',
      { t: 'slider', spec: { name: 'lr', min: 0, max: 1, step: 0.1, value: 0.5, log: true } },
    ],
    ['an error with line 0', { t: 'error', message: 'x', line: 0, column: null, phase: 'run' }],
  ])('are dropped when they are %s', (_, input) => {
    expect(parseEvent(input)).toBeNull();
  });

  it('cap long text instead of dropping it', () => {
    const parsed = parseEvent({ t: 'log', level: 'log', text: 'x'.repeat(LIMITS.textLength * 3) });
    expect(parsed?.t === 'log' && parsed.text.length).toBe(LIMITS.textLength);
    const table = parseEvent({ t: 'table', id: 0, title: 't', columns: ['a'], rows: [['y'.repeat(1000)]] });
    expect(table?.t === 'table' && String(table.rows[0][0]).length).toBe(LIMITS.labelLength);
  });

  it('keep NaN and Infinity in points, for the chart to show as gaps', () => {
    expect(parseEvent({ t: 'points', id: 1, series: 's', xs: [1, 2], ys: [NaN, Infinity] })).toEqual({
      t: 'points',
      id: 1,
      series: 's',
      xs: [1, 2],
      ys: [NaN, Infinity],
    });
  });

  it('accept a landscape grid sent as a Float64Array, with its axis names', () => {
    const event = parseEvent(landscapeEvent({ values: new Float64Array([1, 2, 3, 4]), minima: [[0, 0]] }));
    expect(event?.t).toBe('landscape');
    if (event?.t === 'landscape') expect(Array.from(event.spec.values)).toEqual([1, 2, 3, 4]);
    if (event?.t === 'landscape') expect([event.spec.x, event.spec.y]).toEqual(['w', 'b']);
  });

  it('clamp a slider value into its range', () => {
    const e = parseEvent({ t: 'slider', spec: { name: 'lr', min: 0.001, max: 1, step: 0.01, value: 5, log: true } });
    expect(e).toEqual({ t: 'slider', spec: { name: 'lr', min: 0.001, max: 1, step: 0.01, value: 1, log: true } });
  });
});

describe('messages from the runner', () => {
  it('drop invalid events one by one and keep the rest', () => {
    const m = parseRunnerMessage({
      t: 'events',
      run: 3,
      events: [{ t: 'done' }, { t: 'bogus' }, { t: 'log', level: 'warn', text: 'w' }],
    });
    expect(m).toEqual({ t: 'events', run: 3, events: [{ t: 'done' }, { t: 'log', level: 'warn', text: 'w' }] });
  });

  it('reject an end with an unknown reason', () => {
    expect(parseRunnerMessage({ t: 'ended', run: 1, reason: 'exploded', detail: '' })).toBeNull();
    expect(parseRunnerMessage({ t: 'ended', run: 1, reason: 'timeout', detail: 'd' })).toEqual({
      t: 'ended',
      run: 1,
      reason: 'timeout',
      detail: 'd',
    });
  });

  it('reject oversized batches outright', () => {
    expect(
      parseRunnerMessage({ t: 'events', run: 1, events: new Array(LIMITS.batchEvents + 1).fill({ t: 'done' }) }),
    ).toBeNull();
  });
});

describe('commands to the runner', () => {
  it('accept a run and keep only numeric parameters', () => {
    expect(
      parseCommand({ t: 'run', run: 1, code: 'x', check: null, params: { lr: 0.1, bad: 'x' }, timeLimitMs: 10_000 }),
    ).toEqual({
      t: 'run',
      run: 1,
      code: 'x',
      check: null,
      params: { lr: 0.1 },
      timeLimitMs: 10_000,
    });
  });

  it('keep a parameter named __proto__ as an ordinary value', () => {
    const parsed = parseCommand(
      JSON.parse('{"t":"run","run":1,"code":"","check":null,"params":{"__proto__":0.5},"timeLimitMs":1}'),
    );
    expect(parsed?.t === 'run' && Object.getOwnPropertyDescriptor(parsed.params, '__proto__')?.value).toBe(0.5);
  });

  it('reject code beyond the size cap and stops without a reason', () => {
    expect(
      parseCommand({
        t: 'run',
        run: 1,
        code: 'x'.repeat(LIMITS.codeLength + 1),
        check: null,
        params: {},
        timeLimitMs: 1,
      }),
    ).toBeNull();
    expect(parseCommand({ t: 'stop', run: 1 })).toBeNull();
    expect(parseCommand({ t: 'stop', run: 1, reason: 'timeout' })).toEqual({ t: 'stop', run: 1, reason: 'timeout' });
  });
});
