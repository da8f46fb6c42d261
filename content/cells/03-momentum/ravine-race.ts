import { minimize, ravine, sgd } from 'descent';
import { landscape, lineChart, slider, table } from 'descent/display';

// The engine's curved ravine: f(x, y) = x²/20 + 5(y − sin(x)/2)². Across the valley the curvature is
// about 12.5; along its floor about 0.08: a condition number near 157 at the bottom.
const f = ravine();
const mu = slider('momentum μ', { min: 0, max: 0.99, value: 0.9, step: 0.01 });
// One learning rate for both runs, safely below gradient descent's limit 2/λmax ≈ 0.16.
const lr = 0.1;
const steps = 300;

const land = landscape(f, { title: 'The ravine, and two paths from (−5, 1.5)' });
const chart = lineChart({ title: 'Loss per step', y: 'f(θ)', logY: true });
const plain = `gradient descent`;
const heavy = `momentum μ = ${mu}`;

// Two runs, interleaved step by step so the paths grow together. minimize calls onStep with the start
// (step 0) and then the point after every step.
const runs = [
  { name: plain, optimizer: sgd({ lr }) },
  { name: heavy, optimizer: sgd({ lr, momentum: mu }) },
];
const results = runs.map((run) =>
  minimize(f, run.optimizer, {
    steps,
    onStep: ({ step, point, loss }) => {
      land.add(run.name, point[0], point[1]);
      chart.add(run.name, step, loss);
    },
  }),
);

// How many steps each run needed to bring the loss below 10⁻⁶ (the minimum is 0 at the origin).
const reached = (losses: number[]) => {
  const k = losses.findIndex((l) => l < 1e-6);
  return k < 0 ? `not within ${steps}` : k;
};
table(
  runs.map((run, i) => ({
    optimizer: run.name,
    'loss after 50 steps': Number(results[i].losses[50]?.toPrecision(3) ?? NaN),
    [`loss after ${steps} steps`]: Number(results[i].losses[steps]?.toPrecision(3) ?? NaN),
    'steps to loss < 1e-6': reached(results[i].losses),
  })),
  { title: `Same learning rate η = ${lr}` },
);
