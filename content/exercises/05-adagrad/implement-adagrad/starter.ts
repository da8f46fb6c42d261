/**
 * One step of AdaGrad in PyTorch's form (torch.optim.Adagrad):
 *
 *   step size:     η_t = η / (1 + (t − 1)·d)          (d is lrDecay; t counts from 1)
 *   weight decay:  g_t ← g_t + λ·θ_{t−1}              (λ is weightDecay)
 *   sum:           G_t = G_{t−1} + g_t²               (one entry per parameter)
 *   update:        θ_t = θ_{t−1} − η_t · g_t / (√G_t + ε)
 *
 * `state.t` counts the steps taken so far and `state.sum` holds G (it starts at
 * initialAccumulatorValue, 0 by default). Update the state in place and return θ_t as a new array.
 */
export interface AdagradState {
  t: number;
  sum: number[];
}

export interface AdagradOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  eps: number;
}

export function adagradStep(theta: number[], g: number[], state: AdagradState, options: AdagradOptions): number[] {
  const { lr, lrDecay, weightDecay, eps } = options;
  state.t += 1;
  // 1. Compute this step's learning rate η_t from lr, lrDecay and state.t.

  // 2. For each coordinate: add the weight decay to the gradient, add its square to state.sum[i],
  //    and step by η_t·g/(√sum + ε). (This line is plain gradient descent: replace it.)
  return theta.map((x, i) => x - lr * g[i]);
}

// Two coordinates whose gradients differ by a factor of 100: AdaGrad moves both by η = 0.1 on the
// first step, then by η/√2 ≈ 0.0707 on the second. This should print about [0.9, -1.9], then
// [0.8293, -1.8293] (the tiny extra digits come from ε).
const state: AdagradState = { t: 0, sum: [0, 0] };
let theta = [1, -2];
for (let t = 1; t <= 2; t++) {
  theta = adagradStep(theta, [0.01, -1], state, { lr: 0.1, lrDecay: 0, weightDecay: 0, eps: 1e-10 });
  console.log(theta);
}
