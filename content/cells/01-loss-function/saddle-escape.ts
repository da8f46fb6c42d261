import { saddle, sgd } from 'descent';
import { landscape, lineChart, table } from 'descent/display';

// L(a, b) = a² − b²: a minimum along a, a maximum along b, and a saddle point at the origin.
const f = saddle();
const map = landscape(f, { title: 'L(a, b) = a² − b²', x: 'a', y: 'b' });
const chart = lineChart({ title: 'Gradient norm near the saddle', y: '‖∇L‖', logY: true });

// Three starts at the same a = −1.5 and ever closer to the line b = 0, the saddle's stable direction.
// Gradient descent multiplies a by (1 − 2η) and b by (1 + 2η) at every step.
const runs = [0.1, 1e-4, 0].map((b0) => {
  const theta = new Float64Array([-1.5, b0]);
  const optimizer = sgd({ lr: 0.1 });
  return { name: `b₀ = ${b0}`, theta, optimizer, state: optimizer.init(theta), left: -1, slow: 0 };
});
const g = new Float64Array(2);

// Interleave the runs step by step so their paths grow together.
for (let t = 0; t <= 80; t++) {
  for (const run of runs) {
    if (run.left >= 0) continue; // this run already left the picture
    f.grad(run.theta, g);
    const gradNorm = Math.hypot(g[0], g[1]);
    map.add(run.name, run.theta[0], run.theta[1]);
    chart.add(run.name, t, gradNorm);
    if (gradNorm < 0.1) run.slow++;
    if (Math.abs(run.theta[1]) > 2)
      run.left = t; // outside the drawn square: stop following it
    else run.optimizer.step(run.theta, g, run.state);
  }
}

table(
  runs.map((run) => ({
    start: run.name,
    'steps with ‖∇L‖ < 0.1': run.slow,
    'left the square at step': run.left >= 0 ? run.left : 'never',
    'final (a, b)': `(${run.theta[0].toPrecision(3)}, ${run.theta[1].toPrecision(3)})`,
  })),
  { title: 'Escaping the saddle' },
);
