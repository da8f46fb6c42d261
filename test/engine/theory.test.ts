// Convergence theory on quadratics, measured. f(θ) = ½ θᵀAθ with eigenvalues μ = λ_min, L = λ_max,
// κ = L/μ, minimizer 0 (so the error is θ itself and can shrink to 1e-300 without a rounding floor).
import { describe, expect, it } from 'vitest';
import { dot, minimize, momentum, norm, quadratic, sgd } from '../../src/engine/index.ts';

describe('gradient descent on a quadratic', () => {
  it('with η = 2/(μ + L) contracts the error along the slow eigenvector by exactly (κ − 1)/(κ + 1) per step', () => {
    // e_{t+1} = (I − ηA) e_t; along the eigenvector of μ the factor is 1 − 2μ/(μ + L) = (κ − 1)/(κ + 1).
    const q = quadratic({ kappa: 10, angle: 0.3 });
    const run = minimize(q, sgd({ lr: 2 / (q.mu + q.L) }), { steps: 60, start: [3, -2] });
    const slow = q.eigenvectors[0];
    const along = run.path.map((p) => dot(p, slow));
    for (let t = 1; t < along.length; t++) expect(along[t] / along[t - 1]).toBeCloseTo(9 / 11, 12);
    // The fast direction flips sign with the same magnitude factor, −(κ − 1)/(κ + 1).
    const fast = run.path.map((p) => dot(p, q.eigenvectors[1]));
    expect(fast[5] / fast[4]).toBeCloseTo(-9 / 11, 12);
  });

  it('diverges for η > 2/L, with a status naming the step', () => {
    const q = quadratic({ kappa: 10 });
    const run = minimize(q, sgd({ lr: 2.2 / q.L }), { steps: 10000, start: [1, 1] });
    expect(run.status).toBe('diverged');
    expect(run.message).toMatch(/^diverged at step \d+: loss = [\d.e+]+; try a smaller learning rate$/);
    expect(run.losses.every(Number.isFinite)).toBe(true);
  });
});

describe('heavy-ball momentum at its optimal parameters (Goh 2017, "Why Momentum Really Works")', () => {
  // Goh's form z ← βz + ∇f(w), w ← w − αz is PyTorch's b ← μb + g, θ ← θ − ηb with η = α, μ = β
  // (also the heavy ball θ_{t+1} = θ_t − η g_t + μ(θ_t − θ_{t−1}); PyTorch's b₁ = g₁ equals Goh's z₀ = 0).
  // Optimal: α = (2/(√L + √μ))², β = ((√κ − 1)/(√κ + 1))², rate (√κ − 1)/(√κ + 1).
  const kappa = 100;
  const q = quadratic({ kappa, angle: 0.4 });
  const eta = (2 / (Math.sqrt(q.L) + Math.sqrt(q.mu))) ** 2;
  const mu = ((Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1)) ** 2;
  const rate = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1); // 9/11 ≈ 0.818
  const gdRate = (kappa - 1) / (kappa + 1); // 99/101 ≈ 0.980

  it('converges at the rate (√κ − 1)/(√κ + 1), far faster than gradient descent', () => {
    const run = minimize(q, momentum({ lr: eta, momentum: mu }), { steps: 600, start: [3, -2] });
    const e = run.path.map((p) => norm(p));
    // Geometric rate over steps 300…600. At the optimum the iteration matrix has a double
    // eigenvalue, so e_t ~ t·rateᵗ: the factor t adds (600/300)^(1/300) − 1 ≈ 0.2 % to the estimate.
    const measured = (e[600] / e[300]) ** (1 / 300);
    expect(Math.abs(measured - rate)).toBeLessThan(0.005);
    expect(measured).toBeLessThan((rate + gdRate) / 2); // would fail if the rate were gradient descent's
  });

  it('gradient descent at its best step is bounded by (κ − 1)/(κ + 1)', () => {
    const run = minimize(q, sgd({ lr: 2 / (q.mu + q.L) }), { steps: 600, start: [3, -2] });
    const e = run.path.map((p) => norm(p));
    const measured = (e[600] / e[300]) ** (1 / 300);
    expect(measured).toBeCloseTo(gdRate, 10);
  });
});
