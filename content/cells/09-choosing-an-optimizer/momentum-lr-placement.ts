import { chain, momentum, quadratic, stepDecay, trace } from 'descent';
import type { Transform } from 'descent';
import { lineChart, print, table } from 'descent/display';

// A learning rate that drops from 0.1 to 0.01 after 30 steps (PyTorch's StepLR).
const schedule = stepDecay({ lr: 0.1, stepSize: 30, gamma: 0.1 });
const mu = 0.9;

// PyTorch (and TF.js): b ← μ·b + g;  θ ← θ − η_t·b          (η outside the buffer)
const pytorch = momentum({ lr: schedule, momentum: mu });

// Keras' SGD (keras/src/optimizers/sgd.py, Keras 3.15) and Sutskever et al.:
//   m ← μ·m − η_t·g;  θ ← θ + m                              (η inside the velocity)
// Built from engine blocks: scale the gradient by η_t first, then the momentum buffer, and no
// learning-rate block at the end (so the chain applies θ ← θ − 1·b, with b = −m).
function scaleBySchedule(lr: (s: number) => number): Transform<Record<string, never>> {
  return {
    name: 'scaleBySchedule',
    keys: [],
    init: () => ({}),
    update(g, out, _state, ctx) {
      const eta = lr(ctx.t - 1); // a schedule receives the number of steps already taken
      for (let i = 0; i < g.length; i++) out[i] = eta * g[i];
      return out;
    },
  };
}
const keras = chain(scaleBySchedule(schedule), trace({ momentum: mu }));

const bowl = quadratic({ kappa: 10, angle: 0.5 });
const a = Float64Array.from(bowl.start);
const b = Float64Array.from(bowl.start);
const sa = pytorch.init(a);
const sb = keras.init(b);
const g = new Float64Array(2);
const chart = lineChart({ title: 'Step length |Δθ| (η drops 10× after step 30)', y: '|Δθ|', logY: true });
const rows = [];
let before = 0;
for (let t = 1; t <= 60; t++) {
  const [ax, ay] = a;
  const [bx, by] = b;
  bowl.grad(a, g);
  pytorch.step(a, g, sa);
  bowl.grad(b, g);
  keras.step(b, g, sb);
  const stepA = Math.hypot(a[0] - ax, a[1] - ay);
  const stepB = Math.hypot(b[0] - bx, b[1] - by);
  chart.add('PyTorch: η outside the buffer', t, stepA);
  chart.add('Keras: η inside the velocity', t, stepB);
  const gap = Math.hypot(a[0] - b[0], a[1] - b[1]);
  if (t <= 30) before = Math.max(before, gap);
  if (t >= 29 && t <= 36)
    rows.push({
      step: t,
      η_t: Number(schedule(t - 1).toPrecision(3)),
      'PyTorch |Δθ|': Number(stepA.toPrecision(4)),
      'Keras |Δθ|': Number(stepB.toPrecision(4)),
    });
}
print(`largest distance between the two paths during the first 30 steps: ${before.toExponential(2)}`);
table(rows, { title: 'Around the drop' });
