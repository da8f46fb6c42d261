// Learning-rate schedules: the closed forms of PyTorch's StepLR, CosineAnnealingLR, LinearLR and
// SequentialLR, indexed by the number of steps already taken (PyTorch's last_epoch).
import { describe, expect, it } from 'vitest';
import {
  constant,
  cosineAnnealing,
  linearWarmup,
  sequential,
  stepDecay,
  warmupCosine,
} from '../../src/engine/index.ts';

const at = (f: (s: number) => number, steps: number[]) => steps.map(f);

describe('schedules', () => {
  it('constant returns the same rate', () => {
    expect(at(constant(0.3), [0, 1, 1000])).toEqual([0.3, 0.3, 0.3]);
  });

  it('stepDecay multiplies by γ every stepSize steps (StepLR)', () => {
    // 0.1·0.5^⌊s/3⌋ for s = 0…6: 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025
    expect(at(stepDecay({ lr: 0.1, stepSize: 3, gamma: 0.5 }), [0, 1, 2, 3, 4, 5, 6])).toEqual([
      0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025,
    ]);
    expect(stepDecay({ lr: 1, stepSize: 2 })(2)).toBeCloseTo(0.1, 15); // PyTorch's default γ = 0.1
  });

  it('cosineAnnealing goes from lr to etaMin over tMax steps (CosineAnnealingLR closed form)', () => {
    const f = cosineAnnealing({ lr: 1, tMax: 10, etaMin: 0.1 });
    // s = 0: 0.1 + 0.9·(1 + 1)/2 = 1; s = 5: 0.1 + 0.9·(1 + 0)/2 = 0.55; s = 10: 0.1 + 0.9·0 = 0.1
    expect(f(0)).toBe(1);
    expect(f(5)).toBeCloseTo(0.55, 15);
    expect(f(10)).toBeCloseTo(0.1, 15);
    // s = 2: 0.1 + 0.45·(1 + cos(π/5))
    expect(f(2)).toBeCloseTo(0.1 + 0.45 * (1 + Math.cos(Math.PI / 5)), 15);
    // periodic past tMax, like PyTorch's formula: s = 15 equals s = 5
    expect(f(15)).toBeCloseTo(f(5), 15);
  });

  it('linearWarmup ramps the factor from startFactor to 1 (LinearLR)', () => {
    // factor 0.25 + 0.75·min(s, 4)/4: 0.25, 0.4375, 0.625, 0.8125, 1, 1
    expect(at(linearWarmup({ lr: 2, warmupSteps: 4, startFactor: 0.25 }), [0, 1, 2, 3, 4, 9])).toEqual([
      0.5, 0.875, 1.25, 1.625, 2, 2,
    ]);
    expect(linearWarmup({ lr: 3, warmupSteps: 5 })(0)).toBeCloseTo(1, 15); // PyTorch's default start_factor 1/3
  });

  it('sequential hands over at each milestone and restarts the next schedule’s count (SequentialLR)', () => {
    const f = sequential([constant(1), stepDecay({ lr: 8, stepSize: 1, gamma: 0.5 })], [3]);
    expect(at(f, [0, 2, 3, 4, 5])).toEqual([1, 1, 8, 4, 2]);
  });

  it('warmupCosine warms up, peaks at lr when warmup ends, and anneals to etaMin at totalSteps', () => {
    const f = warmupCosine({ lr: 1, warmupSteps: 10, totalSteps: 110, etaMin: 0, startFactor: 0 });
    expect(f(0)).toBe(0);
    expect(f(5)).toBe(0.5);
    expect(f(10)).toBe(1);
    expect(f(60)).toBeCloseTo(0.5, 15);
    expect(f(110)).toBeCloseTo(0, 15);
  });

  it.each([
    ['stepDecay stepSize 0', () => stepDecay({ lr: 1, stepSize: 0 }), 'Invalid step_size: 0'],
    ['stepDecay lr NaN', () => stepDecay({ lr: NaN, stepSize: 1 }), 'Invalid learning rate: NaN'],
    ['cosineAnnealing tMax 2.5', () => cosineAnnealing({ lr: 1, tMax: 2.5 }), 'Invalid T_max: 2.5'],
    ['cosineAnnealing etaMin −1', () => cosineAnnealing({ lr: 1, tMax: 5, etaMin: -1 }), 'Invalid eta_min value: -1'],
    [
      'linearWarmup startFactor 2',
      () => linearWarmup({ lr: 1, warmupSteps: 5, startFactor: 2 }),
      'Invalid start_factor value: 2',
    ],
    [
      'sequential milestones mismatch',
      () => sequential([constant(1), constant(2)], []),
      'expected 1 milestones for 2 schedules',
    ],
    [
      'warmupCosine totalSteps ≤ warmupSteps',
      () => warmupCosine({ lr: 1, warmupSteps: 10, totalSteps: 10 }),
      'Invalid totalSteps: 10',
    ],
  ])('%s is rejected', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});
