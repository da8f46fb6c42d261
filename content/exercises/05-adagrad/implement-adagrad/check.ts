// Runs the student's adagradStep and the engine's adagrad (PyTorch's torch.optim.Adagrad) side by
// side on the same random gradients and compares θ after every step. The cases cover gradients of very
// different sizes, lr decay, weight decay with a non-zero starting sum, a large ε (where inside and
// outside the root differ) and a coordinate whose first gradients are exactly 0 (where ε prevents 0/0).
// When a case fails, the check also tries a few common slips and names the one the student made.
import { adagrad, rmsprop, rng } from 'descent';
import type { Optimizer } from 'descent';
import { CheckFailure, expectFunction, expectSteps, fail, optimizerPath, samePath } from 'descent/check';
import { adagradStep } from 'student';

expectFunction(adagradStep, 'adagradStep');

interface Case {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
  scales: number[]; // gradient size per coordinate
  zeroUntil?: number; // coordinate 1's gradient is 0 for steps 1 … zeroUntil
}
const cases: Case[] = [
  { lr: 0.1, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, scales: [1, 0.01, 100] },
  { lr: 0.05, lrDecay: 0.1, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, scales: [1, 3, 0.5] },
  { lr: 0.1, lrDecay: 0, weightDecay: 0.1, initialAccumulatorValue: 0.1, eps: 1e-10, scales: [1, 1, 2] },
  { lr: 0.2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 0.1, scales: [1, 0.2, 5] },
  { lr: 0.1, lrDecay: 0.5, weightDecay: 0.01, initialAccumulatorValue: 0, eps: 1e-10, scales: [2, 1, 1] },
  { lr: 0.1, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10, scales: [1, 1], zeroUntil: 3 },
];
const steps = 10;

function describeCase(c: Case): string {
  const parts = [`η = ${c.lr}`];
  if (c.lrDecay) parts.push(`lrDecay ${c.lrDecay}`);
  if (c.weightDecay) parts.push(`weightDecay ${c.weightDecay}`);
  if (c.initialAccumulatorValue) parts.push(`G₀ = ${c.initialAccumulatorValue}`);
  parts.push(`ε = ${c.eps}`);
  return parts.join(', ');
}

// θ after every step, from the student's function.
function studentPath(c: Case, start: number[], grads: number[][]): unknown[] {
  const state = { t: 0, sum: start.map(() => c.initialAccumulatorValue) };
  const options = { lr: c.lr, lrDecay: c.lrDecay, weightDecay: c.weightDecay, eps: c.eps };
  let theta: unknown = start.slice();
  return grads.map((g) => {
    theta = adagradStep((theta as number[]).slice(), g.slice(), state, { ...options });
    return theta;
  });
}

// Slips worth naming, each as the engine optimizer that reproduces it.
function slips(c: Case): [string, Optimizer][] {
  const list: [string, Optimizer][] = [];
  const base = {
    lr: c.lr,
    lrDecay: c.lrDecay,
    weightDecay: c.weightDecay,
    initialAccumulatorValue: c.initialAccumulatorValue,
  };
  list.push([
    'it looks like you added ε inside the square root, √(G + ε); PyTorch adds it after the root: √G + ε',
    adagrad({ ...base, initialAccumulatorValue: c.initialAccumulatorValue + c.eps, eps: 0 }),
  ]);
  list.push(['it looks like you left out ε: divide by √G + ε', adagrad({ ...base, eps: 0 })]);
  if (c.lrDecay > 0) {
    list.push([
      'it looks like your learning rate decays one step too early: the first step uses η itself, η/(1 + (t − 1)·d)',
      adagrad({ ...base, lrDecay: 0, lr: (s: number) => c.lr / (1 + (s + 1) * c.lrDecay), eps: c.eps }),
    ]);
  }
  if (c.weightDecay > 0) {
    list.push([
      'it looks like you left out the weight decay: add λ·θ to the gradient before squaring it',
      adagrad({ ...base, weightDecay: 0, eps: c.eps }),
    ]);
  }
  if (c.lrDecay === 0 && c.initialAccumulatorValue === 0) {
    list.push([
      'it looks like you divided by |g_t| alone: G must be the sum of all squared gradients so far, kept in state.sum',
      rmsprop({ lr: c.lr, alpha: 0, eps: c.eps, weightDecay: c.weightDecay }),
    ]);
  }
  return list;
}

cases.forEach((c, k) => {
  const random = rng(500 + k);
  const n = c.scales.length;
  const start = Array.from({ length: n }, () => random.uniform(-2, 2));
  const grads = Array.from({ length: steps }, (_, s) =>
    c.scales.map((scale, i) => (i === 1 && c.zeroUntil !== undefined && s < c.zeroUntil ? 0 : scale * random.normal())),
  );
  const options = { lr: c.lr, lrDecay: c.lrDecay, weightDecay: c.weightDecay, eps: c.eps };
  const reference = optimizerPath(
    adagrad({ ...options, initialAccumulatorValue: c.initialAccumulatorValue }),
    start,
    grads,
  );
  const student = studentPath(c, start, grads);
  try {
    expectSteps({
      steps,
      reference: (t) => reference[t - 1],
      student: (t) => student[t - 1] as number[],
      what: `your AdaGrad update (${describeCase(c)})`,
    });
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    for (const [hint, optimizer] of slips(c)) {
      if (samePath(studentPath(c, start, grads), optimizerPath(optimizer, start, grads)))
        fail(`${error.message}: ${hint}.`);
    }
    if (c.zeroUntil !== undefined && student.some((row) => Array.isArray(row) && row.some((v) => Number.isNaN(v)))) {
      fail(`${error.message}: a gradient of exactly 0 with G = 0 gives 0/0 = NaN unless ε is in the denominator.`);
    }
    throw error;
  }
});
