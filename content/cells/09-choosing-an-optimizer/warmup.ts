import { adam, linearWarmup, mlp, softmaxCrossEntropy, spirals, train, warmupCosine } from 'descent';
import type { LearningRate } from 'descent';
import { lineChart, slider, table } from 'descent/display';

// A deliberately large peak learning rate for Adam on this network (the range test in the previous
// cell put the cliff near 0.2–0.6).
const peak = slider('peak learning rate η', { min: 0.01, max: 0.5, value: 0.2, log: true });
const data = spirals({ n: 300, seed: 0 });
const model = mlp({ sizes: [2, 32, 32, 3] });
const epochs = 20;
const steps = epochs * Math.ceil(data.n / 32); // 10 mini-batches per epoch
const warmupSteps = 50;

const schedules: [string, LearningRate][] = [
  ['constant η', peak],
  ['linear warmup, then constant', linearWarmup({ lr: peak, warmupSteps, startFactor: 0.01 })],
  ['linear warmup, then cosine decay', warmupCosine({ lr: peak, warmupSteps, totalSteps: steps, startFactor: 0.01 })],
];

const rateChart = lineChart({ title: 'Learning rate', y: 'η' });
const lossChart = lineChart({ title: 'Mini-batch loss', y: 'loss', logY: true });
const rows = [];
for (const [name, lr] of schedules) {
  const early: number[] = [];
  const result = await train({
    model,
    loss: softmaxCrossEntropy,
    data,
    optimizer: adam({ lr }),
    batchSize: 32,
    epochs,
    onStep: (r) => {
      rateChart.add(name, r.step, r.lr);
      lossChart.add(name, r.step, r.batchLoss);
      if (r.step <= 25) early.push(r.batchLoss);
    },
  });
  const last = result.history.at(-1);
  rows.push({
    schedule: name,
    'highest loss, steps 1–25': Number(Math.max(...early).toFixed(2)),
    'final training loss': result.status === 'diverged' ? result.message : Number((last?.trainLoss ?? NaN).toFixed(3)),
    accuracy: Number((last?.trainAccuracy ?? NaN).toFixed(3)),
  });
}
table(rows, { title: `Adam, peak η = ${peak.toPrecision(2)}, ${steps} steps, warmup over ${warmupSteps}` });
