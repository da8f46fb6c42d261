// Runs the student's rmspropStep and the engine's rmsprop({ centered }) (PyTorch's
// torch.optim.RMSprop) side by side on the same random gradients, centered and not, with and without
// momentum, and compares θ after every step. The gradients have a non-zero mean in some cases, so
// that the centered denominator √(v − ḡ²) differs clearly from the plain one √v.
import { rmsprop, rng } from 'descent';
import { CheckFailure, expectFunction, expectSteps, fail, optimizerPath, samePath } from 'descent/check';
import { rmspropStep } from 'student';

expectFunction(rmspropStep, 'rmspropStep');

interface Case {
  lr: number;
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
  means: number[]; // mean of the gradient per coordinate (the noise has standard deviation 1)
}
const cases: Case[] = [
  { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: true, means: [0, 2, -1] },
  { lr: 0.05, alpha: 0.9, eps: 1e-8, momentum: 0, centered: true, means: [0.5, 0, 3] },
  { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0.9, centered: true, means: [1, -1, 0] },
  { lr: 0.02, alpha: 0.7, eps: 1e-3, momentum: 0.5, centered: true, means: [0, 1] },
  { lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, means: [0, 2] },
  { lr: 0.01, alpha: 0.9, eps: 1e-8, momentum: 0.9, centered: false, means: [1, 0] },
];
const steps = 12;

function describeCase(c: Case): string {
  const kind = c.centered ? 'centered RMSprop' : 'plain RMSprop';
  return `your ${kind} update (η = ${c.lr}, α = ${c.alpha}, ε = ${c.eps}${c.momentum ? `, momentum ${c.momentum}` : ''})`;
}

function studentPath(c: Case, start: number[], grads: number[][]): unknown[] {
  const state = { v: start.map(() => 0), gAvg: start.map(() => 0), b: start.map(() => 0) };
  const options = { lr: c.lr, alpha: c.alpha, eps: c.eps, momentum: c.momentum, centered: c.centered };
  let theta: unknown = start.slice();
  return grads.map((g) => {
    theta = rmspropStep((theta as number[]).slice(), g.slice(), state, { ...options });
    return theta;
  });
}

// A slip the engine cannot reproduce, written out: subtracting the previous step's ḡ² (ḡ updated too late).
function staleAverage(c: Case, start: number[], grads: number[][]): number[][] {
  const v = start.map(() => 0);
  const gAvg = start.map(() => 0);
  const b = start.map(() => 0);
  let theta = start.slice();
  return grads.map((g) => {
    theta = theta.map((x, i) => {
      v[i] = c.alpha * v[i] + (1 - c.alpha) * g[i] * g[i];
      const u = g[i] / (Math.sqrt(v[i] - gAvg[i] * gAvg[i]) + c.eps);
      gAvg[i] = c.alpha * gAvg[i] + (1 - c.alpha) * g[i];
      b[i] = c.momentum * b[i] + u;
      return x - c.lr * (c.momentum > 0 ? b[i] : u);
    });
    return theta;
  });
}

cases.forEach((c, k) => {
  const random = rng(700 + k);
  const start = c.means.map(() => random.uniform(-2, 2));
  const grads = Array.from({ length: steps }, () => c.means.map((m) => m + random.normal()));
  const options = { lr: c.lr, alpha: c.alpha, eps: c.eps, momentum: c.momentum };
  const reference = optimizerPath(rmsprop({ ...options, centered: c.centered }), start, grads);
  const student = studentPath(c, start, grads);
  try {
    expectSteps({
      steps,
      reference: (t) => reference[t - 1],
      student: (t) => student[t - 1] as number[],
      what: describeCase(c),
    });
  } catch (error) {
    if (!(error instanceof CheckFailure)) throw error;
    if (
      c.centered &&
      samePath(student, optimizerPath(rmsprop({ ...options, centered: false }), start, grads), { rtol: 1e-7 })
    ) {
      fail(
        `${error.message}: your centered update is still plain RMSprop. Keep ḡ_t = α·ḡ_{t−1} + (1 − α)·g_t in state.gAvg and divide by √(v_t − ḡ_t²) + ε.`,
      );
    }
    if (c.centered && samePath(student, staleAverage(c, start, grads), { rtol: 1e-7 })) {
      fail(
        `${error.message}: it looks like you subtracted the previous ḡ²; update ḡ with this step's gradient first, then use it.`,
      );
    }
    if (student.some((row) => Array.isArray(row) && row.some((v) => Number.isNaN(v)))) {
      fail(
        `${error.message}: you got NaN, the square root of a negative number. Subtract ḡ_t² (squared), computed after updating ḡ.`,
      );
    }
    throw error;
  }
});
