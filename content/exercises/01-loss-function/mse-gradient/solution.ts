/**
 * The gradient of the mean squared error of the line ŷ = w·x + b:
 *
 *   L(w, b) = (1/N) Σᵢ (w·xᵢ + b − yᵢ)²
 *
 * Return [∂L/∂w, ∂L/∂b].
 */
export function mseGradient(w: number, b: number, xs: number[], ys: number[]): [number, number] {
  const N = xs.length;
  let dw = 0;
  let db = 0;
  for (let i = 0; i < N; i++) {
    const residual = w * xs[i] + b - ys[i];
    // d/dw of residual² is 2·residual·xᵢ, and d/db is 2·residual; the mean divides by N.
    dw += (2 * residual * xs[i]) / N;
    db += (2 * residual) / N;
  }
  return [dw, db];
}

// The three points from the lesson. At (w, b) = (1, 0), ∂L/∂w should be −6.
console.log(mseGradient(1, 0, [1, 2, 3], [2, 3, 5]));
