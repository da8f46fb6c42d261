import { adagrad, cosineAnnealing, linear, mse, noisyLine, rmsprop, training } from 'descent';
import type { Optimizer } from 'descent';
import { lineChart, print, table } from 'descent/display';

// Fit y = w·x + b to 1000 noisy points of y = 2x + 20 (noise σ = 1), from w = b = 0, with mini-batches of 10.
// The intercept has to travel 20 units: a long walk down a slope whose gradient stays large for a while.
const data = noisyLine({ n: 1000, slope: 2, intercept: 20, noise: 1, seed: 0 });
const model = linear({ inputs: 1 }); // parameters [w, b]
const lr = 0.1; // the same η for every run
const steps = 3000;
const batchSize = 10;

const runs: { name: string; optimizer: Optimizer }[] = [
  { name: 'AdaGrad', optimizer: adagrad({ lr }) },
  { name: 'RMSprop (α = 0.99)', optimizer: rmsprop({ lr }) },
  // The same RMSprop with η shrinking to 0 along a cosine (a learning-rate schedule) to settle at the end.
  { name: 'RMSprop + cosine decay', optimizer: rmsprop({ lr: cosineAnnealing({ lr, tMax: steps }) }) },
];
const lossChart = lineChart({ title: 'Loss on all 1000 points', y: 'mean squared error', logY: true });
// Single steps are noisy (mini-batches), so chart their root mean square over the last 20 steps.
const stepChart = lineChart({ title: 'Step size of the intercept b (RMS over 20 steps)', y: 'step size', logY: true });
const window = 20;

const live = runs.map((run) => {
  const params = new Float64Array([0, 0]);
  const steps_ = training({
    model,
    loss: mse,
    data,
    optimizer: run.optimizer,
    batchSize,
    epochs: (steps * batchSize) / data.n,
    params,
    evalEvery: 10,
    seed: 1,
  });
  return { ...run, params, steps: steps_, previousB: 0, tail: 0, squares: [] as number[] };
});
for (let t = 1; t <= steps; t++) {
  if (t % 5 === 0) stepChart.add('η/√t', t, lr / Math.sqrt(t));
  for (const run of live) {
    const report = run.steps.next();
    if (report.done) continue;
    const b = run.params[1];
    run.squares.push((b - run.previousB) ** 2);
    if (run.squares.length > window) run.squares.shift();
    if (t % 5 === 0) stepChart.add(run.name, t, Math.sqrt(run.squares.reduce((a, q) => a + q, 0) / run.squares.length));
    run.previousB = b;
    if (report.value.trainLoss !== undefined) {
      lossChart.add(run.name, t, report.value.trainLoss);
      if (t > steps - 500) run.tail += report.value.trainLoss / 50; // 50 evaluations in the last 500 steps
    }
  }
}

// The smallest loss any line reaches: least squares, in closed form.
let mx = 0;
let my = 0;
for (let i = 0; i < data.n; i++) {
  mx += data.x[i] / data.n;
  my += data.y[i] / data.n;
}
let sxy = 0;
let sxx = 0;
for (let i = 0; i < data.n; i++) {
  sxy += (data.x[i] - mx) * (data.y[i] - my);
  sxx += (data.x[i] - mx) ** 2;
}
const wBest = sxy / sxx;
const bBest = my - wBest * mx;
let floor = 0;
for (let i = 0; i < data.n; i++) floor += (wBest * data.x[i] + bBest - data.y[i]) ** 2 / data.n;

table(
  live.map((run) => ({
    optimizer: run.name,
    'b after 3000 steps': Number(run.params[1].toFixed(3)),
    'mean loss, last 500 steps': Number(run.tail.toFixed(4)),
  })),
  { title: `η = ${lr}; least squares: b = ${bBest.toFixed(3)}, loss ${floor.toFixed(4)}` },
);
print(
  `if each of AdaGrad's steps were η/√t, b would travel 2η√T ≈ ${(2 * lr * Math.sqrt(steps)).toFixed(2)} in ${steps} steps; it got to ${live[0].params[1].toFixed(2)}`,
);
