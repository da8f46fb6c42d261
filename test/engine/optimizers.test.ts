// Each optimizer against steps worked out by hand. The arithmetic is in the comment above each
// expectation; expected values are written as the paper's formula (not PyTorch's operation order),
// so these tests check the semantics independently of the reference fixtures.
import { describe, expect, it } from 'vitest';
import { adagrad, adam, adamw, momentum, nesterov, rmsprop, sgd } from '../../src/engine/index.ts';
import type { Optimizer, StepCount } from '../../src/engine/index.ts';

const v = (...xs: number[]) => Float64Array.from(xs);

function run(opt: Optimizer, theta: number[], grads: number[][]): { params: Float64Array; state: StepCount } {
  const params = Float64Array.from(theta);
  const state = opt.init(params);
  for (const g of grads) opt.step(params, Float64Array.from(g), state);
  return { params, state };
}

function expectClose(actual: ArrayLike<number>, expected: number[], rel = 1e-15): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const err = Math.abs(actual[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-300);
    expect(err, `component ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(rel);
  }
}

describe('sgd', () => {
  it('takes a plain gradient step θ ← θ − ηg', () => {
    // θ = [1, −2], g = [0.5, 0.25], η = 0.1: θ = [1 − 0.05, −2 − 0.025] = [0.95, −2.025]
    expectClose(run(sgd({ lr: 0.1 }), [1, -2], [[0.5, 0.25]]).params, [0.95, -2.025]);
  });

  it('adds coupled weight decay λθ to the gradient', () => {
    // g' = g + λθ = [0.5 + 0.1·1, 0.25 + 0.1·(−2)] = [0.6, 0.05]; θ = [1 − 0.06, −2 − 0.005] = [0.94, −2.005]
    expectClose(run(sgd({ lr: 0.1, weightDecay: 0.1 }), [1, -2], [[0.5, 0.25]]).params, [0.94, -2.005]);
  });

  it('starts the momentum buffer at the first gradient, then b ← μb + g', () => {
    // b₁ = g₁ = 1, θ₁ = 0 − 0.1·1 = −0.1; b₂ = 0.9·1 + 2 = 2.9, θ₂ = −0.1 − 0.29 = −0.39
    const { params, state } = run(sgd({ lr: 0.1, momentum: 0.9 }), [0], [[1], [2]]);
    expectClose(params, [-0.39]);
    expectClose((state as unknown as { momentumBuffer: Float64Array }).momentumBuffer, [2.9]);
  });

  it('does not dampen the first step: b₁ = g₁, then b ← μb + (1 − τ)g', () => {
    // b₁ = 1 (undamped), θ₁ = −0.1; b₂ = 0.9·1 + 0.5·2 = 1.9, θ₂ = −0.1 − 0.19 = −0.29
    expectClose(run(sgd({ lr: 0.1, momentum: 0.9, dampening: 0.5 }), [0], [[1], [2]]).params, [-0.29]);
  });

  it('uses PyTorch Nesterov: θ ← θ − η(g + μb)', () => {
    // b₁ = 1, u₁ = 1 + 0.9·1 = 1.9, θ₁ = −0.19; b₂ = 0.9·1 + 2 = 2.9, u₂ = 2 + 0.9·2.9 = 4.61, θ₂ = −0.19 − 0.461 = −0.651
    expectClose(run(sgd({ lr: 0.1, momentum: 0.9, nesterov: true }), [0], [[1], [2]]).params, [-0.651]);
    expectClose(run(nesterov({ lr: 0.1 }), [0], [[1], [2]]).params, [-0.651]);
  });

  it('momentum() is sgd with momentum 0.9', () => {
    expectClose(run(momentum({ lr: 0.1 }), [0], [[1], [2]]).params, [-0.39]);
  });

  it('maximize negates the gradient before weight decay is added', () => {
    // g' = −0.5 + 0.1·1 = −0.4; θ = 1 − 0.1·(−0.4) = 1.04
    expectClose(run(sgd({ lr: 0.1, weightDecay: 0.1, maximize: true }), [1], [[0.5]]).params, [1.04]);
  });

  it('defaults to PyTorch 2.x values and leaves inactive blocks out', () => {
    expect(sgd().options).toEqual({
      lr: 1e-3,
      momentum: 0,
      dampening: 0,
      weightDecay: 0,
      nesterov: false,
      maximize: false,
    });
    expect(sgd().blocks.map((b) => b.name)).toEqual(['scaleByLearningRate']);
    expect(sgd({ momentum: 0.9, weightDecay: 0.1 }).blocks.map((b) => b.name)).toEqual([
      'addWeightDecay',
      'trace',
      'scaleByLearningRate',
    ]);
    expect(Object.keys(sgd().init(v(1, 2)))).toEqual(['t', 'size']);
  });
});

describe('adagrad', () => {
  const eps = 1e-10;
  it('divides by the root of the running sum of squares, ε outside the root', () => {
    // step 1: G = 0 + 2² = 4, θ = 1 − 0.1·2/(√4 + ε); step 2: G = 4 + 1 = 5, θ −= 0.1·1/(√5 + ε)
    const t1 = 1 - (0.1 * 2) / (2 + eps);
    const { params, state } = run(adagrad({ lr: 0.1 }), [1], [[2], [1]]);
    expectClose(params, [t1 - 0.1 / (Math.sqrt(5) + eps)]);
    expectClose((state as unknown as { sum: Float64Array }).sum, [5]);
  });

  it('decays the learning rate as η / (1 + (t − 1)·lrDecay)', () => {
    // step 1 uses 0.1/(1 + 0) = 0.1; step 2 uses 0.1/(1 + 1·0.5) = 0.0666…
    const t1 = 1 - (0.1 * 2) / (2 + eps);
    expectClose(run(adagrad({ lr: 0.1, lrDecay: 0.5 }), [1], [[2], [1]]).params, [
      t1 - 0.1 / 1.5 / (Math.sqrt(5) + eps),
    ]);
  });

  it('starts the sum at initialAccumulatorValue', () => {
    // G = 1 + 2² = 5, θ = 1 − 0.1·2/(√5 + ε)
    expectClose(run(adagrad({ lr: 0.1, initialAccumulatorValue: 1 }), [1], [[2]]).params, [
      1 - 0.2 / (Math.sqrt(5) + eps),
    ]);
  });

  it('adds weight decay and honours maximize', () => {
    // g' = −2 + 0.5·1 = −1.5, G = 2.25, θ = 1 + 0.1·1.5/(1.5 + ε)
    expectClose(run(adagrad({ lr: 0.1, weightDecay: 0.5, maximize: true }), [1], [[2]]).params, [
      1 + 0.15 / (1.5 + eps),
    ]);
  });

  it('defaults to lr 0.01, sum starting at 0, ε = 1e-10', () => {
    expect(adagrad().options).toEqual({
      lr: 0.01,
      lrDecay: 0,
      weightDecay: 0,
      initialAccumulatorValue: 0,
      eps: 1e-10,
      maximize: false,
    });
  });
});

describe('rmsprop', () => {
  const eps = 1e-8;
  it('divides by √v + ε with v ← αv + (1 − α)g²', () => {
    // v = 0.01·4 = 0.04, √v = 0.2, θ = 1 − 0.01·2/(0.2 + ε)
    const { params, state } = run(rmsprop({ lr: 0.01 }), [1], [[2]]);
    expectClose(params, [1 - 0.02 / (0.2 + eps)]);
    expectClose((state as unknown as { v: Float64Array }).v, [0.04], 1e-14);
  });

  it('centered: subtracts the squared mean gradient under the root', () => {
    // ḡ = 0.01·2 = 0.02, v − ḡ² = 0.04 − 0.0004 = 0.0396, θ = 1 − 0.02/(√0.0396 + ε)
    const { params, state } = run(rmsprop({ lr: 0.01, centered: true }), [1], [[2]]);
    expectClose(params, [1 - 0.02 / (Math.sqrt(0.0396) + eps)], 1e-14);
    expectClose((state as unknown as { gradAvg: Float64Array }).gradAvg, [0.02], 1e-14);
  });

  it('momentum: b ← μb + g/(√v + ε) from b₀ = 0, θ ← θ − ηb', () => {
    // b₁ = 2/(0.2 + ε), θ₁ = 1 − 0.01·b₁; v₂ = 0.99·0.04 + 0.01·4 = 0.0796, b₂ = 0.9·b₁ + 2/(√0.0796 + ε)
    const b1 = 2 / (0.2 + eps);
    const b2 = 0.9 * b1 + 2 / (Math.sqrt(0.0796) + eps);
    expectClose(run(rmsprop({ lr: 0.01, momentum: 0.9 }), [1], [[2], [2]]).params, [1 - 0.01 * b1 - 0.01 * b2], 1e-14);
  });

  it('uses α as given: α = 0.9 averages faster', () => {
    // v = 0.1·4 = 0.4, θ = 1 − 0.01·2/(√0.4 + ε)
    expectClose(run(rmsprop({ lr: 0.01, alpha: 0.9 }), [1], [[2]]).params, [1 - 0.02 / (Math.sqrt(0.4) + eps)], 1e-14);
  });

  it('defaults to lr 0.01, α 0.99, ε 1e-8', () => {
    expect(rmsprop().options).toEqual({
      lr: 0.01,
      alpha: 0.99,
      eps: 1e-8,
      weightDecay: 0,
      momentum: 0,
      centered: false,
      maximize: false,
    });
  });
});

describe('adam and adamw', () => {
  // The paper's form: θ ← θ − η·m̂/(√v̂ + ε), m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
  function paperAdam(
    theta: number,
    grads: number[],
    lr: number,
    b1 = 0.9,
    b2 = 0.999,
    eps = 1e-8,
    amsgrad = false,
  ): number {
    let m = 0;
    let s = 0;
    let sMax = 0;
    grads.forEach((g, i) => {
      const t = i + 1;
      m = b1 * m + (1 - b1) * g;
      s = b2 * s + (1 - b2) * g * g;
      sMax = Math.max(sMax, s);
      theta -= (lr * (m / (1 - b1 ** t))) / (Math.sqrt((amsgrad ? sMax : s) / (1 - b2 ** t)) + eps);
    });
    return theta;
  }

  it('takes a first step of about η·sign(g), since m̂₁ = g and v̂₁ = g²', () => {
    // m₁ = 0.1·2 = 0.2, v₁ = 0.001·4 = 0.004; m̂ = 2, √v̂ = 2; θ = 1 − 0.001·2/(2 + 1e-8) ≈ 0.999
    const { params, state } = run(adam(), [1], [[2]]);
    expectClose(params, [1 - 0.002 / (2 + 1e-8)], 1e-14);
    const s = state as unknown as { m: Float64Array; v: Float64Array; t: number };
    expectClose(s.m, [0.2], 1e-15);
    expectClose(s.v, [0.004], 1e-15);
    expect(s.t).toBe(1);
  });

  it('follows the paper over several steps (bias-corrected moments)', () => {
    const g = [2, -1, 0.5, 3, 0];
    expectClose(
      run(
        adam({ lr: 0.01 }),
        [1],
        g.map((x) => [x]),
      ).params,
      [paperAdam(1, g, 0.01)],
      1e-14,
    );
    expectClose(
      run(
        adam({ lr: 0.01, betas: [0.5, 0.9], eps: 1e-3 }),
        [1],
        g.map((x) => [x]),
      ).params,
      [paperAdam(1, g, 0.01, 0.5, 0.9, 1e-3)],
      1e-14,
    );
  });

  it('AMSGrad keeps the largest raw second moment', () => {
    // g = [2, 0]: v₁ = 0.004, v₂ = 0.999·0.004 = 0.003996 < v₁, so vMax stays 0.004
    const { params, state } = run(adam({ lr: 0.01, amsgrad: true }), [1], [[2], [0]]);
    expectClose((state as unknown as { vMax: Float64Array }).vMax, [0.004], 1e-15);
    expectClose(params, [paperAdam(1, [2, 0], 0.01, 0.9, 0.999, 1e-8, true)], 1e-14);
    expect(params[0]).not.toBeCloseTo(paperAdam(1, [2, 0], 0.01), 12);
  });

  it('adam adds weight decay to the gradient (L2), before the moments', () => {
    // g' = 2 + 0.1·1 = 2.1; first step ≈ η·2.1/(2.1 + ε)
    expectClose(run(adam({ lr: 0.01, weightDecay: 0.1 }), [1], [[2]]).params, [1 - 0.021 / (2.1 + 1e-8)], 1e-14);
  });

  it('adamw shrinks θ by (1 − ηλ) first, then takes the plain Adam step', () => {
    // θ = 1·(1 − 0.1·0.1) = 0.99, then 0.99 − 0.1·2/(2 + 1e-8)
    expectClose(run(adamw({ lr: 0.1, weightDecay: 0.1 }), [1], [[2]]).params, [0.99 - 0.2 / (2 + 1e-8)], 1e-14);
    expect(adamw().options).toMatchObject({ weightDecay: 1e-2 });
    expect(adamw().blocks.map((b) => b.name)).toEqual(['decoupledWeightDecay', 'scaleByAdam', 'scaleByLearningRate']);
  });

  it('maximize climbs', () => {
    expectClose(run(adam({ lr: 0.01, maximize: true }), [1], [[2]]).params, [1 + 0.02 / (2 + 1e-8)], 1e-14);
  });

  it('defaults to lr 1e-3, betas [0.9, 0.999], ε 1e-8', () => {
    expect(adam().options).toEqual({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
      amsgrad: false,
      maximize: false,
    });
    expect(Object.keys(adam().init(v(1)))).toEqual(['t', 'size', 'm', 'v']);
    expect(Object.keys(adam({ amsgrad: true }).init(v(1)))).toEqual(['t', 'size', 'm', 'v', 'vMax']);
  });
});

describe('learning-rate schedules as lr', () => {
  it('are called with the number of steps already taken (0 on the first step)', () => {
    const seen: number[] = [];
    const opt = sgd({ lr: (s) => (seen.push(s), 0.1) });
    run(opt, [0], [[1], [1], [1]]);
    expect(seen).toEqual([0, 1, 2]);
  });

  it('scale the decoupled weight decay too, as PyTorch does', () => {
    // step 1: η = 0.5 → θ = 1·(1 − 0.5·0.1) = 0.95 (gradient 0 leaves Adam's step at 0)
    expectClose(run(adamw({ lr: () => 0.5, weightDecay: 0.1 }), [1], [[0]]).params, [0.95]);
  });

  it('reject a schedule that returns an invalid rate, naming the step', () => {
    const opt = sgd({ lr: (s) => (s < 1 ? 0.1 : NaN) });
    const p = v(1);
    const state = opt.init(p);
    opt.step(p, v(1), state);
    expect(() => opt.step(p, v(1), state)).toThrow(
      'Invalid learning rate: NaN (returned by the schedule for step index 1)',
    );
  });

  it('adagrad divides a scheduled rate by its lr decay', () => {
    // step 2: η = 0.2 (schedule at s = 1) / (1 + 1·1) = 0.1
    const opt = adagrad({ lr: (s) => (s === 0 ? 0.1 : 0.2), lrDecay: 1 });
    expect(opt.lrAt(0)).toBe(0.1);
    expect(opt.lrAt(1)).toBe(0.1);
  });
});
