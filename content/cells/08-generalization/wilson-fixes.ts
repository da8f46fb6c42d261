import { adagrad, adam, adamw, mse, rng, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { lineChart, table } from 'descent/display';

// The same data as above (N = 50, p = 0.6, seed 1), full batch, θ₀ = 0.
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

// Each variant changes one thing. weightDecay in sgd and adam is PyTorch's coupled L2 (it adds
// λθ to the gradient); adamw decays θ directly. Keras' and TF.js' AdaGrad starts its sum at 0.1,
// with ε inside the root.
const variants: { name: string; opt: Optimizer }[] = [
  { name: 'adam', opt: adam({ lr: 0.01 }) },
  { name: 'adam, L2 λ = 1e-2', opt: adam({ lr: 0.01, weightDecay: 1e-2 }) },
  { name: 'sgd, L2 λ = 1e-2', opt: sgd({ lr: 0.1, weightDecay: 1e-2 }) },
  { name: 'adamw, λ = 1e-2', opt: adamw({ lr: 0.01, weightDecay: 1e-2 }) },
  { name: 'adamw, λ = 1', opt: adamw({ lr: 0.01, weightDecay: 1 }) },
  { name: 'adagrad, G₀ = 0.1 (Keras)', opt: adagrad({ lr: 0.1, initialAccumulatorValue: 0.1 + 1e-7, eps: 0 }) },
  { name: 'adam, ε = 1, lr 0.1', opt: adam({ lr: 0.1, eps: 1 }) },
];
const runs = variants.map((v) => {
  const theta = new Float64Array(n);
  return { ...v, theta, grad: new Float64Array(n), state: v.opt.init(theta), loss: NaN };
});

const chart = lineChart({ title: 'Fresh negatives are misclassified while this is above 1', y: '(θ₂ + θ₃) / θ₁' });
const steps = 3000;
for (let t = 1; t <= steps; t++) {
  for (const r of runs) {
    r.loss = lossAndGrad(r.theta, r.grad);
    r.opt.step(r.theta, r.grad, r.state);
    if (t % 20 === 0) chart.add(r.name, t, (r.theta[1] + r.theta[2]) / r.theta[0]);
  }
}
table(
  runs.map((r) => {
    const [a, b, c] = r.theta;
    const wrong = (p * (a + b + c > 0 ? 0 : 1) + (1 - p) * (-a + b + c < 0 ? 0 : 1)).toFixed(2);
    return {
      variant: r.name,
      'train loss': Number(lossAndGrad(r.theta, r.grad).toExponential(1)),
      'θ₁': Number(a.toFixed(4)),
      'θ₂ + θ₃': Number((b + c).toFixed(4)),
      'expected test error': Number(wrong),
    };
  }),
  { title: `After ${steps} full-batch steps` },
);
