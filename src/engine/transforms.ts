// Gradient transformations ("blocks") and `chain`, after optax's idea: an optimizer is a pipeline
// that turns the gradient into an update, then moves the parameters by -η times that update.
//
// Speed matters (1e6 parameters in a browser worker), so the pipeline is shaped to touch memory as
// few times as a hand-written loop would:
// - the first block reads the caller's gradient and writes a scratch buffer the chain owns (never
//   the gradient itself); later blocks work in that buffer in place, or hand back a buffer they own;
// - the last block may fuse itself with the parameter update (`updateAndApply`), using exactly the
//   arithmetic PyTorch uses, so the common optimizers are a single pass over memory;
// - a decoupled weight decay just before such a block is folded into its loop (θ·(1 − ηλ) + …);
// - a coupled weight decay (g + λθ) just before momentum, or just before the parameter update, is
//   folded into that loop too (the other fused blocks still give it its own pass);
// - named optimizers leave out blocks that would do nothing (weight decay 0, momentum 0).
// See test/bench/engine.ts for the numbers.
//
// Rounding: each block performs PyTorch's float64 operations in PyTorch's order, each rounded once,
// as PyTorch's scalar CPU code does; the tests compare trajectories bit for bit with that algorithm.
// PyTorch itself can land one ulp away in three places, which JavaScript cannot follow:
// - its vectorised CPU kernels (the bulk of a tensor of 8 or more float64 elements on AVX2) compute
//   `add_(x, alpha=a)` with a fused multiply–add, rounding once where we round twice;
// - `beta ** step`, and `bias_correction2 ** 0.5` in recent releases (older ones wrote
//   `math.sqrt`), go through the platform's C pow, which glibc does not always round correctly; we
//   use the correctly rounded β^t (`powInt`) and Math.sqrt (see `scaleByAdam`);
// - the sign of a zero: `trace` starts its buffer as 0·0 + g, so a first gradient of −0 gives +0
//   where PyTorch's SGD clones −0 (PyTorch's RMSprop, which starts its buffer at 0, also gives +0).

import type { Schedule } from './schedules.ts';
import { checkKeys, checkNumber, checkBoolean, checkVector, show } from './validate.ts';

/** A learning rate: a fixed number, or a schedule called with the number of updates already taken (0 for the first). */
export type LearningRate = number | Schedule;

/** What every optimizer state holds besides the blocks' buffers. */
export interface StepCount {
  /** Number of steps taken so far (the paper's t after the step). PyTorch keeps this as `state['step']`. */
  t: number;
  /** Number of parameters this state was made for. */
  size: number;
}

/** Passed to every block on every step. */
export interface StepContext {
  /** Step number, starting at 1 for the first step (already incremented). */
  readonly t: number;
  /** Learning rate η for this step (1 when the chain has no learning-rate block). */
  readonly lr: number;
  /** The parameters θ, before this step's update (blocks other than weight decay only read them). */
  readonly params: Float64Array;
  /**
   * For `updateAndApply` only: multiply θ by this before adding the update, θ ← θ·keep − η·u.
   * It is 1 − ηλ when the chain folded a `decoupledWeightDecay(λ)` into this block's loop, else 1
   * (θ·1 is exactly θ, so a loop can always apply it).
   */
  readonly keep: number;
  /**
   * For `updateAndApply` of a block that sets `foldsWeightDecay` only: λ of an `addWeightDecay(λ)`
   * the chain folded into this block's loop (use g + λθ in place of g), else 0.
   */
  readonly weightDecay: number;
}

/**
 * One composable piece of an optimizer. A block owns some named entries of the optimizer state and
 * transforms the update vector. Write your own by returning an object of this shape.
 */
export interface Transform<S extends object = object> {
  /** Shown in error messages and in `optimizer.blocks`. */
  readonly name: string;
  /** The state keys this block owns (two blocks in one chain may not own the same key). */
  readonly keys: readonly string[];
  /** Makes this block's part of a fresh state for parameters `params`. */
  init(params: Float64Array): S;
  /**
   * Transforms the update. `u` is the incoming update (it may be the caller's gradient: never write
   * into `u` unless it is `out`). Write the result into `out` and return `out`, or return a buffer
   * of your own state that holds the result (later blocks will only read it).
   */
  update(u: Float64Array, out: Float64Array, state: S, ctx: StepContext): Float64Array;
  /**
   * Optional fused last stage: does what `update` does and then θ ← θ − η·(result) in the same
   * loop. The chain calls this instead of `update` when the block is the last one.
   */
  updateAndApply?(u: Float64Array, state: S, ctx: StepContext): void;
  /** Set only by `scaleByLearningRate`: the chain treats such a block as its last stage. */
  readonly learningRate?: Schedule;
  /** Set only by `decoupledWeightDecay`: λ, so the chain can fold the decay into the next block's loop. */
  readonly decoupledWeightDecay?: number;
  /** Set only by `addWeightDecay`: λ, so the chain can fold the decay into the next block's loop. */
  readonly coupledWeightDecay?: number;
  /** True if `updateAndApply` honours `ctx.weightDecay`, so a coupled weight decay before it can be folded in. */
  readonly foldsWeightDecay?: boolean;
}

/**
 * An optimizer: `init` makes a state, `step` updates parameters and state in place.
 *
 * ```ts
 * const opt = adam({ lr: 0.01 });
 * const state = opt.init(params);
 * opt.step(params, grads, state);
 * ```
 */
export interface Optimizer<S extends StepCount = StepCount> {
  /** For example "adam". */
  readonly name: string;
  /** The hyperparameters after defaults were filled in (what this optimizer actually uses). */
  readonly options: Readonly<Record<string, unknown>>;
  /** The blocks this optimizer is made of, in order. */
  readonly blocks: readonly Transform[];
  /** A fresh state for `params`: `t = 0` and every buffer at its initial value. Plain data: it survives `structuredClone` and `postMessage`. */
  init(params: Float64Array): S;
  /** One update, in place on `params` and `state`. `grads` is only read. */
  step(params: Float64Array, grads: Float64Array, state: S): void;
  /** The learning rate η the next step will use for a state whose step count is `t` (so the step t+1). */
  lrAt(t: number): number;
}

type StateOf<T> = T extends Transform<infer S> ? S : never;
type Intersect<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The state type of a chain of blocks: the step count plus every block's entries. */
export type ChainState<T extends readonly Transform<object>[]> = StepCount & Intersect<StateOf<T[number]>>;

/** A schedule that always returns `lr` (validated once). */
function asSchedule(lr: LearningRate, what = 'learning rate'): Schedule {
  if (typeof lr === 'function') return lr;
  const value = checkNumber(lr, what, 0);
  return () => value;
}

// ---------------------------------------------------------------------------------------------
// The chain

/**
 * Builds an optimizer from blocks, applied left to right, then the parameter update
 * $\theta_t \leftarrow \theta_{t-1} - \eta\, u_t$ where $u_t$ is the last block's output and η
 * comes from a final `scaleByLearningRate` block (η = 1 without one).
 *
 * The chain owns the step counter `t` (incremented once per step, before the blocks run) and the
 * scratch buffer; each block owns the state keys it declares. The state is flat: `state.t`,
 * `state.m`, `state.v`, ... Two blocks owning the same key throw here.
 *
 * ```ts
 * // Adam, block by block (same numbers as adam({ lr: 0.01 })):
 * const opt = chain(scaleByAdam({ betas: [0.9, 0.999], eps: 1e-8 }), scaleByLearningRate(0.01));
 * ```
 */
export function chain<const T extends readonly Transform<object>[]>(...blocks: T): Optimizer<ChainState<T>> {
  return makeOptimizer('chain', {}, blocks as unknown as readonly Transform[]) as unknown as Optimizer<ChainState<T>>;
}

/** @internal Used by `chain` and the named optimizers. */
export function makeOptimizer(
  name: string,
  options: Readonly<Record<string, unknown>>,
  all: readonly Transform[],
): Optimizer {
  const owner = new Map<string, string>([
    ['t', 'the chain'],
    ['size', 'the chain'],
  ]);
  all.forEach((block, i) => {
    if (block === null || typeof block !== 'object' || typeof block.update !== 'function') {
      throw new TypeError(`chain: argument ${i} is not a block (got ${show(block)})`);
    }
    if (block.learningRate && i !== all.length - 1) {
      throw new TypeError(`chain: ${block.name} must be the last block (it is number ${i + 1} of ${all.length})`);
    }
    for (const key of block.keys) {
      const previous = owner.get(key);
      if (previous) throw new TypeError(`chain: state key "${key}" is owned by both ${previous} and ${block.name}`);
      owner.set(key, block.name);
    }
  });
  const lrBlock = all.length > 0 && all[all.length - 1].learningRate ? all[all.length - 1] : undefined;
  const schedule: Schedule = lrBlock?.learningRate ?? (() => 1);
  const blocks = lrBlock ? all.slice(0, -1) : all.slice();
  const last = blocks.length > 0 ? blocks[blocks.length - 1] : undefined;
  const fused = last?.updateAndApply ? last : undefined;
  let middle = fused ? blocks.slice(0, -1) : blocks;
  // A decoupled weight decay right before the fused block becomes θ·(1 − ηλ) inside its loop: the
  // same arithmetic as a separate pass (PyTorch's param.mul_ then the update), one pass less.
  const folded = fused && middle.length > 0 ? middle[middle.length - 1].decoupledWeightDecay : undefined;
  if (folded !== undefined) middle = middle.slice(0, -1);
  // Likewise a coupled weight decay g + λθ right before momentum or the parameter update: the same
  // expression, computed inside that loop instead of in a pass of its own. λ = 0 is never folded,
  // because g + 0·θ is not g when θ is infinite.
  const coupled = middle.length > 0 ? middle[middle.length - 1].coupledWeightDecay : undefined;
  const foldCoupled = coupled !== undefined && coupled !== 0 && (fused ? fused.foldsWeightDecay === true : true);
  if (foldCoupled) middle = middle.slice(0, -1);
  const lambda = foldCoupled ? coupled : 0;
  // Scratch lives outside the state: it holds nothing between steps, so it is not cloned or sent.
  let scratch: Float64Array = new Float64Array(0);
  const ctx: { t: number; lr: number; params: Float64Array; keep: number; weightDecay: number } = {
    t: 0,
    lr: 0,
    params: scratch,
    keep: 1,
    weightDecay: lambda,
  };

  function lrAt(t: number): number {
    const lr = schedule(t);
    if (typeof lr !== 'number' || !Number.isFinite(lr) || lr < 0) {
      throw new RangeError(`Invalid learning rate: ${show(lr)} (returned by the schedule for step index ${t})`);
    }
    return lr;
  }

  return {
    name,
    options,
    blocks: all,
    lrAt,
    init(params: Float64Array): StepCount {
      checkVector(params, `${name}.init: params`);
      const state: Record<string, unknown> = { t: 0, size: params.length };
      for (const block of blocks) Object.assign(state, block.init(params));
      return state as unknown as StepCount;
    },
    step(params: Float64Array, grads: Float64Array, state: StepCount): void {
      checkVector(params, `${name}.step: params`);
      checkVector(grads, `${name}.step: grads`);
      if (params.length !== grads.length) {
        throw new RangeError(`${name}.step: params has length ${params.length} but grads has length ${grads.length}`);
      }
      checkState(name, state, params.length, blocks);
      const t = state.t + 1;
      const lr = lrAt(t - 1);
      state.t = t;
      if (scratch.length !== params.length) scratch = new Float64Array(params.length);
      ctx.t = t;
      ctx.lr = lr;
      ctx.params = params;
      ctx.keep = folded === undefined ? 1 : 1 - lr * folded;
      let u = grads;
      for (const block of middle) u = block.update(u, scratch, state as never, ctx);
      if (fused) {
        fused.updateAndApply!(u, state as never, ctx);
      } else if (lambda !== 0) {
        applyDecayedUpdate(params, u, -lr, lambda);
      } else {
        applyUpdate(params, u, -lr);
      }
    },
  };
}

function checkState(name: string, state: StepCount, n: number, blocks: readonly Transform[]): void {
  if (state === null || typeof state !== 'object' || typeof state.t !== 'number') {
    throw new TypeError(`${name}.step: state must be the object returned by ${name}.init(params), got ${show(state)}`);
  }
  if (state.size !== n) {
    throw new RangeError(`${name}.step: this state was made for ${state.size} parameters, but params has length ${n}`);
  }
  const record = state as unknown as Record<string, unknown>;
  for (const block of blocks) {
    for (const key of block.keys) {
      const buffer = record[key];
      if (!(buffer instanceof Float64Array) || buffer.length !== n) {
        throw new TypeError(
          `${name}.step: state.${key} is missing or has the wrong length; was this state made by ${name}.init?`,
        );
      }
    }
  }
}

// θ ← θ + (−η)·u: PyTorch's `param.add_(update, alpha=-lr)`.
function applyUpdate(params: Float64Array, u: Float64Array, negLr: number): void {
  const n = params.length;
  for (let i = 0; i < n; i++) params[i] += negLr * u[i];
}

// θ ← θ + (−η)·(u + λθ): a folded `addWeightDecay(λ)` followed by the update above.
function applyDecayedUpdate(params: Float64Array, u: Float64Array, negLr: number, lambda: number): void {
  const n = params.length;
  for (let i = 0; i < n; i++) {
    const p = params[i];
    params[i] = p + negLr * (u[i] + lambda * p);
  }
}

// torch.lerp(a, b, w) on the CPU uses two formulas, for accuracy at both ends: a + w·(b − a) when
// |w| < 0.5, else b − (b − a)·(1 − w). Both are base + k·(b − a), with base = a, k = w or base = b,
// k = −(1 − w) (the same rounding: negation is exact). Choosing base and k once per step instead
// of branching per element keeps our moving averages identical to PyTorch's scalar lerp at full
// speed (a per-element branch made Adam's loop twice as slow in V8).
function lerpForm(w: number): { fromStart: boolean; k: number } {
  const fromStart = w < 0.5 && w > -0.5;
  return { fromStart, k: fromStart ? w : -(1 - w) };
}

// β^t for Adam's bias corrections, correctly rounded. V8's Math.pow is not (Math.pow(0.9, 4) is
// 0.6561000000000001). PyTorch's `beta1 ** step` goes through the platform C library's pow, which
// on glibc is within about 0.52 ulp but not always correctly rounded (0.99 ** 503 is one ulp off),
// so no JavaScript can match every platform; the correctly rounded value is the one PyTorch gets on
// almost every step, and after 1 − β^t the rare difference nearly always rounds away.
// Exponentiation by squaring in double-double arithmetic (Dekker's exact products, no FMA needed)
// carries about 106 bits, so rounding the result once gives the correctly rounded power.
function splitHi(a: number): number {
  const c = 134217729 * a; // 2^27 + 1 (Veltkamp split)
  return c - (c - a);
}
function ddMul(xh: number, xl: number, yh: number, yl: number, out: number[]): void {
  const p = xh * yh;
  const ah = splitHi(xh);
  const al = xh - ah;
  const bh = splitHi(yh);
  const bl = yh - bh;
  const err = ah * bh - p + ah * bl + al * bh + al * bl + (xh * yl + xl * yh);
  const s = p + err;
  out[0] = s;
  out[1] = err - (s - p);
}
const dd = [0, 0];
export function powInt(base: number, t: number): number {
  let rh = 1;
  let rl = 0;
  let bh = base;
  let bl = 0;
  for (let e = t; e > 0; e = Math.floor(e / 2)) {
    if (e % 2 === 1) {
      ddMul(rh, rl, bh, bl, dd);
      rh = dd[0];
      rl = dd[1];
    }
    if (e > 1) {
      ddMul(bh, bl, bh, bl, dd);
      bh = dd[0];
      bl = dd[1];
    }
  }
  return rh + rl;
}

// ---------------------------------------------------------------------------------------------
// Blocks

/**
 * Multiplies the update by the learning rate η and subtracts it from the parameters:
 * $\theta_t \leftarrow \theta_{t-1} - \eta_t\, u_t$. Must be the last block of a chain.
 *
 * `lr` is a number or a schedule; a schedule is called with the number of steps already taken
 * (0 on the first step), like a PyTorch LR scheduler stepped once after every `optimizer.step()`.
 */
export function scaleByLearningRate(lr: LearningRate): Transform<Record<string, never>> {
  const learningRate = asSchedule(lr);
  return {
    name: 'scaleByLearningRate',
    keys: [],
    learningRate,
    init: () => ({}),
    update: (u) => u,
  };
}

/**
 * Negates the update, to climb instead of descend (PyTorch's `maximize=True`): $u \leftarrow -g_t$.
 */
export function negate(): Transform<Record<string, never>> {
  return {
    name: 'negate',
    keys: [],
    init: () => ({}),
    update(u, out) {
      const n = u.length;
      for (let i = 0; i < n; i++) out[i] = -u[i];
      return out;
    },
  };
}

/**
 * Coupled weight decay (an L2 penalty ½λ‖θ‖² folded into the gradient):
 * $g_t \leftarrow g_t + \lambda\, \theta_{t-1}$.
 *
 * This is PyTorch's `weight_decay` in SGD, AdaGrad, RMSprop and Adam. Through an adaptive method the
 * decay gets divided by √v like the rest of the gradient, which is why AdamW decouples it
 * (see `decoupledWeightDecay`).
 *
 * Convention: Keras' `weight_decay` argument is not this: in every Keras optimizer it is decoupled,
 * θ ← θ − ηλθ before the step (`decoupledWeightDecay`). TF.js' core optimizers have no weight decay.
 */
export function addWeightDecay(weightDecay: number): Transform<Record<string, never>> {
  const lambda = checkNumber(weightDecay, 'weight_decay value', 0);
  return {
    name: 'addWeightDecay',
    keys: [],
    coupledWeightDecay: lambda,
    init: () => ({}),
    update(u, out, _state, ctx) {
      const p = ctx.params;
      const n = u.length;
      for (let i = 0; i < n; i++) out[i] = u[i] + lambda * p[i];
      return out;
    },
  };
}

/**
 * Decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019):
 * shrinks the parameters directly, $\theta_{t-1} \leftarrow \theta_{t-1}\,(1 - \eta_t \lambda)$,
 * and passes the update through unchanged. Put it before the block that makes the update, as
 * PyTorch's AdamW does.
 *
 * Convention: PyTorch and Keras multiply λ by the current learning rate η_t (so a schedule also
 * scales the decay); the paper scales it by its schedule multiplier only, not by the base step α.
 * When this block sits right before a block with a fused update (as in `adamw`), the chain folds it
 * into that block's loop; the numbers are the same.
 */
export function decoupledWeightDecay(weightDecay: number): Transform<Record<string, never>> {
  const lambda = checkNumber(weightDecay, 'weight_decay value', 0);
  return {
    name: 'decoupledWeightDecay',
    keys: [],
    decoupledWeightDecay: lambda,
    init: () => ({}),
    update(u, _out, _state, ctx) {
      const p = ctx.params;
      const keep = 1 - ctx.lr * lambda;
      const n = p.length;
      for (let i = 0; i < n; i++) p[i] *= keep;
      return u;
    },
  };
}

/** State of the `trace` block. */
export interface TraceState {
  /** The momentum buffer b_t (PyTorch: `momentum_buffer`). */
  momentumBuffer: Float64Array;
}

/**
 * Momentum, PyTorch style (heavy ball: Polyak 1964; Nesterov variant as in Sutskever et al. 2013):
 *
 * $b_1 = g_1$, then $b_t \leftarrow \mu\, b_{t-1} + (1-\tau)\, g_t$, and the update is
 * $u_t = b_t$, or with Nesterov $u_t = g_t + \mu\, b_t$.
 *
 * Convention: the learning rate is outside the buffer (θ ← θ − η b). Sutskever et al. and Keras put
 * it inside, v ← μv − ηg, θ ← θ + v; with a constant η the two are the same trajectory (v = −η b),
 * but they differ when η changes during training. The first buffer value is the first gradient
 * with no dampening, as in PyTorch; TF.js starts its accumulator at 0 and computes μ·0 + g, which
 * is the same number. With dampening τ > 0 PyTorch's first step is still undamped.
 */
export function trace(options: { momentum: number; dampening?: number; nesterov?: boolean }): Transform<TraceState> {
  checkKeys(options, ['momentum', 'dampening', 'nesterov'], 'trace');
  const mu = checkNumber(options.momentum, 'momentum value', 0);
  const dampening = checkNumber(options.dampening ?? 0, 'dampening value', 0, 1);
  const nesterov = checkBoolean(options.nesterov ?? false, 'nesterov');
  const keepG = 1 - dampening;
  return {
    name: 'trace',
    keys: ['momentumBuffer'],
    init: (params) => ({ momentumBuffer: new Float64Array(params.length) }),
    update(u, out, state, ctx) {
      const b = state.momentumBuffer;
      // Step 1: b starts at 0, so 0·0 + 1·g₁ = g₁, PyTorch's undamped first buffer (one loop for all steps).
      const decay = ctx.t === 1 ? 0 : mu;
      const gain = ctx.t === 1 ? 1 : keepG;
      const n = u.length;
      if (nesterov) {
        for (let i = 0; i < n; i++) {
          const g = u[i];
          const bi = b[i] * decay + gain * g;
          b[i] = bi;
          out[i] = g + mu * bi;
        }
        return out;
      }
      for (let i = 0; i < n; i++) b[i] = b[i] * decay + gain * u[i];
      return b;
    },
    foldsWeightDecay: true,
    updateAndApply(u, state, ctx) {
      const b = state.momentumBuffer;
      const p = ctx.params;
      const keep = ctx.keep;
      const negLr = -ctx.lr;
      const decay = ctx.t === 1 ? 0 : mu;
      const gain = ctx.t === 1 ? 1 : keepG;
      const lambda = ctx.weightDecay;
      const n = u.length;
      // SGD with momentum and weight decay, the classic recipe, as one loop: g = u + λθ first.
      if (lambda !== 0 && nesterov) {
        for (let i = 0; i < n; i++) {
          const pi = p[i];
          const g = u[i] + lambda * pi;
          const bi = b[i] * decay + gain * g;
          b[i] = bi;
          p[i] = pi * keep + negLr * (g + mu * bi);
        }
        return;
      }
      if (lambda !== 0) {
        for (let i = 0; i < n; i++) {
          const pi = p[i];
          const bi = b[i] * decay + gain * (u[i] + lambda * pi);
          b[i] = bi;
          p[i] = pi * keep + negLr * bi;
        }
        return;
      }
      if (nesterov) {
        for (let i = 0; i < n; i++) {
          const g = u[i];
          const bi = b[i] * decay + gain * g;
          b[i] = bi;
          p[i] = p[i] * keep + negLr * (g + mu * bi);
        }
        return;
      }
      for (let i = 0; i < n; i++) {
        const bi = b[i] * decay + gain * u[i];
        b[i] = bi;
        p[i] = p[i] * keep + negLr * bi;
      }
    },
  };
}

/** State of the `scaleByRss` block (AdaGrad). */
export interface RssState {
  /** The running sum of squared gradients G_t (PyTorch: `sum`). */
  sum: Float64Array;
}

/**
 * AdaGrad's scaling (Duchi, Hazan & Singer, "Adaptive Subgradient Methods", JMLR 2011): divide by
 * the root of the sum of all squared gradients so far.
 *
 * $G_t \leftarrow G_{t-1} + g_t^2$, $\quad u_t = \dfrac{g_t}{\sqrt{G_t} + \epsilon}$, with $G_0$ = `initialAccumulatorValue`.
 *
 * Convention: PyTorch adds ε outside the square root and starts G at 0 (ε = 1e-10); Keras and TF.js
 * start G at 0.1 and add ε inside, $\sqrt{G_t + \epsilon}$ (ε = 1e-7; TF.js: its backend's epsilon(),
 * 1e-7 in float32). `initialAccumulatorValue: 0.1 + 1e-7` with `eps: 0` is their rule, and agrees
 * with their numbers up to rounding (G + ε is summed in a different order).
 */
export function scaleByRss(options: { eps?: number; initialAccumulatorValue?: number } = {}): Transform<RssState> {
  checkKeys(options, ['eps', 'initialAccumulatorValue'], 'scaleByRss');
  const eps = checkNumber(options.eps ?? 1e-10, 'epsilon value', 0);
  const initial = checkNumber(options.initialAccumulatorValue ?? 0, 'initial_accumulator_value value', 0);
  return {
    name: 'scaleByRss',
    keys: ['sum'],
    init: (params) => ({ sum: new Float64Array(params.length).fill(initial) }),
    update(u, out, state) {
      const s = state.sum;
      const n = u.length;
      for (let i = 0; i < n; i++) {
        const g = u[i];
        const si = s[i] + g * g;
        s[i] = si;
        out[i] = g / (Math.sqrt(si + 0) + eps); // + 0: see updateAndApply; the same arithmetic on both paths
      }
      return out;
    },
    updateAndApply(u, state, ctx) {
      // PyTorch: sum.addcmul_(g, g); param.addcdiv_(g, sum.sqrt().add_(eps), value=-clr)
      const s = state.sum;
      const p = ctx.params;
      const keep = ctx.keep;
      const negLr = -ctx.lr;
      const n = u.length;
      // `si + 0` is si (a sum ending in + g², which is never −0, is never −0 itself), but the extra
      // addition stops Node 22's V8 from compiling the square root with a false dependency on the
      // previous element's division, which made this loop 2.4× slower there (test/bench/engine.ts).
      // Chromium's V8 runs both forms at the same speed.
      for (let i = 0; i < n; i++) {
        const g = u[i];
        const si = s[i] + g * g;
        s[i] = si;
        p[i] = p[i] * keep + (negLr * g) / (Math.sqrt(si + 0) + eps);
      }
    },
  };
}

/** State of the `scaleByRms` block (RMSprop). */
export interface RmsState {
  /** Moving average of squared gradients v_t (PyTorch: `square_avg`). */
  v: Float64Array;
  /** Moving average of gradients, only when centered (PyTorch: `grad_avg`). */
  gradAvg?: Float64Array;
}

/**
 * RMSprop's scaling (Hinton, Coursera lecture 6e, 2012; centered variant: Graves 2013, "Generating
 * Sequences With Recurrent Neural Networks"):
 *
 * $v_t \leftarrow \alpha\, v_{t-1} + (1-\alpha)\, g_t^2$, $\quad u_t = \dfrac{g_t}{\sqrt{v_t} + \epsilon}$;
 * centered: $\bar g_t \leftarrow \alpha\, \bar g_{t-1} + (1-\alpha)\, g_t$ and
 * $u_t = \dfrac{g_t}{\sqrt{v_t - \bar g_t^2} + \epsilon}$.
 *
 * Convention: PyTorch's α = 0.99 is Keras' `rho` and TF.js' `decay`, both defaulting to 0.9. PyTorch
 * adds ε outside the root (1e-8); Keras and TF.js add it inside, √(v + ε) with ε = 1e-7 (TF.js: its
 * backend's epsilon(), 1e-7 in float32), and TF.js'
 * centered form computes √(v − (ḡ² + ε)), subtracting ε. With ε = 0 all three agree.
 */
export function scaleByRms(options: { alpha?: number; eps?: number; centered?: boolean } = {}): Transform<RmsState> {
  checkKeys(options, ['alpha', 'eps', 'centered'], 'scaleByRms');
  const alpha = checkNumber(options.alpha ?? 0.99, 'alpha value', 0, 1);
  const eps = checkNumber(options.eps ?? 1e-8, 'epsilon value', 0);
  const centered = checkBoolean(options.centered ?? false, 'centered');
  const w = 1 - alpha; // PyTorch: value=1 - alpha, lerp weight 1 - alpha
  const { fromStart, k } = lerpForm(w);
  return {
    name: 'scaleByRms',
    keys: centered ? ['v', 'gradAvg'] : ['v'],
    init: (params) =>
      centered
        ? { v: new Float64Array(params.length), gradAvg: new Float64Array(params.length) }
        : { v: new Float64Array(params.length) },
    update(u, out, state) {
      const v = state.v;
      const n = u.length;
      if (centered) {
        const a = state.gradAvg!;
        for (let i = 0; i < n; i++) {
          const g = u[i];
          const vi = v[i] * alpha + w * g * g;
          v[i] = vi;
          const prev = a[i];
          const ai = (fromStart ? prev : g) + k * (g - prev);
          a[i] = ai;
          out[i] = g / (Math.sqrt(vi - ai * ai) + eps);
        }
        return out;
      }
      for (let i = 0; i < n; i++) {
        const g = u[i];
        const vi = v[i] * alpha + w * g * g;
        v[i] = vi;
        out[i] = g / (Math.sqrt(vi) + eps);
      }
      return out;
    },
    updateAndApply(u, state, ctx) {
      // PyTorch: param.addcdiv_(grad, avg, value=-lr)
      const v = state.v;
      const p = ctx.params;
      const keep = ctx.keep;
      const negLr = -ctx.lr;
      const n = u.length;
      if (centered) {
        const a = state.gradAvg!;
        for (let i = 0; i < n; i++) {
          const g = u[i];
          const vi = v[i] * alpha + w * g * g;
          v[i] = vi;
          const prev = a[i];
          const ai = (fromStart ? prev : g) + k * (g - prev);
          a[i] = ai;
          p[i] = p[i] * keep + (negLr * g) / (Math.sqrt(vi - ai * ai) + eps);
        }
        return;
      }
      for (let i = 0; i < n; i++) {
        const g = u[i];
        const vi = v[i] * alpha + w * g * g;
        v[i] = vi;
        p[i] = p[i] * keep + (negLr * g) / (Math.sqrt(vi) + eps);
      }
    },
  };
}

/** State of the `scaleByAdam` block. */
export interface AdamMoments {
  /** First moment m_t, the moving average of gradients (PyTorch: `exp_avg`). */
  m: Float64Array;
  /** Second moment v_t, the moving average of squared gradients (PyTorch: `exp_avg_sq`). */
  v: Float64Array;
  /** Running maximum of v_t, only with AMSGrad (PyTorch: `max_exp_avg_sq`). */
  vMax?: Float64Array;
}

/**
 * Adam's scaling (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; AMSGrad:
 * Reddi, Kale & Kumar, "On the Convergence of Adam and Beyond", ICLR 2018):
 *
 * $m_t \leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t$, $\quad v_t \leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t^2$,
 * $\quad u_t = \dfrac{m_t / (1-\beta_1^t)}{\sqrt{v_t}/\sqrt{1-\beta_2^t} + \epsilon}$.
 * AMSGrad replaces $v_t$ in the denominator by $v^{max}_t = \max(v^{max}_{t-1}, v_t)$ (of the raw,
 * uncorrected $v_t$, as PyTorch does).
 *
 * Convention: PyTorch's docs write $\hat m_t / (\sqrt{\hat v_t} + \epsilon)$; its code (and this
 * block) computes $\sqrt{v_t}/\sqrt{1-\beta_2^t} + \epsilon$, the same number up to rounding. TF.js
 * computes the docs' form (default ε: its backend's epsilon(), 1e-7 in float32). Keras puts ε outside the bias correction ("epsilon
 * hat", Kingma & Ba §2): $\eta\sqrt{1-\beta_2^t}/(1-\beta_1^t) \cdot m_t/(\sqrt{v_t}+\hat\epsilon)$,
 * which equals ours with $\epsilon = \hat\epsilon / \sqrt{1-\beta_2^t}$, a larger ε early on.
 *
 * Convention: $\sqrt{1-\beta_2^t}$ is `Math.sqrt`, correctly rounded, as in PyTorch's older
 * `math.sqrt(bias_correction2)`. Recent PyTorch writes `bias_correction2 ** 0.5`, the C library's
 * pow, which on glibc 2.36 differs in the last bit for 5 of the first 20,000 steps at β₂ = 0.999
 * (t = 1270, 2582, …) and, at β₂ = 0.99, on 110 steps from t = 3615, where 1 − β₂ᵗ is within an
 * ulp or two of 1: a relative 1e-16 in the denominator.
 */
export function scaleByAdam(
  options: { betas?: readonly [number, number]; eps?: number; amsgrad?: boolean } = {},
): Transform<AdamMoments> {
  checkKeys(options, ['betas', 'eps', 'amsgrad'], 'scaleByAdam');
  const eps = checkNumber(options.eps ?? 1e-8, 'epsilon value', 0);
  const betas = options.betas ?? [0.9, 0.999];
  if (!Array.isArray(betas) || betas.length !== 2) {
    throw new RangeError(`Invalid betas: ${show(betas)} (expected two numbers, e.g. [0.9, 0.999])`);
  }
  const beta1 = checkNumber(betas[0], 'beta parameter at index 0', 0, 1, true);
  const beta2 = checkNumber(betas[1], 'beta parameter at index 1', 0, 1, true);
  const amsgrad = checkBoolean(options.amsgrad ?? false, 'amsgrad');
  const { fromStart, k } = lerpForm(1 - beta1); // PyTorch: exp_avg.lerp_(grad, 1 - beta1)
  const c2 = 1 - beta2; // PyTorch: exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)

  // Updates m, v (and vMax); leaves the denominators √v/√(1−β₂ᵗ) + ε in `out`.
  function moments(u: Float64Array, state: AdamMoments, t: number, out: Float64Array): void {
    const { m, v } = state;
    const bc2Sqrt = Math.sqrt(1 - powInt(beta2, t));
    const n = u.length;
    const vMax = state.vMax;
    for (let i = 0; i < n; i++) {
      const g = u[i];
      const prev = m[i];
      m[i] = (fromStart ? prev : g) + k * (g - prev);
      let vi = v[i] * beta2 + c2 * g * g;
      v[i] = vi;
      if (vMax) {
        vi = Math.max(vMax[i], vi); // like torch.maximum, NaN wins
        vMax[i] = vi;
      }
      out[i] = Math.sqrt(vi) / bc2Sqrt + eps;
    }
  }

  return {
    name: 'scaleByAdam',
    keys: amsgrad ? ['m', 'v', 'vMax'] : ['m', 'v'],
    init: (params) =>
      amsgrad
        ? {
            m: new Float64Array(params.length),
            v: new Float64Array(params.length),
            vMax: new Float64Array(params.length),
          }
        : { m: new Float64Array(params.length), v: new Float64Array(params.length) },
    update(u, out, state, ctx) {
      moments(u, state, ctx.t, out);
      const bc1 = 1 - powInt(beta1, ctx.t);
      const m = state.m;
      const n = u.length;
      for (let i = 0; i < n; i++) out[i] = m[i] / bc1 / out[i];
      return out;
    },
    updateAndApply(u, state, ctx) {
      const t = ctx.t;
      // PyTorch: step_size = lr / bias_correction1; denom = (v.sqrt() / bias_correction2_sqrt).add_(eps);
      //          param.addcdiv_(exp_avg, denom, value=-step_size)
      const negStep = -(ctx.lr / (1 - powInt(beta1, t)));
      const bc2Sqrt = Math.sqrt(1 - powInt(beta2, t));
      const { m, v } = state;
      const p = ctx.params;
      const keep = ctx.keep;
      const n = u.length;
      if (state.vMax) {
        const vMax = state.vMax;
        for (let i = 0; i < n; i++) {
          const g = u[i];
          const prev = m[i];
          const mi = (fromStart ? prev : g) + k * (g - prev);
          m[i] = mi;
          const vi = v[i] * beta2 + c2 * g * g;
          v[i] = vi;
          const top = Math.max(vMax[i], vi); // like torch.maximum, NaN wins
          vMax[i] = top;
          p[i] = p[i] * keep + (negStep * mi) / (Math.sqrt(top) / bc2Sqrt + eps);
        }
        return;
      }
      for (let i = 0; i < n; i++) {
        const g = u[i];
        const prev = m[i];
        const mi = (fromStart ? prev : g) + k * (g - prev);
        m[i] = mi;
        const vi = v[i] * beta2 + c2 * g * g;
        v[i] = vi;
        p[i] = p[i] * keep + (negStep * mi) / (Math.sqrt(vi) / bc2Sqrt + eps);
      }
    },
  };
}
