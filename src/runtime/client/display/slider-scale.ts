/**
 * How a slider's range input maps to its value. Linear sliders use the spec's own min/max/step. Log
 * sliders (learning rates from 1e-4 to 1) move the input over integer positions, 24 per decade, so
 * each arrow-key press multiplies the value by about 1.1, and values are rounded to 3 significant digits
 * (0.0316, not 0.031622776601683794).
 */
import type { SliderSpec } from '../../protocol.ts';

export const LOG_POSITIONS_PER_DECADE = 24;

export interface SliderScale {
  /** Attributes of the <input type="range">. */
  min: number;
  max: number;
  step: number;
  toValue(position: number): number;
  toPosition(value: number): number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function sliderScale(spec: Pick<SliderSpec, 'min' | 'max' | 'step' | 'log'>): SliderScale {
  const { min, max, step } = spec;
  if (spec.log && min > 0) {
    const decades = Math.log10(max / min);
    const positions = Math.max(1, Math.round(decades * LOG_POSITIONS_PER_DECADE));
    return {
      min: 0,
      max: positions,
      step: 1,
      toValue: (p) =>
        clamp(Number((min * (max / min) ** (clamp(p, 0, positions) / positions)).toPrecision(3)), min, max),
      toPosition: (v) => clamp(Math.round((Math.log10(clamp(v, min, max) / min) / decades) * positions), 0, positions),
    };
  }
  return {
    min,
    max,
    step,
    // The input already snaps to the step; toPrecision removes float noise such as 0.30000000000000004.
    toValue: (p) => clamp(Number(p.toPrecision(12)), min, max),
    toPosition: (v) => clamp(v, min, max),
  };
}
