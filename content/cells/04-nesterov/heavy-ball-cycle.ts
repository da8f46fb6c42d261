import { momentum, nesterov } from 'descent';
import { lineChart, print, table } from 'descent/display';

// Lessard, Recht and Packard's example: a 1-D convex function whose curvature is 25 for x < 1, 1 on
// [1, 2) and 25 again for x ≥ 2. It is strongly convex with λmin = 1 and smooth with λmax = 25 (κ = 25),
// and its minimum is x = 0.
const grad = (x: number) => (x < 1 ? 25 * x : x < 2 ? x + 24 : 25 * x - 24);
const [lmin, lmax] = [1, 25];
const sk = Math.sqrt(lmax / lmin);

// Heavy ball with the parameters that are optimal for every quadratic with eigenvalues in [1, 25].
const heavy = () =>
  momentum({ lr: (2 / (Math.sqrt(lmax) + Math.sqrt(lmin))) ** 2, momentum: ((sk - 1) / (sk + 1)) ** 2 });
// Nesterov with the parameters of its strongly convex guarantee.
const nag = () => nesterov({ lr: 1 / lmax, momentum: (sk - 1) / (sk + 1) });

function run(make: () => ReturnType<typeof momentum>, x0: number, steps: number): number[] {
  const optimizer = make();
  const x = new Float64Array([x0]);
  const state = optimizer.init(x);
  const path = [x0];
  for (let t = 1; t <= steps; t++) {
    optimizer.step(x, new Float64Array([grad(x[0])]), state);
    path.push(x[0]);
  }
  return path;
}

const chart = lineChart({ title: 'Position xₜ from x₀ = 3.3', y: 'x' });
const hb = run(heavy, 3.3, 60);
const nv = run(nag, 3.3, 60);
hb.forEach((x, t) => chart.add('heavy ball, η = 1/9, μ = 4/9', t, x));
nv.forEach((x, t) => chart.add('Nesterov, η = 1/25, μ = 2/3', t, x));
print(
  `heavy ball, steps 55–60: ${hb
    .slice(55)
    .map((x) => x.toFixed(4))
    .join(', ')}`,
);

// Which starting points get trapped? After 300 steps, how far from the minimum is each method?
table(
  [0.5, 1.5, 2.5, 3, 3.1, 3.3, 3.5, 4, 10].map((x0) => ({
    'start x₀': x0,
    'heavy ball |x₃₀₀|': Number(Math.abs(run(heavy, x0, 300)[300]).toPrecision(2)),
    'Nesterov |x₃₀₀|': Number(Math.abs(run(nag, x0, 300)[300]).toPrecision(2)),
  })),
  { title: 'Distance to the minimum after 300 steps' },
);
