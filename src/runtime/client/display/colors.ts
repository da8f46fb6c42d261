/**
 * Series colours: the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
 * The course's optimizers always get the same colour, in every chart and landscape, so a reader learns
 * "green is Adam" once. Other names, and a second name for an optimizer already drawn, take the
 * next colour not yet used in the cell; past eight names the colours repeat with a dash pattern.
 *
 * Each colour has a light- and a dark-theme shade of the same hue, so lines keep about 3:1 contrast with
 * the background (WCAG's bar for graphics): black becomes the theme's text colour, yellow turns olive on
 * the light background, and orange, sky blue and purple are a little darker there.
 */

export type ThemeName = 'light' | 'dark';

interface Swatch {
  light: string;
  dark: string;
}

// Assigned so the optimizers a lesson compares side by side differ most: sgd / momentum / nesterov,
// sgd / adagrad / rmsprop, adagrad / rmsprop / adam, adam / adamw. Plain gradient descent is drawn in
// the text colour, as in most textbooks; blue (one shade away from AdaGrad's sky blue) goes to other names.
export const PALETTE: readonly Swatch[] = [
  { light: '#0072b2', dark: '#1a7fc0' }, // 0 blue: free for other names
  { light: '#c98600', dark: '#e69f00' }, // 1 orange: momentum
  { light: '#2f96d6', dark: '#56b4e9' }, // 2 sky blue: adagrad
  { light: '#009e73', dark: '#00b383' }, // 3 bluish green: adam
  { light: '#c06a9a', dark: '#cc79a7' }, // 4 reddish purple: nesterov
  { light: '#d55e00', dark: '#e8680a' }, // 5 vermillion: rmsprop
  { light: '#8c7d00', dark: '#f0e442' }, // 6 yellow: adamw
  { light: '#1d2127', dark: '#e4e2dd' }, // 7 black / the text colour: sgd
];

/** Palette entries for names that are not optimizers, in order: the unreserved one, then the rarest. */
const FREE_ORDER = [0, 4, 6, 2, 5, 3, 1, 7];

const DASHES: readonly (readonly number[])[] = [[], [7, 4], [2, 3]];
const SOLID: readonly number[] = [];

// Okabe–Ito neighbours that are hard to tell apart as thin lines: orange / vermillion (momentum and
// RMSprop, side by side in lesson 7's race) and blue / sky blue. An optimizer whose colour's neighbour
// is already in the cell keeps its colour but is drawn with this dash (one no repeat uses).
const NEIGHBOUR: ReadonlyMap<number, number> = new Map([
  [1, 5],
  [5, 1],
  [0, 2],
  [2, 0],
]);
const NEIGHBOUR_DASH: readonly number[] = [10, 3];

/**
 * The palette index reserved for a course optimizer, or null. Case-insensitive; "adam-0.01" is Adam,
 * "AdamW" is AdamW, "SGD + momentum" and "Nesterov momentum" are the momentum methods, and plain
 * "gradient descent" (the course's first lessons) is SGD.
 */
export function optimizerIndex(name: string): number | null {
  const n = name.trim().toLowerCase();
  if (n.startsWith('adamw')) return 6;
  if (n.startsWith('adam')) return 3;
  if (n.startsWith('rmsprop')) return 5;
  if (n.startsWith('adagrad')) return 2;
  if (n.includes('nesterov')) return 4;
  if (n.includes('momentum')) return 1;
  if (n.startsWith('sgd') || n.startsWith('gradient descent') || n === 'gd') return 7;
  return null;
}

export interface SeriesStyle {
  /** Index into PALETTE. */
  index: number;
  /** Canvas line dash ([] for solid). */
  dash: readonly number[];
}

/** Hands out styles by name for one cell: the same name always gets the same style. */
export class SeriesColors {
  private readonly byName = new Map<string, SeriesStyle>();
  private readonly used = new Set<number>();
  private others = 0;

  style(name: string): SeriesStyle {
    const known = this.byName.get(name);
    if (known) return known;
    let style: SeriesStyle;
    const reserved = optimizerIndex(name);
    // Two names for one optimizer in a cell ("sgd lr=0.1", "sgd lr=1") must still look different: the
    // first keeps the optimizer's colour, the next one gets a free colour.
    const free = FREE_ORDER.find((i) => !this.used.has(i));
    if (reserved !== null && !this.used.has(reserved)) {
      const neighbour = NEIGHBOUR.get(reserved);
      style = { index: reserved, dash: neighbour !== undefined && this.used.has(neighbour) ? NEIGHBOUR_DASH : SOLID };
    } else if (free !== undefined) {
      style = { index: free, dash: SOLID };
    } else {
      // Every colour is taken: cycle through them again, dashed, so lines still differ.
      const round = 1 + Math.floor(this.others / PALETTE.length);
      const index = FREE_ORDER[this.others % PALETTE.length] as number;
      style = { index, dash: DASHES[Math.min(round, DASHES.length - 1)] as number[] };
      this.others++;
    }
    this.used.add(style.index);
    this.byName.set(name, style);
    return style;
  }

  reset(): void {
    this.byName.clear();
    this.used.clear();
    this.others = 0;
  }
}

export function swatch(index: number, theme: ThemeName): string {
  const s = PALETTE[index] ?? PALETTE[0];
  return (s as Swatch)[theme];
}

/** WCAG relative luminance of a #rrggbb colour, 0 (black) … 1 (white). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 0;
  const [r, g, b] = [m[1], m[2], m[3]].map((c) => {
    const v = parseInt(c as string, 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours (1 … 21). */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A casing that keeps a line of this colour visible on any part of a heat map. */
export function casingFor(hex: string): string {
  return luminance(hex) > 0.3 ? 'rgba(0, 0, 0, 0.75)' : 'rgba(255, 255, 255, 0.85)';
}
