// Checks sgdStep step by step against the engine's sgd (PyTorch's torch.optim.SGD without momentum),
// then checks miniBatches: every example exactly once per epoch, the last partial batch kept, and the
// same order as the engine's epochBatches for the same random stream.
import { epochBatches, rng, sgd } from 'descent';
import { expectFunction, expectSteps, fail } from 'descent/check';
import { miniBatches, sgdStep } from 'student';

expectFunction(sgdStep, 'sgdStep');
expectFunction(miniBatches, 'miniBatches');

// --- sgdStep: a 4-parameter problem with random gradients and a random learning rate.
const random = rng(5);
for (const lr of [0.1, random.uniform(0.001, 1)]) {
  const start = Float64Array.from({ length: 4 }, () => random.uniform(-2, 2));
  const gradients = Array.from({ length: 6 }, () => Float64Array.from({ length: 4 }, () => random.normal()));
  const mine = Float64Array.from(start);
  const ref = Float64Array.from(start);
  const optimizer = sgd({ lr });
  const state = optimizer.init(ref);
  expectSteps({
    steps: gradients.length,
    what: `your SGD update (lr = ${lr.toPrecision(3)})`,
    student: (t) => {
      const before = Array.from(mine);
      const returned: unknown = sgdStep(mine, Float64Array.from(gradients[t - 1]), lr);
      if (t === 1 && before.every((v, i) => v === mine[i]) && gradients[0].some((g) => g !== 0)) {
        fail(
          returned === undefined
            ? 'sgdStep left params unchanged: subtract lr × grads[i] from params[i] for every i'
            : 'sgdStep returned a value but left params unchanged: update params in place, as optimizer.step does',
        );
      }
      return mine;
    },
    reference: (t) => {
      optimizer.step(ref, gradients[t - 1], state);
      return ref;
    },
  });
}

// --- miniBatches
function describeCall(n: number, B: number): string {
  return `miniBatches(${n}, ${B}, random)`;
}
const cases: [number, number][] = [
  [10, 3],
  [10, 5],
  [10, 1],
  [10, 10],
  [7, 32],
  [100, 32],
];
for (const [n, B] of cases) {
  const seed = n * 100 + B;
  const theirs = rng(seed);
  const engine = rng(seed);
  // Two epochs from the same stream: the second must be a fresh shuffle, exactly as the engine's.
  for (let epoch = 1; epoch <= 2; epoch++) {
    const call = describeCall(n, B);
    const got: unknown = miniBatches(n, B, theirs);
    if (!Array.isArray(got)) fail(`${call} should return an array of batches, got ${typeof got}`);
    const batches = got.map((b: unknown) =>
      ArrayBuffer.isView(b) || Array.isArray(b) ? Array.from(b as ArrayLike<number>) : null,
    );
    if (batches.some((b) => b === null)) fail(`${call}: every batch should be an array of example indices`);
    const expectedCount = Math.ceil(n / B);
    const last = n - (expectedCount - 1) * B;
    if (batches.length !== expectedCount) {
      fail(
        `${call} returned ${batches.length} batches; an epoch of ${n} examples in batches of ${B} has ${expectedCount}` +
          (last < B ? ` (the last one holds the ${last} left over, as with PyTorch's drop_last=False)` : ''),
      );
    }
    batches.forEach((b, k) => {
      const size = k === expectedCount - 1 ? last : B;
      if (b!.length !== size) fail(`${call}: batch ${k + 1} has ${b!.length} examples, expected ${size}`);
    });
    const seen = new Array<number>(n).fill(0);
    for (const b of batches)
      for (const i of b!) {
        if (!(Number.isInteger(i) && i >= 0 && i < n)) fail(`${call}: ${i} is not an example index 0…${n - 1}`);
        seen[i]++;
      }
    const twice = seen.findIndex((c) => c > 1);
    if (twice >= 0) fail(`${call}: example ${twice} appears ${seen[twice]} times in one epoch; each must appear once`);
    const flat = batches.flatMap((b) => b!);
    if (n > 2 && flat.every((i, k) => i === k)) {
      fail(
        `${call} returned the examples in their original order 0, 1, 2, …: shuffle them first, so each epoch visits them in a new random order`,
      );
    }
    const expected = epochBatches(n, B, engine).map((b) => Array.from(b));
    if (!expected.every((b, k) => b.every((i, j) => batches[k]![j] === i))) {
      fail(
        `${call} (epoch ${epoch}) covers every example once, but not in the order the engine's epochBatches gives ` +
          `for the same random stream: shuffle [0, 1, …, n − 1] once per call with random.shuffle, then cut it in order`,
      );
    }
  }
}
