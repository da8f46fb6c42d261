// Optimizers are chains of small blocks; their state is flat, plain data that survives structuredClone.
import { describe, expect, it } from 'vitest';
import {
  adagrad,
  adam,
  adamw,
  addWeightDecay,
  chain,
  decoupledWeightDecay,
  momentum,
  negate,
  nesterov,
  rmsprop,
  scaleByAdam,
  scaleByLearningRate,
  scaleByRms,
  scaleByRss,
  sgd,
  trace,
} from '../../src/engine/index.ts';
import type { Optimizer, StepCount, Transform } from '../../src/engine/index.ts';

function gradAt(p: Float64Array, t: number, out: Float64Array): Float64Array {
  for (let i = 0; i < p.length; i++) out[i] = (i + 1) * p[i] - Math.sin(t + i);
  return out;
}

function trajectory(opt: Optimizer, steps: number, n = 4): Float64Array {
  const p = Float64Array.from({ length: n }, (_, i) => 1 - i / 2);
  const g = new Float64Array(n);
  const state = opt.init(p);
  for (let t = 1; t <= steps; t++) opt.step(p, gradAt(p, t, g), state);
  return p;
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

describe('chain', () => {
  it('builds Adam from its blocks with the same bits as adam()', () => {
    const byHand = chain(scaleByAdam({ betas: [0.9, 0.999], eps: 1e-8 }), scaleByLearningRate(0.01));
    expect(sameBits(trajectory(byHand, 30), trajectory(adam({ lr: 0.01 }), 30))).toBe(true);
  });

  it('builds every named optimizer from its blocks with the same bits', () => {
    const pairs: [Optimizer, Optimizer][] = [
      [
        chain(addWeightDecay(0.1), trace({ momentum: 0.9, nesterov: true }), scaleByLearningRate(0.05)),
        sgd({ lr: 0.05, weightDecay: 0.1, momentum: 0.9, nesterov: true }),
      ],
      [
        chain(negate(), scaleByRss({ initialAccumulatorValue: 0.1 }), scaleByLearningRate(0.1)),
        adagrad({ lr: 0.1, initialAccumulatorValue: 0.1, maximize: true }),
      ],
      [
        chain(scaleByRms({ centered: true }), trace({ momentum: 0.5 }), scaleByLearningRate(0.01)),
        rmsprop({ lr: 0.01, centered: true, momentum: 0.5 }),
      ],
      [
        chain(decoupledWeightDecay(0.1), scaleByAdam({ amsgrad: true }), scaleByLearningRate(0.01)),
        adamw({ lr: 0.01, weightDecay: 0.1, amsgrad: true }),
      ],
    ];
    for (const [built, named] of pairs) expect(sameBits(trajectory(built, 25), trajectory(named, 25))).toBe(true);
  });

  it('folds a decoupled weight decay into the next block’s loop without changing a bit', () => {
    // Two negations are an exact identity, but they keep the decay from being adjacent to Adam, so it runs as its own pass.
    const separate = chain(decoupledWeightDecay(0.1), negate(), negate(), scaleByAdam(), scaleByLearningRate(0.05));
    expect(sameBits(trajectory(separate, 30), trajectory(adamw({ lr: 0.05, weightDecay: 0.1 }), 30))).toBe(true);
    const sgdw = chain(decoupledWeightDecay(0.1), trace({ momentum: 0.9 }), scaleByLearningRate(0.05));
    const sgdwSeparate = chain(
      decoupledWeightDecay(0.1),
      negate(),
      negate(),
      trace({ momentum: 0.9 }),
      scaleByLearningRate(0.05),
    );
    expect(sameBits(trajectory(sgdw, 30), trajectory(sgdwSeparate, 30))).toBe(true);
  });

  it('folds a coupled weight decay into momentum’s loop, or into the update, without changing a bit', () => {
    // As above, two negations keep the decay a pass of its own.
    const pairs: [Transform[], Transform[]][] = [
      [[trace({ momentum: 0.9 })], []],
      [[trace({ momentum: 0.9, nesterov: true })], []],
      [[trace({ momentum: 0.9, dampening: 0.3 })], []],
      [[trace({ momentum: 0.9 })], [decoupledWeightDecay(0.2)]],
      [[], []],
    ];
    for (const [momentumBlocks, before] of pairs) {
      const folded = chain(...before, addWeightDecay(0.1), ...momentumBlocks, scaleByLearningRate(0.05));
      const separate = chain(
        ...before,
        addWeightDecay(0.1),
        negate(),
        negate(),
        ...momentumBlocks,
        scaleByLearningRate(0.05),
      );
      expect(sameBits(trajectory(folded, 30), trajectory(separate, 30))).toBe(true);
    }
    const named = sgd({ lr: 0.05, momentum: 0.9, weightDecay: 0.1 });
    const byHand = chain(addWeightDecay(0.1), negate(), negate(), trace({ momentum: 0.9 }), scaleByLearningRate(0.05));
    expect(sameBits(trajectory(named, 30), trajectory(byHand, 30))).toBe(true);
  });

  it('gives a flat state: the step count, the size and each block’s buffers by name', () => {
    const opt = chain(scaleByRms({ centered: true }), trace({ momentum: 0.9 }), scaleByLearningRate(0.01));
    const state = opt.init(new Float64Array(3));
    expect(Object.keys(state).sort()).toEqual(['gradAvg', 'momentumBuffer', 'size', 't', 'v']);
    expect(state.t).toBe(0);
    expect(state.momentumBuffer).toBeInstanceOf(Float64Array);
  });

  it('applies the update with η = 1 when there is no learning-rate block', () => {
    const opt = chain(trace({ momentum: 0.5 }));
    const p = Float64Array.from([1]);
    const s = opt.init(p);
    opt.step(p, Float64Array.from([0.25]), s);
    expect(p[0]).toBe(0.75);
  });

  it('runs a block that is not last through the scratch buffer (same numbers up to rounding)', () => {
    // trace with momentum 0 passes Adam's update through unchanged, but forces the unfused path.
    const unfused = chain(scaleByAdam(), trace({ momentum: 0 }), scaleByLearningRate(0.01));
    const fused = adam({ lr: 0.01 });
    const a = trajectory(unfused, 30);
    const b = trajectory(fused, 30);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-14);
  });

  it('accepts a block written by a student', () => {
    // Clip each gradient component to [−1, 1], then SGD.
    const clip: Transform = {
      name: 'clip',
      keys: [],
      init: () => ({}),
      update(u, out) {
        for (let i = 0; i < u.length; i++) out[i] = Math.max(-1, Math.min(1, u[i]));
        return out;
      },
    };
    const opt = chain(clip, scaleByLearningRate(0.1));
    const p = Float64Array.from([0, 0]);
    const grads = Float64Array.from([5, -0.5]);
    opt.step(p, grads, opt.init(p));
    expect(Array.from(p)).toEqual([-0.1, 0.05]);
    expect(Array.from(grads)).toEqual([5, -0.5]); // the caller's gradient is never written
  });

  it('never writes the caller’s gradient, whatever the blocks', () => {
    const opts: Optimizer[] = [
      sgd({ momentum: 0.9, weightDecay: 0.1, maximize: true }),
      adam({ weightDecay: 0.1, maximize: true }),
      rmsprop({ centered: true, momentum: 0.9 }),
    ];
    for (const opt of opts) {
      const p = Float64Array.from([1, 2]);
      const g = Float64Array.from([0.5, -0.5]);
      const s = opt.init(p);
      opt.step(p, g, s);
      opt.step(p, g, s);
      expect(Array.from(g)).toEqual([0.5, -0.5]);
    }
  });
});

describe('optimizer state is plain data', () => {
  const all: [string, () => Optimizer][] = [
    ['sgd', () => sgd({ lr: 0.05 })],
    ['momentum', () => momentum({ lr: 0.05 })],
    ['nesterov', () => nesterov({ lr: 0.05 })],
    ['sgd with dampening and weight decay', () => sgd({ lr: 0.05, momentum: 0.8, dampening: 0.2, weightDecay: 0.01 })],
    ['adagrad', () => adagrad({ lr: 0.1, lrDecay: 0.01 })],
    ['rmsprop centered with momentum', () => rmsprop({ centered: true, momentum: 0.9 })],
    ['adam', () => adam({ lr: 0.01 })],
    ['adam amsgrad', () => adam({ lr: 0.01, amsgrad: true })],
    ['adamw', () => adamw({ lr: 0.01 })],
  ];

  it.each(all)('%s: a structuredClone of the state mid-run continues bit-identically', (_name, make) => {
    const opt = make();
    const n = 5;
    const p = Float64Array.from({ length: n }, (_, i) => i - 2);
    const g = new Float64Array(n);
    const state = opt.init(p);
    for (let t = 1; t <= 10; t++) opt.step(p, gradAt(p, t, g), state);
    const p2 = structuredClone(p);
    const state2 = structuredClone(state) as StepCount;
    const fresh = make(); // as in a worker: a new optimizer object, the cloned state
    for (let t = 11; t <= 20; t++) {
      opt.step(p, gradAt(p, t, g), state);
      fresh.step(p2, gradAt(p2, t, g), state2);
    }
    expect(sameBits(p, p2)).toBe(true);
    expect(state2.t).toBe(20);
    for (const [key, value] of Object.entries(state)) {
      const other = (state2 as unknown as Record<string, unknown>)[key];
      if (value instanceof Float64Array) expect(sameBits(value, other as Float64Array)).toBe(true);
      else expect(other).toBe(value);
    }
  });

  it('holds only numbers and Float64Arrays', () => {
    for (const [, make] of all) {
      const state = make().init(new Float64Array(2));
      for (const value of Object.values(state))
        expect(typeof value === 'number' || value instanceof Float64Array).toBe(true);
    }
  });
});
