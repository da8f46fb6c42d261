/**
 * The one run a worker executes: where its display calls go and the slider values it was started with.
 * Kept apart from `display.ts` so that the module students import exposes only the drawing API.
 */
import type { EventBuffer } from './buffer.ts';

export interface RunContext {
  buffer: EventBuffer;
  params: Record<string, number>;
  /** Display ids are numbered in creation order, so a re-run maps onto the same boxes on the page. */
  nextId: number;
  /** Cells in the tables drawn so far (capped per run by LIMITS.tableCells). */
  tableCells: number;
}

let current: RunContext | null = null;

export function beginContext(buffer: EventBuffer, params: Record<string, number>): RunContext {
  current = { buffer, params, nextId: 0, tableCells: 0 };
  return current;
}

export function context(): RunContext {
  if (!current) throw new Error('descent/display can only be used inside a running cell');
  return current;
}
