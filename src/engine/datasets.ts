// Data sets as plain data: x is n×d row-major, y has one target per sample (a number for
// regression, a class index 0…classes−1 for classification). Generators are seeded.

import { IRIS_CLASSES, IRIS_FEATURES, IRIS_ROWS } from './data/iris.generated.ts';
import { rng } from './random.ts';
import type { Rng } from './random.ts';
import { checkInteger, checkKeys, checkNumber, show } from './validate.ts';

/** A data set: `n` samples of `d` features in `x` (row-major), targets in `y`. */
export interface Dataset {
  readonly name: string;
  /** n×d features, row-major: sample i is x[i*d … i*d+d−1]. */
  readonly x: Float64Array;
  /** n targets: numbers (regression) or class indices (classification). */
  readonly y: Float64Array;
  readonly n: number;
  readonly d: number;
  /** Number of classes, for classification data. */
  readonly classes?: number;
  readonly featureNames?: readonly string[];
  readonly classNames?: readonly string[];
}

function dataset(
  name: string,
  x: number[] | Float64Array,
  y: number[] | Float64Array,
  d: number,
  classes?: number,
): Dataset {
  return { name, x: Float64Array.from(x), y: Float64Array.from(y), n: y.length, d, classes };
}

function count(n: unknown, min = 1): number {
  return checkInteger(n, 'n', min);
}

/**
 * Points on a line with Gaussian noise: $y = a x + b + \epsilon$, x uniform in [xmin, xmax],
 * $\epsilon \sim \mathcal N(0, \text{noise}^2)$. d = 1. Defaults: n 100, slope 2, intercept 1, noise 0.5, x in [−3, 3].
 */
export function noisyLine(
  options: {
    n?: number;
    slope?: number;
    intercept?: number;
    noise?: number;
    xmin?: number;
    xmax?: number;
    seed?: number;
  } = {},
): Dataset {
  checkKeys(options, ['n', 'slope', 'intercept', 'noise', 'xmin', 'xmax', 'seed'], 'noisyLine');
  const n = count(options.n ?? 100);
  const slope = checkNumber(options.slope ?? 2, 'slope value', -Infinity);
  const intercept = checkNumber(options.intercept ?? 1, 'intercept value', -Infinity);
  const noise = checkNumber(options.noise ?? 0.5, 'noise value', 0);
  const xmin = checkNumber(options.xmin ?? -3, 'xmin value', -Infinity);
  const xmax = checkNumber(options.xmax ?? 3, 'xmax value', xmin);
  const random = rng(options.seed ?? 0);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const xi = random.uniform(xmin, xmax);
    x.push(xi);
    y.push(slope * xi + intercept + random.normal(0, noise));
  }
  return dataset('noisy line', x, y, 1);
}

/**
 * Two interleaving half circles (like scikit-learn's `make_moons`): class 0 on
 * (cos t, sin t), class 1 on (1 − cos t, 0.5 − sin t), t uniform in [0, π], plus Gaussian noise.
 * Defaults: n 200, noise 0.1.
 */
export function twoMoons(options: { n?: number; noise?: number; seed?: number } = {}): Dataset {
  checkKeys(options, ['n', 'noise', 'seed'], 'twoMoons');
  const n = count(options.n ?? 200, 2);
  const noise = checkNumber(options.noise ?? 0.1, 'noise value', 0);
  const random = rng(options.seed ?? 0);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = random.uniform(0, Math.PI);
    const px = c === 0 ? Math.cos(t) : 1 - Math.cos(t);
    const py = c === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
    x.push(px + random.normal(0, noise), py + random.normal(0, noise));
    y.push(c);
  }
  return dataset('two moons', x, y, 2, 2);
}

/**
 * Two concentric circles (like scikit-learn's `make_circles`): class 0 on the unit circle, class 1
 * on a circle of radius `factor`, plus Gaussian noise. Defaults: n 200, noise 0.05, factor 0.5.
 */
export function circles(options: { n?: number; noise?: number; factor?: number; seed?: number } = {}): Dataset {
  checkKeys(options, ['n', 'noise', 'factor', 'seed'], 'circles');
  const n = count(options.n ?? 200, 2);
  const noise = checkNumber(options.noise ?? 0.05, 'noise value', 0);
  const factor = checkNumber(options.factor ?? 0.5, 'factor value', 0, 1);
  const random = rng(options.seed ?? 0);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const t = random.uniform(0, 2 * Math.PI);
    const r = c === 0 ? 1 : factor;
    x.push(r * Math.cos(t) + random.normal(0, noise), r * Math.sin(t) + random.normal(0, noise));
    y.push(c);
  }
  return dataset('circles', x, y, 2, 2);
}

/**
 * Interleaved spiral arms, one per class: sample j of arm c has radius r = j/m and angle
 * $2\pi(c/C + \text{turns}\cdot r) + \mathcal N(0, \text{noise}^2)$. Defaults: n 300, classes 3, turns 0.75, noise 0.2.
 */
export function spirals(
  options: { n?: number; classes?: number; turns?: number; noise?: number; seed?: number } = {},
): Dataset {
  checkKeys(options, ['n', 'classes', 'turns', 'noise', 'seed'], 'spirals');
  const classes = checkInteger(options.classes ?? 3, 'classes', 2);
  const n = count(options.n ?? 300, classes);
  const turns = checkNumber(options.turns ?? 0.75, 'turns value', 0);
  const noise = checkNumber(options.noise ?? 0.2, 'noise value', 0);
  const random = rng(options.seed ?? 0);
  const perArm = Math.ceil(n / classes);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const r = Math.floor(i / classes) / perArm;
    const angle = 2 * Math.PI * (c / classes + turns * r) + random.normal(0, noise);
    x.push(r * Math.cos(angle), r * Math.sin(angle));
    y.push(c);
  }
  return dataset('spirals', x, y, 2, classes);
}

/**
 * Gaussian blobs (like scikit-learn's `make_blobs`): class c is drawn around `centers[c]` with
 * standard deviation `std` in every coordinate. `centers` may be a count, in which case the centers
 * are drawn uniformly in [−5, 5]^d. Defaults: n 300, centers 3, std 1, d 2.
 */
export function blobs(
  options: {
    n?: number;
    centers?: number | readonly (readonly number[])[];
    std?: number;
    d?: number;
    seed?: number;
  } = {},
): Dataset {
  checkKeys(options, ['n', 'centers', 'std', 'd', 'seed'], 'blobs');
  const random = rng(options.seed ?? 0);
  const std = checkNumber(options.std ?? 1, 'std value', 0);
  let centers: number[][];
  const given = options.centers ?? 3;
  if (typeof given === 'number') {
    const k = checkInteger(given, 'centers', 1);
    const d = checkInteger(options.d ?? 2, 'd', 1);
    centers = Array.from({ length: k }, () => Array.from({ length: d }, () => random.uniform(-5, 5)));
  } else {
    if (!Array.isArray(given) || given.length === 0) throw new RangeError(`Invalid centers: ${show(given)}`);
    centers = given.map((c) => Array.from(c));
  }
  const d = centers[0].length;
  if (centers.some((c) => c.length !== d)) throw new RangeError('blobs: all centers must have the same length');
  const n = count(options.n ?? 300, centers.length);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = i % centers.length;
    for (let j = 0; j < d; j++) x.push(centers[c][j] + random.normal(0, std));
    y.push(c);
  }
  return dataset('blobs', x, y, d, centers.length);
}

/**
 * Fisher's Iris data (1936): 150 flowers, 4 measurements in cm (sepal length, sepal width, petal
 * length, petal width), 3 species (labels 0 setosa, 1 versicolor, 2 virginica). Public domain; see
 * content/data/README.md for the provenance of this copy.
 */
export function iris(): Dataset {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < IRIS_ROWS.length; i += 5) {
    x.push(IRIS_ROWS[i], IRIS_ROWS[i + 1], IRIS_ROWS[i + 2], IRIS_ROWS[i + 3]);
    y.push(IRIS_ROWS[i + 4]);
  }
  return { ...dataset('iris', x, y, 4, 3), featureNames: IRIS_FEATURES, classNames: IRIS_CLASSES };
}

/** The rows `indices` of `data`, as a new data set. */
export function subset(data: Dataset, indices: ArrayLike<number>): Dataset {
  const { d } = data;
  const x = new Float64Array(indices.length * d);
  const y = new Float64Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!(Number.isInteger(i) && i >= 0 && i < data.n))
      throw new RangeError(`subset: index ${show(i)} is out of range 0…${data.n - 1}`);
    x.set(data.x.subarray(i * d, i * d + d), r * d);
    y[r] = data.y[i];
  }
  return { ...data, x, y, n: indices.length };
}

/**
 * Splits `data` at random (seeded) into a training and a test set, `testFraction` of the samples
 * (rounded) going to the test set. Default testFraction 0.2, seed 0.
 */
export function trainTestSplit(
  data: Dataset,
  options: { testFraction?: number; seed?: number } = {},
): { train: Dataset; test: Dataset } {
  checkKeys(options, ['testFraction', 'seed'], 'trainTestSplit');
  const fraction = checkNumber(options.testFraction ?? 0.2, 'testFraction value', 0, 1);
  const order = rng(options.seed ?? 0).shuffle(Array.from({ length: data.n }, (_, i) => i));
  const nTest = Math.round(fraction * data.n);
  return { train: subset(data, order.slice(nTest)), test: subset(data, order.slice(0, nTest)) };
}

/**
 * Rescales every feature to mean 0 and standard deviation 1 (population std). Returns the new data
 * set and the mean and std used, to apply the same transform to a test set with `applyStandardize`.
 */
export function standardize(data: Dataset): { data: Dataset; mean: Float64Array; std: Float64Array } {
  const { n, d } = data;
  const mean = new Float64Array(d);
  const std = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data.x[i * d + j] / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) std[j] += (data.x[i * d + j] - mean[j]) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]) || 1;
  return { data: applyStandardize(data, mean, std), mean, std };
}

/** Applies (x − mean) / std feature by feature, e.g. the training set's statistics to a test set. */
export function applyStandardize(data: Dataset, mean: Float64Array, std: Float64Array): Dataset {
  const { n, d } = data;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) x[i * d + j] = (data.x[i * d + j] - mean[j]) / std[j];
  return { ...data, x };
}

/**
 * The mini-batches of one epoch, as arrays of sample indices: the samples are shuffled with
 * `random` (unless `shuffle` is false) and cut into batches of `batchSize`. The last batch is kept
 * even if it is smaller (PyTorch DataLoader's default, `drop_last=False`). `batchSize` ≥ n gives
 * one full batch (full-batch gradient descent); 1 gives pure SGD.
 */
export function epochBatches(n: number, batchSize: number, random: Rng, shuffle = true): Int32Array[] {
  checkInteger(batchSize, 'batch size', 1);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (shuffle) random.shuffle(order);
  const batches: Int32Array[] = [];
  for (let start = 0; start < n; start += batchSize)
    batches.push(order.subarray(start, Math.min(n, start + batchSize)));
  return batches;
}
