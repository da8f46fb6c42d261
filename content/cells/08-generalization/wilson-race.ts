import { adagrad, adam, momentum, mse, rmsprop, rng, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { lineChart, print, slider, table } from 'descent/display';

// Wilson et al.'s data (2017, §3.3). Labels are +1 with probability p; every example has the label
// itself as feature 1, two features that are always 1, and features of its own: one for a positive
// example, five for a negative one. So there are n = 3 + 5N features for N examples.
const p = slider('p = P(y = +1)', { min: 0.5, max: 0.95, value: 0.6, step: 0.05 });
const N = 50;
const n = 3 + 5 * N;
const random = rng(1);
const y = Float64Array.from({ length: N }, () => (random.next() < p ? 1 : -1));
const X = new Float64Array(N * n); // row-major: example i is X[i*n … i*n + n − 1]
for (let i = 0; i < N; i++) {
  X[i * n] = y[i];
  X[i * n + 1] = 1;
  X[i * n + 2] = 1;
  // Example i owns columns 3 + 5i … 3 + 5i + 4 (counting from 0):
  // a positive example uses one of them, a negative one all five.
  const own = y[i] === 1 ? 1 : 5;
  for (let k = 0; k < own; k++) X[i * n + 3 + 5 * i + k] = 1;
}
const positives = y.filter((v) => v === 1).length;
print(`N = ${N} examples (${positives} positive, ${N - positives} negative), n = ${n} features`);

// The loss is the engine's mean squared error of ŷ = Xθ (no bias, as in the paper):
// L(θ) = (1/N)‖Xθ − y‖², whose gradient is Xᵀ times mse's ∂L/∂ŷ = (2/N)(Xθ − y).
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

// 1000 fresh points from the same distribution. Their own features sit in columns no training example
// uses; those columns always get a zero gradient, so every optimizer here leaves their weights at 0,
// and a fresh point's score is y′θ₁ + θ₂ + θ₃.
const fresh = rng(2);
const testLabels = Array.from({ length: 1000 }, () => (fresh.next() < p ? 1 : -1));
function testError(theta: Float64Array): number {
  let wrong = 0;
  for (const label of testLabels) if (Math.sign(label * theta[0] + theta[1] + theta[2]) !== label) wrong++;
  return wrong / testLabels.length;
}

// Full-batch runs from θ₀ = 0. Learning rates: what lets each method reach zero training loss here.
const runs: { name: string; lr: number; opt: Optimizer }[] = [
  { name: 'sgd', lr: 0.1, opt: sgd({ lr: 0.1 }) },
  { name: 'momentum', lr: 0.01, opt: momentum({ lr: 0.01, momentum: 0.9 }) },
  { name: 'adagrad', lr: 0.1, opt: adagrad({ lr: 0.1 }) },
  { name: 'rmsprop', lr: 0.003, opt: rmsprop({ lr: 0.003 }) },
  { name: 'adam', lr: 0.01, opt: adam({ lr: 0.01 }) },
];
const state = runs.map((r) => {
  const theta = new Float64Array(n);
  return { theta, grad: new Float64Array(n), s: r.opt.init(theta), loss: NaN };
});

const lossChart = lineChart({ title: 'Training loss (full batch)', y: 'L(θ)', logY: true });
const errorChart = lineChart({ title: 'Error on 1000 fresh points', y: 'test error' });
const steps = 1000;
for (let t = 0; t <= steps; t++) {
  // Interleaved, one step each, so the curves grow together.
  runs.forEach((r, k) => {
    const st = state[k];
    st.loss = lossAndGrad(st.theta, st.grad);
    // Losses below 1e-16 are rounding error (some runs reach exactly 0); draw them at 1e-16 so the
    // log axis can show them.
    if (t % 5 === 0) lossChart.add(r.name, t, Math.max(st.loss, 1e-16));
    if (t <= 10 || t % 10 === 0) errorChart.add(r.name, t, testError(st.theta));
    if (t < steps) r.opt.step(st.theta, st.grad, st.s);
  });
}

table(
  runs.map((r, k) => {
    const { theta } = state[k];
    const loss = lossAndGrad(theta, state[k].grad); // also leaves this run's predictions in pred
    let trainWrong = 0;
    for (let i = 0; i < N; i++) if (Math.sign(pred[i]) !== y[i]) trainWrong++;
    return {
      optimizer: r.name,
      lr: r.lr,
      'train loss': Number(loss.toExponential(1)),
      'train error': trainWrong / N,
      'test error': testError(theta),
      'θ₁ (label)': Number(theta[0].toFixed(4)),
      'θ₂ = θ₃ (always 1)': Number(theta[1].toFixed(4)),
      'own feature of a positive': Number(theta[3 + 5 * y.indexOf(1)].toFixed(4)),
      'own feature of a negative': Number(theta[3 + 5 * y.indexOf(-1)].toFixed(4)),
    };
  }),
  { title: `After ${steps} steps, p = ${p}` },
);

// The two closed forms derived in the text, for comparison with the table.
const S1 = positives + (N - positives) / 5; // Σ 1/uᵢ
const Sy = positives - (N - positives) / 5; // Σ yᵢ/uᵢ
const Q = S1 - (2 * Sy * Sy) / (1 + 2 * S1);
const a = Q / (1 + Q);
const s = ((1 - a) * Sy) / (1 + 2 * S1);
print(
  `minimum-norm solution: θ₁ = ${a.toFixed(4)}, θ₂ = θ₃ = ${s.toFixed(4)}, own features (1 − θ₁ − 2θ₂) = ${(1 - a - 2 * s).toFixed(4)} and (−1 + θ₁ − 2θ₂)/5 = ${((-1 + a - 2 * s) / 5).toFixed(4)}`,
);
print(
  positives > N - positives
    ? 'more positives than negatives: the adaptive methods should end at sign(Xᵀy)/4, every weight ±0.25'
    : 'no more positives than negatives: the lemma does not apply to this sample',
);
const negatives = testLabels.filter((v) => v === -1).length / testLabels.length;
print(`share of negatives among the fresh points: ${negatives}`);
