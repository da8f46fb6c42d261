import { quadratic, sgd, stepDecay } from 'descent';
import type { LearningRate } from 'descent';
import { lineChart, print } from 'descent/display';

// Two ways to write momentum. PyTorch: b ← μb + g, θ ← θ − ηb (η outside the buffer).
// Sutskever et al. and Keras: v ← μv − ηg, θ ← θ + v (η inside the velocity).
const q = quadratic({ eigenvalues: [1, 10], angle: 0.3 });
const mu = 0.9;
const steps = 120;

/** Sutskever's form, written out by hand (the engine implements PyTorch's). Returns every θ_t. */
function sutskever(lr: (s: number) => number): Float64Array[] {
  const theta = Float64Array.from(q.start);
  const v = new Float64Array(2); // v₀ = 0
  const g = new Float64Array(2);
  const path = [theta.slice()];
  for (let t = 1; t <= steps; t++) {
    q.grad(theta, g);
    for (let i = 0; i < 2; i++) {
      v[i] = mu * v[i] - lr(t - 1) * g[i]; // the step-t learning rate multiplies only the new gradient
      theta[i] += v[i];
    }
    path.push(theta.slice());
  }
  return path;
}

/** PyTorch's form: the engine's SGD with momentum. Returns every θ_t. */
function pytorch(lr: LearningRate): Float64Array[] {
  const theta = Float64Array.from(q.start);
  const g = new Float64Array(2);
  const optimizer = sgd({ lr, momentum: mu });
  const state = optimizer.init(theta);
  const path = [theta.slice()];
  for (let t = 1; t <= steps; t++) {
    q.grad(theta, g);
    optimizer.step(theta, g, state);
    path.push(theta.slice());
  }
  return path;
}

const largestGap = (a: Float64Array[], b: Float64Array[]) =>
  Math.max(...a.map((p, t) => Math.hypot(p[0] - b[t][0], p[1] - b[t][1])));

// 1. A constant learning rate: the two forms visit the same points (up to rounding).
const same = largestGap(
  sutskever(() => 0.05),
  pytorch(0.05),
);
print(`constant η = 0.05: largest distance between the two paths over ${steps} steps = ${same.toExponential(2)}`);

// 2. A step decay: η = 0.05 for the first 40 steps, then 0.005 (PyTorch's StepLR with γ = 0.1).
const schedule = stepDecay({ lr: 0.05, stepSize: 40, gamma: 0.1 });
const a = pytorch(schedule);
const b = sutskever(schedule);
print(`step decay at step 41: largest distance between the two paths = ${largestGap(a, b).toExponential(2)}`);

// The length of each step, ‖θ_t − θ_{t−1}‖: where the two forms part ways.
const chart = lineChart({ title: 'Step length with η divided by 10 after step 40', y: '‖θₜ − θₜ₋₁‖', logY: true });
for (let t = 1; t <= steps; t++) {
  chart.add('PyTorch: θ ← θ − ηb', t, Math.hypot(a[t][0] - a[t - 1][0], a[t][1] - a[t - 1][1]));
  chart.add('Sutskever / Keras: θ ← θ + v', t, Math.hypot(b[t][0] - b[t - 1][0], b[t][1] - b[t - 1][1]));
}
const len = (p: Float64Array[], t: number) => Math.hypot(p[t][0] - p[t - 1][0], p[t][1] - p[t - 1][1]);
print(`step 40 → 41, PyTorch: ${len(a, 40).toExponential(2)} → ${len(a, 41).toExponential(2)}`);
print(`step 40 → 41, Sutskever: ${len(b, 40).toExponential(2)} → ${len(b, 41).toExponential(2)}`);
