import { adam, rng } from 'descent';
import { table } from 'descent/display';

// Feed Adam (defaults β = (0.9, 0.999), ε = 1e-8, and η = 1 so that Δθ/η is just Δθ) a fixed
// sequence of 5000 gradients, and measure the steps it takes. The gradients do not depend on θ,
// so each row isolates how the *history* of gradients sets the step length. T is large enough
// that the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ are within 1% of 1 at the end.
const T = 5000;

function steps(gradient: (t: number) => number): number[] {
  const theta = new Float64Array(1);
  const optimizer = adam({ lr: 1 });
  const state = optimizer.init(theta);
  const out: number[] = [];
  for (let t = 1; t <= T; t++) {
    const before = theta[0];
    optimizer.step(theta, new Float64Array([gradient(t)]), state);
    out.push(before - theta[0]); // Δθ/η with its sign: positive means a step against a positive gradient
  }
  return out;
}

const noise = rng(0);
const noisy = Array.from({ length: T }, () => noise.normal(0.1, 1));

const histories: [string, (t: number) => number, string][] = [
  ['constant g = 1', () => 1, '1'],
  ['constant g = 0.000001', () => 1e-6, '1 (scale-invariant)'],
  ['constant g = 1e-9 (below ε)', () => 1e-9, 'g/(g + ε) ≈ 0.09'],
  ['noisy: mean 0.1, std 1', (t) => noisy[t - 1], 'drift ≈ 0.1/√1.01 ≈ 0.1'],
  ['alternating +1, −1', (t) => (t % 2 === 0 ? 1 : -1), 'drift ≈ 0'],
  ['zero, then one spike of 1 at the end', (t) => (t === T ? 1 : 0), '(1 − β₁)/√(1 − β₂) ≈ 3.16'],
  ['zero, then growing ×(β₂/β₁) per step for 40 steps', (t) => (t > T - 40 ? (0.999 / 0.9) ** (t - T) : 0), '≈ 7.2'],
];

const rows = histories.map(([history, gradient, predicted]) => {
  const s = steps(gradient);
  const late = s.slice(1000); // steps 1001 … T, long after the start
  const drift = late.reduce((a, b) => a + b, 0) / late.length;
  const jitter = late.reduce((a, b) => a + Math.abs(b), 0) / late.length;
  return {
    'gradient history': history,
    'last step |Δθ|/η': Number(Math.abs(s[T - 1]).toPrecision(4)),
    'mean Δθ/η, steps 1001+': Number(drift.toPrecision(3)),
    'mean |Δθ|/η, steps 1001+': Number(jitter.toPrecision(3)),
    'the text predicts': predicted,
  };
});
table(rows, { title: 'How long is one Adam step?' });
