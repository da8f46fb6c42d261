import { describe, expect, it } from 'vitest';
import { CheckFailure, expectArrayClose, expectSteps, formatPair, isClose } from '../../src/runtime/worker/check.ts';

describe('check messages', () => {
  it.each([
    [0.19, 0.2, ['0.19', '0.2']],
    [0.9962, 0.95, ['0.996', '0.95']],
    [0.1, 0.1000002, ['0.1', '0.1000002']],
    [1, 1, ['1', '1']],
    [-2.5e-8, -2.6e-8, ['-2.5e-8', '-2.6e-8']],
  ])('show %d and %d with just enough digits', (expected, actual, shown) => {
    expect(formatPair(expected, actual)).toEqual(shown);
  });

  it('compare with relative and absolute tolerance, and never call NaN close', () => {
    expect(isClose(1 + 1e-12, 1)).toBe(true);
    expect(isClose(1.001, 1)).toBe(false);
    expect(isClose(1.001, 1, { rtol: 1e-2 })).toBe(true);
    expect(isClose(NaN, NaN)).toBe(false);
  });

  it('name the index of the first differing entry', () => {
    expect(() => expectArrayClose([1, 2, 3.5], [1, 2, 3], 'your gradient')).toThrow(
      new CheckFailure('your gradient differs at index 2: expected 3, got 3.5'),
    );
  });

  it('name the step at which two update rules part ways', () => {
    let a = 0;
    let b = 0;
    const run = () =>
      expectSteps({
        steps: 5,
        what: 'your momentum update',
        reference: () => [(a += 0.1)],
        student: (t) => [(b += t === 3 ? 0.11 : 0.1)],
      });
    expect(run).toThrow('your momentum update differs from the reference at step 3: expected 0.3, got 0.31');
  });
});
