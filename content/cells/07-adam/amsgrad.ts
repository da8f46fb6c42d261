import { adam } from 'descent';
import { lineChart, table } from 'descent/display';

// Reddi, Kale & Kumar (2018), Theorem 1: on the interval [−1, 1] the loss at step t is
//   f_t(x) = C·x  when t mod 3 = 1,   and  −x  otherwise,
// so over every three steps the gradients sum to C − 2 > 0 and the best fixed point is x = −1.
const C = 3;
const beta2 = 1 / (1 + C * C); // the β₂ of their construction (β₁ = 0)
const STEPS = 3000;

const position = lineChart({ title: 'The iterate xₜ (the best point is −1)', y: 'x' });
const regret = lineChart({ title: 'Average regret (1/t) Σ [fₛ(xₛ) − fₛ(−1)]', y: 'average regret' });
const rows = [];

for (const amsgrad of [false, true]) {
  const name = amsgrad ? 'AMSGrad' : 'Adam';
  // Step size η/√t, as in the theorem; ε tiny so it plays no role.
  const optimizer = adam({ lr: (s) => 0.5 / Math.sqrt(s + 1), betas: [0, beta2], eps: 1e-12, amsgrad });
  const x = new Float64Array([0]);
  const state = optimizer.init(x);
  let total = 0;
  for (let t = 1; t <= STEPS; t++) {
    const g = t % 3 === 1 ? C : -1;
    total += g * x[0] - g * -1; // f_t(x_t) − f_t(−1) for the linear loss f_t(x) = g·x
    optimizer.step(x, new Float64Array([g]), state);
    x[0] = Math.min(1, Math.max(-1, x[0])); // project back onto [−1, 1], as the online setting does
    if (t % 3 === 0) {
      position.add(name, t, x[0]);
      regret.add(name, t, total / t);
    }
  }
  rows.push({
    optimizer: name,
    [`x after ${STEPS} steps`]: Number(x[0].toFixed(4)),
    'average regret': Number((total / STEPS).toFixed(4)),
  });
}
table(rows, { title: `C = ${C}, β₁ = 0, β₂ = 1/(1 + C²) = ${beta2}` });
