/** The sentence under a display that says why parts of it are missing. */
import { plural } from './format.ts';

export function gapNote(nonFinite: number, nonPositiveOnLog: number, outside: readonly string[] = []): string {
  const parts: string[] = [];
  if (nonFinite > 0) {
    parts.push(
      `${plural(nonFinite, 'point was', 'points were')} not finite (NaN or ±Infinity) and ${nonFinite === 1 ? 'is shown as a gap' : 'are shown as gaps'}.`,
    );
  }
  if (nonPositiveOnLog > 0) {
    parts.push(
      `${plural(nonPositiveOnLog, 'point is', 'points are')} zero or negative and cannot be shown on the log scale.`,
    );
  }
  if (outside.length > 0) {
    parts.push(`The path${outside.length === 1 ? '' : 's'} of ${outside.join(', ')} ended outside the plotted area.`);
  }
  return parts.join(' ');
}
