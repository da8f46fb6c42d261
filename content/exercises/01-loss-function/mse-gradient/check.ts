// Compares the student's gradient with the engine's: a one-input linear model (parameters [w, b])
// under the engine's mean squared error, which backpropagates 2(ŷ − y)/N.
import { linear, mse, noisyLine, rng } from 'descent';
import { expectArrayClose, expectFunction } from 'descent/check';
import { mseGradient } from 'student';

expectFunction(mseGradient, 'mseGradient');
const model = linear({ inputs: 1 });
const grad = new Float64Array(2);

function reference(w: number, b: number, xs: number[], ys: number[]): number[] {
  model.lossAndGrad(new Float64Array([w, b]), new Float64Array(xs), new Float64Array(ys), xs.length, mse, grad);
  return Array.from(grad);
}

const cases: [number, number, number[], number[]][] = [[1, 0, [1, 2, 3], [2, 3, 5]]];
const random = rng(7);
for (let k = 0; k < 5; k++) {
  const data = noisyLine({ n: 3 + k * 4, seed: k });
  cases.push([random.uniform(-2, 2), random.uniform(-2, 2), Array.from(data.x), Array.from(data.y)]);
}

for (const [w, b, xs, ys] of cases) {
  const got = mseGradient(w, b, xs.slice(), ys.slice());
  expectArrayClose(
    got,
    reference(w, b, xs, ys),
    `mseGradient at (w, b) = (${w.toFixed(3)}, ${b.toFixed(3)}) on ${xs.length} points`,
  );
}
