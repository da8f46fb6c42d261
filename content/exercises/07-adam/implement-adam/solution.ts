/**
 * One step of Adam (Kingma & Ba, 2015), as PyTorch's torch.optim.Adam computes it:
 *
 *   m_t = β₁·m_{t−1} + (1 − β₁)·g_t          (moving average of gradients)
 *   v_t = β₂·v_{t−1} + (1 − β₂)·g_t²         (moving average of squared gradients)
 *   m̂_t = m_t / (1 − β₁ᵗ),   v̂_t = v_t / (1 − β₂ᵗ)   (bias corrections)
 *   θ_t = θ_{t−1} − η · m̂_t / (√v̂_t + ε)      (ε outside the square root)
 *
 * Everything is per coordinate. `state.m` and `state.v` start as arrays of zeros and `state.t` as 0
 * (steps taken so far); update all three in place. Return the new parameters.
 */
export interface AdamState {
  m: number[];
  v: number[];
  t: number;
}

export interface AdamOptions {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export function adamStep(theta: number[], grad: number[], state: AdamState, options: AdamOptions): number[] {
  const { lr, beta1, beta2, eps } = options;
  state.t += 1;
  const t = state.t;
  const next = theta.slice();
  for (let i = 0; i < theta.length; i++) {
    const g = grad[i];
    state.m[i] = beta1 * state.m[i] + (1 - beta1) * g;
    state.v[i] = beta2 * state.v[i] + (1 - beta2) * g * g;
    const mHat = state.m[i] / (1 - beta1 ** t);
    const vHat = state.v[i] / (1 - beta2 ** t);
    next[i] = theta[i] - (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
  return next;
}

// Step 1 from the lesson: one gradient g = 0.5 from θ = 0 with the paper's defaults.
// The step should be almost exactly η = 0.001, so θ₁ ≈ −0.001.
const state: AdamState = { m: [0], v: [0], t: 0 };
console.log(adamStep([0], [0.5], state, { lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 }));
