/**
 * A cell's output log: the last `LIMITS.keptLines` lines, as text. A cell that prints a million lines
 * leaves the newest thousand and one line saying how many were dropped, and the page stays fast because
 * the DOM is rebuilt at most once per animation frame.
 */
import { LIMITS, type LogLevel } from '../protocol.ts';

export interface OutputLog {
  append(level: LogLevel | 'result', text: string): void;
  /** Lines the worker dropped before they reached the page. */
  dropped(lines: number): void;
  clear(): void;
  /** Shows pending lines now instead of on the next frame (a run that ends shows all it printed). */
  flush(): void;
  /** Lines currently kept, for tests. */
  readonly size: number;
}

export function createOutputLog(element: HTMLElement, keep: number = LIMITS.keptLines): OutputLog {
  let lines: { level: LogLevel | 'result'; text: string }[] = [];
  let droppedCount = 0;
  let frame = 0;
  let pending = false;

  function render(): void {
    frame = 0;
    pending = false;
    const fragment = document.createDocumentFragment();
    const shown = lines.length > keep ? lines.slice(lines.length - keep) : lines;
    const gone = droppedCount + (lines.length - shown.length);
    if (gone > 0) {
      const note = document.createElement('div');
      note.className = 'cell-line cell-line-note';
      note.textContent = `… ${gone.toLocaleString('en')} earlier ${gone === 1 ? 'line was' : 'lines were'} dropped; the last ${shown.length.toLocaleString('en')} are shown.`;
      fragment.append(note);
    }
    for (const line of shown) {
      const div = document.createElement('div');
      div.className = `cell-line cell-line-${line.level}`;
      div.textContent = line.text;
      fragment.append(div);
    }
    element.replaceChildren(fragment);
    element.hidden = shown.length === 0 && gone === 0;
    element.scrollTop = element.scrollHeight;
  }

  const schedule = () => {
    if (pending) return;
    pending = true;
    frame = requestAnimationFrame(render);
  };

  return {
    append(level, text) {
      lines.push({ level, text });
      if (lines.length > keep * 2) {
        // Trim in bulk: shifting one line at a time would make a flood quadratic.
        droppedCount += lines.length - keep;
        lines = lines.slice(lines.length - keep);
      }
      schedule();
    },
    dropped(n) {
      droppedCount += n;
      schedule();
    },
    clear() {
      lines = [];
      droppedCount = 0;
      if (pending) cancelAnimationFrame(frame);
      render();
    },
    flush() {
      if (!pending) return;
      cancelAnimationFrame(frame);
      render();
    },
    get size() {
      return Math.min(lines.length, keep);
    },
  };
}
