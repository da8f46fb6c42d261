import { adam, epochBatches, mlp, rng, softmaxCrossEntropy, spirals, train } from 'descent';
import { lineChart, print, table } from 'descent/display';

// The learning-rate range test (Smith, 2017): one short run in which η grows every step, recording
// the loss. Here η grows exponentially from 1e-4 to 3 over 300 mini-batch steps, so every factor of
// 10 gets the same number of steps.
const data = spirals({ n: 300, seed: 0 });
const model = mlp({ sizes: [2, 32, 32, 3] });
const lo = 1e-4;
const hi = 3;
const N = 300;
const rate = (s: number) => lo * (hi / lo) ** (s / (N - 1)); // a schedule: s = steps already taken

const theta = model.init(0);
const optimizer = adam({ lr: rate });
const state = optimizer.init(theta);
const grad = new Float64Array(model.size);
const shuffle = rng(1);
const bx = new Float64Array(32 * 2);
const by = new Float64Array(32);

const sweep = lineChart({ title: 'Range test: loss against the learning rate', x: 'log₁₀ η', y: 'loss', logY: true });
// Mini-batch losses are noisy; smooth them with a moving average, bias-corrected like Adam's m̂.
let average = 0;
let best = Infinity;
let bestLr = lo;
let s = 0;
sweeping: for (;;) {
  for (const batch of epochBatches(data.n, 32, shuffle)) {
    batch.forEach((i, r) => {
      bx[2 * r] = data.x[2 * i];
      bx[2 * r + 1] = data.x[2 * i + 1];
      by[r] = data.y[i];
    });
    const loss = model.lossAndGrad(theta, bx, by, batch.length, softmaxCrossEntropy, grad);
    average = 0.9 * average + 0.1 * loss;
    const smooth = average / (1 - 0.9 ** (s + 1));
    const eta = rate(s);
    sweep.add('mini-batch loss', Math.log10(eta), loss);
    sweep.add('smoothed', Math.log10(eta), smooth);
    if (smooth < best) {
      best = smooth;
      bestLr = eta;
    }
    // Stop once the loss has clearly blown up (or at the end of the sweep).
    if (!Number.isFinite(loss) || smooth > 4 * best || s === N - 1) break sweeping;
    optimizer.step(theta, grad, state);
    s++;
  }
}
print(
  `lowest smoothed loss ${best.toFixed(3)} at η = ${bestLr.toPrecision(2)}; sweep stopped at η = ${rate(s).toPrecision(2)}`,
);

// Check the suggestion: full 15-epoch runs from scratch at a few rates around it.
const candidates: [string, number][] = [
  ['ηₘᵢₙ / 10', bestLr / 10],
  ['ηₘᵢₙ / 3 (the pick)', bestLr / 3],
  ['ηₘᵢₙ', bestLr],
  ['3 ηₘᵢₙ', bestLr * 3],
];
const runs = lineChart({ title: 'Training from scratch at each rate', x: 'epoch', y: 'training loss', logY: true });
const rows = [];
for (const [name, lr] of candidates) {
  const result = await train({
    model,
    loss: softmaxCrossEntropy,
    data,
    optimizer: adam({ lr }),
    batchSize: 32,
    epochs: 15,
    onStep: (r) => {
      if (r.trainLoss !== undefined) runs.add(`${name} = ${lr.toPrecision(2)}`, r.epoch, r.trainLoss);
    },
  });
  const last = result.history.at(-1);
  rows.push({
    rate: name,
    η: Number(lr.toPrecision(2)),
    'final training loss': result.status === 'diverged' ? result.message : Number((last?.trainLoss ?? NaN).toFixed(3)),
    accuracy: Number((last?.trainAccuracy ?? NaN).toFixed(3)),
  });
}
table(rows, { title: '15 epochs of Adam at each rate' });
