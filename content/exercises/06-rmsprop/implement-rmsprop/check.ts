// Runs the student's rmspropStep and the engine's rmsprop (PyTorch's torch.optim.RMSprop) side by
// side on the same random gradients and compares θ after every step. The cases cover gradients of
// very different sizes, α = 0.99 and 0.9, momentum, a large ε (where leaving it out shows) and a
// coordinate whose first gradients are exactly 0 (where ε prevents 0/0). When a case fails, the check
// tries a few common slips, each reproduced by an engine optimizer, and names the one that matches.
import { rmsprop, rng } from 'descent';
import type { Optimizer } from 'descent';
import { CheckFailure, expectFunction, expectSteps, fail, optimizerPath, samePath } from 'descent/check';
import { rmspropStep } from 'student';

expectFunction(rmspropStep, 'rmspropStep');

interface Case {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  scales: number[]; // gradient size per coordinate
  zeroUntil?: number; // coordinate 1's gradient is 0 for steps 1 … zeroUntil
}
const cases: Case[] = [
  { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, scales: [1, 0.01, 100] },
  { lr: 0.1, alpha: 0.9, eps: 1e-8, momentum: 0, scales: [1, 2, 0.5] },
  { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0.9, scales: [1, 0.1, 10] },
  { lr: 0.05, alpha: 0.7, eps: 0.1, momentum: 0.5, scales: [1, 0.3, 3] },
  { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, scales: [1, 1], zeroUntil: 3 },
];
const steps = 10;

function describeCase(c: Case): string {
  return `η = ${c.lr}, α = ${c.alpha}, ε = ${c.eps}${c.momentum ? `, momentum ${c.momentum}` : ''}`;
}

function studentPath(c: Case, start: number[], grads: number[][]): unknown[] {
  const state = { v: start.map(() => 0), b: start.map(() => 0) };
  const options = { lr: c.lr, alpha: c.alpha, eps: c.eps, momentum: c.momentum };
  let theta: unknown = start.slice();
  return grads.map((g) => {
    theta = rmspropStep((theta as number[]).slice(), g.slice(), state, { ...options });
    return theta;
  });
}

// The one slip the engine cannot reproduce, written out: ε inside the root (Keras' and TF.js' form).
function epsInsideRoot(c: Case, start: number[], grads: number[][]): number[][] {
  const v = start.map(() => 0);
  const b = start.map(() => 0);
  let theta = start.slice();
  return grads.map((g) => {
    theta = theta.map((x, i) => {
      v[i] = c.alpha * v[i] + (1 - c.alpha) * g[i] * g[i];
      const u = g[i] / Math.sqrt(v[i] + c.eps);
      b[i] = c.momentum * b[i] + u;
      return x - c.lr * (c.momentum > 0 ? b[i] : u);
    });
    return theta;
  });
}

// Slips worth naming, each as the engine optimizer that reproduces it.
function slips(c: Case): [string, Optimizer][] {
  const base = { lr: c.lr, alpha: c.alpha, eps: c.eps, momentum: c.momentum };
  const root = Math.sqrt(1 - c.alpha);
  const list: [string, Optimizer][] = [
    // v' = α v' + g² is v/(1 − α), which the engine reproduces with η·√(1 − α) and ε·√(1 − α).
    [
      'it looks like you left out the factor (1 − α) in front of g²: v_t = α·v_{t−1} + (1 − α)·g_t²',
      rmsprop({ ...base, lr: c.lr * root, eps: c.eps * root }),
    ],
    ['it looks like you left out ε: divide by √v + ε', rmsprop({ ...base, eps: 0 })],
  ];
  if (c.alpha !== 0.5) {
    list.push([
      'it looks like you swapped α and 1 − α: α multiplies the old average, 1 − α the new squared gradient',
      rmsprop({ ...base, alpha: 1 - c.alpha }),
    ]);
  }
  if (c.momentum > 0) {
    list.push([
      'it looks like you ignored options.momentum: with μ > 0, keep b_t = μ·b_{t−1} + u_t in state.b and step by η·b_t',
      rmsprop({ ...base, momentum: 0 }),
    ]);
  }
  return list;
}

cases.forEach((c, k) => {
  const random = rng(600 + k);
  const n = c.scales.length;
  const start = Array.from({ length: n }, () => random.uniform(-2, 2));
  const grads = Array.from({ length: steps }, (_, s) =>
    c.scales.map((scale, i) => (i === 1 && c.zeroUntil !== undefined && s < c.zeroUntil ? 0 : scale * random.normal())),
  );
  const reference = optimizerPath(
    rmsprop({ lr: c.lr, alpha: c.alpha, eps: c.eps, momentum: c.momentum }),
    start,
    grads,
  );
  const student = studentPath(c, start, grads);
  try {
    expectSteps({
      steps,
      reference: (t) => reference[t - 1],
      student: (t) => student[t - 1] as number[],
      what: `your RMSprop update (${describeCase(c)})`,
    });
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    for (const [hint, optimizer] of slips(c)) {
      if (samePath(studentPath(c, start, grads), optimizerPath(optimizer, start, grads), { rtol: 1e-7 }))
        fail(`${error.message}: ${hint}.`);
    }
    if (samePath(studentPath(c, start, grads), epsInsideRoot(c, start, grads), { rtol: 1e-7 })) {
      fail(
        `${error.message}: it looks like you added ε inside the square root, √(v + ε) as Keras does; PyTorch adds it after the root: √v + ε.`,
      );
    }
    if (c.zeroUntil !== undefined && student.some((row) => Array.isArray(row) && row.some((v) => Number.isNaN(v)))) {
      fail(`${error.message}: a gradient of exactly 0 with v = 0 gives 0/0 = NaN unless ε is in the denominator.`);
    }
    throw error;
  }
});
