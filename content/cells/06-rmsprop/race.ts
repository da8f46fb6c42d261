import { adagrad, minimize, ravine, rmsprop, sgd } from 'descent';
import { landscape, lineChart, print, slider, table } from 'descent/display';

// The curved ravine from lesson 3, f(x, y) = x²/20 + 5(y − sin(x)/2)², from (−5, 1.5).
const f = ravine();
const alpha = slider('RMSprop α', { min: 0.5, max: 0.999, value: 0.99, step: 0.001 });
const lrRmsprop = 0.03;
// For its first steps (t ≪ 1/(1 − α)) RMSprop with η behaves like AdaGrad with η/√(1 − α): give AdaGrad
// exactly that rate, so the two start as twins and we can watch where they part.
const lrAdagrad = lrRmsprop / Math.sqrt(1 - alpha);
const lrSgd = 0.15; // below gradient descent's limit 2/λmax ≈ 0.16 at the bottom of the ravine
const steps = 300;

const runs = [
  { name: `gradient descent, η = ${lrSgd}`, optimizer: sgd({ lr: lrSgd }) },
  { name: `AdaGrad, η = ${lrAdagrad.toPrecision(3)}`, optimizer: adagrad({ lr: lrAdagrad }) },
  { name: `RMSprop, η = ${lrRmsprop}, α = ${alpha}`, optimizer: rmsprop({ lr: lrRmsprop, alpha }) },
];
const land = landscape(f, { title: `The ravine: three optimizers, α = ${alpha}` });
const chart = lineChart({ title: 'Loss per step', y: 'f(θ)', logY: true });
const results = runs.map((run) =>
  minimize(f, run.optimizer, {
    steps,
    onStep: ({ step, point, loss }) => {
      land.add(run.name, point[0], point[1]);
      chart.add(run.name, step, Math.max(loss, 1e-30));
    },
  }),
);

const stepLength = (path: number[][], k: number) =>
  Math.hypot(path[k][0] - path[k - 1][0], path[k][1] - path[k - 1][1]);
table(
  runs.map((run, i) => {
    const { path, losses } = results[i];
    let tail = 0;
    for (let k = steps - 49; k <= steps; k++) tail += stepLength(path, k) / 50;
    return {
      optimizer: run.name,
      'first step': Number(stepLength(path, 1).toPrecision(3)),
      'loss at 30': Number(losses[30].toPrecision(3)),
      'loss at 100': Number(losses[100].toPrecision(3)),
      [`loss at ${steps}`]: Number(losses[steps].toPrecision(3)),
      'mean step, last 50': Number(tail.toPrecision(3)),
    };
  }),
  { title: `${steps} steps from (−5, 1.5)` },
);
print(
  `RMSprop's memory is about 1/(1 − α) = ${(1 / (1 - alpha)).toFixed(0)} steps; its first step moves each coordinate by η/√(1 − α) = ${lrAdagrad.toPrecision(3)}`,
);
