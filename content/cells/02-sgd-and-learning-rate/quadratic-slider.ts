import { minimize, quadratic, sgd } from 'descent';
import { landscape, lineChart, print, slider, table } from 'descent/display';

// A 2-D quadratic bowl L(θ) = ½ (θ − θ*)ᵀ A (θ − θ*) whose Hessian A has eigenvalues λmin = 1 and
// λmax = 10 (condition number κ = 10), its axes turned by 30°. Minimum 0 at θ* = (0, 0).
const f = quadratic({ mu: 1, kappa: 10, angle: Math.PI / 6 });
const [lambdaMin, lambdaMax] = [f.mu, f.L];

// Slide η and the cell re-runs. The interesting values: 2/λmax = 0.2 (the stability limit) and
// 2/(λmin + λmax) ≈ 0.182 (the best fixed step).
const lr = slider('learning rate η', { min: 0.005, max: 0.3, value: 0.15, log: true });

const map = landscape(f, { title: `Gradient descent with η = ${lr.toPrecision(3)} (κ = 10)` });
const chart = lineChart({ title: 'Loss along the path', y: 'L(θ)', logY: true });
const name = `gradient descent, η = ${lr.toPrecision(3)}`;
const steps = 100;
const result = minimize(f, sgd({ lr }), {
  steps,
  onStep({ step, point, loss }) {
    map.add(name, point[0], point[1]);
    chart.add(name, step, loss);
  },
});

// Along eigenvector i the error is multiplied by (1 − ηλᵢ) at every step.
table(
  [
    { direction: 'λmin = 1', 'factor 1 − ηλ': (1 - lr * lambdaMin).toFixed(3) },
    { direction: 'λmax = 10', 'factor 1 − ηλ': (1 - lr * lambdaMax).toFixed(3) },
  ],
  { title: 'Per-step factors along the two axes of the bowl' },
);
const predicted = Math.max(Math.abs(1 - lr * lambdaMin), Math.abs(1 - lr * lambdaMax));
// L is quadratic in the error, so it shrinks by the factor squared: measure over the last 20 steps.
const L = result.losses;
const measured = L.length > 21 ? (L[L.length - 1] / L[L.length - 21]) ** (1 / 40) : NaN;
print(
  `stability limit 2/λmax = ${(2 / lambdaMax).toFixed(3)}; best fixed step 2/(λmin + λmax) = ${(2 / (lambdaMin + lambdaMax)).toFixed(3)}`,
);
print(
  `predicted rate max|1 − ηλᵢ| = ${predicted.toFixed(4)}; measured ${Number.isFinite(measured) ? measured.toFixed(4) : '–'}`,
);
print(result.message);
if (predicted >= 1)
  print('|1 − ηλmax| ≥ 1: the error along the steep axis grows at every step, so this run cannot converge.');
