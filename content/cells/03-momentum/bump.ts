import { sgd } from 'descent';
import { lineChart, print, slider } from 'descent/display';

// A 1-D loss: a gentle bowl with its minimum at x = 3, plus a narrow dip at x = −0.5 that makes a small
// local minimum. Starting at x = −4, the slope is gentle (almost a plateau) for a long way.
const c = -0.5;
const s = 0.2;
const depth = 0.12;
const bump = (x: number) => depth * Math.exp(-((x - c) ** 2) / (2 * s * s));
const f = (x: number) => 0.02 * (x - 3) ** 2 - bump(x);
const df = (x: number) => 0.04 * (x - 3) + ((x - c) / (s * s)) * bump(x);

// Draw the curve itself first, so the position chart below can be read against it.
const curve = lineChart({ title: 'The loss f(x)', x: 'x', y: 'f(x)' });
for (let i = 0; i <= 300; i++) {
  const x = -5 + (15 * i) / 300;
  curve.add('f(x)', x, f(x));
}

const mu = slider('momentum μ', { min: 0, max: 0.99, value: 0.9, step: 0.01 });
const lr = 0.3;
const steps = 300;
const position = lineChart({ title: 'Position x after each step', y: 'x' });
const runs = [
  { name: 'gradient descent', optimizer: sgd({ lr }) },
  { name: `momentum μ = ${mu}`, optimizer: sgd({ lr, momentum: mu }) },
];
const states = runs.map((run) => {
  const x = new Float64Array([-4]);
  return { x, state: run.optimizer.init(x), farthest: -4 };
});
const g = new Float64Array(1);
for (let t = 0; t <= steps; t++) {
  runs.forEach((run, i) => {
    const r = states[i];
    position.add(run.name, t, r.x[0]);
    r.farthest = Math.max(r.farthest, r.x[0]);
    g[0] = df(r.x[0]);
    if (t < steps) run.optimizer.step(r.x, g, r.state);
  });
}
// Reference lines at the two minima. The local one is where f'(x) = 0 inside the dip: f' < 0 at
// x = −0.6 and f' > 0 at x = −0.3, so bisection finds it.
let lo = -0.6;
let hi = -0.3;
for (let k = 0; k < 60; k++) {
  const mid = (lo + hi) / 2;
  if (df(mid) < 0) lo = mid;
  else hi = mid;
}
const local = `local minimum x = ${lo.toFixed(3)}`;
position.add(local, 0, lo);
position.add(local, steps, lo);
position.add('global minimum x = 3', 0, 3);
position.add('global minimum x = 3', steps, 3);

runs.forEach((run, i) => {
  const r = states[i];
  print(
    `${run.name}: x after ${steps} steps = ${r.x[0].toFixed(3)}, f = ${f(r.x[0]).toFixed(4)}, farthest point reached x = ${r.farthest.toFixed(2)}`,
  );
});
