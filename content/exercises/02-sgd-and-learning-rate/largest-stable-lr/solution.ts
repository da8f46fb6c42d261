import { minimize, quadratic, sgd } from 'descent';

/**
 * The largest learning rate for which gradient descent converges on L(θ) = ½ θᵀAθ, from every start,
 * where A = [[a, b], [b, d]] is symmetric with positive eigenvalues.
 */
export function largestStableLr(A: number[][]): number {
  const [[a, b], [, d]] = A;
  // The eigenvalues λ of A are the roots of det(A − λI) = λ² − (a + d)λ + (ad − b²) = 0:
  // λ = (a + d)/2 ± √(((a − d)/2)² + b²). The square root is real because A is symmetric.
  const lambdaMax = (a + d) / 2 + Math.sqrt(((a - d) / 2) ** 2 + b * b);
  // Along the eigenvector of λmax the error is multiplied by 1 − ηλmax per step: |1 − ηλmax| < 1 needs η < 2/λmax.
  return 2 / lambdaMax;
}

// A bowl with eigenvalues 1 and 6, turned by 0.4 radians. Its matrix A is what your function sees.
const q = quadratic({ eigenvalues: [1, 6], angle: 0.4 });
const A = [
  [q.A[0], q.A[1]],
  [q.A[2], q.A[3]],
];
const limit = largestStableLr(A);
console.log(
  `A = [[${A[0].map((v) => v.toFixed(3))}], [${A[1].map((v) => v.toFixed(3))}]]; largest stable η = ${limit}`,
);

// Gradient descent just below and just above your limit.
for (const factor of [0.95, 1.05]) {
  const result = minimize(q, sgd({ lr: factor * limit }), { steps: 400 });
  console.log(`η = ${factor} × limit: ${result.message}`);
}
