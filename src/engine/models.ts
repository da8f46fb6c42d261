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
  // Backpropagates u = (Wᵀδ)_i through the activation whose output was a.
  const derivative = useTanh ? (u: number, a: number) => u * (1 - a * a) : (u: number, a: number) => (a > 0 ? u : 0);
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
        // z_j = b_j + Σ_i W_ji a_i, summed in order of i. Four outputs at a time: four independent
        // sums keep the CPU busy where one sum would wait on each addition (same bits either way).
        let j = 0;
        for (; j + 4 <= nOut; j += 4) {
          const w0 = W + j * nIn;
          const w1 = w0 + nIn;
          const w2 = w1 + nIn;
          const w3 = w2 + nIn;
          let z0 = params[B + j];
          let z1 = params[B + j + 1];
          let z2 = params[B + j + 2];
          let z3 = params[B + j + 3];
          for (let i = 0; i < nIn; i++) {
            const ai = a[row + i];
            z0 += params[w0 + i] * ai;
            z1 += params[w1 + i] * ai;
            z2 += params[w2 + i] * ai;
            z3 += params[w3 + i] * ai;
          }
          z[out + j] = z0;
          z[out + j + 1] = z1;
          z[out + j + 2] = z2;
          z[out + j + 3] = z3;
        }
        for (; j < nOut; j++) {
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
      for (let l = L; l >= 1; l--) {
        const nIn = sizes[l - 1];
        const nOut = sizes[l];
        const a = acts[l - 1];
        const delta = deltas[l];
        const W = wOff[l];
        const B = bOff[l];
        // ∂loss/∂b_l = Σ_s δ_s and ∂loss/∂W_l = Σ_s δ_s a_sᵀ (δ is already divided by the batch size).
        // Each entry is summed in a register over the samples in order, four entries at a time.
        for (let j = 0; j < nOut; j++) {
          let gb = 0;
          for (let s = 0; s < n; s++) gb += delta[s * nOut + j];
          grad[B + j] = gb;
          const w = W + j * nIn;
          let i = 0;
          for (; i + 4 <= nIn; i += 4) {
            let g0 = 0;
            let g1 = 0;
            let g2 = 0;
            let g3 = 0;
            for (let s = 0; s < n; s++) {
              const dj = delta[s * nOut + j];
              const r = s * nIn + i;
              g0 += dj * a[r];
              g1 += dj * a[r + 1];
              g2 += dj * a[r + 2];
              g3 += dj * a[r + 3];
            }
            grad[w + i] = g0;
            grad[w + i + 1] = g1;
            grad[w + i + 2] = g2;
            grad[w + i + 3] = g3;
          }
          for (; i < nIn; i++) {
            let gw = 0;
            for (let s = 0; s < n; s++) gw += delta[s * nOut + j] * a[s * nIn + i];
            grad[w + i] = gw;
          }
        }
        if (l > 1) {
          // δ_{l−1} = (W_lᵀ δ_l) ⊙ σ'(z_{l−1}), with σ' from the stored activation a = σ(z):
          // tanh' = 1 − a², relu' = [a > 0]. The sum over j runs in order, four entries at a time.
          const prev = deltas[l - 1];
          for (let s = 0; s < n; s++) {
            const row = s * nIn;
            const out = s * nOut;
            let i = 0;
            for (; i + 4 <= nIn; i += 4) {
              let p0 = 0;
              let p1 = 0;
              let p2 = 0;
              let p3 = 0;
              for (let j = 0; j < nOut; j++) {
                const dj = delta[out + j];
                const w = W + j * nIn + i;
                p0 += params[w] * dj;
                p1 += params[w + 1] * dj;
                p2 += params[w + 2] * dj;
                p3 += params[w + 3] * dj;
              }
              prev[row + i] = derivative(p0, a[row + i]);
              prev[row + i + 1] = derivative(p1, a[row + i + 1]);
              prev[row + i + 2] = derivative(p2, a[row + i + 2]);
              prev[row + i + 3] = derivative(p3, a[row + i + 3]);
            }
            for (; i < nIn; i++) {
              let sum = 0;
              for (let j = 0; j < nOut; j++) sum += params[W + j * nIn + i] * delta[out + j];
              prev[row + i] = derivative(sum, a[row + i]);
            }
          }
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
