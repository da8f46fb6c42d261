/**
 * AdaGrad with PyTorch's defaults (G₀ = 0, ε = 1e-10, no lr decay) on a parameter whose gradient is
 * the same number g at every step. Return the size |θ_t − θ_{t−1}| of its t-th step (t = 1, 2, …).
 */
export function adagradStepSize(lr: number, g: number, t: number): number {
  // Replace this line. It is plain gradient descent's step η·|g|, the same at every t; AdaGrad divides
  // by √G_t + ε, and after t equal gradients G_t = ?
  return lr * Math.abs(g);
}

/**
 * How many steps does AdaGrad need to move a parameter by at least `distance` when its gradient is
 * constant? (The size of g does not matter, so use g = 1.)
 */
export function stepsToTravel(lr: number, distance: number): number {
  let travelled = 0;
  let t = 0;
  // Take steps t = 1, 2, … adding adagradStepSize(lr, 1, t) to `travelled` until it reaches `distance`.

  return t;
}

console.log('step 100 with η = 0.1:', adagradStepSize(0.1, 1, 100)); // should be η/√100 = 0.01
console.log('steps to travel 5 with η = 0.01:', stepsToTravel(0.01, 5), '(gradient descent with steps of 0.01: 500)');
