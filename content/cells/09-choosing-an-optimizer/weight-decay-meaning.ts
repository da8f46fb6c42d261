import { adam, adamw, chain, decoupledWeightDecay, quadratic, scaleByLearningRate, sgd, trace } from 'descent';
import type { Optimizer, Transform } from 'descent';
import { lineChart, table } from 'descent/display';

// In PyTorch, `weight_decay` in SGD and Adam adds λθ to the gradient (an L2 penalty). In Keras 3
// (keras/src/optimizers/base_optimizer.py, Keras 3.15) every optimizer's `weight_decay` first
// shrinks the weights, θ ← θ − η·λ·θ, and then applies the update to the gradient taken before.
// The engine's decoupledWeightDecay block does exactly that.
const lambda = 0.1;
const lr = 0.05;
const mu = 0.9;

// Keras' Adam update with its "epsilon hat" (see the previous cell).
function kerasAdam(epsHat: number): Transform<{ m: Float64Array; v: Float64Array }> {
  return {
    name: 'kerasAdam',
    keys: ['m', 'v'],
    init: (params) => ({ m: new Float64Array(params.length), v: new Float64Array(params.length) }),
    update(g, out, state, ctx) {
      const scale = Math.sqrt(1 - 0.999 ** ctx.t) / (1 - 0.9 ** ctx.t);
      for (let i = 0; i < g.length; i++) {
        state.m[i] += (g[i] - state.m[i]) * 0.1;
        state.v[i] += (g[i] * g[i] - state.v[i]) * 0.001;
        out[i] = (scale * state.m[i]) / (Math.sqrt(state.v[i]) + epsHat);
      }
      return out;
    },
  };
}

// Pairs of (Keras configuration, PyTorch configuration) that look the same on paper.
const pairs: [string, string, Optimizer, string, Optimizer][] = [
  [
    'SGD',
    'Keras SGD(weight_decay=λ)',
    chain(decoupledWeightDecay(lambda), scaleByLearningRate(lr)),
    'PyTorch SGD(weight_decay=λ)',
    sgd({ lr, weightDecay: lambda }),
  ],
  [
    'SGD with momentum',
    'Keras SGD(momentum=0.9, weight_decay=λ)',
    chain(decoupledWeightDecay(lambda), trace({ momentum: mu }), scaleByLearningRate(lr)),
    'PyTorch SGD(momentum=0.9, weight_decay=λ)',
    sgd({ lr, momentum: mu, weightDecay: lambda }),
  ],
  [
    'Adam vs Adam',
    'Keras Adam(weight_decay=λ)',
    chain(decoupledWeightDecay(lambda), kerasAdam(1e-7), scaleByLearningRate(lr)),
    'PyTorch Adam(weight_decay=λ)',
    adam({ lr, weightDecay: lambda }),
  ],
  [
    'Adam vs AdamW',
    'Keras Adam(weight_decay=λ)',
    chain(decoupledWeightDecay(lambda), kerasAdam(1e-7), scaleByLearningRate(lr)),
    'PyTorch AdamW(weight_decay=λ)',
    adamw({ lr, weightDecay: lambda }),
  ],
];

// A bowl whose minimum is away from the origin, so that the decay has something to pull against.
const bowl = quadratic({ kappa: 10, angle: 0.5, center: [2, 1] });
const STEPS = 300;
const chart = lineChart({
  title: 'Distance between the two runs of each pair',
  y: '‖θ(Keras) − θ(PyTorch)‖',
  logY: true,
});
const g = new Float64Array(2);
const rows = pairs.map(([label, kerasName, keras, torchName, torch], k) => {
  const a = Float64Array.from(bowl.start);
  const b = Float64Array.from(bowl.start);
  const sa = keras.init(a);
  const sb = torch.init(b);
  let largest = 0;
  for (let t = 1; t <= STEPS; t++) {
    bowl.grad(a, g);
    keras.step(a, g, sa);
    bowl.grad(b, g);
    torch.step(b, g, sb);
    const d = Math.hypot(a[0] - b[0], a[1] - b[1]);
    largest = Math.max(largest, d);
    chart.add(`${k + 1}. ${label}`, t, d);
  }
  return {
    pair: `${k + 1}. ${kerasName} vs ${torchName}`,
    'largest distance': Number(largest.toPrecision(3)),
    'Keras ends at': `(${a[0].toFixed(3)}, ${a[1].toFixed(3)})`,
    'PyTorch ends at': `(${b[0].toFixed(3)}, ${b[1].toFixed(3)})`,
  };
});
table(rows, { title: `η = ${lr}, λ = ${lambda}, ${STEPS} steps on a bowl centred at (2, 1)` });
