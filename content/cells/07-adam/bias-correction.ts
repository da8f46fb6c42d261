import { adam, bceWithLogits, mlp, twoMoons } from 'descent';
import { lineChart, print, slider, table } from 'descent/display';

const lr = slider('learning rate η', { min: 0.001, max: 0.3, value: 0.1, log: true });
// Slide 1 − β₂ rather than β₂ itself: the interesting values are 0.999, 0.9999, …
const oneMinusBeta2 = slider('1 − β₂', { min: 1e-4, max: 0.1, value: 1e-3, log: true });
const beta1 = 0.9;
const beta2 = 1 - oneMinusBeta2;
const eps = 1e-8;

// Step 1 by hand, for one gradient g: m₁ = (1 − β₁)g and v₁ = (1 − β₂)g².
const g = 0.5;
const m1 = (1 - beta1) * g;
const v1 = (1 - beta2) * g * g;
const corrected = m1 / (1 - beta1) / (Math.sqrt(v1 / (1 - beta2)) + eps);
const uncorrected = m1 / (Math.sqrt(v1) + eps);
print(`step 1 with the correction: Δθ/η = ${corrected.toFixed(10)}`);
print(`step 1 without it: Δθ/η = ${uncorrected.toFixed(10)}`);
print(`(1 − β₁)/√(1 − β₂) = ${((1 - beta1) / Math.sqrt(1 - beta2)).toFixed(10)}`);

// The same network, started from the same weights, trained full-batch by two versions of Adam.
const data = twoMoons({ n: 200, noise: 0.2, seed: 1 });
const model = mlp({ sizes: [2, 16, 16, 1] });
const withCorrection = model.init(0);
const without = model.init(0);
const optimizer = adam({ lr, betas: [beta1, beta2], eps });
const state = optimizer.init(withCorrection);
// Adam without bias correction, written out: the same moving averages, but m and v used as they are.
const m = new Float64Array(model.size);
const v = new Float64Array(model.size);
const grad = new Float64Array(model.size);
const before = new Float64Array(model.size);

const steps = lineChart({ title: 'Step size: mean |Δθᵢ| / η', y: 'mean |Δθᵢ| / η' });
const losses = lineChart({ title: 'Training loss', y: 'loss', logY: true });
const rows = [];
for (let t = 1; t <= 50; t++) {
  const lossA = model.lossAndGrad(withCorrection, data.x, data.y, data.n, bceWithLogits, grad);
  before.set(withCorrection);
  optimizer.step(withCorrection, grad, state);
  let stepA = 0;
  for (let i = 0; i < model.size; i++) stepA += Math.abs(withCorrection[i] - before[i]) / lr / model.size;

  const lossB = model.lossAndGrad(without, data.x, data.y, data.n, bceWithLogits, grad);
  let stepB = 0;
  for (let i = 0; i < model.size; i++) {
    m[i] = beta1 * m[i] + (1 - beta1) * grad[i];
    v[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i];
    const delta = (lr * m[i]) / (Math.sqrt(v[i]) + eps);
    without[i] -= delta;
    stepB += Math.abs(delta) / lr / model.size;
  }

  // For a gradient that never changes, the uncorrected step is η(1 − β₁ᵗ)/√(1 − β₂ᵗ).
  const steady = (1 - beta1 ** t) / Math.sqrt(1 - beta2 ** t);
  steps.add('with bias correction', t, stepA);
  steps.add('without', t, stepB);
  steps.add('without, steady gradient (formula)', t, steady);
  losses.add('with bias correction', t - 1, lossA);
  losses.add('without', t - 1, lossB);
  if ([1, 2, 5, 10, 20, 50].includes(t))
    rows.push({ step: t, 'loss, corrected': Number(lossA.toFixed(4)), 'loss, uncorrected': Number(lossB.toFixed(4)) });
}
table(rows, { title: 'Loss before step t' });
