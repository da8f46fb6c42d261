/**
 * Where AdaGrad, RMSprop and Adam end on data with X·sign(Xᵀy) = c·y for some c > 0: the point
 * θ = sign(Xᵀy)/c on the ray through s = sign(Xᵀy), the one that fits Xθ = y.
 */
export function adaptiveSolution(X: number[][], y: number[]): number[] {
  const N = X.length;
  const n = X[0].length;
  // 1. Xᵀy: entry j is Σᵢ X[i][j]·yᵢ.
  // 2. s = sign(Xᵀy), entry by entry (Math.sign gives 0 for an entry that is exactly 0).
  // 3. c from X·s = c·y: for instance c = (row 0 of X)·s / y₀.
  // 4. Return s / c.
  return new Array<number>(n).fill(0);
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
