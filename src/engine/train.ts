// Training loops. `training` is a plain generator that yields one report per optimizer step
// (deterministic for a seed, easy to test); `train` drives it, hands each report to a callback and
// regularly yields to the event loop, so a Web Worker can post progress and receive "stop" while
// it runs. `minimize` is the small loop for the 2-D landscape lessons.

import type { Dataset } from './datasets.ts';
import { epochBatches } from './datasets.ts';
import type { Loss } from './losses.ts';
import type { Model } from './models.ts';
import type { Objective } from './objectives.ts';
import { rng } from './random.ts';
import type { Optimizer, StepCount } from './transforms.ts';
import { checkInteger, checkKeys, checkVector } from './validate.ts';
import { norm } from './vector.ts';

/**
 * A run is stopped as diverged when a loss is NaN or ±Infinity, when the gradient norm is not
 * finite, or when |loss| exceeds DIVERGENCE_FACTOR × max(1, |initial loss|).
 */
export const DIVERGENCE_FACTOR = 1e6;

/** Anything with an `aborted` flag, such as an AbortSignal; set it to true to stop a run. */
export interface StopSignal {
  readonly aborted: boolean;
}

/** What happened at one optimizer step. */
export interface StepReport {
  /** Optimizer steps taken, counting this one (1 for the first). */
  step: number;
  /** Epoch this step belongs to (1 for the first). */
  epoch: number;
  /** Learning rate used for this step. */
  lr: number;
  /** Loss on this step's mini-batch, measured before the update. */
  batchLoss: number;
  /** ‖g‖₂ of this step's mini-batch gradient. */
  gradNorm: number;
  /** Loss on the whole training set after the update (only on evaluation steps). */
  trainLoss?: number;
  trainAccuracy?: number;
  /** Loss and accuracy on the test set after the update (evaluation steps, when a test set is given). */
  testLoss?: number;
  testAccuracy?: number;
  /** The parameters after the update, when the model has at most 3 (to draw the path). */
  params?: number[];
}

/** How a run ended. */
export interface TrainResult {
  /** "done": all epochs ran; "stopped": the signal was set; "diverged": see `message`. */
  status: 'done' | 'stopped' | 'diverged';
  /** A sentence for the student, e.g. "diverged at step 37: loss = Infinity; try a smaller learning rate". */
  message: string;
  /** Optimizer steps completed. */
  steps: number;
  /** The trained parameters (the same array as `options.params` if one was given). */
  params: Float64Array;
  /** Loss on the whole training set before the first step. */
  initialLoss: number;
  /** Every report, in order. Never contains a NaN or infinite loss. */
  history: StepReport[];
}

export interface TrainOptions {
  model: Model;
  loss: Loss;
  /** Training data. */
  data: Dataset;
  /** Optional held-out data, evaluated with the training loss. */
  test?: Dataset;
  optimizer: Optimizer;
  /** Samples per mini-batch (default: the whole training set, i.e. full-batch gradient descent). */
  batchSize?: number;
  /** Passes over the training data (default 10). */
  epochs?: number;
  /** Seeds the initial parameters (model.init(seed)) and the shuffling (rng(seed + 1)). Default 0. */
  seed?: number;
  /** Starting parameters, updated in place (default: model.init(seed)). */
  params?: Float64Array;
  /** Evaluate the full training (and test) loss every this many steps; by default at the end of each epoch. */
  evalEvery?: number;
  /** Shuffle the samples every epoch (default true). */
  shuffle?: boolean;
  /** Stops the run at the next step once `signal.aborted` is true. */
  signal?: StopSignal;
}

const trainKeys = [
  'model',
  'loss',
  'data',
  'test',
  'optimizer',
  'batchSize',
  'epochs',
  'seed',
  'params',
  'evalEvery',
  'shuffle',
  'signal',
];

function diverged(step: number, what: string, value: number): string {
  // Four significant digits: "loss = 6.920e+6", not "loss = 6919576.8269131435".
  const shown = Number.isFinite(value) ? value.toPrecision(4) : String(value);
  return `diverged at step ${step}: ${what} = ${shown}; try a smaller learning rate`;
}

/**
 * Trains `model` on `data`, one report per optimizer step, as a generator (the loop itself,
 * without any waiting). Its return value is the `TrainResult`. Same options and seed, same numbers.
 *
 * ```ts
 * for (const report of training({ model, loss: mse, data, optimizer: sgd({ lr: 0.1 }) })) console.log(report.batchLoss);
 * ```
 */
export function* training(options: TrainOptions): Generator<StepReport, TrainResult, void> {
  checkKeys(options, trainKeys, 'train');
  const { model, loss, data, test, optimizer, signal } = options;
  if (data.d !== model.inputs)
    throw new RangeError(`train: the data has ${data.d} features but the model expects ${model.inputs}`);
  const seed = options.seed ?? 0;
  const epochs = checkInteger(options.epochs ?? 10, 'epochs', 0);
  const batchSize = checkInteger(options.batchSize ?? data.n, 'batch size', 1);
  const evalEvery = options.evalEvery === undefined ? 0 : checkInteger(options.evalEvery, 'evalEvery', 1);
  const params = options.params ? checkVector(options.params, 'train: params') : model.init(seed);
  const state: StepCount = optimizer.init(params);
  const shuffler = rng(seed + 1);
  const k = model.outputs;
  const d = data.d;
  const grad = new Float64Array(model.size);
  const bx = new Float64Array(Math.min(batchSize, data.n) * d);
  const targetWidth = data.y.length / data.n; // 1 for class labels, k for regression targets
  const by = new Float64Array(Math.min(batchSize, data.n) * targetWidth);
  const outTrain = new Float64Array(data.n * k);
  const outTest = test ? new Float64Array(test.n * k) : outTrain;
  const history: StepReport[] = [];

  function evaluate(set: Dataset, out: Float64Array): { loss: number; accuracy?: number } {
    model.forward(params, set.x, set.n, out);
    const value = loss.value(out, set.y, set.n, k);
    return loss.accuracy ? { loss: value, accuracy: loss.accuracy(out, set.y, set.n, k) } : { loss: value };
  }

  const initialLoss = evaluate(data, outTrain).loss;
  const limit = DIVERGENCE_FACTOR * Math.max(1, Math.abs(initialLoss));
  const bad = (x: number) => !Number.isFinite(x) || Math.abs(x) > limit;
  const finish = (status: TrainResult['status'], message: string, steps: number): TrainResult => ({
    status,
    message,
    steps,
    params,
    initialLoss,
    history,
  });
  if (!Number.isFinite(initialLoss)) return finish('diverged', diverged(0, 'initial loss', initialLoss), 0);

  let step = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const batches = epochBatches(data.n, batchSize, shuffler, options.shuffle ?? true);
    for (let b = 0; b < batches.length; b++) {
      if (signal?.aborted) return finish('stopped', `stopped at step ${step}`, step);
      const rows = batches[b];
      const n = rows.length;
      for (let r = 0; r < n; r++) {
        const i = rows[r];
        for (let j = 0; j < d; j++) bx[r * d + j] = data.x[i * d + j];
        for (let j = 0; j < targetWidth; j++) by[r * targetWidth + j] = data.y[i * targetWidth + j];
      }
      const batchLoss = model.lossAndGrad(params, bx, by, n, loss, grad);
      const gradNorm = norm(grad);
      if (bad(batchLoss)) return finish('diverged', diverged(step + 1, 'loss', batchLoss), step);
      if (!Number.isFinite(gradNorm)) return finish('diverged', diverged(step + 1, 'gradient norm', gradNorm), step);
      const lr = optimizer.lrAt(state.t);
      optimizer.step(params, grad, state);
      step++;
      const report: StepReport = { step, epoch, lr, batchLoss, gradNorm };
      const endOfEpoch = b === batches.length - 1;
      if (evalEvery ? step % evalEvery === 0 : endOfEpoch) {
        const train = evaluate(data, outTrain);
        if (bad(train.loss)) return finish('diverged', diverged(step, 'training loss', train.loss), step);
        report.trainLoss = train.loss;
        if (train.accuracy !== undefined) report.trainAccuracy = train.accuracy;
        if (test) {
          const held = evaluate(test, outTest);
          if (bad(held.loss)) return finish('diverged', diverged(step, 'test loss', held.loss), step);
          report.testLoss = held.loss;
          if (held.accuracy !== undefined) report.testAccuracy = held.accuracy;
        }
      }
      if (model.size <= 3) report.params = Array.from(params);
      history.push(report);
      yield report;
    }
  }
  return finish('done', `done: ${step} steps, ${epochs} epochs`, step);
}

/** Waits for the event loop (a macrotask), so a worker can receive messages; falls back to a microtask. */
function pause(): Promise<void> {
  const timer = (globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown }).setTimeout;
  return new Promise((resolve) => (timer ? timer(resolve, 0) : Promise.resolve().then(resolve)));
}

/**
 * Trains a model and resolves with a `TrainResult`; `onStep` receives every report as it happens.
 * Every `yieldEveryMs` milliseconds (default 16, about one frame) the loop pauses for the event
 * loop, so charts can redraw and a stop message can arrive; set `signal.aborted = true` to stop.
 *
 * A run stops as diverged when a loss is not finite or exceeds 1e6 × max(1, |initial loss|); the
 * status message names the step, and the reported series never contains NaN.
 *
 * ```ts
 * const result = await train({ model: mlp({ sizes: [2, 16, 1] }), loss: bceWithLogits, data: twoMoons(),
 *   optimizer: adam({ lr: 0.01 }), batchSize: 32, epochs: 50, onStep: (r) => postMessage(r) });
 * ```
 */
export async function train(
  options: TrainOptions & { onStep?: (report: StepReport) => void; yieldEveryMs?: number },
): Promise<TrainResult> {
  const { onStep, yieldEveryMs = 16, ...rest } = options;
  const run = training(rest);
  let last = Date.now();
  for (;;) {
    const next = run.next();
    if (next.done) return next.value;
    onStep?.(next.value);
    if (Date.now() - last >= yieldEveryMs) {
      await pause();
      last = Date.now();
    }
  }
}

/** The result of `minimize`. */
export interface MinimizeResult {
  /** "done": all steps ran; "converged": ‖∇f‖ fell below gradTol; "stopped": onStep returned false; "diverged". */
  status: 'done' | 'converged' | 'stopped' | 'diverged';
  message: string;
  /** Points visited: path[0] is the start, path[k] the point after k steps. */
  path: number[][];
  /** f at each point of the path. */
  losses: number[];
  /** ‖∇f‖ at each point of the path. */
  gradNorms: number[];
  /** The final point. */
  params: Float64Array;
}

/**
 * Runs an optimizer on an objective from `start` (default: the objective's suggested start) for
 * `steps` steps and returns the path. `onStep` sees each point; returning `false` stops the run.
 * Stops early as "converged" when ‖∇f‖ < `gradTol` (default 0: never), and as "diverged" when f is
 * not finite or |f| > 1e6 × max(1, |f(start)|), with a message naming the step.
 */
export function minimize(
  objective: Objective,
  optimizer: Optimizer,
  options: {
    steps?: number;
    start?: readonly number[];
    gradTol?: number;
    onStep?: (info: { step: number; point: number[]; loss: number; gradNorm: number }) => boolean | void;
  } = {},
): MinimizeResult {
  checkKeys(options, ['steps', 'start', 'gradTol', 'onStep'], 'minimize');
  const steps = checkInteger(options.steps ?? 100, 'steps', 0);
  const start = options.start ?? objective.start;
  if (start.length !== objective.dim)
    throw new RangeError(`minimize: start has ${start.length} coordinates, ${objective.name} has ${objective.dim}`);
  const gradTol = options.gradTol ?? 0;
  const theta = Float64Array.from(start);
  const g = new Float64Array(objective.dim);
  const state = optimizer.init(theta);
  const path: number[][] = [];
  const losses: number[] = [];
  const gradNorms: number[] = [];
  let limit = Infinity;
  const result = (status: MinimizeResult['status'], message: string): MinimizeResult => ({
    status,
    message,
    path,
    losses,
    gradNorms,
    params: theta,
  });
  for (let k = 0; ; k++) {
    const f = objective.grad(theta, g);
    const gn = norm(g);
    if (k === 0) limit = DIVERGENCE_FACTOR * Math.max(1, Math.abs(f));
    if (!Number.isFinite(f) || Math.abs(f) > limit) return result('diverged', diverged(k, 'loss', f));
    if (!Number.isFinite(gn)) return result('diverged', diverged(k, 'gradient norm', gn));
    const point = Array.from(theta);
    path.push(point);
    losses.push(f);
    gradNorms.push(gn);
    if (options.onStep?.({ step: k, point, loss: f, gradNorm: gn }) === false)
      return result('stopped', `stopped at step ${k}`);
    if (gn < gradTol) return result('converged', `converged at step ${k}: gradient norm ${gn} < ${gradTol}`);
    if (k === steps) return result('done', `done: ${steps} steps, loss = ${f}`);
    optimizer.step(theta, g, state);
  }
}
