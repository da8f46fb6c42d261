// Data: the seeded generator, the synthetic sets, the shipped Iris table, splits and mini-batches.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IRIS_CLASSES, IRIS_FEATURES, IRIS_ROWS } from '../../src/engine/data/iris.generated.ts';
import {
  blobs,
  circles,
  epochBatches,
  iris,
  noisyLine,
  rng,
  spirals,
  standardize,
  trainTestSplit,
  twoMoons,
} from '../../src/engine/index.ts';
import type { Dataset } from '../../src/engine/index.ts';
import { parseIrisCsv } from './iris-csv.ts';

describe('rng (sfc32 seeded by splitmix32)', () => {
  it('gives the same stream for the same seed, bit for bit, and pins its first values', () => {
    const a = rng(42);
    const b = rng(42);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(xs.every((x) => Object.is(x, b.next()))).toBe(true);
    // Pinned so a change to the generator (which would change every lesson's data) cannot go unnoticed.
    const c = rng(1);
    expect([c.next(), c.next(), c.next()]).toMatchInlineSnapshot(`
      [
        0.42564993195549927,
        0.6910148153015395,
        0.9659408922812848,
      ]
    `);
  });

  it('gives different streams for different seeds, in [0, 1), with 53-bit resolution', () => {
    const a = Array.from({ length: 1000 }, rng(1).next);
    const b = Array.from({ length: 1000 }, rng(2).next);
    expect(a).not.toEqual(b);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(a.some((x) => x * 2 ** 32 !== Math.floor(x * 2 ** 32))).toBe(true);
  });

  it('samples normals with mean 0 and variance 1', () => {
    const r = rng(9);
    const z = Array.from({ length: 20000 }, () => r.normal());
    const mean = z.reduce((s, x) => s + x, 0) / z.length;
    const variance = z.reduce((s, x) => s + (x - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.03); // 4 standard errors
    expect(Math.abs(variance - 1)).toBeLessThan(0.04);
  });

  it('rejects a non-integer seed', () => {
    expect(() => rng(0.5)).toThrow('Invalid seed: 0.5 (expected an integer)');
  });
});

function check(data: Dataset, n: number, d: number, classes?: number): void {
  expect(data.n).toBe(n);
  expect(data.d).toBe(d);
  expect(data.x.length).toBe(n * d);
  expect(data.y.length).toBe(n);
  expect(Array.from(data.x).every(Number.isFinite)).toBe(true);
  if (classes) {
    expect(data.classes).toBe(classes);
    for (let c = 0; c < classes; c++)
      expect(Array.from(data.y).filter((y) => y === c).length).toBeGreaterThanOrEqual(Math.floor(n / classes));
  }
}

describe('synthetic data sets', () => {
  const makers: [string, (seed: number) => Dataset, number, number, number | undefined][] = [
    ['noisyLine', (seed) => noisyLine({ n: 50, seed }), 50, 1, undefined],
    ['twoMoons', (seed) => twoMoons({ n: 101, seed }), 101, 2, 2],
    ['circles', (seed) => circles({ n: 80, seed }), 80, 2, 2],
    ['spirals', (seed) => spirals({ n: 90, classes: 3, seed }), 90, 2, 3],
    ['blobs', (seed) => blobs({ n: 60, centers: 4, seed }), 60, 2, 4],
  ];
  it.each(makers)(
    '%s: right shape, balanced classes, same seed same data, new seed new data',
    (_name, make, n, d, classes) => {
      check(make(1), n, d, classes);
      expect(Array.from(make(1).x)).toEqual(Array.from(make(1).x));
      expect(Array.from(make(1).x)).not.toEqual(Array.from(make(2).x));
    },
  );

  it('noisyLine scatters around y = ax + b', () => {
    const data = noisyLine({ n: 2000, slope: -1, intercept: 3, noise: 0.1 });
    const residuals = Array.from(data.x, (x, i) => data.y[i] - (-x + 3));
    const rms = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / residuals.length);
    expect(rms).toBeGreaterThan(0.09);
    expect(rms).toBeLessThan(0.11);
  });
});

describe('Iris', () => {
  it('the engine module holds exactly the numbers of content/data/iris.csv', () => {
    const csv = parseIrisCsv(readFileSync(new URL('../../content/data/iris.csv', import.meta.url), 'utf8'));
    expect([...IRIS_FEATURES]).toEqual(csv.featureNames);
    expect([...IRIS_CLASSES]).toEqual(csv.classNames);
    const rows: number[] = [];
    csv.labels.forEach((label, i) => rows.push(...csv.features.slice(i * 4, i * 4 + 4), label));
    expect(IRIS_ROWS).toEqual(rows);
  });

  it('matches the published statistics of Fisher’s table', () => {
    const data = iris();
    check(data, 150, 4, 3);
    const sums = [0, 0, 0, 0];
    for (let i = 0; i < 150; i++) for (let j = 0; j < 4; j++) sums[j] += data.x[i * 4 + j];
    [876.5, 458.6, 563.7, 179.9].forEach((s, j) => expect(sums[j]).toBeCloseTo(s, 9));
    const means = [5.843, 3.057, 3.758, 1.199];
    means.forEach((m, j) => expect(sums[j] / 150).toBeCloseTo(m, 3));
    // per-species means (setosa, versicolor, virginica) of petal length: 1.462, 4.260, 5.552
    [1.462, 4.26, 5.552].forEach((m, c) => {
      let s = 0;
      for (let i = 0; i < 150; i++) if (data.y[i] === c) s += data.x[i * 4 + 2];
      expect(s / 50).toBeCloseTo(m, 9);
    });
    // Rows 35 and 38 as in Fisher's paper (the UCI copy differs there).
    expect(Array.from(data.x.subarray(34 * 4, 35 * 4))).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect(Array.from(data.x.subarray(37 * 4, 38 * 4))).toEqual([4.9, 3.6, 1.4, 0.1]);
    expect(data.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
  });
});

describe('splits, standardisation and mini-batches', () => {
  it('trainTestSplit partitions the samples, reproducibly per seed', () => {
    const data = iris();
    const { train, test } = trainTestSplit(data, { testFraction: 0.2, seed: 3 });
    expect([train.n, test.n]).toEqual([120, 30]);
    const key = (d: Dataset, i: number) => `${Array.from(d.x.subarray(i * 4, i * 4 + 4))}|${d.y[i]}`;
    const all = [
      ...Array.from({ length: train.n }, (_, i) => key(train, i)),
      ...Array.from({ length: test.n }, (_, i) => key(test, i)),
    ].sort();
    expect(all).toEqual(Array.from({ length: 150 }, (_, i) => key(data, i)).sort());
    expect(Array.from(trainTestSplit(data, { seed: 3 }).test.x)).toEqual(Array.from(test.x));
    expect(Array.from(trainTestSplit(data, { seed: 4 }).test.x)).not.toEqual(Array.from(test.x));
  });

  it('standardize gives every feature mean 0 and standard deviation 1', () => {
    const { data, mean, std } = standardize(iris());
    expect(mean[0]).toBeCloseTo(5.8433, 4);
    for (let j = 0; j < 4; j++) {
      let m = 0;
      let v = 0;
      for (let i = 0; i < 150; i++) m += data.x[i * 4 + j] / 150;
      for (let i = 0; i < 150; i++) v += (data.x[i * 4 + j] - m) ** 2 / 150;
      expect(m).toBeCloseTo(0, 12);
      expect(v).toBeCloseTo(1, 12);
    }
    expect(std[2]).toBeGreaterThan(1);
  });

  it('epochBatches: full batch, single samples, or k with the last partial batch kept', () => {
    const r = rng(0);
    expect(epochBatches(10, 10, r).map((b) => b.length)).toEqual([10]);
    expect(epochBatches(10, 100, r).map((b) => b.length)).toEqual([10]);
    expect(epochBatches(10, 1, r).map((b) => b.length)).toEqual(Array(10).fill(1));
    const batches = epochBatches(10, 4, r);
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flatMap((b) => Array.from(b)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Array.from(epochBatches(5, 5, r, false)[0])).toEqual([0, 1, 2, 3, 4]);
  });

  it('epochBatches reshuffles every epoch, deterministically for a seed', () => {
    const a = rng(5);
    const b = rng(5);
    const e1 = Array.from(epochBatches(20, 20, a)[0]);
    const e2 = Array.from(epochBatches(20, 20, a)[0]);
    expect(e1).not.toEqual(e2);
    expect(Array.from(epochBatches(20, 20, b)[0])).toEqual(e1);
  });
});
