import { adam, chain, quadratic, scaleByLearningRate } from 'descent';
import type { Transform } from 'descent';
import { lineChart, print, slider, table } from 'descent/display';

const beta1 = 0.9;
const beta2 = 0.999;
const epsHat = 1e-7; // Keras' default epsilon

// Keras' Adam (keras/src/optimizers/adam.py, Keras 3.15): the bias corrections are folded into the
// step size and ε ("epsilon hat") is added to √v before any correction:
//   α_t = η·√(1 − β₂ᵗ)/(1 − β₁ᵗ);   θ ← θ − α_t · m / (√v + ε̂)
function kerasAdam(): Transform<{ m: Float64Array; v: Float64Array }> {
  return {
    name: 'kerasAdam',
    keys: ['m', 'v'],
    init: (params) => ({ m: new Float64Array(params.length), v: new Float64Array(params.length) }),
    update(g, out, state, ctx) {
      const scale = Math.sqrt(1 - beta2 ** ctx.t) / (1 - beta1 ** ctx.t);
      for (let i = 0; i < g.length; i++) {
        state.m[i] += (g[i] - state.m[i]) * (1 - beta1);
        state.v[i] += (g[i] * g[i] - state.v[i]) * (1 - beta2);
        out[i] = (scale * state.m[i]) / (Math.sqrt(state.v[i]) + epsHat);
      }
      return out;
    },
  };
}

// ε only matters when √v is comparable to it, so scale the loss (and its gradients) by s.
const s = slider('loss scale s (gradients × s)', { min: 1e-9, max: 1, value: 1e-6, log: true });
const bowl = quadratic({ kappa: 10, angle: 0.5 });
const lr = 0.05;
const STEPS = 200;

const keras = chain(kerasAdam(), scaleByLearningRate(lr));
const samePrinted = adam({ lr, betas: [beta1, beta2], eps: epsHat }); // "epsilon=1e-7" copied over as is
const thetas = [0, 1, 2].map(() => Float64Array.from(bowl.start));
const kerasState = keras.init(thetas[0]);
const sameState = samePrinted.init(thetas[1]);
const convertedState = adam({ lr }).init(thetas[2]);
const g = new Float64Array(2);
bowl.grad(thetas[0], g);
print(`gradient length at the start: ${(s * Math.hypot(g[0], g[1])).toExponential(2)}`);

const chart = lineChart({ title: 'Step length |Δθ| / η', y: '|Δθ| / η', logY: true });
const rows = [];
const names = ['Keras Adam(epsilon=1e-7)', 'PyTorch eps=1e-7', 'PyTorch eps=ε̂/√(1 − β₂ᵗ)'];
for (let t = 1; t <= STEPS; t++) {
  // The exact conversion needs a different ε at every step. The state is plain data, so a fresh
  // engine optimizer with this step's ε can continue from the same state.
  const epsT = epsHat / Math.sqrt(1 - beta2 ** t);
  const converted = adam({ lr, betas: [beta1, beta2], eps: epsT });
  const steps = [
    () => keras.step(thetas[0], g, kerasState),
    () => samePrinted.step(thetas[1], g, sameState),
    () => converted.step(thetas[2], g, convertedState),
  ];
  steps.forEach((step, k) => {
    bowl.grad(thetas[k], g);
    g[0] *= s;
    g[1] *= s;
    const [x, y] = thetas[k];
    step();
    chart.add(names[k], t, Math.hypot(thetas[k][0] - x, thetas[k][1] - y) / lr);
  });
  if ([1, 2, 5, 20, 100, 200].includes(t))
    rows.push({
      step: t,
      ε_t: Number(epsT.toPrecision(3)),
      'θ₁, Keras': Number(thetas[0][0].toPrecision(8)),
      'eps=1e-7 minus Keras': Number((thetas[1][0] - thetas[0][0]).toPrecision(3)),
      'ε_t version minus Keras': Number((thetas[2][0] - thetas[0][0]).toPrecision(3)),
    });
}
table(rows, { title: 'First coordinate θ₁ after each step' });
