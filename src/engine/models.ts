// Models whose parameters live in one flat Float64Array, with forward and backward passes written
// out by hand (no autograd), so a student can read exactly what backpropagation computes.

import type { Loss } from './losses.ts';
import { rng } from './random.ts';
import { checkKeys, checkVector, show } from './validate.ts';

/** Where each weight matrix and bias vector sits in the flat parameter vector. */
export interface ParamSlice {
  /** For example "W1" (layer 1 weights, shape [out, in], row-major like PyTorch's nn.Linear) or "b1". */
  readonly name: string;
  readonly offset: number;
  readonly shape: readonly number[];
}

/** A model: a function of the inputs and a flat parameter vector, with its gradient. */
export interface Model {
  readonly name: string;
  /** Features per sample (d). */
  readonly inputs: number;
  /** Outputs per sample (k). */
  readonly outputs: number;
  /** Number of parameters. */
  readonly size: number;
  readonly layout: readonly ParamSlice[];
  /**
   * Fresh parameters: every weight and bias uniform in $(-1/\sqrt{\text{fan\_in}}, 1/\sqrt{\text{fan\_in}})$,
   * the bound of PyTorch's default `nn.Linear` initialisation, drawn from `rng(seed)` (default seed 0).
   */
  init(seed?: number): Float64Array;
  /** The n×k outputs for the n×d inputs `x` (row-major), written into `out` if given. */
  forward(params: Float64Array, x: Float64Array, n: number, out?: Float64Array): Float64Array;
  /**
   * The mean loss over the n samples and its gradient with respect to the parameters, written
   * into `grad` (overwritten, not added to). Buffers are kept between calls: no allocation per step.
   */
  lossAndGrad(
    params: Float64Array,
    x: Float64Array,
    y: Float64Array,
    n: number,
    loss: Loss,
    grad: Float64Array,
  ): number;
}

/** Hidden-layer activation: tanh, or relu (max(0, z)). */
export type Activation = 'tanh' | 'relu';

/**
 * A multilayer perceptron with layer widths `sizes` (inputs first, outputs last), e.g. [2, 16, 16, 1]:
 * $a_0 = x$, $a_\ell = \sigma(W_\ell a_{\ell-1} + b_\ell)$ for hidden layers, and a linear output layer
 * $\hat y = W_L a_{L-1} + b_L$ (pair it with `bceWithLogits` or `softmaxCrossEntropy` for classes).
 * Parameters are laid out layer by layer: W1 (out×in, row-major), b1, W2, b2, …
 */
export function mlp(options: { sizes: readonly number[]; activation?: Activation }): Model {
  checkKeys(options, ['sizes', 'activation'], 'mlp');
  const sizes = options.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.some((s) => !Number.isInteger(s) || s < 1)) {
    throw new RangeError(`Invalid sizes: ${show(sizes)} (expected at least two positive integers, e.g. [2, 16, 1])`);
  }
  const activation = options.activation ?? 'tanh';
  if (activation !== 'tanh' && activation !== 'relu')
    throw new RangeError(`Invalid activation: ${show(activation)} (expected "tanh" or "relu")`);
  const useTanh = activation === 'tanh';
  const L = sizes.length - 1;
  const layout: ParamSlice[] = [];
  const wOff: number[] = [];
  const bOff: number[] = [];
  let size = 0;
  for (let l = 1; l <= L; l++) {
    wOff[l] = size;
    layout.push({ name: `W${l}`, offset: size, shape: [sizes[l], sizes[l - 1]] });
    size += sizes[l] * sizes[l - 1];
    bOff[l] = size;
    layout.push({ name: `b${l}`, offset: size, shape: [sizes[l]] });
    size += sizes[l];
  }
  const d = sizes[0];
  const k = sizes[L];
  // Workspace, grown to the largest batch seen: acts[l] holds a_l (n × sizes[l]); deltas are ∂loss/∂z.
  let capacity = 0;
  const acts: Float64Array[] = [];
  const deltas: Float64Array[] = [];
  function ensure(n: number): void {
    if (n <= capacity) return;
    capacity = n;
    for (let l = 1; l <= L; l++) {
      acts[l] = new Float64Array(n * sizes[l]);
      deltas[l] = new Float64Array(n * sizes[l]);
    }
  }

  function run(params: Float64Array, x: Float64Array, n: number): void {
    ensure(n);
    acts[0] = x;
    for (let l = 1; l <= L; l++) {
      const nIn = sizes[l - 1];
      const nOut = sizes[l];
      const a = acts[l - 1];
      const z = acts[l];
      const W = wOff[l];
      const B = bOff[l];
      for (let s = 0; s < n; s++) {
        const row = s * nIn;
        const out = s * nOut;
        for (let j = 0; j < nOut; j++) {
          const w = W + j * nIn;
          let sum = params[B + j];
          for (let i = 0; i < nIn; i++) sum += params[w + i] * a[row + i];
          z[out + j] = sum;
        }
      }
      if (l < L) {
        const m = n * nOut;
        if (useTanh) for (let i = 0; i < m; i++) z[i] = Math.tanh(z[i]);
        else for (let i = 0; i < m; i++) z[i] = z[i] > 0 ? z[i] : 0;
      }
    }
  }

  function check(params: Float64Array, x: Float64Array, n: number): void {
    checkVector(params, 'params');
    checkVector(x, 'x');
    if (params.length !== size)
      throw new RangeError(`params has length ${params.length}, but this model has ${size} parameters`);
    if (!Number.isInteger(n) || n < 1 || x.length < n * d)
      throw new RangeError(`x has length ${x.length}, too short for ${show(n)} samples of ${d} features`);
  }

  return {
    name: L === 1 ? `linear ${d}→${k}` : `mlp ${sizes.join('-')} (${activation})`,
    inputs: d,
    outputs: k,
    size,
    layout,
    init(seed = 0) {
      const random = rng(seed);
      const p = new Float64Array(size);
      for (let l = 1; l <= L; l++) {
        const bound = 1 / Math.sqrt(sizes[l - 1]);
        for (let i = wOff[l]; i < bOff[l] + sizes[l]; i++) p[i] = random.uniform(-bound, bound);
      }
      return p;
    },
    forward(params, x, n, out) {
      check(params, x, n);
      run(params, x, n);
      const result = out ?? new Float64Array(n * k);
      result.set(acts[L].subarray(0, n * k));
      return result;
    },
    lossAndGrad(params, x, y, n, loss, grad) {
      check(params, x, n);
      checkVector(grad, 'grad');
      run(params, x, n);
      const value = loss.grad(acts[L], y, n, k, deltas[L]);
      grad.fill(0);
      for (let l = L; l >= 1; l--) {
        const nIn = sizes[l - 1];
        const nOut = sizes[l];
        const a = acts[l - 1];
        const delta = deltas[l];
        const W = wOff[l];
        const B = bOff[l];
        // ∂loss/∂W_l = Σ_s δ_s a_sᵀ and ∂loss/∂b_l = Σ_s δ_s (δ is already divided by the batch size).
        for (let s = 0; s < n; s++) {
          const row = s * nIn;
          const out = s * nOut;
          for (let j = 0; j < nOut; j++) {
            const dj = delta[out + j];
            grad[B + j] += dj;
            const w = W + j * nIn;
            for (let i = 0; i < nIn; i++) grad[w + i] += dj * a[row + i];
          }
        }
        if (l > 1) {
          // δ_{l−1} = (W_lᵀ δ_l) ⊙ σ'(z_{l−1}), with σ' from the stored activation a = σ(z).
          const prev = deltas[l - 1];
          prev.fill(0, 0, n * nIn);
          for (let s = 0; s < n; s++) {
            const row = s * nIn;
            const out = s * nOut;
            for (let j = 0; j < nOut; j++) {
              const dj = delta[out + j];
              const w = W + j * nIn;
              for (let i = 0; i < nIn; i++) prev[row + i] += params[w + i] * dj;
            }
          }
          const m = n * nIn;
          if (useTanh) for (let i = 0; i < m; i++) prev[i] *= 1 - a[i] * a[i];
          else for (let i = 0; i < m; i++) if (!(a[i] > 0)) prev[i] = 0;
        }
      }
      return value;
    },
  };
}

/**
 * A linear model $\hat y = W x + b$ (an `mlp` with no hidden layer). With `mse` it is linear
 * regression; with `bceWithLogits` (outputs 1) logistic regression; with `softmaxCrossEntropy`
 * (outputs = number of classes) softmax regression.
 */
export function linear(options: { inputs: number; outputs?: number }): Model {
  checkKeys(options, ['inputs', 'outputs'], 'linear');
  return mlp({ sizes: [options.inputs, options.outputs ?? 1] });
}
