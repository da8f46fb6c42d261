import { adagrad, adam, adamw, momentum, nesterov, rmsprop, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { print, slider, table } from 'descent/display';

// How much memory does an optimizer add? Ask the engine: make a state for n parameters and count the
// buffers of length n it holds (m, v, the momentum buffer, …). The step counter t is one number for
// the whole state, like PyTorch's one-element `step` tensor per parameter tensor, and is ignored here.
function floatsPerParameter(optimizer: Optimizer): { floats: number; buffers: string } {
  const n = 1000;
  const state = optimizer.init(new Float64Array(n)) as unknown as Record<string, unknown>;
  const buffers = Object.keys(state).filter(
    (k) => state[k] instanceof Float64Array && (state[k] as Float64Array).length === n,
  );
  return { floats: buffers.length, buffers: buffers.join(', ') || 'none' };
}

const configs: [string, Optimizer][] = [
  ['SGD', sgd({ lr: 0.1 })],
  ['SGD, momentum 0.9', momentum({ lr: 0.1 })],
  ['Nesterov', nesterov({ lr: 0.1 })],
  ['AdaGrad', adagrad()],
  ['RMSprop', rmsprop()],
  ['RMSprop, centered + momentum', rmsprop({ centered: true, momentum: 0.9 })],
  ['Adam', adam()],
  ['AdamW', adamw()],
  ['Adam, AMSGrad', adam({ amsgrad: true })],
];

// PyTorch keeps optimizer state in the parameters' dtype: 4 bytes per number for float32.
const size = Math.round(slider('model size (parameters, log scale)', { min: 1e6, max: 1e11, value: 1e8, log: true }));
const bytes = 4;
const GB = 1e9;
print(`model: ${size.toExponential(2)} float32 parameters = ${((size * bytes) / GB).toFixed(2)} GB of weights`);

table(
  configs.map(([name, optimizer]) => {
    const { floats, buffers } = floatsPerParameter(optimizer);
    return {
      optimizer: name,
      'state per parameter': buffers,
      'extra bytes / parameter': floats * bytes,
      'optimizer state (GB)': Number(((floats * bytes * size) / GB).toPrecision(3)),
      'weights + gradients + state (GB)': Number((((2 + floats) * bytes * size) / GB).toPrecision(3)),
    };
  }),
  { title: 'Optimizer state in float32 (1 GB = 10⁹ bytes)' },
);
