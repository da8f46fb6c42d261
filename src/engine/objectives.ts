// Test functions for the optimization landscapes lessons: each has an exact gradient, its known
// minima, a view box for contour plots and a suggested starting point.

import { checkKeys, checkNumber, show } from './validate.ts';

/** A rectangle of the plane to draw: x in [xmin, xmax], y in [ymin, ymax]. */
export interface ViewBox {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

/** A function to minimize on $\mathbb{R}^n$, with its exact gradient and what is known about it. */
export interface Objective {
  readonly name: string;
  /** Number of variables n. */
  readonly dim: number;
  /** f(θ). */
  loss(theta: Float64Array): number;
  /** Writes ∇f(θ) into `out` and returns f(θ), without allocating. */
  grad(theta: Float64Array, out: Float64Array): number;
  /** The global minima and the minimum value (empty if f is unbounded below). */
  readonly minima: readonly { readonly point: readonly number[]; readonly value: number }[];
  /** Other stationary points worth marking on a plot (saddles, local maxima). */
  readonly saddles?: readonly (readonly number[])[];
  /** A good window for a contour plot of the first two coordinates. */
  readonly view: ViewBox;
  /** A starting point that shows something interesting. */
  readonly start: readonly number[];
  /** f(x, y) without allocating, for drawing contours (2-D objectives only). */
  readonly value?: (x: number, y: number) => number;
}

function make2d(
  name: string,
  value: (x: number, y: number) => number,
  gradient: (x: number, y: number, out: Float64Array) => void,
  rest: Pick<Objective, 'minima' | 'view' | 'start' | 'saddles'>,
): Objective {
  return {
    name,
    dim: 2,
    value,
    loss: (theta) => value(theta[0], theta[1]),
    grad(theta, out) {
      gradient(theta[0], theta[1], out);
      return value(theta[0], theta[1]);
    },
    ...rest,
  };
}

/** The quadratic bowl returned by `quadratic`. */
export interface Quadratic extends Objective {
  /** The matrix A, n×n row-major. */
  readonly A: Float64Array;
  /** Eigenvalues of A, as given (λ_i). */
  readonly eigenvalues: readonly number[];
  /** Unit eigenvectors of A: `eigenvectors[i]` goes with `eigenvalues[i]`. */
  readonly eigenvectors: readonly (readonly number[])[];
  /** Smallest eigenvalue μ = λ_min (strong convexity). */
  readonly mu: number;
  /** Largest eigenvalue L = λ_max (smoothness). */
  readonly L: number;
  /** Condition number κ = L / μ. */
  readonly kappa: number;
  /** The minimizer θ*. */
  readonly center: readonly number[];
}

/**
 * A quadratic bowl $f(\theta) = \tfrac12 (\theta - \theta^*)^\top A\, (\theta - \theta^*)$ with
 * $\nabla f(\theta) = A(\theta - \theta^*)$.
 *
 * By default 2-D with eigenvalues μ and κμ (condition number κ), its axes rotated by `angle`
 * radians. Pass `eigenvalues` for any dimension (the rotation then acts on the first two
 * coordinates). Gradient descent with step η converges iff η < 2/L, fastest at η = 2/(μ + L).
 */
export function quadratic(
  options: {
    kappa?: number;
    mu?: number;
    angle?: number;
    center?: readonly number[];
    eigenvalues?: readonly number[];
  } = {},
): Quadratic {
  checkKeys(options, ['kappa', 'mu', 'angle', 'center', 'eigenvalues'], 'quadratic');
  let eigenvalues: number[];
  if (options.eigenvalues !== undefined) {
    if (options.kappa !== undefined || options.mu !== undefined) {
      throw new TypeError('quadratic: give either eigenvalues or kappa/mu, not both');
    }
    if (!Array.isArray(options.eigenvalues) || options.eigenvalues.length === 0) {
      throw new RangeError(`Invalid eigenvalues: ${show(options.eigenvalues)}`);
    }
    eigenvalues = options.eigenvalues.map((l, i) => checkNumber(l, `eigenvalue at index ${i}`, 0));
  } else {
    const mu = checkNumber(options.mu ?? 1, 'mu value', Number.MIN_VALUE);
    const kappa = checkNumber(options.kappa ?? 10, 'kappa value', 1);
    eigenvalues = [mu, kappa * mu];
  }
  const n = eigenvalues.length;
  const angle = checkNumber(options.angle ?? 0, 'angle value', -Infinity);
  const center = options.center ?? new Array<number>(n).fill(0);
  if (center.length !== n) throw new RangeError(`quadratic: center has length ${center.length}, expected ${n}`);
  center.forEach((c, i) => checkNumber(c, `center at index ${i}`, -Infinity));
  // Eigenvectors: the unit axes, with the first two rotated by `angle`.
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const vectors = eigenvalues.map((_, i) => {
    const e = new Array<number>(n).fill(0);
    if (n >= 2 && i === 0) [e[0], e[1]] = [c, s];
    else if (n >= 2 && i === 1) [e[0], e[1]] = [-s, c];
    else e[i] = 1;
    return e;
  });
  const A = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) A[i * n + j] += eigenvalues[k] * vectors[k][i] * vectors[k][j];
  }
  const cx = Float64Array.from(center);
  const d = new Float64Array(n);
  function grad(theta: Float64Array, out: Float64Array): number {
    for (let i = 0; i < n; i++) d[i] = theta[i] - cx[i];
    let f = 0;
    for (let i = 0; i < n; i++) {
      let gi = 0;
      for (let j = 0; j < n; j++) gi += A[i * n + j] * d[j];
      out[i] = gi;
      f += d[i] * gi;
    }
    return f / 2;
  }
  const g = new Float64Array(n);
  const mu = Math.min(...eigenvalues);
  const L = Math.max(...eigenvalues);
  const startOffset = [-4, 3];
  const value2 =
    n === 2
      ? (x: number, y: number) => {
          const dx = x - cx[0];
          const dy = y - cx[1];
          return (A[0] * dx * dx + 2 * A[1] * dx * dy + A[3] * dy * dy) / 2;
        }
      : undefined;
  return {
    name: `quadratic (κ = ${L / mu})`,
    dim: n,
    loss: (theta) => grad(theta, g),
    grad,
    value: value2,
    minima: [{ point: Array.from(center), value: 0 }],
    view: { xmin: cx[0] - 5, xmax: cx[0] + 5, ymin: (cx[1] ?? 0) - 5, ymax: (cx[1] ?? 0) + 5 },
    start: Array.from(center, (ci, i) => ci + (startOffset[i] ?? 1)),
    A,
    eigenvalues,
    eigenvectors: vectors,
    mu,
    L,
    kappa: L / mu,
    center: Array.from(center),
  };
}

/**
 * Rosenbrock's banana valley, $f(x, y) = (a - x)^2 + b\,(y - x^2)^2$ with a = 1, b = 100:
 * a curved, flat-bottomed valley; minimum 0 at (a, a²) = (1, 1). Rosenbrock 1960.
 */
export function rosenbrock(options: { a?: number; b?: number } = {}): Objective {
  checkKeys(options, ['a', 'b'], 'rosenbrock');
  const a = checkNumber(options.a ?? 1, 'a value', -Infinity);
  const b = checkNumber(options.b ?? 100, 'b value', 0);
  return make2d(
    'Rosenbrock',
    (x, y) => (a - x) ** 2 + b * (y - x * x) ** 2,
    (x, y, out) => {
      out[0] = -2 * (a - x) - 4 * b * x * (y - x * x);
      out[1] = 2 * b * (y - x * x);
    },
    { minima: [{ point: [a, a * a], value: 0 }], view: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 }, start: [-1.2, 1] },
  );
}

/**
 * Beale's function, $f = (1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2$:
 * steep walls and flat plateaus; minimum 0 at (3, 0.5).
 */
export function beale(): Objective {
  return make2d(
    'Beale',
    (x, y) => (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y * y * y) ** 2,
    (x, y, out) => {
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y * y;
      const c = 2.625 - x + x * y * y * y;
      out[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
      out[1] = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y;
    },
    {
      minima: [{ point: [3, 0.5], value: 0 }],
      view: { xmin: -4.5, xmax: 4.5, ymin: -4.5, ymax: 4.5 },
      start: [1, 1.5],
    },
  );
}

/**
 * Himmelblau's function, $f = (x^2 + y - 11)^2 + (x + y^2 - 7)^2$: four global minima with value
 * 0 (where you land depends on where you start) and a local maximum near (−0.2708, −0.9230).
 */
export function himmelblau(): Objective {
  return make2d(
    'Himmelblau',
    (x, y) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
    (x, y, out) => {
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      out[0] = 4 * x * a + 2 * b;
      out[1] = 2 * a + 4 * y * b;
    },
    {
      minima: [
        { point: [3, 2], value: 0 },
        { point: [-2.805118086952745, 3.131312518250573], value: 0 },
        { point: [-3.779310253377747, -3.283185991286169], value: 0 },
        { point: [3.5844283403304917, -1.8481265269644034], value: 0 },
      ],
      view: { xmin: -5, xmax: 5, ymin: -5, ymax: 5 },
      start: [0, 0],
    },
  );
}

/** Booth's function, $f = (x + 2y - 7)^2 + (2x + y - 5)^2$: a tilted quadratic bowl; minimum 0 at (1, 3). */
export function booth(): Objective {
  return make2d(
    'Booth',
    (x, y) => (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2,
    (x, y, out) => {
      const a = x + 2 * y - 7;
      const b = 2 * x + y - 5;
      out[0] = 2 * a + 4 * b;
      out[1] = 4 * a + 2 * b;
    },
    { minima: [{ point: [1, 3], value: 0 }], view: { xmin: -10, xmax: 10, ymin: -10, ymax: 10 }, start: [-8, 8] },
  );
}

/**
 * A saddle, $f(x, y) = x^2 - y^2$: a stationary point at the origin that is a minimum along x and a
 * maximum along y. Unbounded below (no minimum): starting near y = 0, descent first approaches the
 * saddle, then escapes along y.
 */
export function saddle(): Objective {
  return make2d(
    'saddle',
    (x, y) => x * x - y * y,
    (x, y, out) => {
      out[0] = 2 * x;
      out[1] = -2 * y;
    },
    { minima: [], saddles: [[0, 0]], view: { xmin: -2, xmax: 2, ymin: -2, ymax: 2 }, start: [-1.5, 0.01] },
  );
}

/**
 * Rastrigin's function, $f(\theta) = 10n + \sum_i \big(\theta_i^2 - 10\cos(2\pi\theta_i)\big)$: a bowl
 * covered in regularly spaced local minima; global minimum 0 at the origin.
 */
export function rastrigin(options: { dim?: number } = {}): Objective {
  checkKeys(options, ['dim'], 'rastrigin');
  const n = options.dim ?? 2;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Invalid dim: ${show(n)}`);
  const tau = 2 * Math.PI;
  function loss(theta: Float64Array): number {
    let f = 10 * n;
    for (let i = 0; i < n; i++) f += theta[i] * theta[i] - 10 * Math.cos(tau * theta[i]);
    return f;
  }
  return {
    name: 'Rastrigin',
    dim: n,
    loss,
    grad(theta, out) {
      for (let i = 0; i < n; i++) out[i] = 2 * theta[i] + 10 * tau * Math.sin(tau * theta[i]);
      return loss(theta);
    },
    value: n === 2 ? (x, y) => 20 + x * x - 10 * Math.cos(tau * x) + y * y - 10 * Math.cos(tau * y) : undefined,
    minima: [{ point: new Array<number>(n).fill(0), value: 0 }],
    view: { xmin: -5.12, xmax: 5.12, ymin: -5.12, ymax: 5.12 },
    start: Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 3.3 : -2.7)),
  };
}

/**
 * A curved, ill-conditioned ravine, $f(x, y) = x^2/20 + 5\,(y - \tfrac12\sin x)^2$: a narrow valley
 * that bends along y = sin(x)/2 (condition number about 157 at the bottom); minimum 0 at (0, 0).
 * Gradient descent zig-zags across it; momentum rolls along it.
 */
export function ravine(): Objective {
  return make2d(
    'ravine',
    (x, y) => (x * x) / 20 + 5 * (y - Math.sin(x) / 2) ** 2,
    (x, y, out) => {
      const r = y - Math.sin(x) / 2;
      out[0] = x / 10 - 5 * Math.cos(x) * r;
      out[1] = 10 * r;
    },
    { minima: [{ point: [0, 0], value: 0 }], view: { xmin: -6, xmax: 6, ymin: -3, ymax: 3 }, start: [-5, 1.5] },
  );
}
