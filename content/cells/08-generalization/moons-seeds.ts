import { adagrad, adam, bceWithLogits, mlp, momentum, rmsprop, sgd, training, twoMoons } from 'descent';
import type { Optimizer } from 'descent';
import { lineChart, print, slider, table } from 'descent/display';

// Scales every learning rate of the previous cell at once: 1 is the tuned setting.
const scale = slider('learning-rate multiplier', { min: 0.1, max: 10, value: 1, log: true });
const base: Record<string, number> = { sgd: 1, momentum: 0.1, adagrad: 0.1, rmsprop: 0.01, adam: 0.01 };
const make: Record<string, (lr: number) => Optimizer> = {
  sgd: (lr) => sgd({ lr }),
  momentum: (lr) => momentum({ lr, momentum: 0.9 }),
  adagrad: (lr) => adagrad({ lr }),
  rmsprop: (lr) => rmsprop({ lr }),
  adam: (lr) => adam({ lr }),
};
const test = twoMoons({ n: 500, noise: 0.3, seed: 999 });
const seeds = [0, 1, 2, 3, 4];
const epochs = 100;
const batchSize = 20;

// Seed s draws a new training sample (twoMoons seed 100 + s), new initial weights and a new
// batch order.
const chart = lineChart({ title: 'Test error by seed', x: 'seed', y: 'test error' });
const results: Record<string, { test: number[]; train: number[] }> = {};
const diverged: string[] = [];
for (const s of seeds) {
  const train = twoMoons({ n: 100, noise: 0.3, seed: 100 + s });
  for (const name of Object.keys(base)) {
    const run = training({
      model: mlp({ sizes: [2, 16, 16, 1] }),
      loss: bceWithLogits,
      data: train,
      test,
      optimizer: make[name](base[name] * scale),
      batchSize,
      epochs,
      seed: s,
      evalEvery: epochs * Math.ceil(train.n / batchSize), // evaluate once, at the end
    });
    let next = run.next();
    while (!next.done) next = run.next();
    const result = next.value;
    const final = result.history.at(-1);
    const entry = (results[name] ??= { test: [], train: [] });
    // A diverged run has no final evaluation: count it as a coin flip, and say so below.
    if (result.status !== 'done') diverged.push(`${name} (seed ${s}): ${result.message}`);
    entry.test.push(result.status === 'done' && final?.testAccuracy !== undefined ? 1 - final.testAccuracy : 0.5);
    entry.train.push(result.status === 'done' && final?.trainAccuracy !== undefined ? 1 - final.trainAccuracy : 0.5);
    chart.add(name, s, entry.test.at(-1)!);
  }
}

const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const sd = (v: number[]) => Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1));
table(
  Object.entries(results).map(([name, r]) => ({
    optimizer: name,
    lr: Number((base[name] * scale).toPrecision(3)),
    'mean train error': Number(mean(r.train).toFixed(3)),
    'mean test error': Number(mean(r.test).toFixed(3)),
    'sd over seeds': Number(sd(r.test).toFixed(3)),
    best: Number(Math.min(...r.test).toFixed(3)),
    worst: Number(Math.max(...r.test).toFixed(3)),
  })),
  { title: `Five seeds, ${epochs} epochs each, learning rates × ${Number(scale.toPrecision(3))}` },
);
if (diverged.length > 0) print(`counted as error 0.5: ${diverged.join('; ')}`);
