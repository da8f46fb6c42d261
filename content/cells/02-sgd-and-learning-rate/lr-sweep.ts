import { linear, mse, noisyLine, sgd, training } from 'descent';
import type { TrainResult } from 'descent';
import { lineChart, print, table } from 'descent/display';

// Linear regression ŷ = w·x + b on 200 noisy points, trained by full-batch gradient descent with six
// learning rates, log-spaced the way one would sweep them in practice.
const data = noisyLine({ n: 200, seed: 2 });
const model = linear({ inputs: 1 });
const rates = [0.01, 0.03, 0.1, 0.3, 0.35, 1];

// For mean squared error the loss is exactly quadratic in θ = (w, b), with Hessian
// A = (2/N) Σᵢ (xᵢ, 1)(xᵢ, 1)ᵀ. Its largest eigenvalue sets the stability limit 2/λmax.
let sx = 0;
let sxx = 0;
for (let i = 0; i < data.n; i++) {
  sx += data.x[i];
  sxx += data.x[i] ** 2;
}
const [a, c, d] = [(2 * sxx) / data.n, (2 * sx) / data.n, 2]; // A = [[a, c], [c, d]]
const lambdaMax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + c * c);
print(`λmax = ${lambdaMax.toFixed(4)}, so gradient descent converges for η < 2/λmax = ${(2 / lambdaMax).toFixed(4)}`);

// yMax: the diverging runs climb off the top instead of squeezing the stable ones into the bottom.
const chart = lineChart({ title: 'Learning-rate sweep (full batch)', y: 'training loss', logY: true, yMax: 100 });
const runs = rates.map((lr) => ({
  lr,
  name: `η = ${lr}`,
  // One epoch is one step, because the batch is the whole data set.
  run: training({ model, loss: mse, data, optimizer: sgd({ lr }), epochs: 50, seed: 0 }),
  result: undefined as TrainResult | undefined,
}));

// Step all runs together, so the curves grow side by side; a run that diverges stops by itself.
for (let active = true; active;) {
  active = false;
  for (const r of runs) {
    if (r.result) continue;
    const next = r.run.next();
    if (next.done) r.result = next.value;
    else {
      active = true;
      if (next.value.trainLoss !== undefined) chart.add(r.name, next.value.step, next.value.trainLoss);
    }
  }
}

table(
  runs.map((r) => ({
    'learning rate': r.name,
    'η / (2/λmax)': ((r.lr * lambdaMax) / 2).toFixed(2),
    'final training loss':
      r.result?.status === 'diverged' ? '–' : (r.result?.history.at(-1)?.trainLoss?.toPrecision(4) ?? '–'),
    outcome: r.result?.message ?? '',
  })),
  { title: 'How each run ended' },
);
