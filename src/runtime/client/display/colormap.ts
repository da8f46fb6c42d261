/**
 * Viridis: perceptually uniform, readable in greyscale and with colour-vision deficiencies, and dark
 * enough at the bottom that minima stand out in either theme. A degree-6 polynomial fit (max error about
 * 1/255 per channel) saves shipping the 256-entry table.
 */

const C = [
  [0.2777273272234177, 0.005407344544966578, 0.3340998053353061],
  [0.1050930431085774, 1.404613529898575, 1.384590162594685],
  [-0.3308618287255563, 0.214847559468213, 0.09509516302823659],
  [-4.634230498983486, -5.799100973351585, -19.33244095627987],
  [6.228269936347081, 14.17993336680509, 56.69055260068105],
  [4.776384997670288, -13.74514537774601, -65.35303263337234],
  [-5.435455855934631, 4.645852612178535, 26.3124352495832],
] as const;

/** Viridis at t ∈ [0, 1] as 0–255 channels. */
export function viridis(t: number): [number, number, number] {
  const u = Math.min(1, Math.max(0, t));
  const out: [number, number, number] = [0, 0, 0];
  for (let ch = 0; ch < 3; ch++) {
    let v = 0;
    for (let k = C.length - 1; k >= 0; k--) v = v * u + (C[k] as readonly number[])[ch]!;
    out[ch] = Math.round(Math.min(1, Math.max(0, v)) * 255);
  }
  return out;
}

/** 256 entries, RGB interleaved. */
export const VIRIDIS_LUT: Uint8Array = (() => {
  const lut = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) lut.set(viridis(i / 255), i * 3);
  return lut;
})();
