import { bceWithLogits, mlp, sgd, training, twoMoons } from 'descent';
import type { StepReport } from 'descent';
import { lineChart, table } from 'descent/display';

// Two interleaving half-moons, N = 512 points, and a small network (2 inputs, 16 tanh units, 1 logit)
// trained with binary cross-entropy. Only the batch size B changes between runs: same data, same
// initial weights (seed 0), same learning rate.
const data = twoMoons({ n: 512, noise: 0.1, seed: 3 });
const model = mlp({ sizes: [2, 16, 1] });
const N = data.n;
const lr = 0.5;
const batchSizes = [1, 32, N];
const label = (B: number) => (B === N ? `B = N = ${N}` : `B = ${B}`);

// Each run is the engine's training loop as a generator: one `next()` is one optimizer step. `evalEvery`
// sets how often the loss on the whole training set is measured (that costs N examples, so we do it
// sparingly for B = 1).
function run(B: number, epochs: number, evalEvery: number) {
  return training({
    model,
    loss: bceWithLogits,
    data,
    optimizer: sgd({ lr }),
    batchSize: B,
    epochs,
    seed: 0,
    evalEvery,
  });
}

// Race 1: the same number of steps (400) for every batch size.
const perStep = lineChart({
  title: 'Training loss against optimizer steps',
  x: 'step',
  y: 'training loss',
  logY: true,
});
const steps = 400;
const byStep = batchSizes.map((B) => ({ B, run: run(B, Math.ceil((steps * B) / N), 10), last: NaN }));
for (let t = 1; t <= steps; t++) {
  for (const r of byStep) {
    const report = r.run.next().value as StepReport;
    if (report.trainLoss !== undefined) {
      perStep.add(label(r.B), t, report.trainLoss);
      r.last = report.trainLoss;
    }
  }
}

// Race 2: the same number of examples seen (20 passes over the data) for every batch size. The x axis
// counts examples seen in units of N, i.e. epochs; we advance each run until it has seen that many.
const perExample = lineChart({
  title: 'Training loss against examples seen',
  x: 'epochs (examples seen ÷ N)',
  y: 'training loss',
  logY: true,
});
const epochs = 20;
const byExample = batchSizes.map((B) => ({
  B,
  run: run(B, epochs, Math.max(1, N / B / 8)),
  seen: 0,
  steps: 0,
  last: NaN,
}));
for (let target = N / 8; target <= epochs * N; target += N / 8) {
  for (const r of byExample) {
    while (r.seen < target) {
      const report = r.run.next().value as StepReport;
      r.seen += r.B;
      r.steps++;
      if (report.trainLoss !== undefined) {
        perExample.add(label(r.B), r.seen / N, report.trainLoss);
        r.last = report.trainLoss;
      }
    }
  }
}

table(
  batchSizes.map((B, i) => ({
    B: label(B).slice(4),
    [`loss, step ${steps}`]: byStep[i].last.toFixed(3),
    'examples used': steps * B,
    [`loss, epoch ${epochs}`]: byExample[i].last.toFixed(3),
    'steps taken': byExample[i].steps,
  })),
  { title: 'Same steps or same examples?' },
);
