import { quadratic, rmsprop, rng } from 'descent';
import { lineChart, slider, table } from 'descent/display';

// A one-dimensional bowl L(θ) = ½(θ − 20)², started at θ = 0, with noisy gradients g = (θ − 20) + σ·ξ,
// ξ ~ N(0, 1), as a mini-batch would give. Far from the minimum the gradient has a large mean (about
// −20 at the start) and the noise is small next to it; near the minimum only the noise is left.
const sigma = slider('gradient noise σ', { min: 0, max: 5, value: 1, step: 0.1 });
const f = quadratic({ eigenvalues: [1], center: [20] });
const lr = 0.01;
const steps = 3000;

const distance = lineChart({ title: 'Distance to the minimum', y: '|θ − 20|', logY: true });
const denominators = lineChart({ title: 'What each variant divides by', y: 'denominator', logY: true });
const results = [false, true].map((centered) => {
  const name = centered ? 'centered' : 'plain';
  const optimizer = rmsprop({ lr, centered }); // α = 0.99, ε = 1e-8
  const theta = new Float64Array([0]);
  const state = optimizer.init(theta);
  const g = new Float64Array(1);
  const noise = rng(7); // the same noise for both runs
  let reached = -1;
  for (let t = 1; t <= steps; t++) {
    f.grad(theta, g);
    g[0] += sigma * noise.normal();
    optimizer.step(theta, g, state);
    const d = Math.abs(theta[0] - 20);
    if (reached < 0 && d < 1) reached = t;
    if (t % 5 === 0) {
      distance.add(name, t, Math.max(d, 1e-12));
      // The engine's state holds v (square_avg) and, when centered, ḡ (grad_avg).
      const v = state.v[0];
      const gbar = state.gradAvg?.[0] ?? 0;
      denominators.add(centered ? 'centered: √(v − ḡ²)' : 'plain: √v', t, Math.sqrt(centered ? v - gbar * gbar : v));
      if (!centered) denominators.add('|mean gradient| = |θ − 20| (plain run)', t, Math.max(d, 1e-12));
    }
  }
  return { name, reached, final: Math.abs(theta[0] - 20) };
});
table(
  results.map((r) => ({
    variant: r.name,
    'first step with |θ − 20| < 1': r.reached < 0 ? `not within ${steps}` : r.reached,
    [`|θ − 20| after ${steps} steps`]: Number(r.final.toPrecision(3)),
  })),
  { title: `η = ${lr}, α = 0.99, σ = ${sigma}` },
);

// A gradient that never changes: the centered variance estimate v − ḡ² = α^t(1 − α^t)g² goes to 0.
const constantRows = [false, true].map((centered) => {
  const optimizer = rmsprop({ lr, centered });
  const theta = new Float64Array([0]);
  const state = optimizer.init(theta);
  const row: Record<string, string | number> = { variant: centered ? 'centered' : 'plain' };
  for (let t = 1; t <= 3000; t++) {
    const before = theta[0];
    optimizer.step(theta, new Float64Array([1]), state);
    if (t === 1 || t === 100 || t === 1000 || t === 3000) row[`step ${t}`] = Number((before - theta[0]).toPrecision(3));
  }
  return row;
});
table(constantRows, { title: `Step sizes for a constant gradient g = 1 (η = ${lr})` });
