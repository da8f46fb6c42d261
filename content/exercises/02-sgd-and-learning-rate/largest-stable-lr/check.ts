// Checks the student's largest stable learning rate against 2/λmax of engine quadratics with known
// eigenvalues, recognizes the usual near misses, then confirms with the engine that gradient descent
// converges just below the student's value and diverges just above it.
import { minimize, quadratic, rng, sgd } from 'descent';
import { expectClose, expectFunction, fail, isClose } from 'descent/check';
import { largestStableLr } from 'student';

expectFunction(largestStableLr, 'largestStableLr');

const random = rng(3);
const bowls = [
  quadratic({ eigenvalues: [2, 4], angle: Math.PI / 4 }), // A = [[3, −1], [−1, 3]]
  quadratic({ eigenvalues: [4, 1] }), // diagonal, the larger entry first
  quadratic({ eigenvalues: [1, 4] }), // diagonal, the larger entry second
  quadratic({ eigenvalues: [1, 100], angle: -0.3 }),
];
for (let k = 0; k < 4; k++) {
  const lo = random.uniform(0.1, 2);
  bowls.push(quadratic({ eigenvalues: [lo, lo * random.uniform(1.5, 50)], angle: random.uniform(-Math.PI, Math.PI) }));
}

for (const q of bowls) {
  const A = [
    [q.A[0], q.A[1]],
    [q.A[2], q.A[3]],
  ];
  const shown = `[[${A[0].map((v) => Number(v.toPrecision(4))).join(', ')}], [${A[1].map((v) => Number(v.toPrecision(4))).join(', ')}]]`;
  const got: unknown = largestStableLr(A.map((row) => row.slice()));
  const expected = 2 / q.L;
  const what = `largestStableLr(${shown}) (eigenvalues ${Number(q.mu.toPrecision(4))} and ${Number(q.L.toPrecision(4))})`;
  if (typeof got === 'number' && !isClose(got, expected, { rtol: 1e-9 })) {
    const near = (v: number) => isClose(got, v, { rtol: 1e-6 });
    if (q.mu !== q.L && near(2 / q.mu))
      fail(`${what} returned 2/λmin = ${got}: the limit is set by the largest eigenvalue`);
    if (near(1 / q.L)) fail(`${what} returned 1/λmax = ${got}, a safe step; the largest stable one is twice as large`);
    if (near(2 / (q.mu + q.L)))
      fail(`${what} returned 2/(λmin + λmax) = ${got}, the fastest fixed step; the largest stable one is 2/λmax`);
  }
  expectClose(got, expected, what, { rtol: 1e-9 });
}

// The value is right; watch it work on the most ill-conditioned bowl.
const q = bowls[3];
const limit = largestStableLr([
  [q.A[0], q.A[1]],
  [q.A[2], q.A[3]],
]) as number;
const below = minimize(q, sgd({ lr: 0.95 * limit }), { steps: 400 });
const above = minimize(q, sgd({ lr: 1.05 * limit }), { steps: 400 });
if (below.status === 'diverged')
  fail(`gradient descent with η = 0.95 × your limit should converge, but it ${below.message}`);
if (above.status !== 'diverged')
  fail(`gradient descent with η = 1.05 × your limit should diverge, but it ended with "${above.message}"`);
