// Compares the student's closed form with what the engine's gradient descent actually reaches from
// θ₀ = 0 on the same least-squares problem: the minimum-norm solution, if the lesson is right.
import { mse, rng, sgd } from 'descent';
import { expectArrayClose, expectFunction, fail } from 'descent/check';
import { minNormSolution } from 'student';

expectFunction(minNormSolution, 'minNormSolution');

function wilson(labels: number[]): number[][] {
  return labels.map((label, i) => {
    const row = new Array<number>(3 + 5 * labels.length).fill(0);
    row[0] = label;
    row[1] = 1;
    row[2] = 1;
    for (let k = 0; k < (label === 1 ? 1 : 5); k++) row[3 + 5 * i + k] = 1;
    return row;
  });
}

/** Full-batch gradient descent on L(θ) = (1/N)‖Xθ − y‖² from θ₀ = 0, with the engine's sgd and mse. */
function gradientDescent(X: number[][], y: number[], lr: number, steps: number): Float64Array {
  const N = X.length;
  const n = X[0].length;
  const theta = new Float64Array(n);
  const grad = new Float64Array(n);
  const pred = new Float64Array(N);
  const dPred = new Float64Array(N);
  const target = Float64Array.from(y);
  const opt = sgd({ lr });
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

const random = rng(8);
const problems: { name: string; X: number[][]; y: number[]; lr: number }[] = [
  {
    name: "Wilson et al.'s data, labels (1, −1, 1, 1, −1)",
    X: wilson([1, -1, 1, 1, -1]),
    y: [1, -1, 1, 1, -1],
    lr: 0.1,
  },
  {
    name: "Wilson et al.'s data, labels (1, 1, −1, 1, 1, −1, 1, 1)",
    X: wilson([1, 1, -1, 1, 1, -1, 1, 1]),
    y: [1, 1, -1, 1, 1, -1, 1, 1],
    lr: 0.1,
  },
  // Not every problem is Wilson's: any wide matrix with independent rows has a minimum-norm solution.
  ...[3, 4].map((N) => ({
    name: `a random ${N}×${2 * N + 1} matrix`,
    X: Array.from({ length: N }, () => Array.from({ length: 2 * N + 1 }, () => random.normal())),
    y: Array.from({ length: N }, () => random.normal()),
    lr: 0.02,
  })),
];
for (const { name, X, y, lr } of problems) {
  const got = minNormSolution(
    X.map((r) => r.slice()),
    y.slice(),
  );
  if (!Array.isArray(got) && !ArrayBuffer.isView(got))
    fail(`on ${name}: return θ as an array of ${X[0].length} numbers`);
  const reached = gradientDescent(X, y, lr, 20000);
  expectArrayClose(
    got,
    reached,
    `on ${name}, your θ vs where gradient descent from θ₀ = 0 ends (engine sgd, lr ${lr}, 20000 steps)`,
    {
      rtol: 1e-6,
      atol: 1e-8,
    },
  );
}
