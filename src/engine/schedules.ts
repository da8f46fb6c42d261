// Learning-rate schedules: plain functions from a step index to a learning rate, usable anywhere an
// optimizer takes `lr`. Each matches the closed form of the PyTorch scheduler it is named after.

import { checkInteger, checkKeys, checkNumber, show } from './validate.ts';

/**
 * A learning-rate schedule: `s => η_s`, where s is the number of optimizer steps already taken
 * (0 for the first step). This is PyTorch's `last_epoch` when `scheduler.step()` is called once after
 * every `optimizer.step()`, so η_s here equals what PyTorch uses on its (s+1)-th step.
 */
export type Schedule = (step: number) => number;

/** A constant learning rate: $\eta_s = \eta$. */
export function constant(lr: number): Schedule {
  const value = checkNumber(lr, 'learning rate', 0);
  return () => value;
}

/**
 * Step decay, PyTorch's `StepLR`: multiply by γ every `stepSize` steps,
 * $\eta_s = \eta\, \gamma^{\lfloor s / \text{stepSize} \rfloor}$.
 */
export function stepDecay(options: { lr: number; stepSize: number; gamma?: number }): Schedule {
  checkKeys(options, ['lr', 'stepSize', 'gamma'], 'stepDecay');
  const lr = checkNumber(options.lr, 'learning rate', 0);
  const stepSize = checkInteger(options.stepSize, 'step_size', 1);
  const gamma = checkNumber(options.gamma ?? 0.1, 'gamma value', 0);
  return (s) => lr * gamma ** Math.floor(s / stepSize);
}

/**
 * Cosine annealing, the closed form of PyTorch's `CosineAnnealingLR` (Loshchilov & Hutter, "SGDR",
 * ICLR 2017): $\eta_s = \eta_{min} + \tfrac12(\eta - \eta_{min})\left(1 + \cos\frac{\pi s}{T_{max}}\right)$.
 *
 * Reaches `etaMin` at s = tMax. Like PyTorch's formula, it is periodic: past tMax the rate climbs back
 * up (period 2·tMax), so set tMax to the number of steps you will train for.
 */
export function cosineAnnealing(options: { lr: number; tMax: number; etaMin?: number }): Schedule {
  checkKeys(options, ['lr', 'tMax', 'etaMin'], 'cosineAnnealing');
  const lr = checkNumber(options.lr, 'learning rate', 0);
  const tMax = checkInteger(options.tMax, 'T_max', 1);
  const etaMin = checkNumber(options.etaMin ?? 0, 'eta_min value', 0);
  return (s) => etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * s) / tMax))) / 2;
}

/**
 * Linear warmup, PyTorch's `LinearLR` with `end_factor = 1`: the factor grows linearly from
 * `startFactor` to 1 over `warmupSteps` steps, then stays at 1:
 * $\eta_s = \eta\,\big(f_0 + (1 - f_0)\min(s, W)/W\big)$.
 *
 * Descent allows `startFactor: 0` (PyTorch requires it to be > 0); the default 1/3 is PyTorch's.
 */
export function linearWarmup(options: { lr: number; warmupSteps: number; startFactor?: number }): Schedule {
  checkKeys(options, ['lr', 'warmupSteps', 'startFactor'], 'linearWarmup');
  const lr = checkNumber(options.lr, 'learning rate', 0);
  const warmup = checkInteger(options.warmupSteps, 'warmupSteps', 1);
  const f0 = checkNumber(options.startFactor ?? 1 / 3, 'start_factor value', 0, 1);
  return (s) => lr * (f0 + ((1 - f0) * Math.min(s, warmup)) / warmup);
}

/**
 * Runs schedules one after another, PyTorch's `SequentialLR`: schedule i takes over at step
 * `milestones[i-1]` and restarts its own count there (it sees s − milestone).
 */
export function sequential(schedules: readonly Schedule[], milestones: readonly number[]): Schedule {
  if (!Array.isArray(schedules) || schedules.length === 0 || schedules.some((f) => typeof f !== 'function')) {
    throw new TypeError(`sequential: expected an array of schedules, got ${show(schedules)}`);
  }
  if (!Array.isArray(milestones) || milestones.length !== schedules.length - 1) {
    throw new RangeError(
      `sequential: expected ${schedules.length - 1} milestones for ${schedules.length} schedules, got ${show(milestones)}`,
    );
  }
  milestones.forEach((m, i) => {
    checkInteger(m, `milestone at index ${i}`, 1);
    if (i > 0 && m <= milestones[i - 1])
      throw new RangeError(`sequential: milestones must increase, got ${show(milestones)}`);
  });
  return (s) => {
    let i = 0;
    while (i < milestones.length && s >= milestones[i]) i++;
    return schedules[i](i === 0 ? s : s - milestones[i - 1]);
  };
}

/**
 * Linear warmup for `warmupSteps` steps, then cosine annealing down to `etaMin` at `totalSteps`:
 * `sequential([linearWarmup(...), cosineAnnealing({ tMax: totalSteps − warmupSteps })], [warmupSteps])`.
 */
export function warmupCosine(options: {
  lr: number;
  warmupSteps: number;
  totalSteps: number;
  etaMin?: number;
  startFactor?: number;
}): Schedule {
  checkKeys(options, ['lr', 'warmupSteps', 'totalSteps', 'etaMin', 'startFactor'], 'warmupCosine');
  const warmupSteps = checkInteger(options.warmupSteps, 'warmupSteps', 1);
  const totalSteps = checkInteger(options.totalSteps, 'totalSteps', warmupSteps + 1);
  return sequential(
    [
      linearWarmup({ lr: options.lr, warmupSteps, startFactor: options.startFactor ?? 1 / 3 }),
      cosineAnnealing({ lr: options.lr, tMax: totalSteps - warmupSteps, etaMin: options.etaMin ?? 0 }),
    ],
    [warmupSteps],
  );
}
