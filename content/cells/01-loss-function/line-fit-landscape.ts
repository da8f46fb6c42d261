import { linear, mse, noisyLine, sgd, train } from 'descent';
import { landscape, lineChart, print } from 'descent/display';

// Twenty points near the line y = 2x + 1, with x between 0 and 3, and the model ŷ = w·x + b.
const data = noisyLine({ n: 20, xmin: 0, xmax: 3, seed: 1 });
const model = linear({ inputs: 1 }); // parameters [w, b]
const N = data.n;

// L(w, b): the engine's mean squared error of the model's predictions, at any (w, b).
const theta = new Float64Array(2);
const predictions = new Float64Array(N);
function loss(w: number, b: number): number {
  theta[0] = w;
  theta[1] = b;
  model.forward(theta, data.x, N, predictions);
  return mse.value(predictions, data.y, N, 1);
}

// The best line, from setting both partial derivatives to zero (the "normal equations"):
// w* = (N Σxy − Σx Σy) / (N Σx² − (Σx)²) and b* = (Σy − w* Σx) / N.
let sx = 0;
let sy = 0;
let sxx = 0;
let sxy = 0;
for (let i = 0; i < N; i++) {
  sx += data.x[i];
  sy += data.y[i];
  sxx += data.x[i] ** 2;
  sxy += data.x[i] * data.y[i];
}
const wBest = (N * sxy - sx * sy) / (N * sxx - sx * sx);
const bBest = (sy - wBest * sx) / N;
const lossBest = loss(wBest, bBest);

// The contour map of L(w, b), with the minimum marked.
const map = landscape(
  {
    name: 'L(w, b) for a line fit',
    value: loss,
    view: { xmin: -2, xmax: 5, ymin: -2.5, ymax: 4.5 },
    minima: [{ point: [wBest, bBest] }],
  },
  { title: 'Loss surface L(w, b)', x: 'w (slope)', y: 'b (intercept)' },
);
const chart = lineChart({ title: 'Gradient descent on L(w, b)', y: 'L(w, b) − L(w*, b*)', logY: true });

// Full-batch gradient descent from (w, b) = (−1, 2): the engine's train loop with the whole data set
// as one batch, so every step is θ ← θ − η ∇L(θ) on all 20 points.
const start = new Float64Array([-1, 2]);
map.add('gradient descent', start[0], start[1]);
chart.add('gradient descent', 0, loss(start[0], start[1]) - lossBest);
const result = await train({
  model,
  loss: mse,
  data,
  optimizer: sgd({ lr: 0.25 }),
  epochs: 60, // one step per epoch, since a batch is the whole data set
  params: start,
  onStep(report) {
    const [w, b] = report.params ?? [NaN, NaN];
    map.add('gradient descent', w, b);
    chart.add('gradient descent', report.step, (report.trainLoss ?? NaN) - lossBest);
  },
});

const [w, b] = result.params;
print(`after ${result.steps} steps: w = ${w.toFixed(4)}, b = ${b.toFixed(4)}, L = ${loss(w, b).toFixed(6)}`);
print(`best line:        w* = ${wBest.toFixed(4)}, b* = ${bBest.toFixed(4)}, L = ${lossBest.toFixed(6)}`);
