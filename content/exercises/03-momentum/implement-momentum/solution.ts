/**
 * One step of SGD with momentum, in PyTorch's form:
 *
 *   first step:  b₁ = g₁                       (a copy of the gradient, never dampened)
 *   later steps: b_t = μ·b_{t−1} + (1 − τ)·g_t  (τ is the dampening)
 *   every step:  θ_t = θ_{t−1} − η·b_t
 *
 * `state.b` is the momentum buffer: null before the first step, then an array you keep updating.
 * Return the new parameters θ_t as a new array.
 */
export interface MomentumState {
  b: number[] | null;
}

export function momentumStep(
  theta: number[],
  g: number[],
  state: MomentumState,
  lr: number,
  mu: number,
  dampening: number,
): number[] {
  // 1. The buffer. PyTorch creates it on the first step as a copy of the gradient, so the first
  //    step is plain gradient descent and the dampening never touches g₁.
  if (state.b === null) {
    state.b = g.slice();
  } else {
    const b = state.b;
    for (let i = 0; i < b.length; i++) b[i] = mu * b[i] + (1 - dampening) * g[i];
  }
  // 2. Step along the buffer.
  const b = state.b;
  return theta.map((x, i) => x - lr * b[i]);
}

// Three steps with the same gradient [0.5, 1], η = 0.1, μ = 0.9. With momentum the buffer grows
// 1, 1.9, 2.71 times g, so this should print about [0.95, -2.1], [0.855, -2.29], [0.7195, -2.561].
const state: MomentumState = { b: null };
let theta = [1, -2];
for (let t = 1; t <= 3; t++) {
  theta = momentumStep(theta, [0.5, 1], state, 0.1, 0.9, 0);
  console.log(theta);
}
