// Runs the student's look-ahead form (Sutskever et al.) and the engine's nesterov({ lr, momentum })
// (PyTorch's SGD(momentum=μ, nesterov=True)) side by side on several objectives. After every step it
// maps the student's (θ_t, v_t) to φ_t with their toPyTorch and compares φ_t with the engine's
// parameters; on one run it also compares −v_t/η with the engine's momentum buffer b_t.
import { nesterov, quadratic, ravine, rng, rosenbrock } from 'descent';
import type { Objective } from 'descent';
import { expectArrayClose, expectFunction, expectSteps } from 'descent/check';
import { lookaheadStep, toPyTorch } from 'student';

expectFunction(lookaheadStep, 'lookaheadStep');
expectFunction(toPyTorch, 'toPyTorch');

// The mapping on its own first, so a wrong toPyTorch is named as such.
expectArrayClose(toPyTorch([1, 2], [0.5, -1], 0.8), [1.4, 1.2], 'toPyTorch([1, 2], [0.5, -1], 0.8)');

const random = rng(404);
const cases: { f: Objective; lr: number; mu: number; start: number[] }[] = [
  { f: rosenbrock(), lr: 0.001, mu: 0.9, start: [-1.2, 1] },
  { f: ravine(), lr: 0.05, mu: 0.95, start: [-5, 1.5] },
  {
    f: quadratic({ eigenvalues: [random.uniform(0.5, 2), random.uniform(2, 10), random.uniform(10, 20)], angle: 0.7 }),
    lr: 0.05,
    mu: 0.8,
    start: [random.uniform(-3, 3), random.uniform(-3, 3), random.uniform(-3, 3)],
  },
];
const steps = 15;

cases.forEach(({ f, lr, mu, start }, k) => {
  const gradient = (p: readonly number[]) => {
    const out = new Float64Array(f.dim);
    f.grad(Float64Array.from(p), out);
    return Array.from(out);
  };
  const phi = Float64Array.from(start);
  const optimizer = nesterov({ lr, momentum: mu });
  const state = optimizer.init(phi);

  let theta: unknown = start.slice();
  const studentState = { v: start.map(() => 0) };
  const where = `on ${f.name} (η = ${lr}, μ = ${mu})`;
  expectSteps({
    steps,
    reference: () => {
      optimizer.step(phi, Float64Array.from(gradient(Array.from(phi))), state);
      return phi;
    },
    student: () => {
      theta = lookaheadStep((theta as number[]).slice(), studentState, (p: number[]) => gradient(p), lr, mu);
      return toPyTorch((theta as number[]).slice(), studentState.v.slice(), mu);
    },
    what: `your look-ahead iterate, mapped by toPyTorch, ${where}`,
  });
  if (k === 0) {
    // With a constant η the velocity is −η times PyTorch's buffer.
    expectArrayClose(
      studentState.v.map((x) => -x / lr),
      state.momentumBuffer ?? [],
      `−v/η after ${steps} steps ${where}, compared with PyTorch's momentum buffer b,`,
    );
  }
});
