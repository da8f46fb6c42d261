// Compares the student's closed form with where the engine's AdaGrad and Adam actually end, full
// batch from θ₀ = 0, on data where X·sign(Xᵀy) = c·y (Wilson et al.'s, scaled so that c is not always 4).
import { adagrad, adam, mse } from 'descent';
import type { Optimizer } from 'descent';
import { expectArrayClose, expectFunction, fail } from 'descent/check';
import { adaptiveSolution } from 'student';

expectFunction(adaptiveSolution, 'adaptiveSolution');

function wilson(labels: number[], scale: number): number[][] {
  return labels.map((label, i) => {
    const row = new Array<number>(3 + 5 * labels.length).fill(0);
    row[0] = scale * label;
    row[1] = scale;
    row[2] = scale;
    for (let k = 0; k < (label === 1 ? 1 : 5); k++) row[3 + 5 * i + k] = scale;
    return row;
  });
}

function run(X: number[][], y: number[], opt: Optimizer, steps: number): Float64Array {
  const N = X.length;
  const n = X[0].length;
  const theta = new Float64Array(n);
  const grad = new Float64Array(n);
  const pred = new Float64Array(N);
  const dPred = new Float64Array(N);
  const target = Float64Array.from(y);
  const state = opt.init(theta);
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < N; i++) pred[i] = X[i].reduce((s, x, j) => s + x * theta[j], 0);
    mse.grad(pred, target, N, 1, dPred);
    grad.fill(0);
    for (let i = 0; i < N; i++) for (let j = 0; j < n; j++) grad[j] += X[i][j] * dPred[i];
    opt.step(theta, grad, state);
  }
  return theta;
}

const cases: { labels: number[]; scale: number }[] = [
  { labels: [1, -1, 1, 1, -1], scale: 1 },
  { labels: [1, 1, -1, 1, 1, -1, 1], scale: 1 },
  { labels: [1, -1, 1, 1, -1, 1], scale: 2 },
  { labels: [-1, 1, 1, -1, 1, 1, 1], scale: 0.5 },
];
for (const { labels, scale } of cases) {
  const X = wilson(labels, scale);
  const name = `labels (${labels.join(', ')})${scale === 1 ? '' : `, every feature × ${scale}`}`;
  const got = adaptiveSolution(
    X.map((r) => r.slice()),
    labels.slice(),
  );
  if (!Array.isArray(got) && !ArrayBuffer.isView(got))
    fail(`on ${name}: return θ as an array of ${X[0].length} numbers`);
  const tol = { rtol: 1e-6, atol: 1e-8 };
  expectArrayClose(
    got,
    run(X, labels, adagrad({ lr: 0.1 }), 3000),
    `on ${name}, your θ vs where AdaGrad ends (engine adagrad, lr 0.1, 3000 full-batch steps from 0)`,
    tol,
  );
  expectArrayClose(
    got,
    run(X, labels, adam({ lr: 0.01 }), 3000),
    `on ${name}, your θ vs where Adam ends (engine adam, lr 0.01, 3000 full-batch steps from 0)`,
    tol,
  );
}
