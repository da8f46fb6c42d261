// Runs the engine with the student's options next to the other library's update rule (transcribed
// from keras/src/optimizers/*.py in Keras 3.15 and tfjs-core 4.22's optimizers/*.js, in float64)
// and stops at the first step where the parameters differ.
import { adagrad, adam, quadratic, rmsprop, sgd } from 'descent';
import type { Optimizer } from 'descent';
import { expectSteps, fail } from 'descent/check';
import { adagradOptions, adamOptions, rmspropOptions, sgdOptions } from 'student';

// Gradients between about 0.05 and 1, where AdaGrad's starting value and the decay rates matter.
const bowl = quadratic({ eigenvalues: [0.05, 0.3, 1], center: [0.5, -0.2, 0.1] });
const START = [1, -2, 0.5];
const n = START.length;

/** The other library's rule: given θ and g, update θ in place. */
type Rule = (theta: Float64Array, g: Float64Array) => void;

function kerasAdagrad(lr: number): Rule {
  const G = new Float64Array(n).fill(0.1);
  return (theta, g) => {
    for (let i = 0; i < n; i++) {
      G[i] += g[i] * g[i];
      theta[i] -= (lr * g[i]) / Math.sqrt(G[i] + 1e-7);
    }
  };
}

function tfjsRmsprop(lr: number, decay: number, epsilon: number): Rule {
  const v = new Float64Array(n);
  return (theta, g) => {
    for (let i = 0; i < n; i++) {
      v[i] = v[i] * decay + g[i] * g[i] * (1 - decay);
      theta[i] -= (g[i] * lr) / Math.sqrt(v[i] + epsilon);
    }
  };
}

function kerasNesterov(lr: number, momentum: number): Rule {
  const m = new Float64Array(n);
  return (theta, g) => {
    for (let i = 0; i < n; i++) {
      m[i] = m[i] * momentum - g[i] * lr;
      theta[i] += m[i] * momentum - g[i] * lr;
    }
  };
}

function tfjsAdam(lr: number): Rule {
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  let t = 0;
  return (theta, g) => {
    t++;
    for (let i = 0; i < n; i++) {
      m[i] = m[i] * 0.9 + g[i] * 0.1;
      v[i] = v[i] * 0.999 + g[i] * g[i] * (1 - 0.999);
      const mHat = m[i] / (1 - 0.9 ** t);
      const vHat = v[i] / (1 - 0.999 ** t);
      theta[i] += (mHat / (Math.sqrt(vHat) + 1e-7)) * -lr;
    }
  };
}

function engine(name: string, make: (o: never) => Optimizer, options: unknown): Optimizer {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    fail(`export ${name}Options as an object of options, for example { lr: 0.05 } (found ${String(options)})`);
  }
  try {
    return make(options as never);
  } catch (error) {
    fail(`${name}(${JSON.stringify(options)}) is not a valid configuration: ${(error as Error).message}`);
  }
}

const tasks: [string, unknown, string, Optimizer, Rule][] = [
  [
    'adagrad',
    adagradOptions,
    "Keras' Adagrad(learning_rate=0.05)",
    engine('adagrad', adagrad, adagradOptions),
    kerasAdagrad(0.05),
  ],
  [
    'rmsprop',
    rmspropOptions,
    "TF.js' rmsprop(0.01, 0.9, 0, 0)",
    engine('rmsprop', rmsprop, rmspropOptions),
    tfjsRmsprop(0.01, 0.9, 0),
  ],
  [
    'sgd',
    sgdOptions,
    "Keras' SGD(learning_rate=0.05, momentum=0.9, nesterov=True)",
    engine('sgd', sgd, sgdOptions),
    kerasNesterov(0.05, 0.9),
  ],
  ['adam', adamOptions, "TF.js' adam(0.02)", engine('adam', adam, adamOptions), tfjsAdam(0.02)],
];

for (const [name, options, other, optimizer, rule] of tasks) {
  const mine = Float64Array.from(START);
  const state = optimizer.init(mine);
  const theirs = Float64Array.from(START);
  const g = new Float64Array(n);
  expectSteps({
    steps: 20,
    student: () => {
      bowl.grad(mine, g);
      optimizer.step(mine, g, state);
      return mine;
    },
    reference: () => {
      bowl.grad(theirs, g);
      rule(theirs, g);
      return theirs;
    },
    what: `${name}(${JSON.stringify(options)}) run against ${other}`,
  });
}
