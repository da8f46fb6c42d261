// Compares the student's byte count with the engine: build the optimizer, make a state for a few
// parameters and count the buffers with one number per parameter, exactly as the lesson's cell does.
import { adagrad, adam, adamw, rmsprop, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { expectClose, expectFunction } from 'descent/check';
import { optimizerStateBytes } from 'student';

expectFunction(optimizerStateBytes, 'optimizerStateBytes');

function buffersPerParameter(optimizer: Optimizer): number {
  const n = 17;
  const state = optimizer.init(new Float64Array(n)) as unknown as Record<string, unknown>;
  return Object.values(state).filter((b) => b instanceof Float64Array && b.length === n).length;
}

type Options = { momentum?: number; nesterov?: boolean; centered?: boolean; amsgrad?: boolean };
const cases: [string, Options, Optimizer][] = [
  ['sgd', {}, sgd({ lr: 0.1 })],
  ['sgd', { momentum: 0.9 }, sgd({ lr: 0.1, momentum: 0.9 })],
  ['sgd', { momentum: 0.9, nesterov: true }, sgd({ lr: 0.1, momentum: 0.9, nesterov: true })],
  ['adagrad', {}, adagrad()],
  ['rmsprop', {}, rmsprop()],
  ['rmsprop', { centered: true }, rmsprop({ centered: true })],
  ['rmsprop', { momentum: 0.9 }, rmsprop({ momentum: 0.9 })],
  ['rmsprop', { momentum: 0.9, centered: true }, rmsprop({ momentum: 0.9, centered: true })],
  ['adam', {}, adam()],
  ['adam', { amsgrad: true }, adam({ amsgrad: true })],
  ['adamw', {}, adamw()],
  ['adamw', { amsgrad: true }, adamw({ amsgrad: true })],
];

for (const [name, options, optimizer] of cases) {
  const buffers = buffersPerParameter(optimizer);
  for (const [parameters, bytes] of [
    [1_000_000, 4],
    [25_557_032, 4],
    [7e9, 2],
  ]) {
    const args = `optimizerStateBytes('${name}', ${JSON.stringify(options)}, ${parameters}, ${bytes})`;
    expectClose(optimizerStateBytes(name, { ...options }, parameters, bytes), buffers * parameters * bytes, args);
  }
}
