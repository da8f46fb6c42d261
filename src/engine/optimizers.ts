// The named optimizers: PyTorch's torch.optim algorithms (the `_single_tensor_*` code paths), built
// as chains of blocks from transforms.ts. Options use PyTorch's names in camelCase and PyTorch's
// defaults. Each builder only includes the blocks that do something (no weight-decay block when
// weightDecay is 0), which keeps `step` as fast as a hand-written loop.
//
// Options are checked when the optimizer is built, in the order PyTorch's constructor checks them
// and with its messages ("Invalid learning rate: -1"). Descent is stricter in a few places, so that
// a typo fails at once instead of filling a chart with NaN: every number must be finite (PyTorch's
// `0.0 <= x` checks accept Infinity, and SGD's `lr < 0.0` lets NaN through), dampening must lie in
// [0, 1] and RMSprop's alpha at most 1 (PyTorch checks neither).

import {
  addWeightDecay,
  decoupledWeightDecay,
  makeOptimizer,
  negate,
  scaleByAdam,
  scaleByLearningRate,
  scaleByRms,
  scaleByRss,
  trace,
} from './transforms.ts';
import type { AdamMoments, LearningRate, Optimizer, RmsState, RssState, StepCount, Transform } from './transforms.ts';
import { checkBoolean, checkKeys, checkNumber } from './validate.ts';

/** State of `sgd`, `momentum` and `nesterov`: the buffer exists only when momentum ≠ 0. */
export type SgdState = StepCount & { momentumBuffer?: Float64Array };
/** State of `adagrad`. */
export type AdagradState = StepCount & RssState;
/** State of `rmsprop`: `gradAvg` only when centered, `momentumBuffer` only when momentum > 0. */
export type RmspropState = StepCount & RmsState & { momentumBuffer?: Float64Array };
/** State of `adam` and `adamw`: `vMax` only with AMSGrad. */
export type AdamState = StepCount & AdamMoments;

function checkLr(lr: unknown): LearningRate {
  return typeof lr === 'function' ? (lr as LearningRate) : checkNumber(lr, 'learning rate', 0);
}

// maximize negates the gradient first; coupled weight decay comes next (PyTorch's order).
function front(maximize: boolean, weightDecay: number): Transform[] {
  const blocks: Transform[] = [];
  if (maximize) blocks.push(negate());
  if (weightDecay !== 0) blocks.push(addWeightDecay(weightDecay));
  return blocks;
}

export interface SgdOptions {
  /** Learning rate η, or a schedule (default 1e-3, PyTorch 2.x). */
  lr?: LearningRate;
  /** Momentum factor μ (default 0: plain gradient descent). */
  momentum?: number;
  /** Dampening τ for momentum, in [0, 1] (default 0). */
  dampening?: number;
  /** Coupled weight decay λ (L2 penalty) (default 0). */
  weightDecay?: number;
  /** Use Nesterov momentum (default false); needs momentum > 0 and dampening 0. */
  nesterov?: boolean;
  /** Climb instead of descend (default false). */
  maximize?: boolean;
}

/**
 * Stochastic gradient descent, optionally with momentum: PyTorch's `torch.optim.SGD`.
 *
 * $g_t \leftarrow \nabla f(\theta_{t-1})$ (negated if `maximize`) $+ \lambda\,\theta_{t-1}$;
 * without momentum $\theta_t \leftarrow \theta_{t-1} - \eta\, g_t$. With momentum μ:
 * $b_1 = g_1$, $b_t \leftarrow \mu\, b_{t-1} + (1-\tau)\, g_t$, and
 * $\theta_t \leftarrow \theta_{t-1} - \eta\, b_t$ (Nesterov: $\theta_t \leftarrow \theta_{t-1} - \eta\,(g_t + \mu\, b_t)$).
 *
 * Papers: Robbins & Monro 1951; heavy-ball momentum, Polyak 1964; Nesterov momentum in this form,
 * Sutskever, Martens, Dahl & Hinton, "On the importance of initialization and momentum in deep
 * learning", ICML 2013.
 *
 * Convention: η is outside the buffer, as in PyTorch and TF.js; Sutskever et al. and Keras write
 * v ← μv − ηg, θ ← θ + v (same path for a constant η, different when η is scheduled). The buffer's
 * first value is g₁, undamped (PyTorch). Descent is stricter than PyTorch: it also rejects NaN,
 * ±Infinity, and a dampening outside [0, 1] (PyTorch does not check dampening).
 */
export function sgd(options: SgdOptions = {}): Optimizer<SgdState> {
  checkKeys(options, ['lr', 'momentum', 'dampening', 'weightDecay', 'nesterov', 'maximize'], 'sgd');
  return buildSgd('sgd', options);
}

function buildSgd(name: string, options: SgdOptions): Optimizer<SgdState> {
  // Checked in PyTorch's order (lr, momentum, weight_decay), then dampening, which PyTorch leaves unchecked.
  const lr = checkLr(options.lr ?? 1e-3);
  const momentum = checkNumber(options.momentum ?? 0, 'momentum value', 0);
  const weightDecay = checkNumber(options.weightDecay ?? 0, 'weight_decay value', 0);
  const dampening = checkNumber(options.dampening ?? 0, 'dampening value', 0, 1);
  const nesterov = checkBoolean(options.nesterov ?? false, 'nesterov');
  const maximize = checkBoolean(options.maximize ?? false, 'maximize');
  if (nesterov && (momentum <= 0 || dampening !== 0)) {
    throw new RangeError('Nesterov momentum requires a momentum and zero dampening');
  }
  const blocks = front(maximize, weightDecay);
  if (momentum !== 0) blocks.push(trace({ momentum, dampening, nesterov }));
  blocks.push(scaleByLearningRate(lr));
  const resolved = { lr, momentum, dampening, weightDecay, nesterov, maximize };
  return makeOptimizer(name, resolved, blocks) as Optimizer<SgdState>;
}

/**
 * Heavy-ball momentum (Polyak 1964), PyTorch's form: `sgd({ lr, momentum })`.
 * $b_t \leftarrow \mu\, b_{t-1} + g_t$ (with $b_1 = g_1$), $\theta_t \leftarrow \theta_{t-1} - \eta\, b_t$.
 *
 * Defaults: lr 1e-3, momentum 0.9.
 *
 * Convention: TF.js' `tf.train.momentum(lr, μ)` is this rule. Keras' `SGD(momentum=μ)` and Sutskever
 * et al. keep η inside a velocity, v ← μv − ηg, θ ← θ + v: the same path while η is constant
 * (v = −ηb), a different one when η follows a schedule.
 */
export function momentum(options: { lr?: LearningRate; momentum?: number } = {}): Optimizer<SgdState> {
  checkKeys(options, ['lr', 'momentum'], 'momentum');
  return buildSgd('momentum', { lr: options.lr ?? 1e-3, momentum: options.momentum ?? 0.9 });
}

/**
 * Nesterov momentum in PyTorch's form (Sutskever et al. 2013): `sgd({ lr, momentum, nesterov: true })`.
 * $b_t \leftarrow \mu\, b_{t-1} + g_t$ (with $b_1 = g_1$), $\theta_t \leftarrow \theta_{t-1} - \eta\,(g_t + \mu\, b_t)$.
 *
 * Defaults: lr 1e-3, momentum 0.9.
 *
 * Convention: TF.js' `tf.train.momentum(lr, μ, true)` is this rule. Keras' `SGD(momentum=μ,
 * nesterov=True)` writes v ← μv − ηg, θ ← θ + μv − ηg, the same path while η is constant (v = −ηb).
 * Nesterov's own method (1983) evaluates the gradient at a look-ahead point θ + μv; this form is its
 * change of variables (lesson 4).
 */
export function nesterov(options: { lr?: LearningRate; momentum?: number } = {}): Optimizer<SgdState> {
  checkKeys(options, ['lr', 'momentum'], 'nesterov');
  return buildSgd('nesterov', { lr: options.lr ?? 1e-3, momentum: options.momentum ?? 0.9, nesterov: true });
}

export interface AdagradOptions {
  /** Learning rate η, or a schedule (default 0.01). */
  lr?: LearningRate;
  /** Learning-rate decay d: step t uses η / (1 + (t−1)·d) (default 0). */
  lrDecay?: number;
  /** Coupled weight decay λ (default 0). */
  weightDecay?: number;
  /** Starting value G₀ of the sum of squares (default 0). */
  initialAccumulatorValue?: number;
  /** ε added to √G (default 1e-10). */
  eps?: number;
  /** Climb instead of descend (default false). */
  maximize?: boolean;
}

/**
 * AdaGrad, PyTorch's `torch.optim.Adagrad` (Duchi, Hazan & Singer, JMLR 2011):
 *
 * $\eta_t = \dfrac{\eta}{1 + (t-1)\,d}$, $\quad G_t \leftarrow G_{t-1} + g_t^2$,
 * $\quad \theta_t \leftarrow \theta_{t-1} - \eta_t\, \dfrac{g_t}{\sqrt{G_t} + \epsilon}$, with $G_0$ = `initialAccumulatorValue`.
 *
 * The state keeps G as `state.sum` (PyTorch's name). If `lr` is a schedule, the decay divides it:
 * step t uses schedule(t−1) / (1 + (t−1)·d).
 *
 * Convention: Keras and TF.js start G at 0.1 and put ε inside the root, √(G + ε) with ε = 1e-7
 * (TF.js: its backend's epsilon(), 1e-7 in float32);
 * `adagrad({ initialAccumulatorValue: 0.1 + 1e-7, eps: 0 })` is their rule, and agrees with their
 * numbers up to rounding (G + ε is summed in a different order; TF.js computes in float32).
 */
export function adagrad(options: AdagradOptions = {}): Optimizer<AdagradState> {
  checkKeys(options, ['lr', 'lrDecay', 'weightDecay', 'initialAccumulatorValue', 'eps', 'maximize'], 'adagrad');
  const lr = checkLr(options.lr ?? 0.01);
  const lrDecay = checkNumber(options.lrDecay ?? 0, 'lr_decay value', 0);
  const weightDecay = checkNumber(options.weightDecay ?? 0, 'weight_decay value', 0);
  const initialAccumulatorValue = checkNumber(
    options.initialAccumulatorValue ?? 0,
    'initial_accumulator_value value',
    0,
  );
  const eps = checkNumber(options.eps ?? 1e-10, 'epsilon value', 0);
  const maximize = checkBoolean(options.maximize ?? false, 'maximize');
  const blocks = front(maximize, weightDecay);
  blocks.push(scaleByRss({ eps, initialAccumulatorValue }));
  // PyTorch: clr = lr / (1 + (step - 1) * lr_decay); s = step - 1 is what a schedule receives.
  const base = typeof lr === 'function' ? lr : () => lr;
  blocks.push(scaleByLearningRate(lrDecay === 0 ? lr : (s: number) => base(s) / (1 + s * lrDecay)));
  const resolved = { lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize };
  return makeOptimizer('adagrad', resolved, blocks) as Optimizer<AdagradState>;
}

export interface RmspropOptions {
  /** Learning rate η, or a schedule (default 0.01). */
  lr?: LearningRate;
  /** Smoothing constant α of the moving average of g², in [0, 1] (default 0.99). */
  alpha?: number;
  /** ε added to the root (default 1e-8). */
  eps?: number;
  /** Coupled weight decay λ (default 0). */
  weightDecay?: number;
  /** Momentum μ on the scaled gradient (default 0). */
  momentum?: number;
  /** Divide by an estimate of the variance instead of the raw second moment (default false). */
  centered?: boolean;
  /** Climb instead of descend (default false). */
  maximize?: boolean;
}

/**
 * RMSprop, PyTorch's `torch.optim.RMSprop` (Hinton 2012; centered: Graves 2013):
 *
 * $v_t \leftarrow \alpha\, v_{t-1} + (1-\alpha)\, g_t^2$, $\quad d_t = \sqrt{v_t} + \epsilon$
 * (centered: $\bar g_t \leftarrow \alpha\,\bar g_{t-1} + (1-\alpha)\, g_t$, $d_t = \sqrt{v_t - \bar g_t^2} + \epsilon$);
 * without momentum $\theta_t \leftarrow \theta_{t-1} - \eta\, g_t / d_t$; with momentum μ,
 * $b_t \leftarrow \mu\, b_{t-1} + g_t / d_t$ (from $b_0 = 0$) and $\theta_t \leftarrow \theta_{t-1} - \eta\, b_t$.
 *
 * Convention: PyTorch's α = 0.99; Keras (`rho`) and TF.js (`decay`) default to 0.9. PyTorch adds ε
 * outside the root (1e-8); Keras and TF.js inside, √(v + ε) with ε = 1e-7 (TF.js: its
 * backend's epsilon(), 1e-7 in float32; TF.js' centered form even
 * subtracts it: √(v − ḡ² − ε)). Keras and TF.js also put η inside the momentum buffer (b ← μb + ηg/d,
 * θ ← θ − b), the same path for a constant η. Descent also requires α ≤ 1 (PyTorch only checks α ≥ 0).
 */
export function rmsprop(options: RmspropOptions = {}): Optimizer<RmspropState> {
  checkKeys(options, ['lr', 'alpha', 'eps', 'weightDecay', 'momentum', 'centered', 'maximize'], 'rmsprop');
  // Checked in PyTorch's order: lr, eps, momentum, weight_decay, alpha.
  const lr = checkLr(options.lr ?? 0.01);
  const eps = checkNumber(options.eps ?? 1e-8, 'epsilon value', 0);
  const momentum = checkNumber(options.momentum ?? 0, 'momentum value', 0);
  const weightDecay = checkNumber(options.weightDecay ?? 0, 'weight_decay value', 0);
  const alpha = checkNumber(options.alpha ?? 0.99, 'alpha value', 0, 1);
  const centered = checkBoolean(options.centered ?? false, 'centered');
  const maximize = checkBoolean(options.maximize ?? false, 'maximize');
  const blocks = front(maximize, weightDecay);
  blocks.push(scaleByRms({ alpha, eps, centered }));
  // PyTorch's RMSprop buffer starts at 0: b₁ = μ·0 + g₁/d₁, which is exactly trace's b₁ = u₁.
  if (momentum > 0) blocks.push(trace({ momentum }));
  blocks.push(scaleByLearningRate(lr));
  const resolved = { lr, alpha, eps, weightDecay, momentum, centered, maximize };
  return makeOptimizer('rmsprop', resolved, blocks) as Optimizer<RmspropState>;
}

export interface AdamOptions {
  /** Learning rate η, or a schedule (default 1e-3). */
  lr?: LearningRate;
  /** [β₁, β₂], decay rates of the two moving averages, each in [0, 1) (default [0.9, 0.999]). */
  betas?: readonly [number, number];
  /** ε added to the denominator (default 1e-8). */
  eps?: number;
  /** Weight decay λ: coupled (L2) for `adam`, decoupled for `adamw` (defaults 0 and 1e-2). */
  weightDecay?: number;
  /** Use the AMSGrad variant (default false). */
  amsgrad?: boolean;
  /** Climb instead of descend (default false). */
  maximize?: boolean;
}

const adamKeys = ['lr', 'betas', 'eps', 'weightDecay', 'amsgrad', 'maximize'];

/**
 * Adam, PyTorch's `torch.optim.Adam` (Kingma & Ba, ICLR 2015; AMSGrad: Reddi et al., ICLR 2018):
 *
 * $m_t \leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t$, $\quad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2$,
 * $\quad \theta_t \leftarrow \theta_{t-1} - \dfrac{\eta}{1-\beta_1^t}\cdot\dfrac{m_t}{\sqrt{v_t}/\sqrt{1-\beta_2^t} + \epsilon}$,
 * where $g_t$ includes coupled weight decay $\lambda\theta_{t-1}$. AMSGrad uses $\max(v^{max}_{t-1}, v_t)$ in place of $v_t$.
 *
 * Convention: PyTorch's docs write $\hat m_t/(\sqrt{\hat v_t}+\epsilon)$ with $\hat v_t = v_t/(1-\beta_2^t)$;
 * the code, and Descent, compute $\sqrt{v_t}/\sqrt{1-\beta_2^t} + \epsilon$: the same number up to rounding.
 * TF.js computes the docs' form with ε = its backend's epsilon(), 1e-7 in float32. Keras uses "epsilon hat" (ε added to √v_t before
 * the bias correction; default 1e-7), equal to ours with $\epsilon = \hat\epsilon/\sqrt{1-\beta_2^t}$.
 */
export function adam(options: AdamOptions = {}): Optimizer<AdamState> {
  checkKeys(options, adamKeys, 'adam');
  return buildAdam('adam', options, false);
}

/**
 * AdamW, PyTorch's `torch.optim.AdamW` (Loshchilov & Hutter, "Decoupled Weight Decay
 * Regularization", ICLR 2019): Adam with the decay applied to the parameters, not the gradient.
 *
 * $\theta_{t-1} \leftarrow \theta_{t-1}\,(1 - \eta\lambda)$, then the Adam step of `adam` with $g_t$
 * the plain gradient. Default weightDecay 1e-2 (PyTorch's).
 *
 * Convention: PyTorch (and Keras, for any optimizer given `weight_decay`) multiply λ by the current
 * learning rate η. The paper's Algorithm 2 writes the step size as α·η_t and decays by η_t·λ, scaled
 * by the schedule multiplier η_t but not by α; PyTorch's λ = 1e-2 therefore means a per-step decay
 * of η·λ = 1e-5 at η = 1e-3.
 */
export function adamw(options: AdamOptions = {}): Optimizer<AdamState> {
  checkKeys(options, adamKeys, 'adamw');
  return buildAdam('adamw', options, true);
}

function buildAdam(name: string, options: AdamOptions, decoupled: boolean): Optimizer<AdamState> {
  // Checked in PyTorch's order: lr, eps, betas, weight_decay.
  const lr = checkLr(options.lr ?? 1e-3);
  const core = scaleByAdam({
    betas: options.betas ?? [0.9, 0.999],
    eps: options.eps ?? 1e-8,
    amsgrad: options.amsgrad ?? false,
  });
  const weightDecay = checkNumber(options.weightDecay ?? (decoupled ? 1e-2 : 0), 'weight_decay value', 0);
  const maximize = checkBoolean(options.maximize ?? false, 'maximize');
  const blocks = decoupled ? front(maximize, 0) : front(maximize, weightDecay);
  if (decoupled && weightDecay !== 0) blocks.push(decoupledWeightDecay(weightDecay));
  blocks.push(core, scaleByLearningRate(lr));
  const resolved = {
    lr,
    betas: options.betas ?? [0.9, 0.999],
    eps: options.eps ?? 1e-8,
    weightDecay,
    amsgrad: options.amsgrad ?? false,
    maximize,
  };
  return makeOptimizer(name, resolved, blocks) as Optimizer<AdamState>;
}
