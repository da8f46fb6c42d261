// A seeded random number generator that gives the same numbers in every browser and in Node.
//
// Generator: sfc32 (Chris Doty-Humphrey's "small fast chaotic" generator from PractRand), a 128-bit
// state updated with 32-bit integer additions, shifts and xors only, so every JavaScript engine
// produces identical bits. The seed is expanded into the state with splitmix32.

import { show } from './validate.ts';

/** A seeded stream of random numbers. Same seed, same stream, in every browser and in Node. */
export interface Rng {
  /** A uniform number in [0, 1) with 53 random bits (two 32-bit draws). Bit-identical everywhere. */
  next(): number;
  /** A uniform number in [lo, hi). */
  uniform(lo: number, hi: number): number;
  /** An integer in 0 … n−1. */
  int(n: number): number;
  /**
   * A normal sample (Box–Muller). Uses Math.log, Math.sqrt, Math.cos and Math.sin: the language
   * standard leaves the last bit of log/cos/sin to the engine, so normals are bit-identical across
   * V8-based runtimes (Chrome, Edge, Node) but may differ in the last bit in Firefox or Safari.
   */
  normal(mean?: number, std?: number): number;
  /** Shuffles `array` in place (Fisher–Yates) and returns it. */
  shuffle<A extends { length: number; [i: number]: number }>(array: A): A;
}

/** Makes a seeded random number generator (sfc32). `seed` is any integer. */
export function rng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Invalid seed: ${show(seed)} (expected an integer)`);
  // splitmix32 turns one integer into four well-mixed words.
  let s = seed >>> 0;
  function splitmix(): number {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  function next32(): number {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  }
  for (let i = 0; i < 12; i++) next32(); // let the state mix before use
  let spare = NaN;
  const random: Rng = {
    next() {
      const hi = next32() >>> 5; // 27 bits
      const lo = next32() >>> 6; // 26 bits
      return (hi * 2 ** 26 + lo) / 2 ** 53;
    },
    uniform(lo, hi) {
      return lo + (hi - lo) * random.next();
    },
    int(n) {
      return Math.floor(random.next() * n);
    },
    normal(mean = 0, std = 1) {
      if (spare === spare) {
        const z = spare;
        spare = NaN;
        return mean + std * z;
      }
      const u1 = 1 - random.next(); // (0, 1]: log is finite
      const u2 = random.next();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(2 * Math.PI * u2);
      return mean + std * r * Math.cos(2 * Math.PI * u2);
    },
    shuffle(array) {
      for (let i = array.length - 1; i > 0; i--) {
        const j = Math.floor(random.next() * (i + 1));
        const tmp = array[i];
        array[i] = array[j];
        array[j] = tmp;
      }
      return array;
    },
  };
  return random;
}
