import { adagrad, adam, momentum, mse, rmsprop, rng, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { landscape, lineChart, print } from 'descent/display';

// The same data as above (N = 50, p = 0.6, seed 1): 31 positives, 19 negatives.
const p = 0.6;
const N = 50;
const n = 3 + 5 * N;
const random = rng(1);
const y = Float64Array.from({ length: N }, () => (random.next() < p ? 1 : -1));
const X = new Float64Array(N * n);
for (let i = 0; i < N; i++) {
  X[i * n] = y[i];
  X[i * n + 1] = 1;
  X[i * n + 2] = 1;
  const own = y[i] === 1 ? 1 : 5;
  for (let k = 0; k < own; k++) X[i * n + 3 + 5 * i + k] = 1;
}
// Each row has at most 8 nonzero entries (of n = 253); visiting only those keeps Xθ, Xᵀr cheap.
const nonzero = Array.from({ length: N }, (_, i) =>
  Array.from({ length: n }, (_, j) => j).filter((j) => X[i * n + j] !== 0),
);
const pred = new Float64Array(N);
const dPred = new Float64Array(N);
function lossAndGrad(theta: Float64Array, grad: Float64Array): number {
  for (let i = 0; i < N; i++) {
    let s = 0;
    for (const j of nonzero[i]) s += X[i * n + j] * theta[j];
    pred[i] = s;
  }
  const loss = mse.grad(pred, y, N, 1, dPred);
  grad.fill(0);
  for (let i = 0; i < N; i++) for (const j of nonzero[i]) grad[j] += X[i * n + j] * dPred[i];
  return loss;
}

// A fresh point scores y′θ₁ + (θ₂ + θ₃), so two numbers decide every prediction on new data:
// x = θ₁ and y = θ₂ + θ₃. Colour = expected test error at (x, y): a fresh positive (probability p)
// is wrong when x + y ≤ 0, a fresh negative when −x + y ≥ 0. Dark wedge |y| < x: no errors.
const testError = (a: number, c: number) => (a + c > 0 ? 0 : p) + (-a + c < 0 ? 0 : 1 - p);
const land = landscape(testError, {
  title: 'Test error on fresh points',
  x: 'θ₁ (label feature)',
  y: 'θ₂ + θ₃ (constants)',
  view: { xmin: -0.25, xmax: 1.25, ymin: -0.45, ymax: 0.65 },
  resolution: 200,
});

const runs: { name: string; opt: Optimizer }[] = [
  { name: 'sgd', opt: sgd({ lr: 0.1 }) },
  { name: 'momentum', opt: momentum({ lr: 0.01, momentum: 0.9 }) },
  { name: 'adagrad', opt: adagrad({ lr: 0.1 }) },
  { name: 'rmsprop', opt: rmsprop({ lr: 0.003 }) },
  { name: 'adam', opt: adam({ lr: 0.01 }) },
];
const state = runs.map((r) => {
  const theta = new Float64Array(n);
  return { theta, grad: new Float64Array(n), s: r.opt.init(theta) };
});
for (let t = 0; t <= 600; t++) {
  runs.forEach((r, k) => {
    const { theta, grad, s } = state[k];
    if (t <= 100 || t % 10 === 0) land.add(r.name, theta[0], theta[1] + theta[2]);
    lossAndGrad(theta, grad);
    r.opt.step(theta, grad, s);
  });
}

// Feature by feature: the 3 shared features, then the own features of the first 6 examples.
// (AdaGrad and RMSprop end exactly where Adam does, so their lines would hide under Adam's.)
const weights = lineChart({ title: 'Final weights, feature by feature', x: 'feature j', y: 'θⱼ' });
for (const k of [0, 4]) {
  for (let j = 0; j < 3 + 5 * 6; j++) weights.add(runs[k].name, j + 1, state[k].theta[j]);
}
print(`labels of the first 6 examples: ${Array.from(y.subarray(0, 6)).join(', ')}`);
runs.forEach((r, k) => {
  const t = state[k].theta;
  print(
    `${r.name}: θ₁ = ${t[0].toFixed(3)}, θ₂ + θ₃ = ${(t[1] + t[2]).toFixed(3)}, ‖θ‖ = ${Math.hypot(...t).toFixed(3)}`,
  );
});
