import { adam, adamw, bceWithLogits, epochBatches, mlp, norm, rng, twoMoons } from 'descent';
import type { AdamState, Optimizer } from 'descent';
import { lineChart, print, slider, table } from 'descent/display';

const lr = 0.01;
const lambda = slider('weight decay λ', { min: 1e-4, max: 1, value: 0.1, log: true });

// The same network, data, starting weights and mini-batches for all three runs.
const data = twoMoons({ n: 200, noise: 0.2, seed: 1 });
const model = mlp({ sizes: [2, 16, 16, 1] });
const batchSize = 32;
const epochs = 60;

const runs: [string, Optimizer<AdamState>][] = [
  ['adam, no decay', adam({ lr })],
  ['adam + L2 (weightDecay λ)', adam({ lr, weightDecay: lambda })],
  ['adamw (weightDecay λ)', adamw({ lr, weightDecay: lambda })],
];

const lossChart = lineChart({
  title: 'Training loss (whole set, after each epoch)',
  x: 'epoch',
  y: 'loss',
  logY: true,
});
const normChart = lineChart({ title: 'Weight norm ‖θ‖', x: 'epoch', y: '‖θ‖' });
const out = new Float64Array(data.n);
const summary = [];
let l2State: AdamState | undefined;

for (const [name, optimizer] of runs) {
  const theta = model.init(0);
  const state = optimizer.init(theta);
  const grad = new Float64Array(model.size);
  const shuffle = rng(1); // same seed: the same batches in the same order for every run
  const bx = new Float64Array(batchSize * 2);
  const by = new Float64Array(batchSize);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (const batch of epochBatches(data.n, batchSize, shuffle)) {
      batch.forEach((i, r) => {
        bx[2 * r] = data.x[2 * i];
        bx[2 * r + 1] = data.x[2 * i + 1];
        by[r] = data.y[i];
      });
      model.lossAndGrad(theta, bx, by, batch.length, bceWithLogits, grad);
      optimizer.step(theta, grad, state);
    }
    model.forward(theta, data.x, data.n, out);
    lossChart.add(name, epoch, bceWithLogits.value(out, data.y, data.n, 1));
    normChart.add(name, epoch, norm(theta));
  }
  summary.push({
    run: name,
    'final loss': Number(bceWithLogits.value(out, data.y, data.n, 1).toFixed(4)),
    accuracy: Number(bceWithLogits.accuracy!(out, data.y, data.n, 1).toFixed(3)),
    '‖θ‖': Number(norm(theta).toFixed(3)),
  });
  if (name.startsWith('adam + L2')) l2State = state;
}
table(summary, { title: `After ${epochs} epochs (η = ${lr}, λ = ${lambda.toPrecision(2)})` });

// Per weight, Adam + L2 removes about ηλθᵢ/(√v̂ᵢ + ε) per step where AdamW removes ηλθᵢ:
// the decay is multiplied by 1/(√v̂ᵢ + ε), which is small where gradients have been large.
const s = l2State!;
const bc2 = 1 - 0.999 ** s.t;
const multipliers = Array.from(s.v, (vi) => 1 / (Math.sqrt(vi / bc2) + 1e-8)).sort((a, b) => a - b);
const at = (q: number) => Number(multipliers[Math.round(q * (multipliers.length - 1))].toPrecision(3));
table(
  [
    { weights: 'largest gradients (min)', 'L2 decay ÷ AdamW decay': at(0) },
    { weights: '25th percentile', 'L2 decay ÷ AdamW decay': at(0.25) },
    { weights: 'median', 'L2 decay ÷ AdamW decay': at(0.5) },
    { weights: '75th percentile', 'L2 decay ÷ AdamW decay': at(0.75) },
    { weights: 'smallest gradients (max)', 'L2 decay ÷ AdamW decay': at(1) },
  ],
  { title: `1/(√v̂ᵢ + ε) across the ${model.size} parameters of the Adam + L2 run` },
);
print('AdamW: 1 for every parameter. Adam + L2: the spread above.');
