// Every objective, loss and model has an exact gradient: checked against central finite
// differences at seeded random points. A wrong gradient scores about 1; correct ones about 1e-8.
import { describe, expect, it } from 'vitest';
import {
  beale,
  bceWithLogits,
  booth,
  gradCheck,
  himmelblau,
  linear,
  mlp,
  mse,
  norm,
  quadratic,
  rastrigin,
  ravine,
  rng,
  rosenbrock,
  saddle,
  softmaxCrossEntropy,
} from '../../src/engine/index.ts';
import type { Loss, Model, Objective } from '../../src/engine/index.ts';

const objectives: [string, Objective][] = [
  ['quadratic κ = 50 rotated', quadratic({ kappa: 50, angle: 0.7, center: [1, -2] })],
  ['quadratic in 5-D', quadratic({ eigenvalues: [1, 2, 3, 4, 100], angle: 0.3 })],
  ['rosenbrock', rosenbrock()],
  ['beale', beale()],
  ['himmelblau', himmelblau()],
  ['booth', booth()],
  ['saddle', saddle()],
  ['rastrigin 2-D', rastrigin()],
  ['rastrigin 6-D', rastrigin({ dim: 6 })],
  ['ravine', ravine()],
];

function randomPoint(o: Objective, random: ReturnType<typeof rng>): Float64Array {
  const { xmin, xmax, ymin, ymax } = o.view;
  return Float64Array.from({ length: o.dim }, (_, i) =>
    i % 2 === 0 ? random.uniform(xmin, xmax) : random.uniform(ymin, ymax),
  );
}

describe('objectives', () => {
  it.each(objectives)('%s: gradient matches finite differences at 20 random points', (_name, o) => {
    const random = rng(7);
    for (let k = 0; k < 20; k++) expect(gradCheck(o, randomPoint(o, random), 1e-6)).toBeLessThan(2e-7);
  });

  it.each(objectives)('%s: grad returns the loss, value(x, y) agrees, minima are stationary', (_name, o) => {
    const random = rng(8);
    const g = new Float64Array(o.dim);
    const p = randomPoint(o, random);
    expect(o.grad(p, g)).toBe(o.loss(p));
    if (o.dim === 2) expect(o.value!(p[0], p[1])).toBeCloseTo(o.loss(p), 10);
    else expect(o.value).toBeUndefined();
    for (const m of o.minima) {
      const point = Float64Array.from(m.point);
      expect(o.loss(point)).toBeCloseTo(m.value, 12);
      o.grad(point, g);
      expect(norm(g)).toBeLessThan(1e-9);
    }
    expect(o.start.length).toBe(o.dim);
    expect(o.view.xmin).toBeLessThan(o.view.xmax);
  });

  it('gradCheck catches a wrong gradient', () => {
    const wrong: Objective = { ...rosenbrock(), grad: (t, out) => ((out[0] = 2 * t[0]), (out[1] = 200 * t[1]), 0) };
    expect(gradCheck(wrong, Float64Array.from([-1, 1.5]))).toBeGreaterThan(0.1);
  });

  it('quadratic exposes A = R diag(λ) Rᵀ, its eigenpairs, μ, L and κ', () => {
    const q = quadratic({ kappa: 25, mu: 2, angle: Math.PI / 6 });
    expect([q.mu, q.L, q.kappa]).toEqual([2, 50, 25]);
    q.eigenvalues.forEach((lambda, k) => {
      const u = q.eigenvectors[k];
      for (let i = 0; i < 2; i++) expect(q.A[i * 2] * u[0] + q.A[i * 2 + 1] * u[1]).toBeCloseTo(lambda * u[i], 12);
    });
    expect(saddle().minima).toEqual([]);
    expect(himmelblau().minima).toHaveLength(4);
  });
});

function lossAsFunction(loss: Loss, target: Float64Array, n: number, k: number) {
  return {
    loss: (z: Float64Array) => loss.value(z, target, n, k),
    grad: (z: Float64Array, out: Float64Array) => loss.grad(z, target, n, k, out),
  };
}

describe('losses', () => {
  const random = rng(3);
  const n = 6;
  const k = 3;
  const z = Float64Array.from({ length: n * k }, () => random.normal(0, 3));

  it('mse is the plain mean of squares (no ½), gradient 2(ŷ − y)/N', () => {
    // ŷ = [1, 2], y = [0, 4]: ((1)² + (−2)²)/2 = 2.5; gradient [2·1/2, 2·(−2)/2] = [1, −2]
    const out = new Float64Array(2);
    expect(mse.grad(Float64Array.from([1, 2]), Float64Array.from([0, 4]), 2, 1, out)).toBe(2.5);
    expect(Array.from(out)).toEqual([1, -2]);
    const y = Float64Array.from({ length: n * k }, () => random.normal());
    expect(gradCheck(lossAsFunction(mse, y, n, k), z)).toBeLessThan(1e-8);
  });

  it('bceWithLogits matches −[y log σ(z) + (1 − y) log(1 − σ(z))] and its gradient', () => {
    const y = Float64Array.from({ length: n * k }, (_, i) => i % 2);
    const naive =
      Array.from(z).reduce((s, zi, i) => {
        const p = 1 / (1 + Math.exp(-zi));
        return s - (y[i] * Math.log(p) + (1 - y[i]) * Math.log(1 - p));
      }, 0) /
      (n * k);
    expect(bceWithLogits.value(z, y, n, k)).toBeCloseTo(naive, 12);
    expect(gradCheck(lossAsFunction(bceWithLogits, y, n, k), z)).toBeLessThan(1e-8);
  });

  it('bceWithLogits stays finite for huge logits', () => {
    // z = 1000, y = 0: loss = 1000 (log(1 + e^{−1000}) ≈ 0); z = −1000, y = 0: loss ≈ 0
    const out = new Float64Array(2);
    expect(bceWithLogits.grad(Float64Array.from([1000, -1000]), Float64Array.from([0, 0]), 2, 1, out)).toBe(500);
    expect(Array.from(out)).toEqual([0.5, 0]);
  });

  it('softmaxCrossEntropy is log-sum-exp minus the true logit, stable for huge logits', () => {
    const y = Float64Array.from({ length: n }, (_, i) => i % k);
    let naive = 0;
    for (let i = 0; i < n; i++) {
      const row = Array.from(z.subarray(i * k, i * k + k));
      naive += Math.log(row.reduce((s, zj) => s + Math.exp(zj), 0)) - row[y[i]];
    }
    expect(softmaxCrossEntropy.value(z, y, n, k)).toBeCloseTo(naive / n, 12);
    expect(gradCheck(lossAsFunction(softmaxCrossEntropy, y, n, k), z)).toBeLessThan(1e-8);
    // logits [1000, 0], label 1: loss = 1000 exactly (log(e^{1000} + 1) − 0 without overflow)
    expect(softmaxCrossEntropy.value(Float64Array.from([1000, 0]), Float64Array.from([1]), 1, 2)).toBe(1000);
  });

  it('softmaxCrossEntropy rejects a label that is not a class index', () => {
    expect(() => softmaxCrossEntropy.value(Float64Array.from([0, 0]), Float64Array.from([2]), 1, 2)).toThrow(
      'target 0 is 2, expected a class index 0…1',
    );
  });
});

describe('models', () => {
  const cases: [string, Model, Loss, number][] = [
    ['linear regression', linear({ inputs: 3 }), mse, 1],
    ['softmax regression', linear({ inputs: 4, outputs: 3 }), softmaxCrossEntropy, 3],
    ['mlp 3-5-4-2 tanh with mse', mlp({ sizes: [3, 5, 4, 2] }), mse, 2],
    ['mlp 2-8-8-1 relu with bce', mlp({ sizes: [2, 8, 8, 1], activation: 'relu' }), bceWithLogits, 1],
    ['mlp 4-6-3 tanh with cross-entropy', mlp({ sizes: [4, 6, 3] }), softmaxCrossEntropy, 3],
  ];

  it.each(cases)('%s: backward matches finite differences of the mean batch loss', (_name, model, loss, k) => {
    const random = rng(11);
    const n = 7;
    const x = Float64Array.from({ length: n * model.inputs }, () => random.normal());
    const y = Float64Array.from({ length: loss === mse ? n * k : n }, (_, i) =>
      loss === mse ? random.normal() : loss === bceWithLogits ? i % 2 : i % k,
    );
    const grad = new Float64Array(model.size);
    const f = {
      loss: (p: Float64Array) => model.lossAndGrad(p, x, y, n, loss, grad),
      grad: (p: Float64Array, out: Float64Array) => model.lossAndGrad(p, x, y, n, loss, out),
    };
    for (let seed = 0; seed < 3; seed++) expect(gradCheck(f, model.init(seed))).toBeLessThan(1e-7);
  });

  it('lays out W (out × in, row-major) then b for each layer', () => {
    const m = mlp({ sizes: [2, 3, 1] });
    expect(m.size).toBe(2 * 3 + 3 + 3 * 1 + 1);
    expect(m.layout).toEqual([
      { name: 'W1', offset: 0, shape: [3, 2] },
      { name: 'b1', offset: 6, shape: [3] },
      { name: 'W2', offset: 9, shape: [1, 3] },
      { name: 'b2', offset: 12, shape: [1] },
    ]);
    // forward of x = [1, 2] with W1 = I-like rows, b = 0, W2 = [1, 1, 1]: tanh(1) + tanh(2) + tanh(3)
    const p = Float64Array.from([1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0]);
    expect(m.forward(p, Float64Array.from([1, 2]), 1)[0]).toBeCloseTo(Math.tanh(1) + Math.tanh(2) + Math.tanh(3), 15);
  });

  it('initialises uniformly within ±1/√fan_in, reproducibly per seed', () => {
    const m = mlp({ sizes: [4, 16, 1] });
    const p = m.init(5);
    for (let i = 0; i < 4 * 16 + 16; i++) expect(Math.abs(p[i])).toBeLessThan(1 / Math.sqrt(4));
    for (let i = 80; i < m.size; i++) expect(Math.abs(p[i])).toBeLessThan(1 / Math.sqrt(16));
    expect(Array.from(m.init(5))).toEqual(Array.from(p));
    expect(Array.from(m.init(6))).not.toEqual(Array.from(p));
  });
});
