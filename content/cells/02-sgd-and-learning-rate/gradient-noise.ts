import { bceWithLogits, mlp, rng, twoMoons } from 'descent';
import { lineChart, print, table } from 'descent/display';

// Two-moons data (N = 512) and a small network (2 inputs, 16 tanh units, 1 logit), frozen at its
// initial weights θ. We compute every example's gradient ∇ℓᵢ(θ) once, then draw many mini-batches and
// measure how far their average lands from the full gradient ∇L(θ).
const data = twoMoons({ n: 512, noise: 0.1, seed: 3 });
const model = mlp({ sizes: [2, 16, 1] });
const theta = model.init(0);
const N = data.n;
const P = model.size;

const perExample: Float64Array[] = [];
const full = new Float64Array(P);
for (let i = 0; i < N; i++) {
  const g = new Float64Array(P);
  // A "batch" of one example: rows i of x (2 features) and y.
  model.lossAndGrad(theta, data.x.subarray(2 * i, 2 * i + 2), data.y.subarray(i, i + 1), 1, bceWithLogits, g);
  perExample.push(g);
  for (let j = 0; j < P; j++) full[j] += g[j] / N;
}

// σ² = (1/N) Σᵢ ‖∇ℓᵢ − ∇L‖² (= tr Σ): the variance of one example's gradient, summed over parameters.
let sigma2 = 0;
for (const g of perExample) for (let j = 0; j < P; j++) sigma2 += (g[j] - full[j]) ** 2 / N;
const signal = full.reduce((s, v) => s + v * v, 0);
print(`σ² = ${sigma2.toFixed(3)}, ‖∇L‖² = ${signal.toFixed(3)}`);

const random = rng(1);
const order = Int32Array.from({ length: N }, (_, i) => i);
const mean = new Float64Array(P);
/** ‖g_B − ∇L‖² for one mini-batch of size B, drawn with or without replacement. */
function squaredError(B: number, replace: boolean): number {
  mean.fill(0);
  if (!replace) random.shuffle(order); // the first B of a random permutation: B distinct examples
  for (let k = 0; k < B; k++) {
    const g = perExample[replace ? random.int(N) : order[k]];
    for (let j = 0; j < P; j++) mean[j] += g[j] / B;
  }
  let s = 0;
  for (let j = 0; j < P; j++) s += (mean[j] - full[j]) ** 2;
  return s;
}

const chart = lineChart({
  title: 'Mini-batch gradient error against batch size',
  x: 'log₂ B',
  y: 'E‖g_B − ∇L‖²',
  logY: true,
});
const rows = [];
const draws = 200;
for (let B = 1; B <= N; B *= 2) {
  let withReplacement = 0;
  let withoutReplacement = 0;
  for (let r = 0; r < draws; r++) {
    withReplacement += squaredError(B, true) / draws;
    withoutReplacement += squaredError(B, false) / draws;
  }
  const x = Math.log2(B);
  chart.add('measured, with replacement', x, withReplacement);
  chart.add('predicted σ²/B', x, sigma2 / B);
  // Without replacement, B = N is the full data set: the error is 0 up to rounding, which a log axis
  // cannot show, so that last point is left off the chart (it is in the table).
  if (B < N) {
    chart.add('measured, without replacement', x, withoutReplacement);
    chart.add('predicted σ²/B · (N − B)/(N − 1)', x, ((sigma2 / B) * (N - B)) / (N - 1));
  }
  rows.push({
    B,
    'with repl.': withReplacement.toExponential(2),
    'σ²/B': (sigma2 / B).toExponential(2),
    'without repl.': withoutReplacement.toExponential(2),
    '× (N−B)/(N−1)': (((sigma2 / B) * (N - B)) / (N - 1)).toExponential(2),
  });
}
table(rows, { title: `‖g_B − ∇L‖², mean of ${draws} mini-batches` });
