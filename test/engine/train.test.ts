// The training loops: deterministic for a seed, stoppable, streaming, and never reporting NaN.
import { describe, expect, it } from 'vitest';
import {
  adam,
  bceWithLogits,
  linear,
  minimize,
  mlp,
  mse,
  noisyLine,
  quadratic,
  rosenbrock,
  sgd,
  softmaxCrossEntropy,
  standardize,
  train,
  training,
  trainTestSplit,
  twoMoons,
  iris,
} from '../../src/engine/index.ts';
import type { StepReport, TrainOptions } from '../../src/engine/index.ts';

function numbers(reports: StepReport[]): number[] {
  return reports.flatMap((r) => [
    r.step,
    r.epoch,
    r.lr,
    r.batchLoss,
    r.gradNorm,
    r.trainLoss ?? -1,
    r.trainAccuracy ?? -1,
    r.testLoss ?? -1,
    r.testAccuracy ?? -1,
    ...(r.params ?? []),
  ]);
}

const moons = trainTestSplit(twoMoons({ n: 200, seed: 1 }), { seed: 2 });
const moonsRun = (seed: number): TrainOptions => ({
  model: mlp({ sizes: [2, 16, 16, 1] }),
  loss: bceWithLogits,
  data: moons.train,
  test: moons.test,
  optimizer: adam({ lr: 0.01 }),
  batchSize: 32,
  epochs: 30,
  seed,
});

describe('training', () => {
  it('is bit-for-bit deterministic for a seed, and a different seed changes the run', async () => {
    const a = await train(moonsRun(7));
    const b = await train(moonsRun(7));
    const c = await train(moonsRun(8));
    const [na, nb, nc] = [numbers(a.history), numbers(b.history), numbers(c.history)];
    expect(na.length).toBe(nb.length);
    expect(na.every((x, i) => Object.is(x, nb[i]))).toBe(true);
    expect(Array.from(a.params).every((x, i) => Object.is(x, b.params[i]))).toBe(true);
    expect(na.length).toBe(nc.length);
    expect(na.every((x, i) => Object.is(x, nc[i]))).toBe(false);
  });

  it('learns two moons with a 2-16-16-1 MLP and Adam', async () => {
    const result = await train({ ...moonsRun(7), epochs: 80 });
    expect(result.status).toBe('done');
    const last = result.history.at(-1)!;
    expect(last.trainLoss!).toBeLessThan(result.initialLoss / 5);
    expect(last.testAccuracy!).toBeGreaterThan(0.95);
  });

  it('takes ⌈n / batchSize⌉ steps per epoch (the last, partial batch is kept)', () => {
    const data = noisyLine({ n: 100 });
    const run = (batchSize?: number) => [
      ...training({
        model: linear({ inputs: 1 }),
        loss: mse,
        data,
        optimizer: sgd({ lr: 0.01 }),
        batchSize,
        epochs: 2,
      }),
    ];
    expect(run().length).toBe(2); // full batch
    expect(run(1).length).toBe(200);
    expect(run(32).length).toBe(8);
    expect(
      run(32)
        .filter((r) => r.trainLoss !== undefined)
        .map((r) => r.step),
    ).toEqual([4, 8]); // evaluated at each epoch's end
  });

  it('full-batch gradient descent on linear regression reaches the least-squares line', () => {
    const data = noisyLine({ n: 50, slope: 2, intercept: 1, seed: 4 });
    const result = [
      ...training({ model: linear({ inputs: 1 }), loss: mse, data, optimizer: sgd({ lr: 0.1 }), epochs: 500 }),
    ];
    // normal equations for y ≈ w x + b
    let sx = 0,
      sy = 0,
      sxx = 0,
      sxy = 0;
    for (let i = 0; i < 50; i++) {
      sx += data.x[i];
      sy += data.y[i];
      sxx += data.x[i] ** 2;
      sxy += data.x[i] * data.y[i];
    }
    const w = (50 * sxy - sx * sy) / (50 * sxx - sx * sx);
    const b = (sy - w * sx) / 50;
    const [pw, pb] = result.at(-1)!.params!; // reported because the model has only 2 parameters
    expect(pw).toBeCloseTo(w, 10);
    expect(pb).toBeCloseTo(b, 10);
  });

  it('classifies Iris with softmax regression', async () => {
    const { train: tr, test } = trainTestSplit(standardize(iris()).data, { seed: 0 });
    const result = await train({
      model: linear({ inputs: 4, outputs: 3 }),
      loss: softmaxCrossEntropy,
      data: tr,
      test,
      optimizer: adam({ lr: 0.05 }),
      batchSize: 16,
      epochs: 40,
    });
    expect(result.history.at(-1)!.testAccuracy!).toBeGreaterThan(0.9);
  });

  it('stops as diverged with the documented message when the learning rate is too large, without NaN in the series', async () => {
    const data = noisyLine({ n: 64, seed: 1 });
    const result = await train({
      model: linear({ inputs: 1 }),
      loss: mse,
      data,
      optimizer: sgd({ lr: 3 }),
      epochs: 200,
      evalEvery: 1,
    });
    expect(result.status).toBe('diverged');
    expect(result.message).toMatch(
      /^diverged at step (\d+): (loss|training loss|gradient norm) = (Infinity|NaN|[\d.e+]+); try a smaller learning rate$/,
    );
    const step = Number(/step (\d+)/.exec(result.message)![1]);
    expect(result.history.length).toBeGreaterThanOrEqual(step - 1);
    expect(result.history.length).toBeLessThanOrEqual(step);
    expect(numbers(result.history).every(Number.isFinite)).toBe(true);
    const limit = 1e6 * Math.max(1, result.initialLoss);
    expect(result.history.every((r) => r.batchLoss <= limit && (r.trainLoss ?? 0) <= limit)).toBe(true);
  });

  it('stops when the signal is aborted', async () => {
    const signal = { aborted: false };
    const result = await train({ ...moonsRun(1), signal, onStep: (r) => (signal.aborted = r.step === 5) });
    expect(result.status).toBe('stopped');
    expect(result.steps).toBe(5);
    expect(result.history).toHaveLength(5);
  });

  it('yields to the event loop while training, so messages can arrive', async () => {
    let timerRan = false;
    let stepsBeforeTimer = -1;
    let steps = 0;
    setTimeout(() => {
      timerRan = true;
      stepsBeforeTimer = steps;
    }, 0);
    await train({ ...moonsRun(1), epochs: 5, yieldEveryMs: 0, onStep: () => steps++ });
    expect(timerRan).toBe(true);
    expect(stepsBeforeTimer).toBeGreaterThan(0);
    expect(stepsBeforeTimer).toBeLessThan(steps);
  });

  it('rejects data that does not fit the model', () => {
    expect(() => [
      ...training({ model: linear({ inputs: 3 }), loss: mse, data: noisyLine(), optimizer: sgd() }),
    ]).toThrow('the data has 1 features but the model expects 3');
  });
});

describe('minimize', () => {
  it('returns the path from the start, one point per step', () => {
    const run = minimize(rosenbrock(), adam({ lr: 0.02 }), { steps: 50 });
    expect(run.status).toBe('done');
    expect(run.path).toHaveLength(51);
    expect(run.path[0]).toEqual([-1.2, 1]);
    expect(run.losses[0]).toBeCloseTo(24.2, 12);
    expect(run.losses).toHaveLength(51);
  });

  it('stops when onStep returns false, and when the gradient is small enough', () => {
    expect(minimize(rosenbrock(), adam(), { steps: 50, onStep: ({ step }) => step < 3 }).path).toHaveLength(4);
    const q = quadratic({ kappa: 2 });
    const run = minimize(q, sgd({ lr: 0.5 }), { steps: 1000, gradTol: 1e-8 });
    expect(run.status).toBe('converged');
    expect(run.gradNorms.at(-1)!).toBeLessThan(1e-8);
  });

  it('reports divergence by step, with a finite path', () => {
    const run = minimize(quadratic({ kappa: 10 }), sgd({ lr: 1 }), { steps: 500 });
    expect(run.status).toBe('diverged');
    expect(run.message).toBe(
      `diverged at step ${run.path.length}: loss = ${/loss = (\S+);/.exec(run.message)![1]}; try a smaller learning rate`,
    );
    expect(run.path.flat().every(Number.isFinite)).toBe(true);
  });
});
