/**
 * The editor's contract with the cell controller (src/runtime/client/cell.ts). Both editors implement it:
 * Monaco (index.ts, desktop) and the plain textarea (plain.ts, touch phones). Types only: importing this
 * file loads nothing.
 */
export interface EditorCell {
  /** Stable cell id, e.g. '01-loss-function/gradient-descent'. */
  id: string;
  /** The element that holds the static <pre>; the editor replaces its content while active. */
  container: HTMLElement;
  /** Current code (used when the session has no model of this cell yet). */
  value: string;
  /** Every edit made in the editor (not the session's own `setValue`). */
  onChange(value: string): void;
  /** Ctrl+Enter, Cmd+Enter, Shift+Enter. */
  onRun(): void;
  /** Escape (when no suggestion list or other editor widget is open): the controller moves focus on. */
  onLeave(): void;
}

export interface EditorError {
  /** 1-based line in the student's source. */
  line: number;
  /** 1-based column, or null for the whole line. */
  column: number | null;
  message: string;
}

export interface EditorSession {
  /** Show the editor in this cell, focused, with the cell's own model (created on first open). */
  open(cell: EditorCell): void;
  /** Replace a cell's code (Reset, loading a shared link); works whether or not that cell is open. */
  setValue(cellId: string, value: string): void;
  /** Runtime errors from the runner: 1-based line/column in the student's source. Empty list clears. */
  setErrors(cellId: string, errors: EditorError[]): void;
  /** True when this session is the plain fallback (no Monaco). */
  readonly plain: boolean;
}
