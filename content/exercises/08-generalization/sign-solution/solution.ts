/**
 * Where AdaGrad, RMSprop and Adam end on data with X·sign(Xᵀy) = c·y for some c > 0: the point
 * θ = sign(Xᵀy)/c on the ray through s = sign(Xᵀy), the one that fits Xθ = y.
 */
export function adaptiveSolution(X: number[][], y: number[]): number[] {
  const N = X.length;
  const n = X[0].length;
  // 1. Xᵀy: entry j is Σᵢ X[i][j]·yᵢ.
  const Xty = new Array<number>(n).fill(0);
  for (let i = 0; i < N; i++) for (let j = 0; j < n; j++) Xty[j] += X[i][j] * y[i];
  // 2. s = sign(Xᵀy), entry by entry (Math.sign gives 0 for an entry that is exactly 0).
  const s = Xty.map(Math.sign);
  // 3. c from X·s = c·y, read off row 0.
  const c = X[0].reduce((sum, x, j) => sum + x * s[j], 0) / y[0];
  // 4. The point on the ray that fits: X(s/c) = y.
  return s.map((sj) => sj / c);
}

// Wilson et al.'s data for labels (+1, −1, +1, +1, −1): more positives than negatives.
const labels = [1, -1, 1, 1, -1];
const X = labels.map((label, i) => {
  const row = new Array<number>(3 + 5 * labels.length).fill(0);
  row.splice(0, 3, label, 1, 1);
  for (let k = 0; k < (label === 1 ? 1 : 5); k++) row[3 + 5 * i + k] = 1;
  return row;
});
const theta = adaptiveSolution(X, labels);
console.log(`θ₁ = ${theta[0]}, θ₂ + θ₃ = ${theta[1] + theta[2]}`);
// A fresh point's own features have weight 0, so its score is y′θ₁ + θ₂ + θ₃.
console.log(`score of a fresh positive: ${theta[0] + theta[1] + theta[2]}`);
console.log(`score of a fresh negative: ${-theta[0] + theta[1] + theta[2]}`);
