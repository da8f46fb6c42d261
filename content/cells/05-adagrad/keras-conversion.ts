import { adagrad } from 'descent';
import { print, table } from 'descent/display';

// Keras and TF.js: A₀ = 0.1, A_t = A_{t−1} + g_t², θ_t = θ_{t−1} − η g_t / √(A_t + ε) with ε = 1e-7.
// Here it is, written out, for one coordinate with a constant gradient g.
function kerasSteps(lr: number, g: number, steps: number): number[] {
  let accumulator = 0.1;
  let theta = 0;
  const thetas: number[] = [];
  for (let t = 1; t <= steps; t++) {
    accumulator += g * g;
    theta -= (lr * g) / Math.sqrt(accumulator + 1e-7);
    thetas.push(theta);
  }
  return thetas;
}

// The engine (PyTorch's rule, √G + ε) with ε folded into the starting sum, and with PyTorch's defaults.
function engineSteps(lr: number, g: number, steps: number, options: Parameters<typeof adagrad>[0]): number[] {
  const optimizer = adagrad({ lr, ...options });
  const theta = new Float64Array(1);
  const state = optimizer.init(theta);
  const thetas: number[] = [];
  for (let t = 1; t <= steps; t++) {
    optimizer.step(theta, new Float64Array([g]), state);
    thetas.push(theta[0]);
  }
  return thetas;
}

const lr = 0.01;
const steps = 1000;
let worst = 0;
const rows = [0.001, 0.01, 0.1, 1, 10].map((g) => {
  const keras = kerasSteps(lr, g, steps);
  const converted = engineSteps(lr, g, steps, { initialAccumulatorValue: 0.1 + 1e-7, eps: 0 });
  const pytorch = engineSteps(lr, g, steps, {});
  keras.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - converted[k]) / Math.abs(v))));
  return {
    g,
    'first step, PyTorch': Number((-pytorch[0]).toPrecision(3)),
    'first step, Keras': Number((-keras[0]).toPrecision(3)),
    [`distance after ${steps} steps, PyTorch`]: Number((-pytorch[steps - 1]).toPrecision(3)),
    [`distance after ${steps} steps, Keras`]: Number((-keras[steps - 1]).toPrecision(3)),
  };
});
table(rows, { title: `Same η = ${lr}, constant gradient g` });
print(
  `Keras' rule vs the engine's adagrad({ initialAccumulatorValue: 0.1 + 1e-7, eps: 0 }): largest relative difference ${worst.toExponential(1)}`,
);
