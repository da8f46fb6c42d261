/**
 * Two ways to add weight decay λ to Adam, as PyTorch does them:
 *
 *   adamL2Step — torch.optim.Adam(weight_decay=λ): add λθ to the gradient (an L2 penalty ½λ‖θ‖²),
 *                then take the Adam step with that gradient.
 *   adamWStep  — torch.optim.AdamW(weight_decay=λ): shrink every weight, θ ← (1 − ηλ)θ, then take
 *                the Adam step with the plain gradient (Loshchilov & Hutter, 2019).
 *
 * `adamDirection` is done for you: it updates the moments in `state` with the gradient you pass it
 * and returns m̂ / (√v̂ + ε) for every coordinate. Each step function should call it exactly once.
 */
export interface AdamState {
  m: number[];
  v: number[];
  t: number;
}

export interface Options {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export function adamDirection(grad: number[], state: AdamState, o: Options): number[] {
  state.t += 1;
  const t = state.t;
  return grad.map((g, i) => {
    state.m[i] = o.beta1 * state.m[i] + (1 - o.beta1) * g;
    state.v[i] = o.beta2 * state.v[i] + (1 - o.beta2) * g * g;
    const mHat = state.m[i] / (1 - o.beta1 ** t);
    const vHat = state.v[i] / (1 - o.beta2 ** t);
    return mHat / (Math.sqrt(vHat) + o.eps);
  });
}

export function adamL2Step(theta: number[], grad: number[], state: AdamState, o: Options): number[] {
  // The gradient of loss + ½λ‖θ‖² is g + λθ.
  const g = grad.map((gi, i) => gi + o.weightDecay * theta[i]);
  const d = adamDirection(g, state, o);
  return theta.map((x, i) => x - o.lr * d[i]);
}

export function adamWStep(theta: number[], grad: number[], state: AdamState, o: Options): number[] {
  const d = adamDirection(grad, state, o);
  // Shrink first (by the factor 1 − ηλ, the same for every weight), then take the Adam step.
  return theta.map((x, i) => x * (1 - o.lr * o.weightDecay) - o.lr * d[i]);
}

// One weight θ = 2 whose loss gradient is 0: L2 moves it by about η (Adam normalizes λθ),
// AdamW by exactly ηλθ = 0.01 · 0.1 · 2 = 0.002.
const o = { lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 };
console.log('L2:', adamL2Step([2], [0], { m: [0], v: [0], t: 0 }, o));
console.log('AdamW:', adamWStep([2], [0], { m: [0], v: [0], t: 0 }, o));
