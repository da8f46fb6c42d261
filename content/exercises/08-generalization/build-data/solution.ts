import { rng } from 'descent';

/**
 * Wilson et al.'s data set (2017, §3.3): N examples, n = 3 + 5N features.
 *
 * Labels: yᵢ = +1 with probability p, else −1. They are drawn for you
 * below; keep that line, the check uses the same draw.
 *
 * Row i of X, with columns counted from 0 as in code:
 *   column 0       the label yᵢ
 *   columns 1, 2   always 1
 *   columns 3 + 5i to 3 + 5i + 4 belong to example i alone:
 *                  set the first of them to 1 if yᵢ = +1,
 *                  all five of them if yᵢ = −1
 *   every other entry is 0
 */
export function wilsonData(N: number, p: number, seed: number): { X: number[][]; y: number[] } {
  const random = rng(seed);
  const y = Array.from({ length: N }, () => (random.next() < p ? 1 : -1));
  const n = 3 + 5 * N;
  const X = y.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < N; i++) {
    X[i][0] = y[i];
    X[i][1] = 1;
    X[i][2] = 1;
    // One own feature for a positive example, five for a negative one.
    const own = y[i] === 1 ? 1 : 5;
    for (let k = 0; k < own; k++) X[i][3 + 5 * i + k] = 1;
  }
  return { X, y };
}

// Three examples: n = 18 columns. Compare the printout with the description above.
const { X, y } = wilsonData(3, 0.6, 4);
console.log(`labels: ${y.join(', ')}`);
for (const row of X) console.log(row.join(' '));
