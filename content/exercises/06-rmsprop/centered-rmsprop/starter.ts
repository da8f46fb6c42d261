/**
 * RMSprop in PyTorch's form, now with the centered variant (torch.optim.RMSprop(centered=True)):
 *
 *   v_t = α·v_{t−1} + (1 − α)·g_t²                 (as before)
 *   centered only: ḡ_t = α·ḡ_{t−1} + (1 − α)·g_t   (ḡ starts at 0)
 *   denominator:   d_t = √(v_t − ḡ_t²) + ε  if centered,   √v_t + ε  otherwise
 *   u_t = g_t / d_t;  with momentum b_t = μ·b_{t−1} + u_t and θ_t = θ_{t−1} − η·b_t, else θ_t = θ_{t−1} − η·u_t
 *
 * `state.gAvg` holds ḡ. Update the state in place and return θ_t as a new array.
 */
export interface RmspropState {
  v: number[];
  gAvg: number[];
  b: number[];
}

export interface RmspropOptions {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
}

export function rmspropStep(theta: number[], g: number[], state: RmspropState, options: RmspropOptions): number[] {
  const { lr, alpha, eps, momentum, centered } = options;
  return theta.map((x, i) => {
    state.v[i] = alpha * state.v[i] + (1 - alpha) * g[i] * g[i];
    let variance = state.v[i];
    if (centered) {
      // Update state.gAvg[i], the moving average of the gradients, and subtract its square from `variance`.
    }
    const u = g[i] / (Math.sqrt(variance) + eps);
    if (momentum === 0) return x - lr * u;
    state.b[i] = momentum * state.b[i] + u;
    return x - lr * state.b[i];
  });
}

// A gradient that alternates between 0.9 and 1.1: its mean (1) is large next to its spread (0.1). Plain
// RMSprop divides by √(mean of g²) ≈ 1, so its steps approach η = 0.01; centered divides by an estimate of
// the spread, about 0.1, so after 1000 steps its steps are about ten times larger. This should print about
// 0.011 for plain and 0.11 for centered.
for (const centered of [false, true]) {
  const state: RmspropState = { v: [0], gAvg: [0], b: [0] };
  let theta = [0];
  let step = 0;
  for (let t = 1; t <= 1000; t++) {
    const next = rmspropStep(theta, [t % 2 === 0 ? 1.1 : 0.9], state, {
      lr: 0.01,
      alpha: 0.99,
      eps: 1e-8,
      momentum: 0,
      centered,
    });
    step = theta[0] - next[0];
    theta = next;
  }
  console.log(centered ? 'centered' : 'plain', 'step 1000:', step);
}
