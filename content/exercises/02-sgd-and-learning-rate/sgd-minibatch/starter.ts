import { linear, mse, noisyLine, rng } from 'descent';
import type { Rng } from 'descent';

/**
 * One step of plain SGD, in place: θ ← θ − η·g for every parameter.
 * `params` is updated; `grads` is only read. Return nothing, like optimizer.step().
 */
export function sgdStep(params: Float64Array, grads: Float64Array, lr: number): void {
  // Write the update here: one line inside a loop over the parameters.
}

/**
 * The mini-batches of one epoch over examples 0 … n−1: shuffle the indices, then cut them into
 * consecutive batches of `batchSize`. The last batch keeps whatever is left, even if it is smaller
 * (PyTorch's DataLoader default, drop_last=False). Every example must appear exactly once.
 */
export function miniBatches(n: number, batchSize: number, random: Rng): number[][] {
  const batches: number[][] = [];
  // 1. Make the array [0, 1, …, n − 1] and shuffle it once with random.shuffle(array).
  // 2. Cut it into slices of batchSize, in order, keeping the last (possibly shorter) slice.
  return batches;
}

// Your two functions, put to work: mini-batch SGD on a line fit, 5 epochs with B = 16.
const data = noisyLine({ n: 100, seed: 4 });
const model = linear({ inputs: 1 });
const params = model.init(0);
const grads = new Float64Array(params.length);
const random = rng(1);
const full = () => model.lossAndGrad(params, data.x, data.y, data.n, mse, new Float64Array(params.length));
console.log(`before: loss ${full().toFixed(4)}`);
for (let epoch = 1; epoch <= 5; epoch++) {
  for (const batch of miniBatches(data.n, 16, random)) {
    // Gather the batch's rows (one feature per example here) and take one step on its gradient.
    const x = Float64Array.from(batch, (i) => data.x[i]);
    const y = Float64Array.from(batch, (i) => data.y[i]);
    model.lossAndGrad(params, x, y, batch.length, mse, grads);
    sgdStep(params, grads, 0.05);
  }
  console.log(`after epoch ${epoch}: loss ${full().toFixed(4)}`);
}
