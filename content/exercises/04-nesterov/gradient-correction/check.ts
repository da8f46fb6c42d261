// Runs the student's corrected heavy-ball step and the engine's nesterov({ lr, momentum }) (PyTorch's
// SGD(momentum=μ, nesterov=True)) side by side and compares the parameters after every step: on a
// fixed sequence of random gradients (the identity is pure algebra, it holds for any gradients) and
// on Rosenbrock's function, where each gradient depends on the current parameters.
import { nesterov, rng, rosenbrock } from 'descent';
import { expectFunction, expectSteps } from 'descent/check';
import { correctedStep } from 'student';

expectFunction(correctedStep, 'correctedStep');
const steps = 12;

// 1. Random gradients, three parameters.
{
  const random = rng(4);
  const lr = 0.1;
  const mu = 0.9;
  const start = [random.uniform(-2, 2), random.uniform(-2, 2), random.uniform(-2, 2)];
  const grads = Array.from({ length: steps }, () => [random.normal(), random.normal(), random.normal()]);
  const phi = Float64Array.from(start);
  const optimizer = nesterov({ lr, momentum: mu });
  const state = optimizer.init(phi);
  let mine: unknown = start.slice();
  const studentState = { u: null, prevG: null };
  expectSteps({
    steps,
    reference: (t) => {
      optimizer.step(phi, Float64Array.from(grads[t - 1]), state);
      return phi;
    },
    student: (t) => {
      mine = correctedStep((mine as number[]).slice(), grads[t - 1].slice(), studentState, lr, mu);
      return mine as number[];
    },
    what: `your corrected heavy-ball update (random gradients, η = ${lr}, μ = ${mu})`,
  });
}

// 2. Rosenbrock from (−1.2, 1): the gradient is taken at the current parameters of each run.
{
  const f = rosenbrock();
  const lr = 0.001;
  const mu = 0.95;
  const gradient = (p: ArrayLike<number>) => {
    const out = new Float64Array(2);
    f.grad(Float64Array.from(p), out);
    return Array.from(out);
  };
  const phi = Float64Array.from([-1.2, 1]);
  const optimizer = nesterov({ lr, momentum: mu });
  const state = optimizer.init(phi);
  let mine: unknown = [-1.2, 1];
  const studentState = { u: null, prevG: null };
  expectSteps({
    steps: 40,
    reference: () => {
      optimizer.step(phi, Float64Array.from(gradient(phi)), state);
      return phi;
    },
    student: () => {
      const current = mine as number[];
      mine = correctedStep(current.slice(), gradient(current), studentState, lr, mu);
      return mine as number[];
    },
    what: `your corrected heavy-ball update (Rosenbrock, η = ${lr}, μ = ${mu})`,
  });
}
