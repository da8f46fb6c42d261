/**
 * The plain editor for touch phones: a `<textarea>`, no Monaco (this module must not import it, and the
 * cell controller loads it first to decide which editor to use). Same contract as the Monaco session
 * (types.ts): one editor per page, moved to the cell being edited; the cell it leaves shows its code as a
 * static `<pre>` again.
 *
 * Keys: Ctrl/Cmd+Enter and Shift+Enter run, Escape leaves; Tab moves focus as usual (a phone keyboard
 * has no Tab key to indent with, and a hardware keyboard user keeps the normal page order).
 */
import { captureSlot, reopenOnActivate, showStatic, type StaticSlot } from './static-view.ts';
import type { EditorCell, EditorError, EditorSession } from './types.ts';

export type { EditorCell, EditorError, EditorSession } from './types.ts';

/** Viewports narrower than this, with a coarse pointer, get the plain editor. */
const PLAIN_MAX_WIDTH = 700;

/** True on touch phones: a coarse pointer and a narrow viewport. */
export function preferPlainEditor(): boolean {
  if (typeof matchMedia !== 'function') return false;
  return matchMedia('(pointer: coarse)').matches && window.innerWidth < PLAIN_MAX_WIDTH;
}

interface CellState {
  cell: EditorCell | null;
  value: string | null;
  errors: EditorError[];
  slot: StaticSlot | null;
}

function describe(error: EditorError): string {
  const where = error.column === null ? `Line ${error.line}` : `Line ${error.line}, column ${error.column}`;
  return `${where}: ${error.message}`;
}

function createPlainSession(): EditorSession {
  const cells = new Map<string, CellState>();
  let active: CellState | null = null;

  const host = document.createElement('div');
  host.className = 'descent-editor descent-editor-is-plain';
  const textarea = document.createElement('textarea');
  textarea.className = 'descent-editor-plain';
  textarea.setAttribute('aria-label', 'Code editor');
  textarea.spellcheck = false;
  textarea.setAttribute('autocapitalize', 'off');
  textarea.setAttribute('autocomplete', 'off');
  textarea.setAttribute('autocorrect', 'off');
  textarea.setAttribute('wrap', 'off');
  const errorList = document.createElement('ul');
  errorList.className = 'descent-editor-errors';
  errorList.id = 'descent-editor-errors';
  textarea.setAttribute('aria-describedby', errorList.id);
  host.append(textarea, errorList);

  const state = (id: string): CellState => {
    let s = cells.get(id);
    if (!s) {
      s = { cell: null, value: null, errors: [], slot: null };
      cells.set(id, s);
    }
    return s;
  };

  function fitHeight(): void {
    // As tall as its code (at least 6 lines, from the CSS): a scroll box inside a page is hard to use
    // with a thumb, and opening one used to leave it scrolled past the first lines.
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight + 2}px`;
  }

  function showErrors(errors: EditorError[]): void {
    errorList.replaceChildren(
      ...errors.map((error) => {
        const li = document.createElement('li');
        li.textContent = describe(error);
        return li;
      }),
    );
  }

  textarea.addEventListener('input', () => {
    if (!active?.cell) return;
    active.value = textarea.value;
    fitHeight();
    active.cell.onChange(textarea.value);
  });

  textarea.addEventListener('keydown', (event) => {
    if (!active?.cell || event.isComposing) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey || event.shiftKey)) {
      event.preventDefault();
      active.cell.onRun();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      active.cell.onLeave();
    }
  });

  function leave(s: CellState): void {
    if (s.slot && s.value !== null) showStatic(s.slot, s.value);
  }

  function open(cell: EditorCell): void {
    const s = state(cell.id);
    s.cell = cell;
    if (active === s && host.parentElement === cell.container) {
      textarea.focus();
      return;
    }
    if (active && active !== s) leave(active);
    if (!s.slot || s.slot.container !== cell.container) {
      s.slot = captureSlot(cell.container, cell.value);
      reopenOnActivate(
        cell.container,
        () => active === s,
        () => s.cell && open(s.cell),
      );
    }
    s.value ??= cell.value;
    active = s;
    textarea.value = s.value;
    showErrors(s.errors);
    cell.container.replaceChildren(host);
    fitHeight();
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(0, 0);
    textarea.scrollTop = 0;
  }

  function setValue(cellId: string, value: string): void {
    const s = state(cellId);
    s.value = value;
    s.errors = [];
    if (s === active) {
      textarea.value = value;
      showErrors([]);
      fitHeight();
    } else {
      leave(s);
    }
  }

  function setErrors(cellId: string, errors: EditorError[]): void {
    const s = state(cellId);
    s.errors = errors.slice(0, 100);
    if (s === active) showErrors(s.errors);
  }

  return { open, setValue, setErrors, plain: true };
}

let session: EditorSession | null = null;

/** The page's plain editor session (created once). */
export function loadPlainEditor(): EditorSession {
  session ??= createPlainSession();
  return session;
}
