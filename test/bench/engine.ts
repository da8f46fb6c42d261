// Engine benchmark. Run: npm run bench  (node --experimental-strip-types --expose-gc test/bench/engine.ts)
//
// 1. Each optimizer's `step` on 1e6 parameters against a hand-fused loop of the same rule written
//    here (one pass over memory: the practical limit). Target: ratio ≤ 1.3.
// 2. The same step in @tensorflow/tfjs-core on its CPU backend (float32). Target: ≥ 40× faster.
// 3. One epoch of a 2-16-16-1 tanh MLP on 1,000 points, batch 32, Adam, against tfjs-core. Target: ≥ 20×.
// Times are medians over repetitions, engine and reference measured alternately in the same run.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  adagrad,
  adam,
  adamw,
  bceWithLogits,
  epochBatches,
  mlp,
  momentum,
  nesterov,
  rmsprop,
  rng,
  sgd,
  twoMoons,
} from '../../src/engine/index.ts';
import type { Optimizer } from '../../src/engine/index.ts';

const N = 1_000_000;
const TRIALS = Number(process.env.BENCH_TRIALS ?? 5);
const SAMPLES = 25;
const WARMUP = 40;
const REPS = 11; // tfjs steps and MLP epochs (alternating with the engine)
const EPOCH_WARMUP = 30;
const TFJS_WARMUP = 10;

// With --expose-gc (as `npm run bench` passes), collect between cases so a major GC does not land in a timing.
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function filled(seed: number, scale = 1): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: N }, () => r.normal() * scale);
}

// ---- hand-fused reference loops: one specialised loop per rule, same arithmetic as the engine ----
type Fused = { step(p: Float64Array, g: Float64Array): void };

function fusedSgd(lr: number): Fused {
  return {
    step(p, g) {
      const negLr = -lr;
      for (let i = 0; i < N; i++) p[i] += negLr * g[i];
    },
  };
}
function fusedMomentum(lr: number, mu: number): Fused {
  const b = new Float64Array(N);
  let t = 0;
  return {
    step(p, g) {
      const negLr = -lr;
      const m = mu;
      if (++t === 1) {
        for (let i = 0; i < N; i++) {
          b[i] = g[i];
          p[i] += negLr * g[i];
        }
        return;
      }
      for (let i = 0; i < N; i++) {
        const bi = b[i] * m + g[i];
        b[i] = bi;
        p[i] += negLr * bi;
      }
    },
  };
}
function fusedNesterov(lr: number, mu: number): Fused {
  const b = new Float64Array(N);
  let t = 0;
  return {
    step(p, g) {
      const negLr = -lr;
      const decay = ++t === 1 ? 0 : mu;
      const m = mu;
      for (let i = 0; i < N; i++) {
        const gi = g[i];
        const bi = b[i] * decay + gi;
        b[i] = bi;
        p[i] += negLr * (gi + m * bi);
      }
    },
  };
}
function fusedSgdWd(lr: number, mu: number, wd: number): Fused {
  const b = new Float64Array(N);
  let t = 0;
  return {
    step(p, g) {
      const negLr = -lr;
      const decay = ++t === 1 ? 0 : mu;
      const lambda = wd;
      for (let i = 0; i < N; i++) {
        const gi = g[i] + lambda * p[i];
        const bi = b[i] * decay + gi;
        b[i] = bi;
        p[i] += negLr * bi;
      }
    },
  };
}
function fusedAdagrad(lr: number, eps: number): Fused {
  const s = new Float64Array(N);
  return {
    step(p, g) {
      const negLr = -lr;
      const e = eps;
      for (let i = 0; i < N; i++) {
        const gi = g[i];
        const si = s[i] + gi * gi;
        s[i] = si;
        // + 0 as in the engine: without it Node 22 compiles this loop 2.4× slower (see scaleByRss).
        p[i] += (negLr * gi) / (Math.sqrt(si + 0) + e);
      }
    },
  };
}
function fusedRmsprop(lr: number, alpha: number, eps: number): Fused {
  const v = new Float64Array(N);
  const w = 1 - alpha;
  return {
    step(p, g) {
      const negLr = -lr;
      const a = alpha;
      const e = eps;
      for (let i = 0; i < N; i++) {
        const gi = g[i];
        const vi = v[i] * a + w * gi * gi;
        v[i] = vi;
        p[i] += (negLr * gi) / (Math.sqrt(vi) + e);
      }
    },
  };
}
function fusedRmspropCenteredMomentum(lr: number, alpha: number, eps: number, mu: number): Fused {
  const v = new Float64Array(N);
  const a = new Float64Array(N);
  const b = new Float64Array(N);
  const w = 1 - alpha;
  return {
    step(p, g) {
      const negLr = -lr;
      const al = alpha;
      const e = eps;
      const m = mu;
      for (let i = 0; i < N; i++) {
        const gi = g[i];
        const vi = v[i] * al + w * gi * gi;
        v[i] = vi;
        const ai = a[i] + w * (gi - a[i]);
        a[i] = ai;
        const bi = b[i] * m + gi / (Math.sqrt(vi - ai * ai) + e);
        b[i] = bi;
        p[i] += negLr * bi;
      }
    },
  };
}
function adamLoop(kind: 'plain' | 'amsgrad' | 'l2' | 'decoupled', lr: number, wd = 0): Fused {
  const b1 = 0.9,
    b2 = 0.999,
    eps = 1e-8,
    w = 1 - b1,
    c2 = 1 - b2;
  const m = new Float64Array(N);
  const v = new Float64Array(N);
  const vm = new Float64Array(N);
  let t = 0;
  const bias = () => {
    t++;
    return [-(lr / (1 - b1 ** t)), Math.sqrt(1 - b2 ** t)];
  };
  if (kind === 'plain')
    return {
      step(p, g) {
        const [negStep, bc2] = bias();
        for (let i = 0; i < N; i++) {
          const gi = g[i];
          const mi = m[i] + w * (gi - m[i]);
          m[i] = mi;
          const vi = v[i] * b2 + c2 * gi * gi;
          v[i] = vi;
          p[i] += (negStep * mi) / (Math.sqrt(vi) / bc2 + eps);
        }
      },
    };
  if (kind === 'amsgrad')
    return {
      step(p, g) {
        const [negStep, bc2] = bias();
        for (let i = 0; i < N; i++) {
          const gi = g[i];
          const mi = m[i] + w * (gi - m[i]);
          m[i] = mi;
          const vi = v[i] * b2 + c2 * gi * gi;
          v[i] = vi;
          const top = Math.max(vm[i], vi);
          vm[i] = top;
          p[i] += (negStep * mi) / (Math.sqrt(top) / bc2 + eps);
        }
      },
    };
  if (kind === 'l2')
    return {
      step(p, g) {
        const [negStep, bc2] = bias();
        const lambda = wd;
        for (let i = 0; i < N; i++) {
          const gi = g[i] + lambda * p[i];
          const mi = m[i] + w * (gi - m[i]);
          m[i] = mi;
          const vi = v[i] * b2 + c2 * gi * gi;
          v[i] = vi;
          p[i] += (negStep * mi) / (Math.sqrt(vi) / bc2 + eps);
        }
      },
    };
  return {
    step(p, g) {
      const [negStep, bc2] = bias();
      const keep = 1 - lr * wd;
      for (let i = 0; i < N; i++) {
        const gi = g[i];
        const mi = m[i] + w * (gi - m[i]);
        m[i] = mi;
        const vi = v[i] * b2 + c2 * gi * gi;
        v[i] = vi;
        p[i] = p[i] * keep + (negStep * mi) / (Math.sqrt(vi) / bc2 + eps);
      }
    },
  };
}

interface Case {
  name: string;
  engine: () => Optimizer;
  fused: () => Fused;
  tfjs?: () => tf.Optimizer;
}
const cases: Case[] = [
  { name: 'sgd', engine: () => sgd({ lr: 1e-3 }), fused: () => fusedSgd(1e-3), tfjs: () => tf.train.sgd(1e-3) },
  {
    name: 'momentum',
    engine: () => momentum({ lr: 1e-3 }),
    fused: () => fusedMomentum(1e-3, 0.9),
    tfjs: () => tf.train.momentum(1e-3, 0.9),
  },
  {
    name: 'nesterov',
    engine: () => nesterov({ lr: 1e-3 }),
    fused: () => fusedNesterov(1e-3, 0.9),
    tfjs: () => tf.train.momentum(1e-3, 0.9, true),
  },
  {
    name: 'sgd momentum+weightDecay',
    engine: () => sgd({ lr: 1e-3, momentum: 0.9, weightDecay: 1e-4 }),
    fused: () => fusedSgdWd(1e-3, 0.9, 1e-4),
  },
  {
    name: 'adagrad',
    engine: () => adagrad(),
    fused: () => fusedAdagrad(0.01, 1e-10),
    tfjs: () => tf.train.adagrad(0.01),
  },
  {
    name: 'rmsprop',
    engine: () => rmsprop(),
    fused: () => fusedRmsprop(0.01, 0.99, 1e-8),
    tfjs: () => tf.train.rmsprop(0.01, 0.99),
  },
  {
    name: 'rmsprop centered+momentum',
    engine: () => rmsprop({ centered: true, momentum: 0.9 }),
    fused: () => fusedRmspropCenteredMomentum(0.01, 0.99, 1e-8, 0.9),
    tfjs: () => tf.train.rmsprop(0.01, 0.99, 0.9, 1e-8, true),
  },
  {
    name: 'adam',
    engine: () => adam(),
    fused: () => adamLoop('plain', 1e-3),
    tfjs: () => tf.train.adam(1e-3, 0.9, 0.999, 1e-8),
  },
  { name: 'adam amsgrad', engine: () => adam({ amsgrad: true }), fused: () => adamLoop('amsgrad', 1e-3) },
  { name: 'adam weightDecay (L2)', engine: () => adam({ weightDecay: 1e-2 }), fused: () => adamLoop('l2', 1e-3, 1e-2) },
  { name: 'adamw', engine: () => adamw(), fused: () => adamLoop('decoupled', 1e-3, 1e-2) },
];

function timed(step: () => void): number {
  const t0 = performance.now();
  step();
  return performance.now() - t0;
}

// Engine and reference alternate step by step, so drift (CPU frequency, other processes) hits both
// alike. Where 8 MB arrays land in memory changes loop speed by up to 2× from run to run (cache-set
// and 4K-aliasing effects), so each case is measured on TRIALS fresh sets of arrays and the median
// trial ratio is reported.
function trial(c: Case, warmup: number): { engine: number; fused: number } {
  collectGarbage();
  const g = filled(1, 1e-3);
  const pe = filled(2);
  const pf = Float64Array.from(pe);
  const opt = c.engine();
  const state = opt.init(pe);
  const fused = c.fused();
  for (let k = 0; k < warmup; k++) {
    opt.step(pe, g, state);
    fused.step(pf, g);
  }
  const te: number[] = [];
  const tf_: number[] = [];
  for (let r = 0; r < SAMPLES; r++) {
    te.push(timed(() => opt.step(pe, g, state)));
    tf_.push(timed(() => fused.step(pf, g)));
  }
  return { engine: median(te), fused: median(tf_) };
}

function benchOptimizer(c: Case): { engine: number; fused: number; ratio: number } {
  // The first trial's warm-up is long enough for V8's optimizing tier (times drop ~40% around step 15-20).
  const trials = Array.from({ length: TRIALS }, (_, k) => trial(c, k === 0 ? WARMUP : 5));
  const ratios = trials.map((t) => t.engine / t.fused);
  return {
    engine: median(trials.map((t) => t.engine)),
    fused: median(trials.map((t) => t.fused)),
    ratio: median(ratios),
  };
}

// tfjs and the engine alternate step by step on the same numbers; returns both medians.
// The fused loop is timed here too: its ratio is the most any implementation of the rule in
// JavaScript float64 could show against tfjs in this run (for SGD, memory bandwidth).
function benchTfjs(c: Case): { tfjs: number; engine: number; fused: number } {
  collectGarbage();
  const start = filled(2);
  const grads = filled(1, 1e-3);
  const v = tf.variable(tf.tensor1d(Float32Array.from(start)), true, `p_${c.name.replace(/\W/g, '_')}`);
  const g = tf.tensor1d(Float32Array.from(grads));
  const opt = c.tfjs!();
  const engine = c.engine();
  const state = engine.init(start);
  const tfStep = () => {
    opt.applyGradients({ [v.name]: g });
    v.dataSync(); // the CPU backend is synchronous; this only makes sure the result exists
  };
  const engineStep = () => engine.step(start, grads, state);
  const fused = c.fused();
  const fusedParams = Float64Array.from(start);
  const fusedStep = () => fused.step(fusedParams, grads);
  // Both warm, as in a long run: tfjs's first steps allocate its buffers and are several times slower.
  for (let k = 0; k < TFJS_WARMUP; k++) {
    tfStep();
    engineStep();
    fusedStep();
  }
  const tt: number[] = [];
  const te: number[] = [];
  const tf_: number[] = [];
  for (let r = 0; r < REPS; r++) {
    tt.push(timed(tfStep));
    te.push(timed(engineStep));
    tf_.push(timed(fusedStep));
  }
  opt.dispose();
  v.dispose();
  g.dispose();
  return { tfjs: median(tt), engine: median(te), fused: median(tf_) };
}

// ---- MLP epoch ----
const data = twoMoons({ n: 1000, seed: 0 });
const BATCH = 32;

function engineEpochFactory(activation: 'tanh' | 'relu'): () => void {
  const model = mlp({ sizes: [2, 16, 16, 1], activation });
  const params = model.init(0);
  const opt = adam({ lr: 0.01 });
  const state = opt.init(params);
  const grad = new Float64Array(model.size);
  const bx = new Float64Array(BATCH * 2);
  const by = new Float64Array(BATCH);
  const shuffler = rng(1);
  return () => {
    for (const rows of epochBatches(data.n, BATCH, shuffler)) {
      for (let r = 0; r < rows.length; r++) {
        bx[2 * r] = data.x[2 * rows[r]];
        bx[2 * r + 1] = data.x[2 * rows[r] + 1];
        by[r] = data.y[rows[r]];
      }
      model.lossAndGrad(params, bx, by, rows.length, bceWithLogits, grad);
      opt.step(params, grad, state);
    }
  };
}

// tfjs-core's Node bundle ships no gradient definitions (the @tensorflow/tfjs umbrella package
// registers them), so the three the MLP needs are registered here, as tfjs defines them.
let gradientsRegistered = false;
function registerMlpGradients(): void {
  if (gradientsRegistered) return;
  gradientsRegistered = true;
  const reduceTo = (dy: tf.Tensor, shape: number[]) => (dy.shape.length === shape.length ? dy : tf.sum(dy, 0));
  tf.registerGradient({
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => ({
      a: () => tf.matMul(dy as tf.Tensor2D, saved[1] as tf.Tensor2D, false, true),
      b: () => tf.matMul(saved[0] as tf.Tensor2D, dy as tf.Tensor2D, true, false),
    }),
  });
  tf.registerGradient({
    kernelName: 'Add',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, saved) => ({
      a: () => reduceTo(dy as tf.Tensor, saved[0].shape),
      b: () => reduceTo(dy as tf.Tensor, saved[1].shape),
    }),
  });
  tf.registerGradient({
    kernelName: 'Relu',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as tf.Tensor, tf.step(saved[0])) }),
  });
  tf.registerGradient({
    kernelName: 'Tanh',
    outputsToSave: [true],
    gradFunc: (dy, saved) => ({ x: () => tf.mul(dy as tf.Tensor, tf.sub(1, tf.square(saved[0]))) }),
  });
}

// Binary cross-entropy on logits with its gradient (σ(z) − y)/n, as one custom-gradient op.
const bceLoss = tf.customGrad(((z: tf.Tensor, y: tf.Tensor, save: (ts: tf.Tensor[]) => void) => {
  save([z, y]);
  const value = tf.mean(tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.log1p(tf.exp(tf.neg(tf.abs(z))))));
  const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => [
    tf.mul(dy, tf.div(tf.sub(tf.sigmoid(saved[0]), saved[1]), saved[0].shape[0] as number)),
    tf.zerosLike(saved[1]),
  ];
  return { value, gradFunc };
}) as never) as unknown as (z: tf.Tensor, y: tf.Tensor) => tf.Scalar;

function tfjsEpochFactory(activation: 'tanh' | 'relu'): () => void {
  registerMlpGradients();
  const init = mlp({ sizes: [2, 16, 16, 1] }).init(0);
  const sizes = [2, 16, 16, 1];
  const vars: tf.Variable[] = [];
  let off = 0;
  for (let l = 1; l < sizes.length; l++) {
    const w = init.subarray(off, off + sizes[l] * sizes[l - 1]);
    off += w.length;
    const b = init.subarray(off, off + sizes[l]);
    off += b.length;
    vars.push(
      tf.variable(tf.transpose(tf.tensor2d(Float32Array.from(w), [sizes[l], sizes[l - 1]]))),
      tf.variable(tf.tensor1d(Float32Array.from(b))),
    );
  }
  const X = tf.tensor2d(Float32Array.from(data.x), [data.n, 2]);
  const Y = tf.tensor2d(Float32Array.from(data.y), [data.n, 1]);
  const opt = tf.train.adam(0.01);
  const shuffler = rng(1);
  return () => {
    for (const rows of epochBatches(data.n, BATCH, shuffler)) {
      tf.tidy(() => {
        const idx = tf.tensor1d(Int32Array.from(rows), 'int32');
        const xb = tf.gather(X, idx);
        const yb = tf.gather(Y, idx);
        opt.minimize(
          () => {
            let h: tf.Tensor = xb;
            for (let l = 0; l < vars.length; l += 2) {
              h = tf.add(tf.matMul(h as tf.Tensor2D, vars[l] as tf.Tensor2D), vars[l + 1]);
              if (l < vars.length - 2) h = activation === 'tanh' ? tf.tanh(h) : tf.relu(h);
            }
            return bceLoss(h, yb);
          },
          false,
          vars,
        );
      });
    }
  };
}

function benchEpochs(activation: 'tanh' | 'relu'): { engine: number; tfjs: number } {
  collectGarbage();
  const e = engineEpochFactory(activation);
  const t = tfjsEpochFactory(activation);
  // A training run in a cell lasts hundreds of epochs, so both sides are compared warm: enough epochs
  // for V8's optimizing tier to compile the engine's loops and tfjs's kernels (the first few epochs of
  // either are several times slower).
  for (let k = 0; k < EPOCH_WARMUP; k++) {
    e();
    t();
  }
  const te: number[] = [];
  const tt: number[] = [];
  for (let r = 0; r < REPS; r++) {
    // No forced collection in between: a full GC makes tfjs's next epochs 2-4× slower for a while.
    let t0 = performance.now();
    e();
    te.push(performance.now() - t0);
    t0 = performance.now();
    t();
    tt.push(performance.now() - t0);
  }
  return { engine: median(te), tfjs: median(tt) };
}

async function main(): Promise<void> {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  const fmt = (x: number) => x.toFixed(2).padStart(8);
  console.log(
    `Descent engine benchmark — ${N.toLocaleString('en')} float64 parameters, engine vs fused: median over ${TRIALS} fresh allocations of the median of ${SAMPLES} alternating steps; Node ${process.version}`,
  );
  console.log(
    'optimizer                  | engine ms | fused ms | engine/fused (≤1.3) | tfjs ms (f32) | tfjs/engine (≥40) | tfjs/fused (ceiling)',
  );
  console.log(
    '---------------------------|-----------|----------|---------------------|---------------|-------------------|---------------------',
  );
  let worst = 0;
  // BENCH_ONLY=adam runs the rows whose name contains "adam"; BENCH_ONLY=mlp runs only the MLP epochs.
  const only = process.env.BENCH_ONLY;
  for (const c of cases.filter((x) => !only || x.name.includes(only))) {
    const { engine, fused, ratio } = benchOptimizer(c);
    worst = Math.max(worst, ratio);
    let tfCols = '            — |                — |                   —';
    if (c.tfjs) {
      const t = benchTfjs(c);
      tfCols = `${fmt(t.tfjs).padStart(13)} | ${(t.tfjs / t.engine).toFixed(1).padStart(15)}× | ${(t.tfjs / t.fused).toFixed(1).padStart(18)}×`;
    }
    console.log(
      `${c.name.padEnd(26)} | ${fmt(engine).padStart(9)} | ${fmt(fused)} | ${ratio.toFixed(2).padStart(18)}× | ${tfCols}`,
    );
  }
  console.log('');
  for (const activation of only && only !== 'mlp' ? [] : (['tanh', 'relu'] as const)) {
    const epoch = benchEpochs(activation);
    console.log(
      `MLP 2-16-16-1 ${activation}, 1,000 points, batch 32, Adam, one epoch: engine ${epoch.engine.toFixed(2)} ms, tfjs-core ${epoch.tfjs.toFixed(2)} ms → ${(epoch.tfjs / epoch.engine).toFixed(1)}× (target ≥ 20×)`,
    );
  }
  console.log(`Worst engine/fused ratio: ${worst.toFixed(2)}× (target ≤ 1.3×)`);
}

await main();
