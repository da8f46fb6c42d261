import { rosenbrock } from 'descent';

/**
 * Estimates the gradient of f at theta with central differences:
 *
 *   ∂f/∂θᵢ ≈ (f(θ + h·eᵢ) − f(θ − h·eᵢ)) / (2h)
 *
 * where eᵢ is the i-th unit vector (θ with only coordinate i moved). Return one estimate per
 * coordinate, and leave theta as you found it.
 */
export function centralDifference(f: (theta: Float64Array) => number, theta: Float64Array, h = 1e-5): number[] {
  const estimate: number[] = [];
  for (let i = 0; i < theta.length; i++) {
    // Move θᵢ up by h and evaluate f, move it down by h and evaluate f, put θᵢ back,
    // then push (up − down) / (2h).
    estimate.push(0);
  }
  return estimate;
}

// Rosenbrock's function at (−1.2, 1): the exact gradient is (−215.6, −88).
const f = rosenbrock();
console.log(centralDifference((theta) => f.loss(theta), new Float64Array([-1.2, 1])));
