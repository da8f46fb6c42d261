import { minimize, momentum, nesterov, ravine } from 'descent';
import { landscape, lineChart, slider, table } from 'descent/display';

// The curved ravine from the momentum lesson: curvature about 12.5 across the valley, 0.08 along it.
const f = ravine();
const lr = slider('learning rate η', { min: 0.02, max: 0.14, value: 0.1, step: 0.005 });
const mu = 0.9;
const steps = 300;

const land = landscape(f, { title: `Heavy ball and Nesterov, η = ${lr}, μ = ${mu}` });
const chart = lineChart({ title: 'Loss per step', y: 'f(θ)', logY: true });
// The engine's momentum and nesterov are PyTorch's SGD(momentum=μ) and SGD(momentum=μ, nesterov=True).
const runs = [
  { name: 'heavy ball (momentum)', optimizer: momentum({ lr, momentum: mu }) },
  { name: 'Nesterov', optimizer: nesterov({ lr, momentum: mu }) },
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

// A run that diverges stops early (the engine names the step), so later steps have no loss.
const at = (losses: number[], k: number) => (k < losses.length ? Number(losses[k].toPrecision(3)) : 'stopped');
table(
  runs.map((run, i) => {
    const losses = results[i].losses;
    const k = losses.findIndex((l) => l < 1e-6);
    return {
      optimizer: run.name,
      'loss at step 10': at(losses, 10),
      'loss at step 100': at(losses, 100),
      [`loss at step ${steps}`]: at(losses, steps),
      'steps to loss < 1e-6': k < 0 ? `not within ${steps}` : k,
      status: results[i].status,
    };
  }),
  { title: `ηλ across the valley ≈ ${(lr * 12.5).toFixed(2)} (Nesterov is stable below 1.36 at μ = 0.9)` },
);
