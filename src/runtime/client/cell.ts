/**
 * One code cell on a lesson page: its buttons, its saved edit, its runs and what they report.
 *
 * The markup comes from `src/components/Cell.astro` (and `Exercise.astro`): a static, highlighted copy of
 * the code that works without JavaScript, plus hidden controls that this module reveals. The editor,
 * the sandbox and the chart code are loaded on first use, so a lesson page stays light until a student
 * touches a cell.
 */
import type { CellEvent, EndReason } from '../protocol.ts';
import type { DisplayHost } from './display/index.ts';
import type { EditorSession } from './editor/index.ts';
import { createOutputLog } from './output.ts';
import {
  isSolved,
  keys,
  markSolved,
  readEdit,
  removeKey,
  restore,
  safeStorage,
  writeEdit,
  type SavedEdit,
} from './persistence.ts';
import type { RunHandle } from './sandbox-client.ts';
import { encodeShare } from './share.ts';
import { endText, runningText, type Outcome } from './status.ts';

const SAVE_DELAY_MS = 400;

let editorSession: Promise<EditorSession> | null = null;

/** Loads the page's one editor: Monaco, or a plain textarea on touch phones. */
function loadEditorSession(): Promise<EditorSession> {
  editorSession ??= import('./editor/plain.ts').then(async (plain) =>
    plain.preferPlainEditor() ? plain.loadPlainEditor() : (await import('./editor/index.ts')).loadEditor(),
  );
  return editorSession;
}

function jsonText(root: HTMLElement, selector: string): string | null {
  const el = root.querySelector(selector);
  return el?.textContent ? (JSON.parse(el.textContent) as string) : null;
}

function button(root: HTMLElement, action: string): HTMLButtonElement | null {
  return root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
}

export interface CellController {
  readonly id: string;
  /** Shows code from a share link without touching the student's own saved edit. */
  showShared(code: string): void;
}

export function setupCell(root: HTMLElement): CellController {
  const id = root.dataset['cell'] as string;
  const version = root.dataset['version'] as string;
  const original = jsonText(root, 'script[data-original]') ?? '';
  const check = jsonText(root, 'script[data-check]');
  const solution = jsonText(root, 'script[data-solution]');
  const title = root.querySelector('.cell-title-text')?.textContent ?? id;
  const storage = safeStorage();

  const codeBox = root.querySelector<HTMLElement>('[data-code]') as HTMLElement;
  const notice = root.querySelector<HTMLElement>('[data-notice]') as HTMLElement;
  const status = root.querySelector<HTMLElement>('[data-status]') as HTMLElement;
  const displayRoot = root.querySelector<HTMLElement>('[data-display]') as HTMLElement;
  const outputElement = root.querySelector<HTMLElement>('[data-output]') as HTMLElement;
  const output = createOutputLog(outputElement);
  const runButton = button(root, 'run');
  const stopButton = button(root, 'stop');
  const checkButton = button(root, 'check');

  let code = original;
  /** Code from a share link being looked at; edits to it are not saved until the student keeps it. */
  let shared = false;
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  let display: DisplayHost | null = null;
  let editorOpen = false;

  // --- Showing code -------------------------------------------------------------------------------

  /** The build-time highlighted copy of the original, shown again whenever the code is the original. */
  const highlighted = [...codeBox.childNodes].map((n) => n.cloneNode(true));

  function showStatic(text: string): void {
    if (text === original) {
      codeBox.replaceChildren(...highlighted.map((n) => n.cloneNode(true)));
      return;
    }
    const pre = document.createElement('pre');
    pre.className = 'cell-plain';
    pre.tabIndex = 0;
    const inner = document.createElement('code');
    inner.textContent = text;
    pre.append(inner);
    codeBox.replaceChildren(pre);
  }

  function setCode(next: string): void {
    code = next;
    if (editorOpen) void loadEditorSession().then((s) => s.setValue(id, next));
    else showStatic(next);
  }

  function save(): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = null;
    if (shared) return;
    const edit: SavedEdit = { code, base: version, at: Date.now() };
    if (!writeEdit(storage, id, edit, original)) {
      setNotice(
        'Your browser is not letting this page save, so edits will be lost on reload. Copy your code somewhere safe.',
        [],
      );
    }
  }

  function scheduleSave(): void {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, SAVE_DELAY_MS);
  }

  addEventListener('pagehide', () => saveTimer && save());

  // --- Notices (stale edit, shared code, reset) ----------------------------------------------------

  function setNotice(message: string, actions: { label: string; run(): void }[], extra?: HTMLElement): void {
    const p = document.createElement('p');
    p.textContent = message;
    const bar = document.createElement('div');
    bar.className = 'cell-notice-actions';
    for (const a of actions) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = a.label;
      b.addEventListener('click', a.run);
      bar.append(b);
    }
    notice.replaceChildren(p, ...(actions.length ? [bar] : []), ...(extra ? [extra] : []));
    notice.hidden = false;
  }

  function clearNotice(): void {
    notice.hidden = true;
    notice.replaceChildren();
  }

  function codeBlock(text: string, label: string): HTMLElement {
    const pre = document.createElement('pre');
    pre.className = 'cell-plain';
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', label);
    const inner = document.createElement('code');
    inner.textContent = text;
    pre.append(inner);
    return pre;
  }

  function showStaleNotice(): void {
    let showing = false;
    const view = codeBlock(original, 'The new original code');
    view.hidden = true;
    setNotice(
      'You edited an earlier version of this cell. Your version is kept; the lesson has since updated the original.',
      [
        {
          label: 'Show the new original',
          run: () => {
            showing = !showing;
            view.hidden = !showing;
          },
        },
        { label: 'Use the new original', run: () => reset() },
        {
          label: 'Keep my version',
          run: () => {
            save();
            clearNotice();
          },
        },
      ],
      view,
    );
  }

  function reset(): void {
    const before = code;
    if (before !== original) {
      writeEdit(storage, id, { code: before, base: version, at: Date.now() }, original, keys.beforeReset(id));
    }
    shared = false;
    setCode(original);
    save();
    if (before === original) {
      clearNotice();
      return;
    }
    setNotice('The cell is back to its original code.', [
      {
        label: 'Undo reset',
        run: () => {
          setCode(before);
          save();
          removeKey(storage, keys.beforeReset(id));
          clearNotice();
        },
      },
    ]);
  }

  function showShared(sharedCode: string): void {
    const mine = code;
    shared = true;
    setCode(sharedCode);
    setNotice('This is code from a shared link. Your own version of this cell is unchanged.', [
      {
        label: 'Keep the shared code',
        run: () => {
          shared = false;
          save();
          clearNotice();
        },
      },
      {
        label: 'Back to my version',
        run: () => {
          shared = false;
          setCode(mine);
          clearNotice();
        },
      },
    ]);
    root.scrollIntoView({ block: 'start' });
  }

  // --- Editor --------------------------------------------------------------------------------------

  function openEditor(): void {
    void loadEditorSession().then((session) => {
      editorOpen = true;
      session.open({
        id,
        container: codeBox,
        value: code,
        onChange(value) {
          code = value;
          scheduleSave();
        },
        onRun: () => void run(false),
        onLeave: () => runButton?.focus(),
      });
      // After open: swapping the static code for the editor blurs it, which must not end the editing.
      root.classList.add('is-editing');
    });
  }

  // Editing ends, for the sticky toolbar, when focus leaves the cell altogether.
  root.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !root.contains(next)) root.classList.remove('is-editing');
  });

  // Start fetching the editor as soon as a student heads for the code, so it is ready by the click.
  const warm = () => void loadEditorSession().catch(() => undefined);
  codeBox.addEventListener('focusin', warm, { once: true });
  codeBox.addEventListener('pointerenter', warm, { once: true });
  codeBox.addEventListener('click', () => {
    if (!editorOpen) openEditor();
  });
  codeBox.addEventListener('keydown', (event) => {
    if (!editorOpen && event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      openEditor();
    }
  });
  root.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.key !== 'Enter') return;
    if ((event.target as Element).closest('.monaco-editor, textarea')) return; // the editor binds its own keys
    if (event.ctrlKey || event.metaKey || event.shiftKey) {
      event.preventDefault();
      void run(false);
    }
  });

  // --- Running -------------------------------------------------------------------------------------

  let active: {
    handle: RunHandle;
    started: number;
    timeLimitMs: number;
    step: number | null;
    total: number | null;
    error: Outcome['error'];
    /** Whether this run was asked to check (Check, not Run); only then does a verdict count. */
    checking: boolean;
    /** Whether the run has sent anything to show: a line of output or a display. */
    showed: boolean;
    /** The lines of the code this run executes (the editor may change meanwhile). */
    lines: string[];
    checked: { ok: boolean; message: string } | null;
    ticker: ReturnType<typeof setInterval>;
  } | null = null;
  let rerun: boolean | null = null;

  function setRunning(on: boolean): void {
    root.classList.toggle('is-running', on);
    if (stopButton) stopButton.disabled = !on;
    // While a run streams, its status ticks five times a second and its log redraws every frame:
    // busy live regions wait, so a screen reader hears the outcome and the output once, at the end.
    for (const region of [status, outputElement]) region.setAttribute('aria-busy', String(on));
  }

  async function run(withCheck: boolean): Promise<void> {
    if (active) {
      rerun = withCheck;
      active.handle.stop();
      return;
    }
    delete root.dataset['outcome'];
    status.textContent = 'Starting…';
    const [{ sandbox }, displayModule] = await Promise.all([
      import('./sandbox-client.ts'),
      import('./display/index.ts'),
    ]);
    display ??= displayModule.createDisplay(displayRoot, {
      cellTitle: title,
      onParamsChange: () => void run(false),
    });
    if (active) return;
    output.clear();
    if (editorOpen) void loadEditorSession().then((s) => s.setErrors(id, []));
    display.beginRun();
    // Read at every run (not once) so an instructor's page or a test can change the limit.
    const timeLimitMs = Number(root.dataset['timeLimit'] ?? 10_000);
    const started = performance.now();
    setRunning(true);
    const handle = sandbox().run(
      { code, check: withCheck ? check : null, params: display.params(), timeLimitMs: timeLimitMs },
      { onEvents, onEnd },
    );
    active = {
      handle,
      started,
      timeLimitMs,
      step: null,
      total: null,
      error: null,
      checking: withCheck,
      showed: false,
      lines: code.split('\n'),
      checked: null,
      ticker: setInterval(() => {
        if (active) status.textContent = runningText(performance.now() - active.started, active.step, active.total);
      }, 200),
    };
  }

  function onEvents(events: CellEvent[]): void {
    if (!active) return;
    let drawing: CellEvent[] = [];
    const flushDrawing = () => {
      if (drawing.length) display?.apply(drawing);
      drawing = [];
    };
    for (const e of events) {
      if (e.t !== 'progress' && e.t !== 'done') active.showed = true;
      switch (e.t) {
        case 'log':
          output.append(e.level, e.text);
          break;
        case 'dropped':
          output.dropped(e.lines);
          break;
        case 'progress':
          active.step = e.step;
          active.total = e.total;
          status.textContent = runningText(performance.now() - active.started, e.step, e.total);
          break;
        case 'error': {
          active.error ??= { message: e.message, line: e.line, phase: e.phase };
          // A column past the end of its line is the compiler's (its helpers share line 1): not shown.
          const lineLength = e.line === null ? 0 : (active.lines[e.line - 1]?.length ?? 0);
          const column = e.column !== null && e.column <= lineLength + 1 ? e.column : null;
          const where = e.line === null ? '' : ` (line ${e.line}${column === null ? '' : `, column ${column}`})`;
          output.append('error', `${e.message}${where}`);
          if (e.line !== null && editorOpen) {
            const marker = { line: e.line, column, message: e.message };
            void loadEditorSession().then((s) => s.setErrors(id, [marker]));
          }
          break;
        }
        case 'check':
          // A verdict on a plain Run can only come from the student's own code posting one.
          if (active.checking) active.checked = { ok: e.ok, message: e.message };
          break;
        case 'done':
          break;
        default:
          drawing.push(e);
      }
    }
    flushDrawing();
  }

  function onEnd(reason: EndReason | null, detail: string): void {
    if (!active) return;
    const { started, error, checked, ticker, timeLimitMs, showed } = active;
    clearInterval(ticker);
    active = null;
    setRunning(false);
    // The outcome below tells readers (and tests) the run is over: its output must be on the page by then.
    output.flush();
    display?.endRun();
    const elapsedMs = performance.now() - started;
    let text = endText({ reason, elapsedMs, timeLimitMs, error, detail, silent: !showed && !checked });
    if (checked && reason === null) {
      text = checked.ok ? `Correct: ${checked.message}` : `Not yet: ${checked.message}`;
      if (checked.ok) {
        markSolved(storage, id);
        root.classList.add('is-solved');
      }
    }
    status.textContent = text;
    root.dataset['outcome'] = checked ? (checked.ok ? 'passed' : 'failed') : (reason ?? (error ? 'error' : 'done'));
    if (rerun !== null) {
      const withCheck = rerun;
      rerun = null;
      void run(withCheck);
    }
  }

  // --- Buttons -------------------------------------------------------------------------------------

  runButton?.addEventListener('click', () => void run(false));
  // Start loading the runner when a click or Enter is likely: the pointer reaches Run or Check, or
  // keyboard focus does (so keyboard users get the same head start).
  const warmRunner = () => void import('./sandbox-client.ts').then((m) => m.sandbox().warm());
  for (const b of [runButton, checkButton]) {
    for (const type of ['pointerenter', 'focus']) b?.addEventListener(type, warmRunner, { once: true });
  }
  stopButton?.addEventListener('click', () => {
    rerun = null;
    active?.handle.stop();
  });
  checkButton?.addEventListener('click', () => void run(true));
  button(root, 'reset')?.addEventListener('click', reset);
  button(root, 'share')?.addEventListener('click', async () => {
    const link = `${location.origin}${location.pathname}${await encodeShare(id, code)}`;
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = 'Link copied. Anyone who opens it sees this code in this cell.';
    } catch {
      const field = document.createElement('input');
      field.type = 'text';
      field.readOnly = true;
      field.value = link;
      field.setAttribute('aria-label', 'Link to this code');
      setNotice('Copy this link to share your code:', [], field);
      field.select();
    }
  });

  const hints = [...root.querySelectorAll<HTMLElement>('[data-hint]')];
  const hintButton = button(root, 'hint');
  // The button keeps focus (a disabled button would drop it to the page), says how many hints are
  // left, and the hint list is a live region, so a screen reader reads each hint as it appears.
  const labelHintButton = () => {
    if (!hintButton) return;
    const shown = hints.filter((h) => !h.hidden).length;
    const all = shown === hints.length;
    hintButton.textContent = all ? `All ${hints.length} hints shown` : `Show hint ${shown + 1} of ${hints.length}`;
    hintButton.setAttribute('aria-disabled', String(all));
  };
  labelHintButton();
  hintButton?.addEventListener('click', () => {
    const next = hints.find((h) => h.hidden);
    if (next) {
      next.hidden = false;
      next.closest<HTMLElement>('[data-hints]')?.removeAttribute('hidden');
    }
    labelHintButton();
  });
  const solutionBox = root.querySelector<HTMLElement>('[data-solution-box]');
  button(root, 'solution')?.addEventListener('click', (event) => {
    if (!solutionBox) return;
    solutionBox.hidden = !solutionBox.hidden;
    (event.currentTarget as HTMLButtonElement).setAttribute('aria-expanded', String(!solutionBox.hidden));
  });
  button(root, 'use-solution')?.addEventListener('click', () => {
    if (solution === null) return;
    const before = code;
    setCode(solution);
    save();
    setNotice('The solution is now in the editor.', [
      {
        label: 'Undo',
        run: () => {
          setCode(before);
          save();
          clearNotice();
        },
      },
    ]);
  });

  // --- Start ---------------------------------------------------------------------------------------

  const restored = restore(readEdit(storage, id), original, version);
  if (restored.kind !== 'original') {
    code = restored.code;
    showStatic(code);
    if (restored.kind === 'stale') showStaleNotice();
  }
  if (check !== null && isSolved(storage, id)) root.classList.add('is-solved');
  for (const el of root.querySelectorAll<HTMLElement>('[data-enhanced]')) el.hidden = false;

  return { id, showShared };
}
