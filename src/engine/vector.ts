// Small vector helpers and a finite-difference gradient checker.

/** Euclidean norm $\|x\|_2 = \sqrt{\sum_i x_i^2}$. */
export function norm(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** Dot product $a^\top b$. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`dot: lengths differ (${a.length} and ${b.length})`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Euclidean distance $\|a - b\|_2$. */
export function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`distance: lengths differ (${a.length} and ${b.length})`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
  return Math.sqrt(s);
}

/** Anything with a loss and an exact gradient, such as an objective. */
export interface Differentiable {
  loss(theta: Float64Array): number;
  /** Writes ∇f(θ) into `out` (and may return the loss). */
  grad(theta: Float64Array, out: Float64Array): unknown;
}

/**
 * Checks a gradient against central finite differences,
 * $\tilde g_i = \dfrac{f(\theta + h e_i) - f(\theta - h e_i)}{2h}$,
 * and returns the largest error $\max_i |g_i - \tilde g_i| / \max(1, |g_i|, |\tilde g_i|)$
 * (relative for components larger than 1, absolute below, so zero components do not divide by 0).
 * A correct gradient gives about 1e-8 or less with the default h = 1e-6; a wrong one, about 1.
 * `theta` is left unchanged.
 */
export function gradCheck(f: Differentiable, theta: Float64Array, h = 1e-6): number {
  const x = Float64Array.from(theta);
  const g = new Float64Array(x.length);
  f.grad(x, g);
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    x[i] = xi + h;
    const up = f.loss(x);
    x[i] = xi - h;
    const down = f.loss(x);
    x[i] = xi;
    const numeric = (up - down) / (2 * h);
    const err = Math.abs(g[i] - numeric) / Math.max(1, Math.abs(g[i]), Math.abs(numeric));
    if (!(err <= worst)) worst = err; // NaN wins, so a NaN gradient is never reported as fine
  }
  return worst;
}
