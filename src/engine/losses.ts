// Loss functions with their gradients, mean-reduced like PyTorch's defaults. Predictions are n×k,
// row-major (n samples, k outputs each).

/** A loss with its gradient with respect to the model's outputs. */
export interface Loss {
  readonly name: string;
  /** The mean loss over n samples. `pred` is n×k row-major; the shape of `target` depends on the loss. */
  value(pred: Float64Array, target: Float64Array, n: number, k: number): number;
  /** Writes ∂loss/∂pred into `out` (n×k) and returns the loss. */
  grad(pred: Float64Array, target: Float64Array, n: number, k: number, out: Float64Array): number;
  /** Fraction of samples classified correctly (classification losses only). */
  accuracy?(pred: Float64Array, target: Float64Array, n: number, k: number): number;
}

/**
 * Mean squared error, like PyTorch's `MSELoss()` (no ½):
 * $L = \frac{1}{N}\sum_{i}(\hat y_i - y_i)^2$ over all N = n·k entries, with gradient
 * $\partial L/\partial \hat y_i = 2(\hat y_i - y_i)/N$. `target` is n×k like `pred`.
 */
export const mse: Loss = {
  name: 'mean squared error',
  value(pred, target, n, k) {
    const N = n * k;
    let s = 0;
    for (let i = 0; i < N; i++) s += (pred[i] - target[i]) ** 2;
    return s / N;
  },
  grad(pred, target, n, k, out) {
    const N = n * k;
    let s = 0;
    for (let i = 0; i < N; i++) {
      const r = pred[i] - target[i];
      s += r * r;
      out[i] = (2 * r) / N;
    }
    return s / N;
  },
};

function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

// max(z, 0) − z·y + log(1 + e^{−|z|}): never exponentiates a large positive number.
function bce(z: number, y: number): number {
  return Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Binary cross-entropy on logits z (before the sigmoid), like PyTorch's `BCEWithLogitsLoss()`:
 * $L = \frac1N \sum_i \big[\max(z_i, 0) - z_i y_i + \log(1 + e^{-|z_i|})\big]$, which equals
 * $-\frac1N\sum_i [y_i \log\sigma(z_i) + (1-y_i)\log(1-\sigma(z_i))]$ without overflow.
 * Gradient $(\sigma(z_i) - y_i)/N$. Targets are 0 or 1 (n×k like `pred`; usually k = 1).
 */
export const bceWithLogits: Loss = {
  name: 'binary cross-entropy (logits)',
  value(pred, target, n, k) {
    const N = n * k;
    let s = 0;
    for (let i = 0; i < N; i++) s += bce(pred[i], target[i]);
    return s / N;
  },
  grad(pred, target, n, k, out) {
    const N = n * k;
    let s = 0;
    for (let i = 0; i < N; i++) {
      s += bce(pred[i], target[i]);
      out[i] = (sigmoid(pred[i]) - target[i]) / N;
    }
    return s / N;
  },
  accuracy(pred, target, n, k) {
    const N = n * k;
    let right = 0;
    for (let i = 0; i < N; i++) if (pred[i] > 0 === target[i] > 0.5) right++;
    return right / N;
  },
};

function label(target: Float64Array, i: number, k: number): number {
  const c = target[i];
  if (!(Number.isInteger(c) && c >= 0 && c < k)) {
    throw new RangeError(`softmaxCrossEntropy: target ${i} is ${c}, expected a class index 0…${k - 1}`);
  }
  return c;
}

/**
 * Softmax cross-entropy with integer class labels, like PyTorch's `CrossEntropyLoss()` on logits:
 * $L = \frac1n\sum_i \big(\log\sum_j e^{z_{ij}} - z_{i,y_i}\big)$, with the log-sum-exp computed
 * after subtracting the row maximum. Gradient $(\mathrm{softmax}(z_i)_j - [j = y_i])/n$.
 * `pred` is n×k logits; `target` holds n class indices 0…k−1.
 */
export const softmaxCrossEntropy: Loss = {
  name: 'softmax cross-entropy',
  value(pred, target, n, k) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, pred[row + j]);
      let sum = 0;
      for (let j = 0; j < k; j++) sum += Math.exp(pred[row + j] - max);
      s += max + Math.log(sum) - pred[row + label(target, i, k)];
    }
    return s / n;
  },
  grad(pred, target, n, k, out) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const row = i * k;
      let max = -Infinity;
      for (let j = 0; j < k; j++) max = Math.max(max, pred[row + j]);
      let sum = 0;
      for (let j = 0; j < k; j++) {
        const e = Math.exp(pred[row + j] - max);
        out[row + j] = e;
        sum += e;
      }
      const y = label(target, i, k);
      s += max + Math.log(sum) - pred[row + y];
      for (let j = 0; j < k; j++) out[row + j] = (out[row + j] / sum - (j === y ? 1 : 0)) / n;
    }
    return s / n;
  },
  accuracy(pred, target, n, k) {
    let right = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      for (let j = 1; j < k; j++) if (pred[i * k + j] > pred[i * k + best]) best = j;
      if (best === target[i]) right++;
    }
    return right / n;
  },
};
