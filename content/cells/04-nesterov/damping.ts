import { momentum, nesterov } from 'descent';
import { lineChart, slider, table } from 'descent/display';

// One steep direction: L(x) = ½λx² with λ = 1, so the slider sets ηλ directly. In a ravine this is the
// direction across the valley, where η is large compared with 1/λ because it was chosen for the
// shallow directions.
const lambda = 1;
const lr = slider('ηλ', { min: 0.05, max: 1.5, value: 0.8, step: 0.05 });
const mu = 0.9;
const steps = 60;

/** Largest |root| of σ² − Sσ + P, the characteristic polynomial of a two-step recurrence. */
function radius(S: number, P: number): number {
  const disc = S * S - 4 * P;
  return disc < 0 ? Math.sqrt(P) : (Math.abs(S) + Math.sqrt(disc)) / 2;
}
const h = 1 - lr * lambda;
const methods = [
  // Heavy ball: x_t = (1 + μ − ηλ)x_{t−1} − μx_{t−2}; momentum μ on the previous step.
  {
    name: 'heavy ball',
    optimizer: momentum({ lr, momentum: mu }),
    carried: mu,
    predicted: radius(1 + mu - lr * lambda, mu),
  },
  // Nesterov: x_t = (1 + μ)(1 − ηλ)x_{t−1} − μ(1 − ηλ)x_{t−2}; momentum μ(1 − ηλ) on the previous step.
  {
    name: 'Nesterov',
    optimizer: nesterov({ lr, momentum: mu }),
    carried: mu * h,
    predicted: radius((1 + mu) * h, mu * h),
  },
];

const chart = lineChart({ title: `Position xₜ, ηλ = ${lr}, μ = ${mu}`, y: 'x' });
const rows = methods.map((m) => {
  const x = new Float64Array([1]);
  const state = m.optimizer.init(x);
  const path = [1];
  chart.add(m.name, 0, 1);
  for (let t = 1; t <= steps; t++) {
    m.optimizer.step(x, new Float64Array([lambda * x[0]]), state);
    path.push(x[0]);
    chart.add(m.name, t, x[0]);
  }
  // Measured rate: compare the largest |x| over steps 41–60 with the largest over steps 21–40.
  const envelope = (from: number, to: number) => Math.max(...path.slice(from, to + 1).map(Math.abs));
  const late = envelope(41, 60);
  const early = envelope(21, 40);
  const measured = early === 0 ? 0 : (late / early) ** (1 / 20);
  return {
    method: m.name,
    'momentum on the previous step': Number(m.carried.toFixed(3)),
    'predicted rate': Number(m.predicted.toFixed(3)),
    'measured rate': Number(measured.toFixed(3)),
    '|x| after 20 steps': Number(Math.abs(path[20]).toPrecision(2)),
  };
});
table(rows, { title: 'Contraction per step of the error (1 means no progress, above 1 diverges)' });
