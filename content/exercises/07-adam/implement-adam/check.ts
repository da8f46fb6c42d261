// Runs the student's adamStep and the engine's adam side by side on several problems and
// hyperparameters, and stops at the first step where the parameters differ.
import { adam, quadratic, rosenbrock } from 'descent';
import type { Objective } from 'descent';
import { expectFunction, expectSteps } from 'descent/check';
import { adamStep } from 'student';

expectFunction(adamStep, 'adamStep');

interface Case {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  objective: Objective;
  start: number[];
}

const cases: Case[] = [
  // The paper's defaults on Rosenbrock's valley.
  { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, objective: rosenbrock(), start: [-1.2, 1] },
  // Larger steps and shorter memories on a tilted bowl.
  { lr: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-6, objective: quadratic({ kappa: 20, angle: 0.4 }), start: [-4, 3] },
  // Three coordinates with tiny gradients (about 1e-6), where ε is not negligible: ε must be added
  // outside the square root, after the bias correction.
  {
    lr: 0.05,
    beta1: 0.5,
    beta2: 0.9,
    eps: 1e-6,
    objective: quadratic({ eigenvalues: [1e-6, 3e-7, 2e-6] }),
    start: [1, -2, 0.5],
  },
];

for (const c of cases) {
  const { objective } = c;
  const n = objective.dim;
  // The student's side: plain arrays, their own state.
  let theta = c.start.slice();
  const state = { m: new Array<number>(n).fill(0), v: new Array<number>(n).fill(0), t: 0 };
  const g = new Float64Array(n);
  // The reference: the engine's adam, PyTorch's numbers.
  const reference = Float64Array.from(c.start);
  const optimizer = adam({ lr: c.lr, betas: [c.beta1, c.beta2], eps: c.eps });
  const refState = optimizer.init(reference);
  const rg = new Float64Array(n);
  expectSteps({
    steps: 12,
    student: () => {
      objective.grad(Float64Array.from(theta), g);
      theta = adamStep(theta, Array.from(g), state, { lr: c.lr, beta1: c.beta1, beta2: c.beta2, eps: c.eps });
      return theta;
    },
    reference: () => {
      objective.grad(reference, rg);
      optimizer.step(reference, rg, refState);
      return reference;
    },
    what: `your Adam update (η = ${c.lr}, β₁ = ${c.beta1}, β₂ = ${c.beta2}, ε = ${c.eps}, on ${objective.name})`,
  });
}
