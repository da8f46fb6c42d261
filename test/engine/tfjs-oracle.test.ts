// An outside oracle: TensorFlow.js (tfjs-core, CPU backend, float32). Where its conventions match
// PyTorch's (SGD, momentum, Nesterov, Adam), the engine agrees with it to float32 accuracy. Where
// they differ (AdaGrad's starting sum and ε inside the root; RMSprop's α and ε), the tests show the
// conversion that makes them agree, and that without it they do not. Formulas checked against
// node_modules/@tensorflow/tfjs-core/dist/optimizers/*.js.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { adagrad, adam, momentum, nesterov, rmsprop, sgd } from '../../src/engine/index.ts';
import type { Optimizer } from '../../src/engine/index.ts';

beforeAll(async () => {
  tf.enableProdMode(); // silences tfjs' "install the node backend" notice (and skips debug checks)
  await tf.setBackend('cpu'); // explicit: no backend-selection warnings
  await tf.ready();
});

const STEPS = 25;
// A fixed gradient sequence (independent of θ, so float32 rounding cannot feed back into it),
// scaled by `scale` to probe small-gradient behaviour.
function gradients(scale: number): number[][] {
  return Array.from({ length: STEPS }, (_, t) =>
    [Math.sin(t + 1), Math.cos(2 * t), 0.5 - ((t * 7) % 5) / 4, 1 / (t + 1)].map((g) => g * scale),
  );
}
const START = [0.5, -1.25, 2, 0.125];

function runEngine(opt: Optimizer, grads: number[][]): number[] {
  const p = Float64Array.from(START);
  const s = opt.init(p);
  for (const g of grads) opt.step(p, Float64Array.from(g), s);
  return Array.from(p);
}

let counter = 0;
function runTfjs(opt: tf.Optimizer, grads: number[][]): number[] {
  const name = `theta${counter++}`;
  const v = tf.variable(tf.tensor1d(START), true, name);
  for (const g of grads) {
    tf.tidy(() => opt.applyGradients({ [name]: tf.tensor1d(g) }));
  }
  const out = Array.from(v.dataSync());
  v.dispose();
  opt.dispose();
  return out;
}

// Largest difference relative to the size of the parameter change, |a − b| / max(|θ₀ − b|, 1e-3):
// float32 rounding gives up to a few 1e-5 here; a different convention gives 1e-3 or more.
function mismatch(engine: number[], tfjs: number[]): number {
  return Math.max(...engine.map((x, i) => Math.abs(x - tfjs[i]) / Math.max(Math.abs(START[i] - tfjs[i]), 1e-3)));
}
const FLOAT32 = 1e-4; // ~25 steps of float32 rounding on θ ≈ 2 (ulp 2.4e-7) against changes of ~0.05

describe('where TF.js and PyTorch agree, the engine matches TF.js to float32 accuracy', () => {
  const g = gradients(1);
  it('sgd', () => {
    expect(mismatch(runEngine(sgd({ lr: 0.1 }), g), runTfjs(tf.train.sgd(0.1), g))).toBeLessThan(FLOAT32);
  });
  it('momentum (TF.js starts its accumulator at 0: μ·0 + g₁ = g₁, PyTorch’s first buffer)', () => {
    expect(
      mismatch(runEngine(momentum({ lr: 0.05, momentum: 0.9 }), g), runTfjs(tf.train.momentum(0.05, 0.9), g)),
    ).toBeLessThan(FLOAT32);
  });
  it('nesterov (both compute θ ← θ − η(g + μb))', () => {
    expect(
      mismatch(runEngine(nesterov({ lr: 0.05, momentum: 0.9 }), g), runTfjs(tf.train.momentum(0.05, 0.9, true), g)),
    ).toBeLessThan(FLOAT32);
  });
  it('adam with the same ε (TF.js computes the docs’ form m̂/(√v̂ + ε))', () => {
    expect(
      mismatch(runEngine(adam({ lr: 0.01, eps: 1e-7 }), g), runTfjs(tf.train.adam(0.01, 0.9, 0.999, 1e-7), g)),
    ).toBeLessThan(FLOAT32);
    const small = gradients(1e-3);
    expect(
      mismatch(runEngine(adam({ lr: 0.01, eps: 1e-7 }), small), runTfjs(tf.train.adam(0.01, 0.9, 0.999, 1e-7), small)),
    ).toBeLessThan(FLOAT32);
  });
});

describe('where the conventions differ, a conversion makes them agree', () => {
  it('adagrad: TF.js starts the sum at 0.1 and adds ε = 1e-7 inside the root; PyTorch starts at 0, ε outside', () => {
    const g = gradients(1);
    const tfjs = runTfjs(tf.train.adagrad(0.1), g);
    // √(G + ε) with G₀ = 0.1 is √G' with G'₀ = 0.1 + 1e-7 and no ε.
    expect(
      mismatch(runEngine(adagrad({ lr: 0.1, initialAccumulatorValue: 0.1 + 1e-7, eps: 0 }), g), tfjs),
    ).toBeLessThan(FLOAT32);
    expect(mismatch(runEngine(adagrad({ lr: 0.1 }), g), tfjs)).toBeGreaterThan(1e-3);
  });

  it('rmsprop: TF.js decay is PyTorch’s α (default 0.9 vs 0.99); with ε = 0 in both they agree', () => {
    const g = gradients(1);
    expect(
      mismatch(runEngine(rmsprop({ lr: 0.01, alpha: 0.9, eps: 0 }), g), runTfjs(tf.train.rmsprop(0.01, 0.9, 0, 0), g)),
    ).toBeLessThan(FLOAT32);
    expect(
      mismatch(runEngine(rmsprop({ lr: 0.01, eps: 0 }), g), runTfjs(tf.train.rmsprop(0.01, 0.9, 0, 0), g)),
    ).toBeGreaterThan(1e-3);
  });

  it('rmsprop with momentum: TF.js keeps η inside the buffer, the same path for a constant η', () => {
    const g = gradients(1);
    expect(
      mismatch(
        runEngine(rmsprop({ lr: 0.01, alpha: 0.9, eps: 0, momentum: 0.9 }), g),
        runTfjs(tf.train.rmsprop(0.01, 0.9, 0.9, 0), g),
      ),
    ).toBeLessThan(FLOAT32);
  });

  it('rmsprop centered agrees with ε = 0 (TF.js subtracts its ε under the root: √(v − ḡ² − ε))', () => {
    const g = gradients(1);
    expect(
      mismatch(
        runEngine(rmsprop({ lr: 0.01, alpha: 0.9, eps: 0, centered: true }), g),
        runTfjs(tf.train.rmsprop(0.01, 0.9, 0, 0, true), g),
      ),
    ).toBeLessThan(FLOAT32);
  });

  it('rmsprop: ε inside the root (TF.js, 1e-7) and outside (PyTorch, 1e-8) differ for small gradients', () => {
    const small = gradients(1e-4); // v ≈ 1e-8: √(v + 1e-7) ≈ 3.3e-4 but √v + 1e-8 ≈ 1e-4
    expect(
      mismatch(
        runEngine(rmsprop({ lr: 0.01, alpha: 0.9 }), small),
        runTfjs(tf.train.rmsprop(0.01, 0.9, 0, 1e-7), small),
      ),
    ).toBeGreaterThan(0.1);
  });
});

describe('Keras’ “epsilon hat” in Adam', () => {
  it('equals PyTorch’s ε divided by √(1 − β₂ᵗ): shown on the first step', () => {
    // Keras: θ ← θ − η·√(1−β₂)/(1−β₁) · m₁/(√v₁ + ε̂), m₁ = 0.1g, v₁ = 0.001g²
    const g = 3e-4;
    const epsHat = 1e-7;
    const keras = 1 - ((0.01 * Math.sqrt(1 - 0.999)) / (1 - 0.9)) * ((0.1 * g) / (Math.sqrt(0.001 * g * g) + epsHat));
    const same = runEngineOne(adam({ lr: 0.01, eps: epsHat / Math.sqrt(1 - 0.999) }), g);
    const naive = runEngineOne(adam({ lr: 0.01, eps: epsHat }), g);
    expect(Math.abs(same - keras)).toBeLessThan(1e-15);
    expect(Math.abs(naive - keras)).toBeGreaterThan(1e-5);
  });
});

function runEngineOne(opt: Optimizer, g: number): number {
  const p = Float64Array.from([1]);
  opt.step(p, Float64Array.from([g]), opt.init(p));
  return p[0];
}
