// Runs the engine's SGD with momentum (PyTorch's torch.optim.SGD) with the student's (η, μ) on two
// quadratics and counts the steps until the error ‖θ_t − θ*‖ is 10⁶ times smaller than at the start.
// It passes when that count is at most 1.25 times the count of the optimal pair derived in the lesson.
import { quadratic, rng, sgd } from 'descent';
import type { Quadratic } from 'descent';
import { expectFunction, fail } from 'descent/check';
import { tune } from 'student';

expectFunction(tune, 'tune');

const MAX_STEPS = 5000;
const MARGIN = 1.25;

/** Steps until ‖θ − θ*‖ ≤ 10⁻⁶‖θ₀ − θ*‖; Infinity if it diverges or takes more than MAX_STEPS. */
function stepsToTolerance(q: Quadratic, lr: number, momentum: number): number {
  const theta = Float64Array.from(q.start);
  const g = new Float64Array(q.dim);
  const error = () => Math.hypot(...theta.map((x, i) => x - q.center[i]));
  const e0 = error();
  const optimizer = sgd({ lr, momentum });
  const state = optimizer.init(theta);
  for (let t = 1; t <= MAX_STEPS; t++) {
    q.grad(theta, g);
    optimizer.step(theta, g, state);
    const e = error();
    if (!Number.isFinite(e) || e > 1e6 * e0) return Infinity;
    if (e <= 1e-6 * e0) return t;
  }
  return Infinity;
}

const random = rng(31);
const problems = [
  // The lesson's κ = 100 quadratic (the one the rate cell measures).
  quadratic({ eigenvalues: [1, 100], angle: 0.5 }),
  // Five dimensions, κ = 40, with three eigenvalues strewn between the extremes.
  quadratic({
    eigenvalues: [0.5, random.uniform(0.5, 20), random.uniform(0.5, 20), random.uniform(0.5, 20), 20],
    angle: 1.1,
  }),
];

for (const q of problems) {
  const lmin = q.mu;
  const lmax = q.L;
  const call = `tune(${lmin}, ${lmax})`;
  const choice: unknown = tune(lmin, lmax);
  const { lr, momentum } = (choice ?? {}) as { lr?: unknown; momentum?: unknown };
  if (typeof lr !== 'number' || typeof momentum !== 'number' || !Number.isFinite(lr) || !Number.isFinite(momentum)) {
    fail(`${call} should return { lr, momentum } with two finite numbers`);
  }
  if (lr <= 0) fail(`${call}: the learning rate must be positive, got ${lr}`);
  if (momentum < 0 || momentum >= 1) fail(`${call}: the momentum must be in [0, 1), got ${momentum}`);

  const sMin = Math.sqrt(lmin);
  const sMax = Math.sqrt(lmax);
  const best = stepsToTolerance(q, (2 / (sMax + sMin)) ** 2, ((sMax - sMin) / (sMax + sMin)) ** 2);
  const limit = Math.floor(MARGIN * best);
  const yours = stepsToTolerance(q, lr, momentum);
  const short = (x: number) => String(Number(x.toPrecision(4)));
  const pair = `{ lr: ${short(lr)}, momentum: ${short(momentum)} }`;
  const where = `on the κ = ${q.kappa} quadratic`;
  if (yours === Infinity && lr * lmax >= 2 + 2 * momentum) {
    fail(
      `${call} = ${pair} diverges ${where}: ηλmax = ${(lr * lmax).toPrecision(3)} must be below 2 + 2μ = ${(2 + 2 * momentum).toPrecision(3)}`,
    );
  }
  if (yours > limit) {
    const took = yours === Infinity ? `does not get there in ${MAX_STEPS} steps` : `needs ${yours} steps`;
    fail(
      `${call} = ${pair} ${took} to shrink the error by 10⁶ ${where}; the target is at most ${limit} (${MARGIN} × the ${best} steps of the optimal pair)`,
    );
  }
}
