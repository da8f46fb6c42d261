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
    const saved = theta[i];
    theta[i] = saved + h;
    const up = f(theta);
    theta[i] = saved - h;
    const down = f(theta);
    theta[i] = saved; // restore θᵢ before moving the next coordinate
    estimate.push((up - down) / (2 * h));
  }
  return estimate;
}

// Rosenbrock's function at (−1.2, 1): the exact gradient is (−215.6, −88).
const f = rosenbrock();
console.log(centralDifference((theta) => f.loss(theta), new Float64Array([-1.2, 1])));
