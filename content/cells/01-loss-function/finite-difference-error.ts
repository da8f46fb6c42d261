import { rosenbrock } from 'descent';
import { lineChart, table } from 'descent/display';

// Rosenbrock's function f(x, y) = (1 − x)² + 100 (y − x²)² at its usual start (−1.2, 1), where the
// engine's exact gradient is (−215.6, −88). We estimate ∂f/∂x with finite differences of size h.
const f = rosenbrock();
const point = new Float64Array([-1.2, 1]);
const exact = new Float64Array(2);
f.grad(point, exact);

function shifted(dx: number): number {
  return f.loss(new Float64Array([point[0] + dx, point[1]]));
}

const chart = lineChart({ title: 'Error of a finite-difference derivative', x: 'log₁₀ h', y: 'error', logY: true });
const best = { forward: { h: 0, error: Infinity }, central: { h: 0, error: Infinity } };

// h from 10⁻¹ down to 10⁻¹⁴, four values per power of ten.
for (let k = 4; k <= 56; k++) {
  const h = 10 ** (-k / 4);
  const forward = (shifted(h) - f.loss(point)) / h;
  const central = (shifted(h) - shifted(-h)) / (2 * h);
  const errors = { forward: Math.abs(forward - exact[0]), central: Math.abs(central - exact[0]) };
  for (const method of ['forward', 'central'] as const) {
    const error = errors[method];
    // An error of exactly 0 (a lucky rounding) has no place on a log axis: skip that point.
    if (error > 0) chart.add(method, Math.log10(h), error);
    if (error < best[method].error) best[method] = { h, error };
  }
}

table(
  (['forward', 'central'] as const).map((method) => ({
    method,
    'best h': best[method].h.toExponential(1),
    'smallest error': best[method].error.toExponential(1),
  })),
  { title: `Estimating ∂f/∂x = ${exact[0]} at (−1.2, 1)` },
);
