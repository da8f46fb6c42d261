// The engine against reference trajectories from an independent NumPy transcription of PyTorch's
// single-tensor algorithms (test/engine/fixtures/make_reference.py). 40 steps, 5 parameters,
// gradients either from a fixed polynomial or a fixed sequence spanning 1e-3…1e2 with zeros.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adagrad, adam, adamw, cosineAnnealing, rmsprop, sgd, stepDecay } from '../../src/engine/index.ts';
import type { LearningRate, Optimizer } from '../../src/engine/index.ts';

interface Case {
  name: string;
  optimizer: 'sgd' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw';
  options: Record<string, unknown>;
  mode: 'function' | 'sequence';
  schedule?: { kind: 'step' | 'cosine'; lr: number; stepSize?: number; gamma?: number; tMax?: number; etaMin?: number };
  trajectory: number[][];
  state: Record<string, number | number[]>;
}
const doc = JSON.parse(readFileSync(new URL('./fixtures/reference.json', import.meta.url), 'utf8')) as {
  steps: number;
  start: number[];
  gradient: { a: number[]; c: number[] };
  sequence: number[][];
  cases: Case[];
};

const builders = { sgd, adagrad, rmsprop, adam, adamw } as unknown as Record<
  Case['optimizer'],
  (o: object) => Optimizer
>;

function build(c: Case): Optimizer {
  let lr: LearningRate | undefined;
  if (c.schedule?.kind === 'step')
    lr = stepDecay({ lr: c.schedule.lr, stepSize: c.schedule.stepSize!, gamma: c.schedule.gamma });
  if (c.schedule?.kind === 'cosine')
    lr = cosineAnnealing({ lr: c.schedule.lr, tMax: c.schedule.tMax!, etaMin: c.schedule.etaMin });
  return builders[c.optimizer](lr ? { ...c.options, lr } : c.options);
}

function gradient(c: Case, p: Float64Array, t: number, out: Float64Array): void {
  const { a, c: center } = doc.gradient;
  for (let i = 0; i < p.length; i++) {
    out[i] = c.mode === 'function' ? a[i] * (p[i] - center[i]) + 0.3 * p[i] * p[i] * p[i] : doc.sequence[t - 1][i];
  }
}

// Largest |x − ref| / max(|ref|, 1e-300) over a trajectory: "relative" with no absolute floor.
function relError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-300);
    if (!(e <= worst)) worst = e;
  }
  return worst;
}

describe('every optimizer follows the NumPy transcription of PyTorch step for step', () => {
  it('has a fixture for each optimizer and option set', () => {
    expect(doc.cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(doc.cases.map((c) => c.optimizer))).toEqual(new Set(['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw']));
  });

  it.each(doc.cases.map((c) => [c.name, c] as const))('%s stays within 1e-14 relative of the reference', (_name, c) => {
    const opt = build(c);
    const p = Float64Array.from(doc.start);
    const g = new Float64Array(p.length);
    const state = opt.init(p);
    let worst = 0;
    for (let t = 1; t <= doc.steps; t++) {
      gradient(c, p, t, g);
      opt.step(p, g, state);
      worst = Math.max(worst, relError(p, c.trajectory[t - 1]));
    }
    expect(worst).toBeLessThan(1e-14);
    const record = state as unknown as Record<string, unknown>;
    expect(record.t).toBe(c.state.t);
    for (const [key, value] of Object.entries(c.state)) {
      if (key === 't') continue;
      expect(relError(record[key] as Float64Array, value as number[]), key).toBeLessThan(1e-13);
    }
  });

  it('reproduces every step bit for bit (same operation order, correctly rounded powers)', () => {
    let exact = 0;
    let total = 0;
    for (const c of doc.cases) {
      const opt = build(c);
      const p = Float64Array.from(doc.start);
      const g = new Float64Array(p.length);
      const state = opt.init(p);
      for (let t = 1; t <= doc.steps; t++) {
        gradient(c, p, t, g);
        opt.step(p, g, state);
        for (let i = 0; i < p.length; i++) {
          total++;
          if (Object.is(p[i], c.trajectory[t - 1][i])) exact++;
        }
      }
    }
    // Holds because the engine mirrors PyTorch's operation order and computes β^t correctly
    // rounded (as glibc's pow does here); V8's Math.pow would break it from Adam's 4th step on.
    expect(exact).toBe(total);
  });
});
