import { momentum, nesterov, quadratic, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { lineChart, table } from 'descent/display';

// The κ = 100 quadratic from the momentum lesson: eigenvalues 1 and 100, rotated; minimum at the origin.
const q = quadratic({ eigenvalues: [1, 100], angle: 0.5 });
const [lmin, lmax] = [q.mu, q.L];
const kappa = lmax / lmin;
const sk = Math.sqrt(kappa);
const steps = 1000; // run long for the measurement; chart the first 200
const charted = 200;

// Each method with the parameters its theory recommends, and the rate that theory predicts.
const methods: { name: string; optimizer: Optimizer; predicted: number }[] = [
  {
    name: 'gradient descent, η = 2/(λmin + λmax)',
    optimizer: sgd({ lr: 2 / (lmin + lmax) }),
    predicted: (kappa - 1) / (kappa + 1),
  },
  {
    name: 'heavy ball, (η*, μ*) from the momentum lesson',
    optimizer: momentum({ lr: (2 / (Math.sqrt(lmax) + Math.sqrt(lmin))) ** 2, momentum: ((sk - 1) / (sk + 1)) ** 2 }),
    predicted: (sk - 1) / (sk + 1),
  },
  {
    name: 'Nesterov, η = 1/λmax, μ = (√κ − 1)/(√κ + 1)',
    optimizer: nesterov({ lr: 1 / lmax, momentum: (sk - 1) / (sk + 1) }),
    predicted: 1 - 1 / sk,
  },
];

const chart = lineChart({
  title: `Distance to the minimum, κ = ${kappa} (first ${charted} steps)`,
  y: '‖θₜ − θ*‖',
  logY: true,
});
const g = new Float64Array(2);
const rows = methods.map((m) => {
  const theta = Float64Array.from(q.start);
  const state = m.optimizer.init(theta);
  const errors: number[] = [];
  for (let t = 0; t <= steps; t++) {
    const e = Math.hypot(theta[0], theta[1]);
    errors.push(e);
    if (t <= charted) chart.add(m.name, t, e);
    q.grad(theta, g);
    m.optimizer.step(theta, g, state);
  }
  // Measured rate between steps 500 and 1000, using the largest error over 20-step windows because
  // the error oscillates.
  const envelope = (t: number) => Math.max(...errors.slice(t - 20, t + 1));
  const measured = (envelope(1000) / envelope(500)) ** (1 / 500);
  const k = errors.findIndex((e) => e <= 1e-6 * errors[0]);
  return {
    method: m.name,
    'predicted rate': Number(m.predicted.toFixed(4)),
    'measured rate': Number(measured.toFixed(4)),
    'steps to shrink the error 10⁶ times': k < 0 ? `more than ${steps}` : k,
  };
});
table(rows, { title: `Rates per step on the κ = ${kappa} quadratic` });
