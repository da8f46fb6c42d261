// Compares the student's central differences with the exact gradients of engine objectives at random
// points. Central differences with h = 1e-5 agree with the exact gradient to about 1e-9 relative, far
// inside the tolerance; forward differences are off by about h·|∂²f|/2, far outside it.
import { beale, himmelblau, quadratic, rng, rosenbrock } from 'descent';
import type { Objective } from 'descent';
import { expectArrayClose, expectFunction, fail, isClose } from 'descent/check';
import { centralDifference } from 'student';

expectFunction(centralDifference, 'centralDifference');

const objectives: Objective[] = [
  rosenbrock(),
  himmelblau(),
  beale(),
  quadratic({ eigenvalues: [1, 4, 25], angle: 0.5, center: [1, -2, 0.5] }),
];
const random = rng(11);
const h = 1e-5;
const tolerance = { rtol: 1e-6, atol: 1e-6 };

for (const objective of objectives) {
  for (let k = 0; k < 3; k++) {
    const theta = Float64Array.from({ length: objective.dim }, () => random.uniform(-1.5, 1.5));
    const before = Array.from(theta);
    const where = `(${before.map((v) => v.toFixed(3)).join(', ')})`;
    const got = centralDifference((t: Float64Array) => objective.loss(t), theta, h);
    if (!before.every((v, i) => theta[i] === v)) {
      fail(`centralDifference changed theta at ${where}: put θᵢ back after evaluating f(θ ± h·eᵢ)`);
    }
    const exact = new Float64Array(objective.dim);
    objective.grad(theta, exact);
    // A common slip is the one-sided difference (f(θ + h·eᵢ) − f(θ)) / h: recognize it and say so.
    if (Array.isArray(got) && got.length === objective.dim) {
      const forward = before.map((v, i) => {
        const moved = Float64Array.from(before);
        moved[i] = v + h;
        return (objective.loss(moved) - objective.loss(Float64Array.from(before))) / h;
      });
      const matchesExact = got.every((g: number, i: number) => isClose(g, exact[i], tolerance));
      const matchesForward = got.every((g: number, i: number) => isClose(g, forward[i], { rtol: 1e-9, atol: 1e-9 }));
      if (!matchesExact && matchesForward) {
        fail(
          `on ${objective.name} at ${where} you computed the forward difference (f(θ + h·eᵢ) − f(θ)) / h, ` +
            `whose error is about h·|∂²f|/2; use (f(θ + h·eᵢ) − f(θ − h·eᵢ)) / (2h)`,
        );
      }
    }
    expectArrayClose(got, exact, `centralDifference on ${objective.name} at ${where} (h = ${h})`, tolerance);
  }
}
