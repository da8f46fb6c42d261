import { chain, quadratic, rmsprop, scaleByLearningRate } from 'descent';
import type { Optimizer, Transform } from 'descent';
import { landscape, lineChart, slider, table } from 'descent/display';

// Keras' RMSprop (keras/src/optimizers/rmsprop.py, Keras 3.15), without momentum:
//   velocity ← ρ·velocity + (1 − ρ)·g²;   θ ← θ − η·g / √(velocity + ε)      (ε INSIDE the root)
// written as an engine block, so it runs in the same chain machinery as the engine's optimizers.
function kerasRmsprop(rho: number, epsilon: number): Transform<{ velocity: Float64Array }> {
  return {
    name: 'kerasRmsprop',
    keys: ['velocity'],
    init: (params) => ({ velocity: new Float64Array(params.length) }),
    update(g, out, state) {
      const v = state.velocity;
      for (let i = 0; i < g.length; i++) {
        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
        out[i] = g[i] / Math.sqrt(v[i] + epsilon);
      }
      return out;
    },
  };
}

// ε only matters when gradients are small, so scale the whole loss by s: same landscape, same
// minimum, gradients s times smaller.
const s = slider('loss scale s (gradients × s)', { min: 1e-6, max: 1, value: 1, log: true });
const bowl = quadratic({ kappa: 10, angle: 0.5 });
const lr = 0.05;
const STEPS = 120;

const runs: [string, Optimizer][] = [
  ['PyTorch RMSprop defaults (α 0.99, ε 1e-8 outside)', rmsprop({ lr })],
  ['Keras RMSprop defaults (ρ 0.9, ε 1e-7 inside)', chain(kerasRmsprop(0.9, 1e-7), scaleByLearningRate(lr))],
  ['PyTorch with alpha: 0.9', rmsprop({ lr, alpha: 0.9 })],
  ['Keras with epsilon=0', chain(kerasRmsprop(0.9, 0), scaleByLearningRate(lr))],
  ['PyTorch with alpha: 0.9, eps: 0', rmsprop({ lr, alpha: 0.9, eps: 0 })],
];

const land = landscape(bowl, { title: 'RMSprop on a tilted bowl (κ = 10), same η = 0.05' });
const chart = lineChart({ title: 'Loss (of the unscaled bowl)', y: 'f(θ)', logY: true });
const thetas = runs.map(() => Float64Array.from(bowl.start));
const states = runs.map(([, opt], k) => opt.init(thetas[k]));
const g = new Float64Array(2);
const gaps = new Float64Array(runs.length * runs.length);
for (let t = 0; t <= STEPS; t++) {
  for (let a = 0; a < runs.length; a++)
    for (let b = 0; b < runs.length; b++)
      for (let i = 0; i < 2; i++)
        gaps[a * runs.length + b] = Math.max(gaps[a * runs.length + b], Math.abs(thetas[a][i] - thetas[b][i]));
  runs.forEach(([name, opt], k) => {
    const theta = thetas[k];
    const f = bowl.grad(theta, g);
    // Draw only the first three runs: the last two lie exactly on top of each other.
    if (k < 3) {
      land.add(name, theta[0], theta[1]);
      chart.add(name, t, f);
    }
    g[0] *= s;
    g[1] *= s;
    if (t < STEPS) opt.step(theta, g, states[k]);
  });
}

// The largest coordinate difference between two runs at any step.
const gap = (a: number, b: number) => gaps[a * runs.length + b];
table(
  [
    { comparison: 'Keras defaults vs PyTorch defaults', 'largest |difference| in θ': Number(gap(1, 0).toPrecision(3)) },
    {
      comparison: 'Keras defaults vs PyTorch alpha 0.9',
      'largest |difference| in θ': Number(gap(1, 2).toPrecision(3)),
    },
    {
      comparison: 'Keras ε = 0 vs PyTorch alpha 0.9, eps 0',
      'largest |difference| in θ': Number(gap(3, 4).toPrecision(3)),
    },
  ],
  { title: `How far apart the runs get in ${STEPS} steps (s = ${Number(s.toPrecision(2))})` },
);
