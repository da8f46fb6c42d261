/**
 * Writing exercise checks: `import { expectClose, expectSteps, fail } from 'descent/check'`.
 *
 * A check runs after the student's code, in the same worker, and reads what the student exported with
 * `import { … } from 'student'`. It passes when it returns, and fails with the message of the first
 * `CheckFailure` it throws. Messages should say what to look at: "your momentum update differs from the
 * reference at step 3: expected 0.19, got 0.2".
 *
 * @module
 */

/** A failed check: its message is shown to the student as is. */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

/** Fails the check with `message`. */
export function fail(message: string): never {
  throw new CheckFailure(message);
}

/**
 * Formats two numbers with just enough digits to see that they differ (0.19 vs 0.2, but
 * 0.1000001 vs 0.1000002 when that is the difference). At least three significant digits, so that
 * 0.996 against 0.95 does not read "expected 1, got 0.95".
 */
export function formatPair(expected: number, actual: number): [string, string] {
  for (let digits = 3; digits <= 17; digits++) {
    const e = Number(expected.toPrecision(digits));
    const a = Number(actual.toPrecision(digits));
    if (e !== a || digits === 17 || (Object.is(expected, actual) && digits >= 6)) return [String(e), String(a)];
  }
  return [String(expected), String(actual)];
}

export interface Tolerance {
  /** Relative tolerance (default 1e-9). */
  rtol?: number;
  /** Absolute tolerance (default 1e-12). */
  atol?: number;
}

/** True when |actual − expected| ≤ atol + rtol·|expected| (NaN equals nothing). */
export function isClose(actual: number, expected: number, { rtol = 1e-9, atol = 1e-12 }: Tolerance = {}): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return false;
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
}

/** Fails unless `actual` is a number close to `expected`: "`what`: expected 0.19, got 0.2". */
export function expectClose(actual: unknown, expected: number, what: string, tolerance: Tolerance = {}): void {
  if (typeof actual !== 'number') fail(`${what}: expected a number, got ${describe(actual)}`);
  if (!isClose(actual, expected, tolerance)) {
    const [e, a] = formatPair(expected, actual);
    fail(`${what}: expected ${e}, got ${a}`);
  }
}

/** Fails unless `actual` has the same length as `expected` and every entry is close. */
export function expectArrayClose(
  actual: unknown,
  expected: ArrayLike<number>,
  what: string,
  tolerance: Tolerance = {},
): void {
  if (!isNumberList(actual)) fail(`${what}: expected an array of numbers, got ${describe(actual)}`);
  if (actual.length !== expected.length) {
    fail(`${what}: expected ${expected.length} numbers, got ${actual.length}`);
  }
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] as number;
    const a = actual[i] as number;
    if (!isClose(a, e, tolerance)) {
      const [es, as] = formatPair(e, a);
      fail(`${what} differs at index ${i}: expected ${es}, got ${as}`);
    }
  }
}

/** Fails unless `value` is a function, naming the export the student should have written. */
export function expectFunction(value: unknown, name: string): asserts value is (...args: unknown[]) => unknown {
  if (typeof value !== 'function') {
    fail(`export a function named ${name} (found ${value === undefined ? 'nothing' : describe(value)})`);
  }
}

/**
 * Runs the student's and the reference's update side by side for `steps` steps and fails at the first
 * step where they differ: "your momentum update differs from the reference at step 3: expected 0.19, got 0.2".
 * Each callback is called with the step number t = 1, 2, … and returns the parameters after that step.
 */
export function expectSteps(options: {
  steps: number;
  student: (t: number) => ArrayLike<number>;
  reference: (t: number) => ArrayLike<number>;
  /** Names the thing being compared, e.g. "your momentum update". */
  what: string;
  tolerance?: Tolerance;
}): void {
  for (let t = 1; t <= options.steps; t++) {
    const expected = options.reference(t);
    const actual = options.student(t);
    if (!isNumberList(actual))
      fail(`${options.what} at step ${t}: expected an array of numbers, got ${describe(actual)}`);
    for (let i = 0; i < expected.length; i++) {
      if (!isClose(actual[i] as number, expected[i] as number, options.tolerance)) {
        const [e, a] = formatPair(expected[i] as number, actual[i] as number);
        const where = expected.length > 1 ? ` (parameter ${i})` : '';
        fail(`${options.what} differs from the reference at step ${t}${where}: expected ${e}, got ${a}`);
      }
    }
  }
}

/** What `optimizerPath` needs of an optimizer: the engine's `init` and in-place `step`. */
export interface Stepper<S> {
  init(params: Float64Array): S;
  step(params: Float64Array, grads: Float64Array, state: S): void;
}

/**
 * θ after every step of an engine optimizer started at `start` and fed `grads` in order: the reference
 * path a check compares the student's path with (and, for a named slip, the path that slip produces).
 */
export function optimizerPath<S>(
  optimizer: Stepper<S>,
  start: readonly number[],
  grads: readonly (readonly number[])[],
): number[][] {
  const theta = Float64Array.from(start);
  const state = optimizer.init(theta);
  return grads.map((g) => {
    optimizer.step(theta, Float64Array.from(g), state);
    return Array.from(theta);
  });
}

/** True when every row the student's code returned is an array close to the same row of `expected`. */
export function samePath(
  actual: readonly unknown[],
  expected: readonly (readonly number[])[],
  tolerance: Tolerance = {},
): boolean {
  return actual.every((row, k) => {
    const want = expected[k];
    return (
      Array.isArray(row) &&
      want !== undefined &&
      row.length === want.length &&
      want.every((v, i) => typeof row[i] === 'number' && isClose(row[i] as number, v, tolerance))
    );
  });
}

function isNumberList(v: unknown): v is ArrayLike<number> {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return true;
  return Array.isArray(v) && v.every((x) => typeof x === 'number');
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) return `a ${v.constructor.name}`;
  if (typeof v === 'object') return 'an object';
  return `${typeof v} ${String(v)}`;
}
