import { sgd } from 'descent';
import { lineChart, print } from 'descent/display';

// The three examples from the text and the one-parameter model ŷ = w·x.
const xs = [1, 2, 3];
const ys = [2, 3, 5];
const N = xs.length;

/** Mean squared error L(w) = (1/N) Σ (w·xᵢ − yᵢ)². */
function loss(w: number): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += (w * xs[i] - ys[i]) ** 2;
  return sum / N;
}

/** Its derivative L'(w) = (2/N) Σ (w·xᵢ − yᵢ)·xᵢ. */
function gradient(w: number): number {
  let sum = 0;
  for (let i = 0; i < N; i++) sum += (w * xs[i] - ys[i]) * xs[i];
  return (2 * sum) / N;
}

print(`L(1) = ${loss(1)}, L'(1) = ${gradient(1)}`);

// Gradient descent θ ← θ − η·∇L(θ), with the engine's SGD on all the data.
const w = new Float64Array([1]);
const optimizer = sgd({ lr: 0.05 });
const state = optimizer.init(w);
// L never reaches 0 (no line through the origin fits all three points), so chart how far the loss
// is above its minimum L(w*), where w* = 23/14.
const best = loss(23 / 14);
const chart = lineChart({ title: 'Gradient descent on L(w)', y: 'L(w) − L(w*)', logY: true });

// Thirty steps: by then the gap is about 1e-16, where double-precision rounding of L itself takes
// over and the gap comes out as 0 or 3e-17 (which a log axis cannot show).
for (let t = 0; t <= 30; t++) {
  if (t > 0) optimizer.step(w, new Float64Array([gradient(w[0])]), state);
  chart.add('gradient descent', t, loss(w[0]) - best);
}
print(`after 30 steps: w = ${w[0].toFixed(6)}; the best w is 23/14 = ${(23 / 14).toFixed(6)}`);
