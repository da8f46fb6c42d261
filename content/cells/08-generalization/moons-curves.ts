import { adagrad, adam, bceWithLogits, mlp, momentum, rmsprop, sgd, training, twoMoons } from 'descent';
import type { Optimizer, StepReport } from 'descent';
import { lineChart, table } from 'descent/display';

// A small, noisy training set (100 points) and a large test set (500) from the same distribution.
const train = twoMoons({ n: 100, noise: 0.3, seed: 100 });
const test = twoMoons({ n: 500, noise: 0.3, seed: 999 });

// Learning rates: for each optimizer, the best of four or five values about ×3 apart, judged by the
// mean error over five seeds on a separate validation sample (twoMoons seed 555), found when this
// lesson was written. The next cell lets you scale them all.
const runs: { name: string; lr: number; opt: Optimizer }[] = [
  { name: 'sgd', lr: 1, opt: sgd({ lr: 1 }) },
  { name: 'momentum', lr: 0.1, opt: momentum({ lr: 0.1, momentum: 0.9 }) },
  { name: 'adagrad', lr: 0.1, opt: adagrad({ lr: 0.1 }) },
  { name: 'rmsprop', lr: 0.01, opt: rmsprop({ lr: 0.01 }) },
  { name: 'adam', lr: 0.01, opt: adam({ lr: 0.01 }) },
];
// The same network (2 → 16 → 16 → 1, tanh), initial weights (seed 0) and batch order for every
// optimizer.
const loops = runs.map((r) =>
  training({
    model: mlp({ sizes: [2, 16, 16, 1] }),
    loss: bceWithLogits,
    data: train,
    test,
    optimizer: r.opt,
    batchSize: 20,
    epochs: 100,
    seed: 0,
    // Evaluate every other epoch: scoring 600 points costs more than an epoch's 5 training steps.
    evalEvery: 10,
  }),
);

const lossChart = lineChart({
  title: 'Training loss (whole training set, every other epoch)',
  x: 'epoch',
  y: 'loss',
  logY: true,
});
const errorChart = lineChart({ title: 'Test error (500 fresh points)', x: 'epoch', y: 'test error' });
const last: StepReport[] = [];
// Interleave: one step of each optimizer in turn, so the curves grow together.
for (let done = false; !done;) {
  done = true;
  loops.forEach((loop, k) => {
    const next = loop.next();
    if (next.done) return;
    done = false;
    const r = next.value;
    if (r.trainLoss !== undefined) {
      lossChart.add(runs[k].name, r.epoch, r.trainLoss);
      errorChart.add(runs[k].name, r.epoch, 1 - (r.testAccuracy ?? NaN));
      last[k] = r;
    }
  });
}
table(
  runs.map((r, k) => ({
    optimizer: r.name,
    lr: r.lr,
    'train loss': Number(last[k].trainLoss!.toFixed(3)),
    'train error': Number((1 - last[k].trainAccuracy!).toFixed(3)),
    'test loss': Number(last[k].testLoss!.toFixed(3)),
    'test error': Number((1 - last[k].testAccuracy!).toFixed(3)),
  })),
  { title: 'After 100 epochs (500 steps of 20 examples), seed 0' },
);
