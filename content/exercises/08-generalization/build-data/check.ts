// Compares the student's matrix with a reference construction, property by property first (so the
// message names what is wrong), then entry by entry.
import { rng } from 'descent';
import { expectArrayClose, expectFunction, fail } from 'descent/check';
import { wilsonData } from 'student';

expectFunction(wilsonData, 'wilsonData');

function reference(N: number, p: number, seed: number): { X: number[][]; y: number[] } {
  const random = rng(seed);
  const y = Array.from({ length: N }, () => (random.next() < p ? 1 : -1));
  const X = y.map((label, i) => {
    const row = new Array<number>(3 + 5 * N).fill(0);
    row[0] = label;
    row[1] = 1;
    row[2] = 1;
    for (let k = 0; k < (label === 1 ? 1 : 5); k++) row[3 + 5 * i + k] = 1;
    return row;
  });
  return { X, y };
}

const cases: [number, number, number][] = [
  [3, 0.6, 4],
  [1, 0.6, 0],
  [7, 0.5, 3],
  [12, 0.8, 5],
  [20, 0.6, 11],
];
for (const [N, p, seed] of cases) {
  const where = `wilsonData(${N}, ${p}, ${seed})`;
  const want = reference(N, p, seed);
  const got = wilsonData(N, p, seed) as { X?: unknown; y?: unknown } | null;
  if (!got || !Array.isArray(got.X) || !Array.isArray(got.y)) fail(`${where} should return { X, y } with two arrays`);
  expectArrayClose(got.y, want.y, `${where}: the labels (keep the starter's line that draws them)`);
  const X = got.X as unknown[];
  const n = 3 + 5 * N;
  if (X.length !== N) fail(`${where}: X should have N = ${N} rows, found ${X.length}`);
  for (let i = 0; i < N; i++) {
    if (!Array.isArray(X[i]) && !ArrayBuffer.isView(X[i]))
      fail(`${where}: row ${i} should be an array of ${n} numbers`);
    const row = X[i] as ArrayLike<number>;
    const label = want.y[i];
    if (row.length !== n) fail(`${where}: row ${i} should have n = 3 + 5N = ${n} entries, found ${row.length}`);
    if (row[0] !== label) fail(`${where}: row ${i}, column 0 should be the label y${i} = ${label}, got ${row[0]}`);
    if (row[1] !== 1 || row[2] !== 1)
      fail(`${where}: row ${i}, columns 1 and 2 should both be 1, got ${row[1]} and ${row[2]}`);
    const first = 3 + 5 * i;
    let ones = 0;
    for (let k = 0; k < 5; k++) if (row[first + k] === 1) ones++;
    const expected = label === 1 ? 1 : 5;
    if (ones !== expected) {
      fail(
        `${where}: row ${i} (label ${label}) should have ${expected} one${expected > 1 ? 's' : ''} in its own columns ${first}…${first + 4}, found ${ones}`,
      );
    }
    for (let j = 3; j < n; j++) {
      if ((j < first || j > first + 4) && row[j] !== 0) {
        fail(
          `${where}: row ${i} has ${row[j]} in column ${j}, which belongs to example ${Math.floor((j - 3) / 5)}; it should be 0`,
        );
      }
    }
    expectArrayClose(row, want.X[i], `${where}: row ${i}`, { rtol: 0, atol: 0 });
  }
}
