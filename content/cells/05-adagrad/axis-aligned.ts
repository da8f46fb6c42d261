import { adagrad, minimize, quadratic, sgd } from 'descent';
import { landscape, lineChart, print, slider, table } from 'descent/display';

// The bowl L(θ) = ½(λ₁x² + λ₂y²) with curvatures λ₁ = 1 and λ₂ = 100 (κ = 100), turned by an angle.
// At 0° its axes are the coordinate axes, which is what AdaGrad's per-coordinate scaling can see.
const degrees = slider('rotation of the bowl (degrees)', { min: 0, max: 45, value: 0, step: 1 });
const lrAdagrad = slider('AdaGrad η', { min: 0.1, max: 4, value: 1, log: true });
const angle = (degrees * Math.PI) / 180;
const f = quadratic({ eigenvalues: [1, 100], angle });
// Gradient descent must keep η < 2/λmax = 0.02; 0.019 is just under the best fixed step 2/(λmin + λmax).
const lrSgd = 0.019;
const steps = 150;

const land = landscape(f, { title: `κ = 100, turned by ${degrees}°, from (−4, 3)` });
const chart = lineChart({ title: 'Loss per step', y: 'L(θ)', logY: true });
const runs = [
  { name: `gradient descent, η = ${lrSgd}`, optimizer: sgd({ lr: lrSgd }) },
  { name: `AdaGrad, η = ${lrAdagrad.toPrecision(2)}`, optimizer: adagrad({ lr: lrAdagrad }) },
];
// Run both side by side: minimize(…, { onStep }) reports the start (step 0) and every step after.
const results = runs.map((run) =>
  minimize(f, run.optimizer, {
    steps,
    onStep: ({ step, point, loss }) => {
      land.add(run.name, point[0], point[1]);
      chart.add(run.name, step, Math.max(loss, 1e-30)); // the loss can reach exactly 0
    },
  }),
);
table(
  runs.map((run, i) => {
    const k = results[i].losses.findIndex((l) => l < 1e-3);
    return {
      optimizer: run.name,
      'first step': results[i].path[1].map((v, j) => (v - results[i].path[0][j]).toFixed(3)).join(', '),
      'steps to L < 0.001': k < 0 ? `more than ${steps}` : k,
      [`L after ${steps} steps`]: Number(results[i].losses[steps].toPrecision(3)),
    };
  }),
  { title: `Turned by ${degrees}°` },
);

// The derivation says that on an axis-aligned bowl AdaGrad's path does not depend on the curvatures.
// Test it: the same run on a bowl with λ₁ = λ₂ = 1 (turned by the same angle), compared point by point.
const round = minimize(quadratic({ eigenvalues: [1, 1], angle }), adagrad({ lr: lrAdagrad }), { steps });
let gap = 0;
results[1].path.forEach((point, k) => {
  gap = Math.max(gap, Math.hypot(point[0] - round.path[k][0], point[1] - round.path[k][1]));
});
print(`largest distance between AdaGrad's paths on the κ = 100 bowl and on a round bowl: ${gap.toPrecision(3)}`);
