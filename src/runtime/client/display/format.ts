/**
 * Numbers as a reader wants to see them: a few significant digits, no binary-float noise
 * (`0.30000000000000004` reads as `0.3`), exponents only where plain digits would be unreadable.
 */
import type { Cell } from '../../protocol.ts';

/** `v` with at most `digits` significant digits. */
export function formatNumber(v: number, digits = 5): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  // Step counts and sizes are integers; they read best in full.
  if (Number.isInteger(v) && abs < 1e6) return String(v);
  if (abs >= 1e6 || abs < 1e-4) return exponential(v, digits);
  return String(Number(v.toPrecision(digits)));
}

function exponential(v: number, digits: number): string {
  const [mantissa = '', exponent = ''] = v.toExponential(Math.max(0, digits - 1)).split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${m}e${exponent.replace('+', '')}`;
}

/** A table cell as text. */
export function formatCell(c: Cell, digits = 5): string {
  if (c === null) return 'null';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  if (typeof c === 'number') return formatNumber(c, digits);
  return c;
}

/** A count with thousands separators, for sentences ("10,000 points"). Fixed locale so tests are stable. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 point" / "3 points". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
