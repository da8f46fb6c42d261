import { adagrad, adam, minimize, rmsprop, sgd } from 'descent';
import type { Objective, Optimizer } from 'descent';
import { landscape, lineChart, print } from 'descent/display';

// One training example, x = (1, 3) with label y = 1, and the model ŷ = θ₁x₁ + θ₂x₂.
// L(θ) = (θ₁ + 3θ₂ − 1)², zero on the whole line θ₁ + 3θ₂ = 1.
const x = [1, 3];
const value = (a: number, b: number) => (x[0] * a + x[1] * b - 1) ** 2;
const oneExample: Objective = {
  name: 'L(θ) = (θ₁ + 3θ₂ − 1)²',
  dim: 2,
  value,
  loss: (t) => value(t[0], t[1]),
  grad(t, out) {
    const r = x[0] * t[0] + x[1] * t[1] - 1; // the residual ŷ − y
    out[0] = 2 * r * x[0];
    out[1] = 2 * r * x[1];
    return r * r;
  },
  minima: [], // a whole line of minima, so none is marked
  view: { xmin: -0.1, xmax: 0.5, ymin: -0.1, ymax: 0.5 },
  start: [0, 0],
};

const runs: [string, Optimizer][] = [
  ['sgd', sgd({ lr: 0.02 })],
  ['adagrad', adagrad({ lr: 0.05 })],
  ['rmsprop', rmsprop({ lr: 0.01 })],
  ['adam', adam({ lr: 0.01 })],
];
// Drawn as |θ₁ + 3θ₂ − 1|, the size of the residual, so the line of solutions is a sharp valley.
const land = landscape((a, b) => Math.sqrt(value(a, b)), {
  title: '|θ₁ + 3θ₂ − 1|: every point of the darkest line fits the example',
  view: oneExample.view,
  x: 'θ₁',
  y: 'θ₂',
});
const chart = lineChart({ title: 'Training loss', y: 'L(θ)', logY: true });
for (const [name, opt] of runs) {
  const result = minimize(oneExample, opt, {
    steps: 300,
    onStep: ({ step, point, loss }) => {
      land.add(name, point[0], point[1]);
      chart.add(name, step, Math.max(loss, 1e-16));
    },
  });
  const [a, b] = result.params;
  print(
    `${name}: ends at (${a.toFixed(4)}, ${b.toFixed(4)}), loss ${result.losses.at(-1)!.toExponential(1)}, ‖θ‖ = ${Math.hypot(a, b).toFixed(4)}`,
  );
}
print('closest point of the line to the origin: (0.1, 0.3), ‖θ‖ = 0.3162');
