import { quadratic, sgd } from 'descent';
import { lineChart, print, slider, table } from 'descent/display';

// A fixed quadratic bowl with eigenvalues λmin = 1 and λmax = 100 (κ = 100), its axes rotated so that
// the eigen-directions are not the coordinate axes. The minimum θ* is the origin.
const q = quadratic({ eigenvalues: [1, 100], angle: 0.5 });
const lambdas = q.eigenvalues;
const [lmin, lmax] = [q.mu, q.L];
const kappa = lmax / lmin;

// The optimal pair derived in the lesson, and gradient descent's best fixed step from lesson 2.
const etaStar = (2 / (Math.sqrt(lmax) + Math.sqrt(lmin))) ** 2;
const muStar = ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2;
const lr = slider('learning rate η', { min: 0.002, max: 0.04, value: etaStar, log: true });

/** Theory: the largest |eigenvalue| of the 2×2 matrix R over all eigen-directions of the quadratic. */
function predicted(eta: number, mu: number): number {
  let worst = 0;
  for (const lambda of lambdas) {
    // R has trace T = 1 + μ − ηλ and determinant μ, so its eigenvalues are the roots of σ² − Tσ + μ.
    const T = 1 + mu - eta * lambda;
    const disc = T * T - 4 * mu;
    // Complex pair: both have modulus √μ. Real pair: the larger magnitude is (|T| + √disc)/2.
    const radius = disc < 0 ? Math.sqrt(mu) : (Math.abs(T) + Math.sqrt(disc)) / 2;
    worst = Math.max(worst, radius);
  }
  return worst;
}

/**
 * Measurement: run the engine's SGD with momentum and compare the error ‖θ_t − θ*‖ late in the run with
 * the error halfway through. The error oscillates when the roots are complex, so each side uses the
 * largest error in a window of recent steps (the envelope), not a single step.
 */
function measured(eta: number, mu: number, steps = 2000, window = 150): number {
  const theta = Float64Array.from(q.start);
  const g = new Float64Array(2);
  const optimizer = sgd({ lr: eta, momentum: mu });
  const state = optimizer.init(theta);
  const errors: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const e = Math.hypot(theta[0], theta[1]);
    errors.push(e);
    // Stop before the numbers overflow (diverging) or underflow (converged to machine zero).
    if (e > 1e150 || e < 1e-250) break;
    q.grad(theta, g);
    optimizer.step(theta, g, state);
  }
  const end = errors.length - 1;
  const half = Math.floor(end / 2);
  const w = Math.min(window, Math.floor(end / 4));
  const envelope = (t: number) => Math.max(...errors.slice(t - w, t + 1));
  return (envelope(end) / envelope(half)) ** (1 / (end - half));
}

const chart = lineChart({ title: `Contraction per step, η = ${lr.toPrecision(3)}`, x: 'momentum μ', y: 'rate' });
// Rates above 1.2 mean fast divergence; leaving them out (as gaps) keeps the interesting range readable.
const shown = (rate: number) => (rate <= 1.2 ? rate : NaN);
// Measurement every 0.01 (drawn first, so it lies on top); theory on a fine grid and exactly at μ*,
// where the curve has its corner.
let best = { mu: 0, rate: Infinity };
let worstGap = { mu: NaN, gap: 0 };
for (let i = 0; i <= 99; i++) {
  const mu = i / 100;
  const rate = measured(lr, mu);
  chart.add('measured with the engine', mu, shown(rate));
  if (rate < best.rate) best = { mu, rate };
  const gap = Math.abs(rate - predicted(lr, mu));
  if (rate < 1 && gap > worstGap.gap) worstGap = { mu, gap };
}
const fine = Array.from({ length: 397 }, (_, i) => i * 0.0025)
  .concat(muStar)
  .sort((a, b) => a - b);
for (const mu of fine) chart.add('theory: max |σ| over directions', mu, shown(predicted(lr, mu)));
const gdRate = (kappa - 1) / (kappa + 1);
chart.add('gradient descent at its best η', 0, gdRate);
chart.add('gradient descent at its best η', 0.99, gdRate);

const row = (what: string, eta: number, mu: number) => ({
  run: what,
  η: Number(eta.toPrecision(4)),
  μ: Number(mu.toPrecision(4)),
  predicted: Number(predicted(eta, mu).toFixed(4)),
  measured: Number(measured(eta, mu).toFixed(4)),
});
const edge = (lr * lmax) / 2 - 1; // ηλmax < 2 + 2μ  ⇔  μ > ηλmax/2 − 1
if (edge > 0)
  print(`At this η every μ below ${edge.toFixed(3)} diverges (ηλmax = ${(lr * lmax).toFixed(2)} ≥ 2 + 2μ).`);
if (best.rate < 1) {
  print(
    `Largest |measured − predicted| among the converging runs: ${worstGap.gap.toExponential(1)} (at μ = ${worstGap.mu}).`,
  );
} else {
  print('No μ below 1 converges at this η.');
}
table(
  [
    row('gradient descent, η = 2/(λmin + λmax)', 2 / (lmin + lmax), 0),
    row('momentum, this η, best μ on the grid', lr, best.mu),
    row('momentum, optimal pair (η*, μ*)', etaStar, muStar),
  ],
  { title: `Rates per step on the κ = ${kappa} quadratic` },
);
