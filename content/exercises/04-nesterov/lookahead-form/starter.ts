/**
 * Nesterov momentum in Sutskever et al.'s look-ahead form, one step at a time:
 *
 *   v_t = μ·v_{t−1} − η·∇L(θ_{t−1} + μ·v_{t−1})     (the gradient at the look-ahead point)
 *   θ_t = θ_{t−1} + v_t
 *
 * `state.v` is the velocity v_{t−1} (it starts at zeros); update it in place and return θ_t as a new
 * array. `grad(point)` returns ∇L at any point you give it.
 */
export function lookaheadStep(
  theta: number[],
  state: { v: number[] },
  grad: (point: number[]) => number[],
  lr: number,
  mu: number,
): number[] {
  const v = state.v;
  // This evaluates the gradient at θ itself: classical momentum in Sutskever's form.
  // Change it to evaluate the gradient at the look-ahead point θ + μ·v.
  const g = grad(theta);
  for (let i = 0; i < v.length; i++) v[i] = mu * v[i] - lr * g[i];
  return theta.map((x, i) => x + v[i]);
}

/**
 * The point PyTorch's SGD(nesterov=True) holds as its parameters when Sutskever's form is at (θ, v):
 * derive it in the lesson, then write it here. (As written it returns θ unchanged.)
 */
export function toPyTorch(theta: number[], v: number[], mu: number): number[] {
  return theta.slice();
}

// On L(θ) = ½θ², from θ = 1 with η = 0.1 and μ = 0.9. The first look-ahead step is an ordinary
// gradient step (v starts at 0); from the second on, the look-ahead point differs from θ.
const state = { v: [0] };
let theta = [1];
for (let t = 1; t <= 3; t++) {
  theta = lookaheadStep(theta, state, (p) => [p[0]], 0.1, 0.9);
  console.log(
    `t = ${t}: θ = ${theta[0].toFixed(6)}, v = ${state.v[0].toFixed(6)}, PyTorch's parameter = ${toPyTorch(theta, state.v, 0.9)[0].toFixed(6)}`,
  );
}
