import { adagrad, chain, quadratic, scaleByLearningRate } from 'descent';
import type { Optimizer, Transform } from 'descent';
import { lineChart, table } from 'descent/display';

// Keras' Adagrad (keras/src/optimizers/adagrad.py, Keras 3.15) and TF.js' tf.train.adagrad
// (tfjs-core 4.22) both compute
//   G ← G + g²  (G starts at initial_accumulator_value = 0.1);   θ ← θ − η·g / √(G + ε),  ε = 1e-7
// PyTorch starts G at 0 and adds ε = 1e-10 outside the root: θ ← θ − η·g / (√G + ε).
function kerasAdagrad(initial: number, epsilon: number): Transform<{ accumulator: Float64Array }> {
  return {
    name: 'kerasAdagrad',
    keys: ['accumulator'],
    init: (params) => ({ accumulator: new Float64Array(params.length).fill(initial) }),
    update(g, out, state) {
      const G = state.accumulator;
      for (let i = 0; i < g.length; i++) {
        G[i] += g[i] * g[i];
        out[i] = g[i] / Math.sqrt(G[i] + epsilon);
      }
      return out;
    },
  };
}

// A flat bowl (eigenvalues 0.01 and 0.1), so that the gradients are about 0.1 to 0.3 — the same
// order as √0.1, where the starting value of G matters.
const bowl = quadratic({ mu: 0.01, kappa: 10, angle: 0.5 });
const lr = 0.5;
const STEPS = 200;

const runs: [string, Optimizer][] = [
  ['Keras / TF.js Adagrad (G₀ = 0.1, ε = 1e-7 inside)', chain(kerasAdagrad(0.1, 1e-7), scaleByLearningRate(lr))],
  ['PyTorch defaults (G₀ = 0, ε = 1e-10 outside)', adagrad({ lr })],
  ['PyTorch, initialAccumulatorValue 0.1 + 1e-7, eps 0', adagrad({ lr, initialAccumulatorValue: 0.1 + 1e-7, eps: 0 })],
];

const chart = lineChart({ title: 'AdaGrad on a flat bowl, η = 0.5', y: 'f(θ)', logY: true });
const thetas = runs.map(() => Float64Array.from(bowl.start));
const states = runs.map(([, opt], k) => opt.init(thetas[k]));
const g = new Float64Array(2);
const rows = [];
for (let t = 0; t <= STEPS; t++) {
  runs.forEach(([name, opt], k) => {
    chart.add(name, t, bowl.grad(thetas[k], g));
    if (t < STEPS) opt.step(thetas[k], g, states[k]);
  });
  if ([1, 2, 3, 10, 100, 200].includes(t + 1) && t < STEPS) {
    rows.push({
      step: t + 1,
      'Keras θ₁': thetas[0][0],
      'PyTorch default θ₁': thetas[1][0],
      'PyTorch converted θ₁': thetas[2][0],
    });
  }
}
table(rows, { title: 'The first coordinate after each step' });
