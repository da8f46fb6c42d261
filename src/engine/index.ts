/**
 * Descent's optimizer engine: everything the course computes, in plain TypeScript.
 *
 * - Optimizers (PyTorch's algorithms, numbers and defaults): `sgd`, `momentum`, `nesterov`,
 *   `adagrad`, `rmsprop`, `adam`, `adamw`, and the blocks they are built from (`chain`,
 *   `scaleByAdam`, `trace`, …) so you can build your own.
 * - Learning-rate schedules: `stepDecay`, `cosineAnnealing`, `linearWarmup`, `warmupCosine`, `sequential`.
 * - Objectives for 2-D landscapes: `quadratic`, `rosenbrock`, `beale`, `himmelblau`, `booth`,
 *   `saddle`, `rastrigin`, `ravine`; and `minimize` to run an optimizer on one.
 * - Losses, models, data and training: `mse`, `bceWithLogits`, `softmaxCrossEntropy`, `linear`,
 *   `mlp`, `twoMoons`, `iris`, …, `train`.
 *
 * ```ts
 * import { adam } from 'descent';
 * const opt = adam({ lr: 0.01 });
 * const state = opt.init(params);       // params: Float64Array
 * opt.step(params, grads, state);       // one update, in place
 * ```
 * @module
 */

export { sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw } from './optimizers.ts';
export type {
  SgdOptions,
  AdagradOptions,
  RmspropOptions,
  AdamOptions,
  SgdState,
  AdagradState,
  RmspropState,
  AdamState,
} from './optimizers.ts';

export {
  chain,
  scaleByLearningRate,
  negate,
  addWeightDecay,
  decoupledWeightDecay,
  trace,
  scaleByRss,
  scaleByRms,
  scaleByAdam,
} from './transforms.ts';
export type {
  Optimizer,
  Transform,
  StepContext,
  StepCount,
  ChainState,
  LearningRate,
  TraceState,
  RssState,
  RmsState,
  AdamMoments,
} from './transforms.ts';

export { constant, stepDecay, cosineAnnealing, linearWarmup, sequential, warmupCosine } from './schedules.ts';
export type { Schedule } from './schedules.ts';

export { quadratic, rosenbrock, beale, himmelblau, booth, saddle, rastrigin, ravine } from './objectives.ts';
export type { Objective, Quadratic, ViewBox } from './objectives.ts';

export { mse, bceWithLogits, softmaxCrossEntropy } from './losses.ts';
export type { Loss } from './losses.ts';

export { mlp, linear } from './models.ts';
export type { Model, ParamSlice, Activation } from './models.ts';

export {
  noisyLine,
  twoMoons,
  circles,
  spirals,
  blobs,
  iris,
  subset,
  trainTestSplit,
  standardize,
  applyStandardize,
  epochBatches,
} from './datasets.ts';
export type { Dataset } from './datasets.ts';

export { rng } from './random.ts';
export type { Rng } from './random.ts';

export { train, training, minimize, DIVERGENCE_FACTOR } from './train.ts';
export type { TrainOptions, TrainResult, StepReport, StopSignal, MinimizeResult } from './train.ts';

export { norm, dot, distance, gradCheck } from './vector.ts';
export type { Differentiable } from './vector.ts';
