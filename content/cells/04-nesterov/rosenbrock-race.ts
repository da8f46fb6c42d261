import { minimize, momentum, nesterov, rosenbrock } from 'descent';
import { landscape, lineChart, print, slider } from 'descent/display';

// Rosenbrock's banana valley f = (1 − x)² + 100(y − x²)², minimum 0 at (1, 1), start (−1.2, 1).
const f = rosenbrock();
const mu = slider('momentum μ', { min: 0.5, max: 0.99, value: 0.95, step: 0.01 });
const lr = 0.001;
const steps = 2000;

const land = landscape(f, { title: `Rosenbrock, η = ${lr}, μ = ${mu}` });
const chart = lineChart({ title: 'Loss per step', y: 'f(θ)', logY: true });
const runs = [
  { name: 'heavy ball (momentum)', optimizer: momentum({ lr, momentum: mu }) },
  { name: 'Nesterov', optimizer: nesterov({ lr, momentum: mu }) },
];
for (const run of runs) {
  const result = minimize(f, run.optimizer, {
    steps,
    onStep: ({ step, point, loss }) => {
      land.add(run.name, point[0], point[1]);
      chart.add(run.name, step, loss);
    },
  });
  const l = result.losses;
  // A diverged run stops early, so some steps may have no loss.
  const at = (k: number) => (k < l.length ? l[k].toPrecision(3) : 'none (stopped)');
  const k = l.findIndex((v) => v < 1e-6);
  print(
    `${run.name}: loss ${at(10)} at step 10, ${at(100)} at step 100, ${at(steps)} at step ${steps}; ` +
      `loss < 1e-6 ${k < 0 ? 'never reached' : `first at step ${k}`}` +
      (result.status === 'diverged' ? ` (${result.message})` : ''),
  );
}
