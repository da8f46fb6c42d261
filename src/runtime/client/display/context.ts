import type { SeriesColors } from './colors.ts';
import type { Theme } from './theme.ts';

/** What a display needs from the host that owns it. */
export interface DisplayContext {
  cellTitle: string;
  /** Series colours shared by every display of the cell, so a name keeps its colour everywhere. */
  colors: SeriesColors;
  theme(): Theme;
  /** Asks for a flush() in the next animation frame. */
  invalidate(): void;
}
