import { adagrad, linear, mse, rng, sgd, training } from 'descent';
import type { Dataset, Optimizer } from 'descent';
import { lineChart, print, table } from 'descent/display';

// A linear regression with 4 dense features and 40 rare ones. Dense features are N(0, 1) in every
// example; each rare feature is 1 in about 1% of the examples and 0 in the rest (think of rare words
// in a bag-of-words model). Every rare feature is informative: its true weight is ±2 to ±4.
const random = rng(1);
const n = 4000;
const dense = 4;
const rare = 40;
const p = 0.01;
const d = dense + rare;
const trueWeights = [1, -2, 0.5, 1.5];
for (let j = 0; j < rare; j++) trueWeights.push(random.uniform(2, 4) * (random.next() < 0.5 ? -1 : 1));
const x = new Float64Array(n * d);
const y = new Float64Array(n);
for (let i = 0; i < n; i++) {
  let target = 0;
  for (let j = 0; j < d; j++) {
    const value = j < dense ? random.normal() : random.next() < p ? 1 : 0;
    x[i * d + j] = value;
    target += trueWeights[j] * value;
  }
  y[i] = target + random.normal(0, 0.5); // noise σ = 0.5: no model can get the loss below about 0.25
}
const data: Dataset = { name: 'sparse features', x, y, n, d };
const model = linear({ inputs: d }); // parameters: the d weights, then the bias
const watched = dense; // the first rare feature, whose weight we follow
const batchSize = 10;
const epochs = 2; // 800 steps: each rare feature shows up in about 80 examples in all

// RMS distance between learned and true weights, over the dense or the rare features.
function rmsError(params: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let j = from; j < to; j++) s += (params[j] - trueWeights[j]) ** 2;
  return Math.sqrt(s / (to - from));
}

// The three runs on the charts, interleaved step by step so the curves grow together.
const runs: { name: string; optimizer: Optimizer }[] = [
  { name: 'SGD, η = 0.1', optimizer: sgd({ lr: 0.1 }) },
  { name: 'SGD, η = 0.3', optimizer: sgd({ lr: 0.3 }) },
  { name: 'AdaGrad, η = 0.5', optimizer: adagrad({ lr: 0.5 }) },
];
const lossChart = lineChart({ title: 'Loss on the whole training set', y: 'mean squared error', logY: true });
const weightChart = lineChart({
  title: `Weight of rare feature 1 (true value ${trueWeights[watched].toFixed(2)})`,
  y: 'weight',
});
const live = runs.map((run) => {
  const params = model.init(0); // the same start for every run; `training` updates it in place
  weightChart.add(run.name, 0, params[watched]);
  return {
    ...run,
    params,
    steps: training({ model, loss: mse, data, optimizer: run.optimizer, batchSize, epochs, params, evalEvery: 20 }),
  };
});
for (let done = false; !done;) {
  done = true;
  for (const run of live) {
    const next = run.steps.next();
    if (next.done) continue;
    done = false;
    const report = next.value;
    if (report.trainLoss !== undefined) lossChart.add(run.name, report.step, report.trainLoss);
    if (report.step % 5 === 0) weightChart.add(run.name, report.step, run.params[watched]);
  }
}
for (const t of [0, 800]) weightChart.add('true value', t, trueWeights[watched]);

// A small sweep of η for each method: final loss and how far the weights are from the truth.
const rows = [];
for (const [method, make, rates] of [
  ['SGD', (lr: number) => sgd({ lr }), [0.1, 0.2, 0.3, 0.5]],
  ['AdaGrad', (lr: number) => adagrad({ lr }), [0.3, 0.5, 1, 2]],
] as const) {
  for (const lr of rates) {
    const params = model.init(0);
    const run = training({ model, loss: mse, data, optimizer: make(lr), batchSize, epochs, params });
    let last = run.next();
    let loss = NaN;
    while (!last.done) {
      loss = last.value.trainLoss ?? loss;
      last = run.next();
    }
    rows.push({
      method,
      η: lr,
      'final loss': last.value.status === 'done' ? Number(loss.toFixed(3)) : last.value.message,
      'dense weights: RMS error': Number(rmsError(params, 0, dense).toFixed(3)),
      'rare weights: RMS error': Number(rmsError(params, dense, d).toFixed(3)),
    });
  }
}
table(rows, { title: `After ${epochs} epochs (${(epochs * n) / batchSize} steps)` });
print('SGD: a small η leaves the rare weights unlearned; a large one makes the dense ones jitter.');
print('AdaGrad at η = 0.5 gets both close to the truth.');
