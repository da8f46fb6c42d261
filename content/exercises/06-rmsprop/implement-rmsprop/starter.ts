/**
 * One step of RMSprop in PyTorch's form (torch.optim.RMSprop, not centered):
 *
 *   moving average:  v_t = α·v_{t−1} + (1 − α)·g_t²          (v starts at 0)
 *   scaled gradient: u_t = g_t / (√v_t + ε)
 *   without momentum (μ = 0):  θ_t = θ_{t−1} − η·u_t
 *   with momentum μ > 0:       b_t = μ·b_{t−1} + u_t   (b starts at 0),   θ_t = θ_{t−1} − η·b_t
 *
 * `state.v` and `state.b` hold v and b, one entry per parameter. Update them in place and return θ_t
 * as a new array.
 */
export interface RmspropState {
  v: number[];
  b: number[];
}

export interface RmspropOptions {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
}

export function rmspropStep(theta: number[], g: number[], state: RmspropState, options: RmspropOptions): number[] {
  const { lr, alpha, eps, momentum } = options;
  return theta.map((x, i) => {
    // 1. Update the moving average state.v[i] with the new squared gradient.
    // 2. Compute the scaled gradient u = g / (√v + ε).
    // 3. Without momentum step by lr·u; with momentum update state.b[i] and step by lr·b.
    // (This line is plain gradient descent: replace it.)
    return x - lr * g[i];
  });
}

// A constant gradient g = 1 with η = 0.01 and α = 0.99: the first step is η/√(1 − α) = 0.1, ten times η,
// and the steps shrink towards η as v fills up. This should print about 0.1, 0.0709, 0.0580.
const state: RmspropState = { v: [0], b: [0] };
let theta = [0];
for (let t = 1; t <= 3; t++) {
  const next = rmspropStep(theta, [1], state, { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0 });
  console.log(theta[0] - next[0]);
  theta = next;
}
