import { adagrad, rng } from 'descent';
import { lineChart, print, table } from 'descent/display';

// Four coordinates of one parameter vector, each fed its own stream of gradients, all updated by
// one AdaGrad optimizer. We never look at θ: only at the state, where state.sum holds G_t.
const lr = 0.1;
const eps = 1e-10; // PyTorch's default
const optimizer = adagrad({ lr, eps });
const theta = new Float64Array(4);
const state = optimizer.init(theta);
const names = ['constant g = 1', 'constant g = 0.01', 'noisy g ~ N(0, 1)', 'rare: g = 1 in 1% of steps'];
const random = rng(4);
const g = new Float64Array(4);

// The chart has a log y axis; log x we make ourselves by plotting log₁₀ t. A power law t^(−1/2)
// is then a straight line falling one unit for every two units to the right.
const chart = lineChart({
  title: 'Effective learning rate η / (√Gₜ + ε)',
  x: 'log₁₀ t',
  y: 'effective learning rate',
  logY: true,
});
const T = 100_000;
const marks = new Set([1, 10, 100, 1000, 10_000, 100_000]);
const rows: Record<string, number | string>[] = [];
const rateAt = new Map<number, number[]>(); // t → the four effective rates
let nextPlot = 1;
const before = new Float64Array(4);
for (let t = 1; t <= T; t++) {
  g[0] = 1;
  g[1] = 0.01;
  g[2] = random.normal();
  g[3] = random.next() < 0.01 ? 1 : 0;
  before.set(theta);
  optimizer.step(theta, g, state);
  const rates = Array.from(state.sum, (G) => lr / (Math.sqrt(G) + eps));
  if (t >= nextPlot || t === T) {
    nextPlot = Math.ceil(nextPlot * 1.1); // about 24 points per decade
    const x = Math.log10(t);
    for (let i = 0; i < 4; i++) {
      // Until the rare coordinate sees its first non-zero gradient, G = 0 and η/ε = 10⁹: a huge
      // rate that moves nothing (its gradient is 0). Leave those points out.
      if (state.sum[i] > 0) chart.add(names[i], x, rates[i]);
    }
    chart.add('η / √t', x, lr / Math.sqrt(t));
  }
  if (marks.has(t)) {
    rateAt.set(t, rates);
    rows.push({
      t,
      'η / √t': Number((lr / Math.sqrt(t)).toPrecision(4)),
      'step taken, g = 1': Number((before[0] - theta[0]).toPrecision(4)),
      'step taken, g = 0.01': Number((before[1] - theta[1]).toPrecision(4)),
      "rare coordinate's rate ÷ rate for g = 1": state.sum[3] > 0 ? Number((rates[3] / rates[0]).toFixed(2)) : '–',
    });
  }
}
table(rows, { title: 'Constant gradients: the t-th step is η/√t, whatever the size of g' });

// Slope of log₁₀(rate) against log₁₀(t) between t = 1000 and t = 100 000: −0.5 means "∝ 1/√t".
const [early, late] = [rateAt.get(1000)!, rateAt.get(T)!];
names.forEach((name, i) => print(`${name}: slope ${((Math.log10(late[i]) - Math.log10(early[i])) / 2).toFixed(3)}`));
print(
  `total distance moved by the g = 1 coordinate in ${T} steps: ${(-theta[0]).toFixed(2)} (bound 2η√T = ${(2 * lr * Math.sqrt(T)).toFixed(2)})`,
);
