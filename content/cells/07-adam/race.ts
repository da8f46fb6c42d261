import { adagrad, adam, adamw, beale, momentum, nesterov, rmsprop, rosenbrock, sgd } from 'descent';
import type { Objective, Optimizer } from 'descent';
import { landscape, lineChart, slider, table } from 'descent/display';

// One learning rate per family: a rate that suits SGD would barely move AdaGrad, and Adam's steps
// are about η long whatever the gradient, so each family gets its own slider.
const lrSgd = slider('η for SGD, momentum, Nesterov', { min: 1e-4, max: 1e-2, value: 1e-3, log: true });
const lrAdagrad = slider('η for AdaGrad', { min: 0.01, max: 10, value: 1, log: true });
const lrRmsprop = slider('η for RMSprop', { min: 1e-4, max: 1, value: 0.01, log: true });
const lrAdam = slider('η for Adam, AdamW', { min: 1e-3, max: 1, value: 0.1, log: true });

const STEPS = 1000;
// Below this loss we call the race won and stop drawing (a log axis would otherwise stretch to 1e-30).
const FINISHED = 1e-10;

function contestants(): [string, Optimizer][] {
  return [
    ['sgd', sgd({ lr: lrSgd })],
    ['momentum', momentum({ lr: lrSgd })], // μ = 0.9
    ['nesterov', nesterov({ lr: lrSgd })], // μ = 0.9
    ['adagrad', adagrad({ lr: lrAdagrad })],
    ['rmsprop', rmsprop({ lr: lrRmsprop })], // α = 0.99
    ['adam', adam({ lr: lrAdam })], // β = (0.9, 0.999)
    ['adamw', adamw({ lr: lrAdam })], // and weight decay λ = 0.01
  ];
}

interface Runner {
  name: string;
  objective: Objective;
  optimizer: Optimizer;
  theta: Float64Array;
  grad: Float64Array;
  state: ReturnType<Optimizer['init']>;
  path: { add(name: string, x: number, y: number): void };
  chart: { add(name: string, x: number, y: number): void };
  loss: number;
  outcome: string;
  done: boolean;
}

const runners: Runner[] = [];
for (const objective of [rosenbrock(), beale()]) {
  const path = landscape(objective, { title: `${objective.name}: paths from (${objective.start.join(', ')})` });
  const chart = lineChart({ title: `${objective.name}: loss`, y: 'f(θ)', logY: true });
  for (const [name, optimizer] of contestants()) {
    const theta = Float64Array.from(objective.start);
    runners.push({
      name,
      objective,
      optimizer,
      theta,
      grad: new Float64Array(2),
      state: optimizer.init(theta),
      path,
      chart,
      loss: NaN,
      outcome: `${STEPS} steps`,
      done: false,
    });
  }
}

// The race: every optimizer takes step t before any takes step t + 1, so the paths grow together.
for (let t = 0; t <= STEPS; t++) {
  for (const r of runners) {
    if (r.done) continue;
    const f = r.objective.grad(r.theta, r.grad); // f(θ_t), and ∇f(θ_t) into r.grad
    if (!Number.isFinite(f) || f > 1e6) {
      r.done = true;
      r.outcome = `diverged at step ${t}`;
      continue;
    }
    r.loss = f;
    r.path.add(r.name, r.theta[0], r.theta[1]);
    r.chart.add(r.name, t, f);
    if (f < FINISHED) {
      r.done = true;
      r.outcome = `f < 1e-10 at step ${t}`;
      continue;
    }
    if (t < STEPS) r.optimizer.step(r.theta, r.grad, r.state);
  }
}

const rows = runners.map((r) => ({
  landscape: r.objective.name,
  optimizer: r.name,
  'final f(θ)': Number(r.loss.toPrecision(3)),
  'final θ': `(${r.theta[0].toFixed(3)}, ${r.theta[1].toFixed(3)})`,
  outcome: r.outcome,
}));
table(rows, { title: 'Where each optimizer ended' });
