// Every hyperparameter is checked at construction, PyTorch-style, with the value in the message.
// Descent is stricter than PyTorch: NaN and ±Infinity are rejected everywhere, dampening must be
// in [0, 1] and RMSprop's alpha in [0, 1].
import { describe, expect, it } from 'vitest';
import {
  adagrad,
  adam,
  adamw,
  chain,
  momentum,
  nesterov,
  rmsprop,
  scaleByAdam,
  scaleByLearningRate,
  scaleByRms,
  sgd,
  trace,
} from '../../src/engine/index.ts';

const bad: [string, () => unknown, string][] = [
  ['sgd lr −1', () => sgd({ lr: -1 }), 'Invalid learning rate: -1'],
  ['sgd lr NaN', () => sgd({ lr: NaN }), 'Invalid learning rate: NaN'],
  ['sgd lr Infinity', () => sgd({ lr: Infinity }), 'Invalid learning rate: Infinity'],
  [
    'sgd lr as a string',
    () => sgd({ lr: '0.1' as unknown as number }),
    'Invalid learning rate: "0.1" (a string, expected a number)',
  ],
  ['sgd momentum −0.5', () => sgd({ momentum: -0.5 }), 'Invalid momentum value: -0.5'],
  ['sgd momentum NaN', () => sgd({ momentum: NaN }), 'Invalid momentum value: NaN'],
  ['sgd weight decay −0.1', () => sgd({ weightDecay: -0.1 }), 'Invalid weight_decay value: -0.1'],
  ['sgd weight decay −Infinity', () => sgd({ weightDecay: -Infinity }), 'Invalid weight_decay value: -Infinity'],
  ['sgd dampening 1.5', () => sgd({ momentum: 0.9, dampening: 1.5 }), 'Invalid dampening value: 1.5'],
  ['sgd dampening NaN', () => sgd({ dampening: NaN }), 'Invalid dampening value: NaN'],
  [
    'sgd nesterov without momentum',
    () => sgd({ nesterov: true }),
    'Nesterov momentum requires a momentum and zero dampening',
  ],
  [
    'sgd nesterov with dampening',
    () => sgd({ momentum: 0.9, dampening: 0.1, nesterov: true }),
    'Nesterov momentum requires a momentum and zero dampening',
  ],
  [
    'sgd nesterov not a boolean',
    () => sgd({ nesterov: 1 as unknown as boolean }),
    'Invalid nesterov value: 1 (expected true or false)',
  ],
  ['sgd unknown option', () => sgd({ learningRate: 0.1 } as object), 'Unknown option "learningRate" for sgd'],
  ['momentum lr −1', () => momentum({ lr: -1 }), 'Invalid learning rate: -1'],
  ['nesterov momentum 0', () => nesterov({ momentum: 0 }), 'Nesterov momentum requires a momentum and zero dampening'],
  ['adagrad lr −1', () => adagrad({ lr: -1 }), 'Invalid learning rate: -1'],
  ['adagrad lr decay −1', () => adagrad({ lrDecay: -1 }), 'Invalid lr_decay value: -1'],
  ['adagrad lr decay NaN', () => adagrad({ lrDecay: NaN }), 'Invalid lr_decay value: NaN'],
  ['adagrad weight decay −1', () => adagrad({ weightDecay: -1 }), 'Invalid weight_decay value: -1'],
  [
    'adagrad initial accumulator −1',
    () => adagrad({ initialAccumulatorValue: -1 }),
    'Invalid initial_accumulator_value value: -1',
  ],
  [
    'adagrad initial accumulator Infinity',
    () => adagrad({ initialAccumulatorValue: Infinity }),
    'Invalid initial_accumulator_value value: Infinity',
  ],
  ['adagrad eps −1', () => adagrad({ eps: -1 }), 'Invalid epsilon value: -1'],
  ['rmsprop lr NaN', () => rmsprop({ lr: NaN }), 'Invalid learning rate: NaN'],
  ['rmsprop alpha −0.1', () => rmsprop({ alpha: -0.1 }), 'Invalid alpha value: -0.1'],
  ['rmsprop alpha 1.5', () => rmsprop({ alpha: 1.5 }), 'Invalid alpha value: 1.5'],
  ['rmsprop alpha NaN', () => rmsprop({ alpha: NaN }), 'Invalid alpha value: NaN'],
  ['rmsprop eps −1', () => rmsprop({ eps: -1 }), 'Invalid epsilon value: -1'],
  ['rmsprop momentum −1', () => rmsprop({ momentum: -1 }), 'Invalid momentum value: -1'],
  ['rmsprop weight decay NaN', () => rmsprop({ weightDecay: NaN }), 'Invalid weight_decay value: NaN'],
  [
    'rmsprop centered not a boolean',
    () => rmsprop({ centered: 'yes' as unknown as boolean }),
    'Invalid centered value',
  ],
  ['adam lr −1', () => adam({ lr: -1 }), 'Invalid learning rate: -1'],
  ['adam eps −1', () => adam({ eps: -1 }), 'Invalid epsilon value: -1'],
  ['adam eps NaN', () => adam({ eps: NaN }), 'Invalid epsilon value: NaN'],
  ['adam beta1 = 1', () => adam({ betas: [1, 0.999] }), 'Invalid beta parameter at index 0: 1'],
  ['adam beta1 −0.1', () => adam({ betas: [-0.1, 0.999] }), 'Invalid beta parameter at index 0: -0.1'],
  ['adam beta2 = 1', () => adam({ betas: [0.9, 1] }), 'Invalid beta parameter at index 1: 1'],
  ['adam beta2 NaN', () => adam({ betas: [0.9, NaN] }), 'Invalid beta parameter at index 1: NaN'],
  [
    'adam betas of the wrong length',
    () => adam({ betas: [0.9] as unknown as [number, number] }),
    'Invalid betas: [0.9]',
  ],
  ['adam weight decay −0.1', () => adam({ weightDecay: -0.1 }), 'Invalid weight_decay value: -0.1'],
  ['adam amsgrad not a boolean', () => adam({ amsgrad: 0 as unknown as boolean }), 'Invalid amsgrad value'],
  ['adam maximize not a boolean', () => adam({ maximize: 'no' as unknown as boolean }), 'Invalid maximize value'],
  ['adamw weight decay Infinity', () => adamw({ weightDecay: Infinity }), 'Invalid weight_decay value: Infinity'],
  ['adamw beta1 1.5', () => adamw({ betas: [1.5, 0.9] }), 'Invalid beta parameter at index 0: 1.5'],
  ['trace momentum −1', () => trace({ momentum: -1 }), 'Invalid momentum value: -1'],
  ['scaleByRms alpha 2', () => scaleByRms({ alpha: 2 }), 'Invalid alpha value: 2'],
  ['scaleByLearningRate −1', () => scaleByLearningRate(-1), 'Invalid learning rate: -1'],
  [
    'chain with two owners of v',
    () => chain(scaleByRms(), scaleByAdam()),
    'state key "v" is owned by both scaleByRms and scaleByAdam',
  ],
  [
    'chain with the learning rate not last',
    () => chain(scaleByLearningRate(0.1), scaleByAdam()),
    'scaleByLearningRate must be the last block',
  ],
  ['chain with something that is not a block', () => chain({} as never), 'chain: argument 0 is not a block'],
];

describe('constructors reject invalid hyperparameters with PyTorch-style messages', () => {
  it.each(bad)('%s', (_name, make, message) => {
    expect(make).toThrow(message);
  });

  it('accept every boundary value that is valid', () => {
    expect(() => sgd({ lr: 0, momentum: 0, dampening: 1, weightDecay: 0 })).not.toThrow();
    expect(() => adam({ betas: [0, 0], eps: 0 })).not.toThrow();
    expect(() => rmsprop({ alpha: 0 })).not.toThrow();
    expect(() => rmsprop({ alpha: 1 })).not.toThrow();
    expect(() => sgd({ momentum: 1.5 })).not.toThrow(); // allowed, like PyTorch: it diverges, which a lesson may show
  });
});

describe('with several invalid options, the first one PyTorch checks is named', () => {
  const cases: [string, () => unknown, string][] = [
    ['sgd: lr, momentum, weight_decay, then dampening', () => sgd({ dampening: 2, weightDecay: -1 }), 'weight_decay'],
    ['sgd: momentum before weight_decay', () => sgd({ weightDecay: -1, momentum: -1 }), 'Invalid momentum'],
    ['adagrad: lr_decay before eps', () => adagrad({ eps: -1, lrDecay: -1 }), 'Invalid lr_decay'],
    ['rmsprop: eps before alpha', () => rmsprop({ alpha: -1, eps: -1 }), 'Invalid epsilon value: -1'],
    ['rmsprop: momentum before weight_decay', () => rmsprop({ weightDecay: -1, momentum: -1 }), 'Invalid momentum'],
    ['rmsprop: weight_decay before alpha', () => rmsprop({ alpha: -1, weightDecay: -1 }), 'Invalid weight_decay'],
    ['adam: eps before betas', () => adam({ betas: [2, 2], eps: -1 }), 'Invalid epsilon value: -1'],
    ['adam: betas before weight_decay', () => adam({ weightDecay: -1, betas: [0.9, 2] }), 'at index 1: 2'],
  ];
  it.each(cases)('%s', (_name, make, message) => {
    expect(make).toThrow(message);
  });
});

describe('step rejects mismatched inputs', () => {
  const opt = adam();
  const p = new Float64Array(3);
  const state = opt.init(p);
  const cases: [string, () => unknown, string][] = [
    [
      'params as a plain array',
      () => opt.step([1, 2, 3] as unknown as Float64Array, new Float64Array(3), state),
      'adam.step: params must be a Float64Array, got a plain array; wrap it with new Float64Array(...)',
    ],
    [
      'grads as a Float32Array',
      () => opt.step(p, new Float32Array(3) as unknown as Float64Array, state),
      'adam.step: grads must be a Float64Array, got Float32Array',
    ],
    [
      'grads of another length',
      () => opt.step(p, new Float64Array(2), state),
      'adam.step: params has length 3 but grads has length 2',
    ],
    [
      'a state made for another length',
      () => opt.step(new Float64Array(5), new Float64Array(5), state),
      'adam.step: this state was made for 3 parameters, but params has length 5',
    ],
    [
      'a state from another optimizer',
      () => opt.step(p, new Float64Array(3), sgd().init(p) as never),
      'adam.step: state.m is missing or has the wrong length',
    ],
    [
      'no state',
      () => opt.step(p, new Float64Array(3), undefined as never),
      'adam.step: state must be the object returned by adam.init(params)',
    ],
    [
      'init with a plain array',
      () => opt.init([1, 2] as unknown as Float64Array),
      'adam.init: params must be a Float64Array, got a plain array',
    ],
  ];
  it.each(cases)('%s', (_name, act, message) => {
    expect(act).toThrow(message);
  });

  it('leaves params and state untouched when it throws', () => {
    const q = Float64Array.from([1, 2, 3]);
    const s = opt.init(q);
    expect(() => opt.step(q, new Float64Array(2), s)).toThrow();
    expect(Array.from(q)).toEqual([1, 2, 3]);
    expect(s.t).toBe(0);
  });
});
