// Compares the student's two weight-decay variants with the engine: adamL2Step with
// adam({ weightDecay }) (PyTorch's Adam, coupled L2) and adamWStep with adamw({ weightDecay })
// (PyTorch's AdamW, decoupled), step by step, on problems where the two really differ.
import { adam, adamw, quadratic, rosenbrock } from 'descent';
import type { AdamState, Objective, Optimizer } from 'descent';
import { expectFunction, expectSteps } from 'descent/check';
import { adamL2Step, adamWStep } from 'student';

expectFunction(adamL2Step, 'adamL2Step');
expectFunction(adamWStep, 'adamWStep');

interface Case {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  objective: Objective;
  start: number[];
}

const cases: Case[] = [
  {
    lr: 0.05,
    betas: [0.8, 0.99],
    eps: 1e-8,
    weightDecay: 0.5,
    objective: quadratic({ eigenvalues: [0.01, 1, 4], center: [2, -1, 0.5] }),
    start: [1, 1, 1],
  },
  { lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0.1, objective: rosenbrock(), start: [-1.2, 1] },
];

function compare(what: string, step: (...args: unknown[]) => unknown, make: (c: Case) => Optimizer<AdamState>): void {
  for (const c of cases) {
    const n = c.objective.dim;
    const o = { lr: c.lr, beta1: c.betas[0], beta2: c.betas[1], eps: c.eps, weightDecay: c.weightDecay };
    let theta = c.start.slice();
    const state = { m: new Array<number>(n).fill(0), v: new Array<number>(n).fill(0), t: 0 };
    const g = new Float64Array(n);
    const reference = Float64Array.from(c.start);
    const optimizer = make(c);
    const refState = optimizer.init(reference);
    const rg = new Float64Array(n);
    expectSteps({
      steps: 12,
      student: () => {
        c.objective.grad(Float64Array.from(theta), g);
        theta = step(theta, Array.from(g), state, o) as number[];
        return theta;
      },
      reference: () => {
        c.objective.grad(reference, rg);
        optimizer.step(reference, rg, refState);
        return reference;
      },
      what: `${what} (η = ${c.lr}, λ = ${c.weightDecay}, on ${c.objective.name})`,
    });
  }
}

compare('your Adam + L2 update (adamL2Step, compared with adam({ weightDecay }))', adamL2Step, (c) =>
  adam({ lr: c.lr, betas: c.betas, eps: c.eps, weightDecay: c.weightDecay }),
);
compare('your AdamW update (adamWStep, compared with adamw({ weightDecay }))', adamWStep, (c) =>
  adamw({ lr: c.lr, betas: c.betas, eps: c.eps, weightDecay: c.weightDecay }),
);
