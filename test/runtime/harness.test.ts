/** The worker harness, driven through the same path the lesson cells take in CI. */
import { describe, expect, it } from 'vitest';
import { runCellInNode } from '../support/run-cell.ts';
import { CheckFailure } from '../../src/runtime/worker/check.ts';

describe('running a cell', () => {
  it('captures console output and print() as text', async () => {
    const run = await runCellInNode(
      "import { print } from 'descent/display';\nconsole.log('a', 1, [2, 3]);\nprint(new Float64Array([0.5]));\nconsole.warn({ lr: 0.1 });",
    );
    expect(run.logs).toEqual(['a 1 [2, 3]', 'Float64Array(1) [0.5]', '{ lr: 0.1 }']);
    expect(run.events.find((e) => e.t === 'log' && e.level === 'warn')).toBeTruthy();
  });

  it('supports top-level await and TypeScript syntax', async () => {
    const run = await runCellInNode('const x: number = await Promise.resolve(41);\nconsole.log(x + 1 as number);');
    expect(run.logs).toEqual(['42']);
    expect(run.errors).toEqual([]);
  });

  it('reports a runtime error with its line in the student code', async () => {
    const run = await runCellInNode("import { adam } from 'descent';\nconst a = 1;\nadam({ lr: -1 });");
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]?.message).toBe('RangeError: Invalid learning rate: -1');
    expect(run.errors[0]?.line).toBe(3);
    expect(run.events.at(-1)).toEqual({ t: 'done' });
  });

  it('reports a syntax error with its line and column, before running anything', async () => {
    const run = await runCellInNode("console.log('never');\nconst = 3;");
    expect(run.logs).toEqual([]);
    expect(run.errors[0]).toMatchObject({ phase: 'compile', line: 2, column: 7 });
  });

  it('refuses imports other than the course modules, naming the allowed ones', async () => {
    const run = await runCellInNode("import fs from 'node:fs';\nconsole.log(fs);");
    expect(run.errors[0]?.message).toBe(
      'Error: Cannot import "node:fs": a cell can import only "descent", "descent/display", "descent/check".',
    );
  });

  it('turns import() of a URL into the same refusal', async () => {
    const run = await runCellInNode("await import('https://example.com/x.js');");
    expect(run.errors[0]?.message).toContain('Cannot import "https://example.com/x.js"');
  });

  it('starts sliders at their value, or at the value the reader chose', async () => {
    const code =
      "import { slider, print } from 'descent/display';\nprint(slider('lr', { min: 0.001, max: 1, value: 0.1, log: true }));";
    expect((await runCellInNode(code)).logs).toEqual(['0.1']);
    expect((await runCellInNode(code, { params: { lr: 0.25 } })).logs).toEqual(['0.25']);
    expect((await runCellInNode(code, { params: { lr: 7 } })).logs).toEqual(['0.1']);
  });

  it('sends charts, landscapes and tables as valid protocol events', async () => {
    const run = await runCellInNode(`
      import { rosenbrock } from 'descent';
      import { lineChart, landscape, table } from 'descent/display';
      const c = lineChart({ title: 'loss' });
      for (let t = 0; t < 50; t++) c.add('sgd', t, 1 / (t + 1));
      const land = landscape(rosenbrock(), { resolution: 40 });
      land.add('adam', -1, 1);
      table([{ optimizer: 'sgd', loss: 0.1 }], { title: 'Results' });
    `);
    expect(run.invalid).toEqual([]);
    expect(run.errors).toEqual([]);
    const kinds = run.events.map((e) => e.t);
    expect(kinds).toEqual(expect.arrayContaining(['chart', 'points', 'landscape', 'path', 'table', 'done']));
    const land = run.events.find((e) => e.t === 'landscape');
    expect(land?.t === 'landscape' && land.spec.logScale).toBe(true);
    expect(land?.t === 'landscape' && land.spec.minima).toEqual([[1, 1]]);
  });

  it('sends a chart’s y-axis cap, and names yMax when it is not a number', async () => {
    const capped = await runCellInNode(`
      import { lineChart } from 'descent/display';
      lineChart({ title: 'sweep', yMax: 1000 });
    `);
    const chart = capped.events.find((e) => e.t === 'chart');
    expect(chart?.t === 'chart' && chart.spec.yMax).toBe(1000);
    const bad = await runCellInNode(`
      import { lineChart } from 'descent/display';
      lineChart({ yMax: Infinity });
    `);
    expect(bad.errors.map((e) => e.message)).toEqual([
      'RangeError: lineChart: yMax must be a finite number, got Infinity',
    ]);
  });

  it("names a landscape's axes as the cell asks, and refuses names too long to draw", async () => {
    const named = await runCellInNode(`
      import { landscape } from 'descent/display';
      landscape((w, b) => w * w + b * b, { view: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, x: 'w', y: 'b' });
      landscape((x, y) => x + y, { view: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 } });
    `);
    const axes = named.events.flatMap((e) => (e.t === 'landscape' ? [[e.spec.x, e.spec.y]] : []));
    expect(axes).toEqual([
      ['w', 'b'],
      ['x', 'y'],
    ]);
    const long = await runCellInNode(`
      import { landscape } from 'descent/display';
      landscape((x, y) => x + y, { view: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, y: 'the intercept of the fitted line' });
    `);
    expect(long.errors[0]?.message).toBe(
      'RangeError: landscape: axis names need 1 to 24 characters, got "x", "the intercept of the fitted line"',
    );
  });

  it('names a landscape view box that cannot be drawn', async () => {
    const run = await runCellInNode(`
      import { landscape } from 'descent/display';
      landscape((x, y) => x + y, { view: { xmin: -1e308, xmax: 1e308, ymin: 0, ymax: 1 } });
    `);
    expect(run.errors.map((e) => e.message)).toEqual([
      'RangeError: landscape: the view box needs finite numbers with xmin < xmax and ymin < ymax, got { xmin: -1e+308, xmax: 1e+308, ymin: 0, ymax: 1 }',
    ]);
  });

  it('refuses a table the page could not lay out quickly, and says what to show instead', async () => {
    const tall = await runCellInNode(`
      import { table } from 'descent/display';
      table(Array.from({ length: 201 }, (_, step) => ({ step })));
    `);
    expect(tall.errors.map((e) => e.message)).toEqual([
      'RangeError: table: 201 rows is more than the 200 a table can show; show every 10th row, say, or a summary',
    ]);
    const many = await runCellInNode(`
      import { table } from 'descent/display';
      const row = Object.fromEntries(Array.from({ length: 20 }, (_, k) => ['c' + k, k]));
      for (let i = 0; i < 2; i++) table(Array.from({ length: 100 }, () => row));
      table([row]);
    `);
    expect(many.events.filter((e) => e.t === 'table')).toHaveLength(2);
    expect(many.errors.map((e) => e.message)).toEqual([
      "RangeError: table: this table's 20 cells would take the run's tables past 4,000 cells in all; show fewer or smaller tables",
    ]);
  });
});

describe('importing from the course modules', () => {
  it('names a misspelled export and suggests the right one', async () => {
    const run = await runCellInNode("import { Adam } from 'descent';\nAdam({ lr: 0.1 });");
    expect(run.errors.map((e) => [e.message, e.line])).toEqual([
      ['SyntaxError: "descent" has no export named "Adam". Did you mean "adam"?', 2],
    ]);
    const display = await runCellInNode("import { lineChrt } from 'descent/display';\nlineChrt();");
    expect(display.errors[0]?.message).toBe(
      'SyntaxError: "descent/display" has no export named "lineChrt". Did you mean "lineChart"?',
    );
  });

  it('says there is no default export', async () => {
    const run = await runCellInNode("import descent from 'descent';\ndescent.adam();");
    expect(run.errors[0]?.message).toBe(
      'SyntaxError: "descent" has no default export: import names from it, e.g. import { adam } from \'descent\'',
    );
  });

  it('keeps type-only imports, namespace imports and printing a module working', async () => {
    const run = await runCellInNode(`
      import { adam, Optimizer, type AdamState } from 'descent';
      import * as all from 'descent';
      const opt: Optimizer<AdamState> = all.adam({ lr: 0.1 });
      console.log(typeof adam, typeof opt.step, Object.keys(all).includes('sgd'));
    `);
    expect(run.errors).toEqual([]);
    expect(run.logs).toEqual(['function function true']);
  });
});

describe('code the browser would read differently from the compiler', () => {
  it('is refused when it holds an HTML-like comment, which could end the cell early and skip the check', async () => {
    const escape = '0 <!-- ({a:0\n}, async function(){}); (function(){\n0 <!-- y })';
    const run = await runCellInNode(escape, { check: "throw new Error('the check ran')" });
    expect(run.errors).toEqual([
      {
        t: 'error',
        message:
          'SyntaxError: "<!--" starts a comment when a browser runs a script, so this line would not run as written. ' +
          `Add a space ("< !--"), or in a string write '<' + '!--'.`,
        line: 1,
        column: 3,
        phase: 'compile',
      },
    ]);
    expect(run.check).toBeNull();
    // "-->" opening a line is a syntax error to the compiler already; either way the line is named.
    const closing = await runCellInNode('let x = 1;\nx\n  --> 0');
    expect(closing.errors.map((e) => [e.phase, e.line])).toEqual([['compile', 3]]);
    const fine = await runCellInNode('let b = 1;\nconsole.log(0 < !--b, b-->-1);');
    expect(fine.logs).toEqual(['true true']);
  });
});

describe('a thrown value that throws when it is read', () => {
  it('still ends the run, with an error that says so', async () => {
    const run = await runCellInNode('throw { get message(): string { throw new Error("inner"); } };');
    expect(run.errors.map((e) => e.message)).toEqual(['Uncaught a value that throws when it is read']);
    expect(run.events.at(-1)).toEqual({ t: 'done' });
  });

  it('still ends a check, as a failure', async () => {
    const check = "import { CheckFailure } from 'descent/check'; throw new CheckFailure('x');";
    const hostile = `
      import { CheckFailure } from 'descent/check';
      Object.defineProperty(CheckFailure, Symbol.hasInstance, { value: () => { throw 'gotcha'; }, configurable: true });
    `;
    // Node runs every cell in one realm (the browser gives each run a fresh worker): undo the tampering.
    const tampered = await runCellInNode(hostile, { check }).finally(() => {
      delete (CheckFailure as unknown as Record<symbol, unknown>)[Symbol.hasInstance];
    });
    expect(tampered.check?.ok).toBe(false);
    expect(tampered.events.at(-1)).toEqual({ t: 'done' });
    const silent = await runCellInNode('export const x = 1;', {
      check:
        "import { CheckFailure } from 'descent/check'; const e = new CheckFailure('x'); Object.defineProperty(e, 'message', { value: 5 }); throw e;",
    });
    expect(silent.check).toEqual({ t: 'check', ok: false, message: '5' });
  });
});

describe('checking an exercise', () => {
  const check = `
    import { expectFunction, expectClose } from 'descent/check';
    import { double } from 'student';
    expectFunction(double, 'double');
    expectClose(double(0.095), 0.19, 'double(0.095)');
  `;

  it('passes when the student export is right', async () => {
    const run = await runCellInNode('export function double(x: number) { return 2 * x; }', { check });
    expect(run.check).toEqual({ t: 'check', ok: true, message: 'All checks passed.' });
  });

  it('fails with a message that shows both numbers', async () => {
    const run = await runCellInNode('export function double(x: number) { return 2 * x + 0.01; }', { check });
    expect(run.check).toEqual({ t: 'check', ok: false, message: 'double(0.095): expected 0.19, got 0.2' });
  });

  it('fails helpfully when the export is missing', async () => {
    const run = await runCellInNode('export const other = 1;', { check });
    expect(run.check?.message).toBe('export a function named double (found nothing)');
  });

  it('reports where the student code threw while being checked', async () => {
    const run = await runCellInNode('export function double(x: number): number {\n  throw new Error("not yet");\n}', {
      check,
    });
    expect(run.check?.ok).toBe(false);
    expect(run.check?.message).toBe('your code threw while it was checked: Error: not yet');
    expect(run.errors[0]?.line).toBe(2);
  });

  it('does not run the check when the student code fails', async () => {
    const run = await runCellInNode('throw new Error("early");', { check });
    expect(run.check).toBeNull();
    expect(run.errors[0]?.message).toBe('Error: early');
  });
});
