import { cosineAnnealing, linear, mse, noisyLine, sgd, stepDecay, training } from 'descent';
import type { LearningRate } from 'descent';
import { lineChart, table } from 'descent/display';

// Pure SGD (B = 1) on the noisy line from the sweep above, 10 epochs of 200 steps, with four ways of
// setting the learning rate at step s. All start at η = 0.05.
const data = noisyLine({ n: 200, seed: 2 });
const model = linear({ inputs: 1 });
const N = data.n;
const totalSteps = 10 * N;
const schedules: Record<string, LearningRate> = {
  'constant η': 0.05,
  'step decay ×0.3 every 500 steps': stepDecay({ lr: 0.05, stepSize: 500, gamma: 0.3 }),
  'cosine to 0 over 2000 steps': cosineAnnealing({ lr: 0.05, tMax: totalSteps }),
  // A schedule is any function of the step count: this one satisfies Robbins and Monro's conditions.
  'η / (1 + s/100)': (s: number) => 0.05 / (1 + s / 100),
};

// The smallest possible training loss, from the normal equations of the least-squares line.
let sx = 0;
let sy = 0;
let sxx = 0;
let sxy = 0;
for (let i = 0; i < N; i++) {
  sx += data.x[i];
  sy += data.y[i];
  sxx += data.x[i] ** 2;
  sxy += data.x[i] * data.y[i];
}
const w = (N * sxy - sx * sy) / (N * sxx - sx * sx);
const b = (sy - w * sx) / N;
let best = 0;
for (let i = 0; i < N; i++) best += (w * data.x[i] + b - data.y[i]) ** 2 / N;

// Single steps are noisy, so the chart shows the gap L(θ) − min L averaged over the last 100 steps.
const lossChart = lineChart({
  title: 'Pure SGD: how far above the minimum (mean of the last 100 steps)',
  y: 'L(θ) − min L',
  logY: true,
});
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const lrChart = lineChart({ title: 'The learning rate each schedule uses', y: 'η' });
const runs = Object.entries(schedules).map(([name, lr]) => ({
  name,
  // Same start (seed 0) and same order of examples (the shuffling is seeded too) for every schedule.
  run: training({ model, loss: mse, data, optimizer: sgd({ lr }), batchSize: 1, epochs: 10, seed: 0, evalEvery: 1 }),
  gaps: [] as number[],
}));

for (let s = 1; s <= totalSteps; s++) {
  for (const r of runs) {
    const next = r.run.next();
    if (next.done) continue;
    const report = next.value;
    r.gaps.push((report.trainLoss ?? NaN) - best);
    if (s % 20 === 0) {
      lrChart.add(r.name, s, report.lr);
      lossChart.add(r.name, s, mean(r.gaps.slice(-100)));
    }
  }
}

table(
  runs.map((r) => ({
    schedule: r.name,
    // The same average as the chart's last point: one gap per step, the last 100 steps.
    'mean gap, last 100 steps': mean(r.gaps.slice(-100)).toExponential(1),
  })),
  { title: `Distance to the minimum (min L = ${best.toFixed(4)})` },
);
