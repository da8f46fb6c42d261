// Runs the student's momentumStep and the engine's sgd({ lr, momentum, dampening }) (PyTorch's
// torch.optim.SGD) side by side on the same sequence of random gradients, and compares θ after
// every step. Dampening > 0 catches a first step that is dampened (PyTorch's b₁ = g₁ is not).
import { rng, sgd } from 'descent';
import { expectFunction, expectSteps } from 'descent/check';
import { momentumStep } from 'student';

expectFunction(momentumStep, 'momentumStep');

const cases = [
  { lr: 0.1, momentum: 0.9, dampening: 0, n: 2 },
  { lr: 0.05, momentum: 0.5, dampening: 0, n: 3 },
  { lr: 0.2, momentum: 0.9, dampening: 0.5, n: 3 },
  { lr: 0.01, momentum: 0.99, dampening: 0.9, n: 4 },
];
const steps = 8;

cases.forEach((c, k) => {
  const random = rng(300 + k);
  const start = Array.from({ length: c.n }, () => random.uniform(-2, 2));
  const grads = Array.from({ length: steps }, () => Array.from({ length: c.n }, () => random.normal()));

  const reference = Float64Array.from(start);
  const optimizer = sgd({ lr: c.lr, momentum: c.momentum, dampening: c.dampening });
  const referenceState = optimizer.init(reference);

  let theta: unknown = start.slice();
  const state = { b: null };
  expectSteps({
    steps,
    reference: (t) => {
      optimizer.step(reference, Float64Array.from(grads[t - 1]), referenceState);
      return reference;
    },
    student: (t) => {
      theta = momentumStep((theta as number[]).slice(), grads[t - 1].slice(), state, c.lr, c.momentum, c.dampening);
      return theta as number[];
    },
    what: `your momentum update (η = ${c.lr}, μ = ${c.momentum}, dampening ${c.dampening})`,
  });
});
