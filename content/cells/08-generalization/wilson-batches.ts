import { adagrad, adam, epochBatches, mse, rmsprop, rng, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { lineChart, print, table } from 'descent/display';

// The same data as above (N = 50, p = 0.6, seed 1).
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

// The mini-batch gradient: the same loss, averaged over the rows in `batch` only. Each row has at
// most 8 nonzero entries, and only those are visited.
const nonzero = Array.from({ length: N }, (_, i) =>
  Array.from({ length: n }, (_, j) => j).filter((j) => X[i * n + j] !== 0),
);
const pred = new Float64Array(N);
const target = new Float64Array(N);
const dPred = new Float64Array(N);
function batchGrad(theta: Float64Array, grad: Float64Array, batch: ArrayLike<number>): void {
  const B = batch.length;
  for (let r = 0; r < B; r++) {
    const i = batch[r];
    let s = 0;
    for (const j of nonzero[i]) s += X[i * n + j] * theta[j];
    pred[r] = s;
    target[r] = y[i];
  }
  mse.grad(pred, target, B, 1, dPred);
  grad.fill(0);
  for (let r = 0; r < B; r++) {
    const i = batch[r];
    for (const j of nonzero[i]) grad[j] += X[i * n + j] * dPred[r];
  }
}

const makers: Record<string, () => Optimizer> = {
  sgd: () => sgd({ lr: 0.1 }),
  adagrad: () => adagrad({ lr: 0.1 }),
  rmsprop: () => rmsprop({ lr: 0.003 }),
  adam: () => adam({ lr: 0.01 }),
};
const all = Array.from({ length: N }, (_, i) => i);
const sizes = [1, 2, 5, 10, 25, 50]; // 50 = the whole training set: the full-batch runs above
const steps = 1500;

// A fresh negative is misclassified when θ₂ + θ₃ ≥ θ₁ (a fresh positive when θ₂ + θ₃ ≤ −θ₁),
// so the ratio (θ₂ + θ₃)/θ₁ says it all: below 1 every fresh point is right, above 1 every
// fresh point is called positive.
const chart = lineChart({ title: 'Where each optimizer ends, by batch size', x: 'batch size B', y: '(θ₂ + θ₃) / θ₁' });
const rows: Record<string, number | string>[] = [];
for (const B of sizes) {
  const row: Record<string, number | string> = { 'batch size': B };
  let worst = 0;
  for (const [name, make] of Object.entries(makers)) {
    const opt = make();
    const theta = new Float64Array(n);
    const grad = new Float64Array(n);
    const state = opt.init(theta);
    const shuffle = rng(7); // the same shuffling for every optimizer
    for (let t = 0; t < steps;) {
      for (const batch of epochBatches(N, B, shuffle)) {
        if (t++ >= steps) break;
        batchGrad(theta, grad, batch);
        opt.step(theta, grad, state);
      }
    }
    const ratio = (theta[1] + theta[2]) / theta[0];
    chart.add(name, B, ratio);
    row[name] = Number(ratio.toFixed(3));
    // The training loss on all N examples: near 0 means this run does fit the training set.
    batchGrad(theta, grad, all);
    let loss = 0;
    for (let i = 0; i < N; i++) loss += (pred[i] - y[i]) ** 2 / N;
    worst = Math.max(worst, loss);
  }
  row['largest train loss'] = Number(worst.toExponential(1));
  chart.add('edge: above it, fresh negatives are misclassified', B, 1);
  rows.push(row);
}
table(rows, { title: `(θ₂ + θ₃)/θ₁ after ${steps} steps; above 1 the test error is the share of negatives` });
print('full batch (B = 50): sgd ends at the minimum-norm ratio, the adaptive methods at 2 (= 0.5/0.25)');
