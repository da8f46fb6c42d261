/** Solves the square system A·x = b by Gaussian elimination with partial pivoting (given; not the exercise). */
function solve(A: number[][], b: number[]): number[] {
  const m = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = c + 1; r < m; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= m; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(m).fill(0);
  for (let r = m - 1; r >= 0; r--) {
    let s = M[r][m];
    for (let k = r + 1; k < m; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/**
 * The minimum-norm solution of Xθ = y, for an N×n matrix X with linearly independent rows:
 * θ = Xᵀα, where α solves (XXᵀ)α = y.
 */
export function minNormSolution(X: number[][], y: number[]): number[] {
  const N = X.length;
  const n = X[0].length;
  // 1. K = XXᵀ, an N×N matrix: K[i][k] = Σⱼ X[i][j]·X[k][j].
  const K: number[][] = [];
  // 2. α = K⁻¹y: call solve(K, y).
  // 3. θ = Xᵀα: θⱼ = Σᵢ X[i][j]·αᵢ.
  const theta = new Array<number>(n).fill(0);
  return theta;
}

// Wilson et al.'s data for labels (+1, −1, +1, +1, −1): n = 3 + 5·5 = 28 features.
const labels = [1, -1, 1, 1, -1];
const X = labels.map((label, i) => {
  const row = new Array<number>(3 + 5 * labels.length).fill(0);
  row.splice(0, 3, label, 1, 1);
  for (let k = 0; k < (label === 1 ? 1 : 5); k++) row[3 + 5 * i + k] = 1;
  return row;
});
const theta = minNormSolution(X, labels);
console.log(`θ₁ = ${theta[0]}, θ₂ + θ₃ = ${theta[1] + theta[2]}`);
// A fresh point has its own features in new columns (weight 0), so its score is y′θ₁ + θ₂ + θ₃.
console.log(`score of a fresh positive: ${theta[0] + theta[1] + theta[2]}`);
console.log(`score of a fresh negative: ${-theta[0] + theta[1] + theta[2]}`);
