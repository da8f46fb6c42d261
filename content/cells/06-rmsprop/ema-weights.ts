import { rmsprop } from 'descent';
import { lineChart, table } from 'descent/display';

// How much does a squared gradient from k steps ago count in RMSprop's v_t? Ask the engine: feed one
// gradient g = 1 followed by zeros. Then v after step k + 1 is exactly the weight (1 − α)·α^k that the
// update gives to a gradient k steps old (we read v from the optimizer's state, PyTorch's square_avg).
const alphas = [0.9, 0.99];
const K = 3000; // long enough for α = 0.99's weights to fade to 0.99³⁰⁰⁰ ≈ 10⁻¹³
const shown = 250; // the chart shows ages 0 … 250
const chart = lineChart({
  title: 'Weight of a squared gradient k steps old in vₜ',
  x: 'age k (steps)',
  y: 'weight (1 − α)·α^k',
  logY: true,
});
const rows = alphas.map((alpha) => {
  const optimizer = rmsprop({ lr: 0, alpha, eps: 1e-8 }); // lr 0: we only want the state
  const theta = new Float64Array(1);
  const state = optimizer.init(theta);
  const weights: number[] = [];
  for (let k = 0; k <= K; k++) {
    optimizer.step(theta, new Float64Array([k === 0 ? 1 : 0]), state);
    weights.push(state.v[0]);
    if (k <= shown) chart.add(`α = ${alpha}`, k, state.v[0]);
  }
  const window = Math.round(1 / (1 - alpha));
  const newest = weights.slice(0, window).reduce((a, b) => a + b, 0);
  const all = weights.reduce((a, b) => a + b, 0);
  const meanAge = weights.reduce((a, w, k) => a + k * w, 0) / all;

  // A constant gradient g = 1: v_t = (1 − α^t) g², the total weight of the t gradients seen so far.
  const warm = rmsprop({ lr: 0, alpha, eps: 1e-8 });
  const warmState = warm.init(theta);
  warm.step(theta, new Float64Array([1]), warmState);
  const v1 = warmState.v[0];
  for (let t = 2; t <= window; t++) warm.step(theta, new Float64Array([1]), warmState);
  return {
    α: alpha,
    'window 1/(1 − α)': window,
    'weight of the newest 1/(1 − α) gradients': Number(newest.toFixed(3)),
    'total weight': Number(all.toFixed(3)),
    'mean age (steps)': Number(meanAge.toFixed(1)),
    'v₁ for g = 1': Number(v1.toPrecision(3)),
    'v after 1/(1 − α) steps of g = 1': Number(warmState.v[0].toFixed(3)),
  };
});
table(rows, { title: 'RMSprop’s moving average, measured from the engine’s state' });
