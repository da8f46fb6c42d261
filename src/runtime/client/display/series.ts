/**
 * The points of one chart series or landscape path, as received, with the counts the notes under a
 * display need. Pure data, no DOM, so it is unit-tested in Node.
 *
 * A run can stream far more points than anyone can see. Past `cap` kept points the series is thinned to
 * every other point and keeps only every 2nd, 4th… new one, so memory and per-frame work stay bounded
 * however long the run; the chart decimates to its pixel width anyway. Gaps (non-finite points) survive
 * thinning, so a curve is never drawn across a place where it was not finite.
 */

export const MAX_KEPT_POINTS = 50_000;

const isFinitePair = (x: number, y: number) => Number.isFinite(x) && Number.isFinite(y);

export class SeriesData {
  private _xs: number[] = [];
  private _ys: number[] = [];
  private _index: number[] = [];
  private stride = 1;
  /** Points received, kept or not. */
  received = 0;
  /** Received points whose x or y was NaN or ±Infinity. */
  nonFinite = 0;
  /** Received finite points with y ≤ 0, which a log axis cannot show. */
  nonPositive = 0;
  /** Bumped whenever kept points are dropped: a consumer mirroring them incrementally must start over. */
  generation = 0;

  constructor(private readonly cap = MAX_KEPT_POINTS) {}

  get xs(): readonly number[] {
    return this._xs;
  }
  get ys(): readonly number[] {
    return this._ys;
  }
  /** Each kept point's position in the stream (0-based). */
  get index(): readonly number[] {
    return this._index;
  }
  get length(): number {
    return this._xs.length;
  }

  append(xs: readonly number[], ys: readonly number[]): void {
    const n = Math.min(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      const x = xs[i] as number;
      const y = ys[i] as number;
      const k = this.received++;
      const finite = isFinitePair(x, y);
      if (!finite) this.nonFinite++;
      else if (y <= 0) this.nonPositive++;
      if (!finite || k % this.stride === 0) this.keep(x, y, k);
      if (this._xs.length > this.cap) this.thin();
    }
  }

  private keep(x: number, y: number, k: number): void {
    const last = this._xs.length - 1;
    // One gap marker breaks a line as well as a thousand: a run that diverged to NaN keeps a single
    // marker, moved to the newest NaN so the x axis still reaches the end of the run.
    if (!isFinitePair(x, y) && last >= 0 && !isFinitePair(this._xs[last] as number, this._ys[last] as number)) {
      this._xs[last] = x;
      this._ys[last] = y;
      this._index[last] = k;
      return;
    }
    this._xs.push(x);
    this._ys.push(y);
    this._index.push(k);
  }

  private thin(): void {
    const { _xs: xs, _ys: ys, _index: index } = this;
    this.stride *= 2;
    this._xs = [];
    this._ys = [];
    this._index = [];
    for (let r = 0; r < xs.length; r++) {
      const x = xs[r] as number;
      const y = ys[r] as number;
      const k = index[r] as number;
      if (k % this.stride === 0 || !isFinitePair(x, y) || r === xs.length - 1) this.keep(x, y, k);
    }
    this.generation++;
  }
}
