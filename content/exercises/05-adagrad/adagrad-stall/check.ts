// Measures AdaGrad's steps with the engine's adagrad (PyTorch's defaults) on a constant gradient and
// compares them with the student's formula; then counts, with the engine, how many steps it takes to
// move a given distance. The cases were chosen so that no count sits within rounding of a boundary.
import { adagrad } from 'descent';
import { expectClose, expectFunction, fail } from 'descent/check';
import { adagradStepSize, stepsToTravel } from 'student';

expectFunction(adagradStepSize, 'adagradStepSize');
expectFunction(stepsToTravel, 'stepsToTravel');

// Runs the engine for t steps with gradient g; returns the size of the last step.
function engineStep(lr: number, g: number, t: number): number {
  const optimizer = adagrad({ lr });
  const theta = new Float64Array(1);
  const state = optimizer.init(theta);
  const grad = new Float64Array([g]);
  let before = 0;
  for (let k = 1; k <= t; k++) {
    before = theta[0];
    optimizer.step(theta, grad, state);
  }
  return Math.abs(theta[0] - before);
}

const stepCases: [number, number, number][] = [
  [0.1, 1, 1],
  [0.1, 2, 4],
  [0.01, -3, 100],
  [0.5, 0.001, 2500],
  [0.2, 50, 10_000],
];
for (const [lr, g, t] of stepCases) {
  // ε changes these steps only in the tenth significant digit; the formula is what is checked.
  expectClose(adagradStepSize(lr, g, t), engineStep(lr, g, t), `adagradStepSize(η = ${lr}, g = ${g}, t = ${t})`, {
    rtol: 1e-6,
  });
}

// Counts the engine's steps until θ has moved by at least `distance` (gradient 1).
function engineCount(lr: number, distance: number): number {
  const optimizer = adagrad({ lr });
  const theta = new Float64Array(1);
  const state = optimizer.init(theta);
  const grad = new Float64Array([1]);
  let t = 0;
  while (-theta[0] < distance) {
    optimizer.step(theta, grad, state);
    t += 1;
  }
  return t;
}

const travelCases: [number, number][] = [
  [0.1, 1],
  [0.5, 20],
  [0.05, 3.7],
  [1, 100],
  [0.2, 0.15],
  [0.01, 5],
];
for (const [lr, distance] of travelCases) {
  const expected = engineCount(lr, distance);
  const got: unknown = stepsToTravel(lr, distance);
  if (got !== expected) {
    const sgd = Math.ceil(distance / lr);
    const note =
      got === sgd && sgd !== expected
        ? ` (${sgd} is what steps of a constant size η would need)`
        : typeof got === 'number' && Math.abs(got - (distance / (2 * lr)) ** 2) < 1
          ? ' ((D/2η)² is only an estimate: add up the steps one by one)'
          : '';
    fail(`stepsToTravel(η = ${lr}, distance ${distance}): expected ${expected} steps, got ${String(got)}${note}`);
  }
}
