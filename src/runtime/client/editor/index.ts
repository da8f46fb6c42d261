/**
 * The code editor: one Monaco editor per page, moved to whichever cell the student is editing.
 *
 * Loaded only through dynamic `import()` when a student first clicks or focuses a cell's code (see
 * src/runtime/client/cell.ts); a lesson page loads none of Monaco before that. Each cell has its own
 * model (`file:///cells/<id>.ts`); opening another cell moves the editor's DOM node there and swaps the
 * model, and the cell it left shows its code again as a static, coloured `<pre>` (static-view.ts).
 *
 * TypeScript intellisense knows the modules cells import: their declarations are generated from the
 * sources at build time (src/runtime/build/cell-types.ts), served at /editor/types.json and registered as
 * extra libraries; the compiler options are the ones cells run with (compiler-options.ts).
 *
 * Keyboard: Ctrl/Cmd+Enter and Shift+Enter run the cell, Escape leaves the editor (the controller moves
 * focus to the Run button), Tab indents, Ctrl+M (Ctrl+Shift+M on macOS) makes Tab move focus instead.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
// The editor features a cell relies on (suggestions, hovers, parameter hints, find, the F1 palette, Ctrl+M).
// No other languages. Note: in Monaco 0.57 the TypeScript language service (its workerManager imports
// internal/common/workers.js) pulls in Monaco's standard contributions anyway; this list keeps what we
// depend on explicit should that change.
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/codeAction/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/parameterHints/register';
import 'monaco-editor/features/quickCommand/register';
import 'monaco-editor/features/rename/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/toggleTabFocusMode/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
// TypeScript: the tokenizer and the language service, imported eagerly so that opening the first cell
// does not wait for two more chunks.
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/typescript/typescript';
import 'monaco-editor/languages/features/typescript/tsMode';
import { typescriptDefaults } from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { CELL_COMPILER_OPTIONS } from './compiler-options.ts';
import { captureSlot, reopenOnActivate, showStatic, type StaticSlot } from './static-view.ts';
import type { EditorCell, EditorError, EditorSession } from './types.ts';

export type { EditorCell, EditorError, EditorSession } from './types.ts';

/** Two workers only: Monaco's base worker and TypeScript's (no JSON/CSS/HTML language services). */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TypeScriptWorker() : new EditorWorker();
  },
};

const LANGUAGE = 'typescript';
const RUN_MARKERS = 'descent-run';
const MIN_LINES = 6;
const MAX_LINES = 32;
const PADDING = 10;
const HINT_ID = 'descent-editor-hint';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Escape leaves the editor unless Escape has a job inside it first: closing the suggestion list, a hover,
 * parameter hints, the find or rename box, the error peek, leaving a snippet, dropping extra cursors or a
 * selection. A second Escape then leaves.
 */
const ESCAPE_LEAVES_WHEN = [
  'editorTextFocus',
  '!suggestWidgetVisible',
  '!parameterHintsVisible',
  '!editorHoverVisible',
  '!findWidgetVisible',
  '!renameInputVisible',
  '!markersNavigationVisible',
  '!referenceSearchVisible',
  '!messageVisible',
  '!inSnippetMode',
  '!editorHasMultipleSelections',
  '!editorHasSelection',
].join(' && ');

interface CellState {
  cell: EditorCell | null;
  model: monaco.editor.ITextModel | null;
  /** Code set before the cell was first opened (Reset, share link). */
  pending: string | null;
  errors: EditorError[];
  slot: StaticSlot | null;
  viewState: monaco.editor.ICodeEditorViewState | null;
  /** Bumped whenever the static view is replaced, so a late colouring does not land on a newer view. */
  renders: number;
}

/** The Shiki colours of the page's code blocks, so the editor's background matches a cell's. */
interface CodePalette {
  light: { bg: string; fg: string };
  dark: { bg: string; fg: string };
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** '#fff' → '#ffffff': Monaco's themes accept only the long form. Anything else → null. */
function longHex(value: string): string | null {
  const v = value.trim();
  if (!HEX.test(v)) return null;
  return v.length === 4 ? `#${[...v.slice(1)].map((c) => c + c).join('')}`.toLowerCase() : v.toLowerCase();
}

function readPalette(pre: HTMLPreElement | null): CodePalette {
  const style = pre ? getComputedStyle(pre) : null;
  const read = (name: string, fallback: string) => longHex(style?.getPropertyValue(name) ?? '') ?? fallback;
  return {
    light: { bg: read('--shiki-light-bg', '#ffffff'), fg: read('--shiki-light', '#24292e') },
    dark: { bg: read('--shiki-dark-bg', '#24292e'), fg: read('--shiki-dark', '#e1e4e8') },
  };
}

function siteTheme(): 'light' | 'dark' {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

/** Defines and applies the Monaco theme for the site's current theme (a custom theme per site mode). */
function applyTheme(palette: CodePalette): void {
  const mode = siteTheme();
  const root = getComputedStyle(document.documentElement);
  const cssColor = (name: string, fallback: string) => longHex(root.getPropertyValue(name)) ?? fallback;
  const { bg, fg } = palette[mode];
  const muted = cssColor('--text-muted', mode === 'dark' ? '#a9afb8' : '#4f5864');
  const name = `descent-${mode}`;
  monaco.editor.defineTheme(name, {
    base: mode === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    // vs-dark's comment, regexp and invalid colours are below 4.5:1 on a GitHub-dark background.
    rules:
      mode === 'dark'
        ? [
            { token: 'comment', foreground: '7CA668' },
            { token: 'regexp', foreground: 'D38BB5' },
            { token: 'invalid', foreground: 'FF7B72' },
          ]
        : [],
    colors: {
      'editor.background': bg,
      'editor.foreground': fg,
      'editorGutter.background': bg,
      'editorLineNumber.foreground': muted,
      'editorLineNumber.activeForeground': fg,
      // The number of the empty line after a final newline is dimmed by default, below 4.5:1 contrast.
      'editorLineNumber.dimmedForeground': muted,
    },
  });
  monaco.editor.setTheme(name);
}

/** The cell's code font and size, read from its static `<pre>` so opening the editor does not jump. */
function codeFont(pre: HTMLPreElement | null): { family: string; size: number; lineHeight: number } {
  const root = getComputedStyle(document.documentElement);
  const family = root.getPropertyValue('--font-code').trim() || 'ui-monospace, Menlo, Consolas, monospace';
  const style = pre ? getComputedStyle(pre) : null;
  const px = (value: string | undefined) => (value ? Number.parseFloat(value) : Number.NaN);
  const fontSize = px(style?.fontSize);
  const size = Number.isFinite(fontSize) ? Math.min(16, Math.max(13, fontSize)) : 14;
  const lh = px(style?.lineHeight);
  const lineHeight = Number.isFinite(lh)
    ? Math.round(Math.min(size * 1.8, Math.max(size * 1.3, lh)))
    : Math.round(size * 1.5);
  return { family, size, lineHeight };
}

/** How the editor looks: the colours and font of a cell's static `<pre>`. */
interface Look {
  colors: CodePalette;
  font: ReturnType<typeof codeFont>;
}

const lookOf = (pre: HTMLPreElement | null): Look => ({ colors: readPalette(pre), font: codeFont(pre) });

/** Monaco's colouring of `code`, rebuilt as text nodes and token spans inside `pre`'s <code>. */
async function colorizeInto(pre: HTMLPreElement, code: string, stillCurrent: () => boolean): Promise<void> {
  const html = await monaco.editor.colorize(code, LANGUAGE, { tabSize: 2 });
  if (!stillCurrent()) return;
  // Parse Monaco's (escaped) markup inertly and copy only token classes and text: <br> becomes a newline,
  // non-breaking spaces become spaces, so the view copies and reads as the code it shows.
  const template = document.createElement('template');
  template.innerHTML = html;
  const out = document.createElement('code');
  const copy = (node: Node, into: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      into.appendChild(document.createTextNode((node.textContent ?? '').replace(/\u00a0/g, ' ')));
    } else if (node instanceof HTMLBRElement) {
      into.appendChild(document.createTextNode('\n'));
    } else if (node instanceof HTMLElement) {
      const classes = [...node.classList].filter((c) => /^mtk[a-z0-9]*$/.test(c));
      let target: Node = into;
      if (classes.length > 0) {
        const span = document.createElement('span');
        span.className = classes.join(' ');
        into.appendChild(span);
        target = span;
      }
      node.childNodes.forEach((child) => copy(child, target));
    }
  };
  template.content.childNodes.forEach((child) => copy(child, out));
  // colorize ends every line with <br/>: drop the last one.
  const last = out.lastChild;
  if (last?.nodeType === Node.TEXT_NODE && last.textContent === '\n') last.remove();
  if (out.textContent !== code) return; // never show something other than the code
  pre.replaceChildren(out);
}

function toMarkers(model: monaco.editor.ITextModel, errors: EditorError[]): monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return errors.map((error) => {
    const line = Math.min(Math.max(1, Math.floor(error.line) || 1), lines);
    const maxColumn = model.getLineMaxColumn(line);
    let startColumn: number;
    let endColumn: number;
    if (error.column === null || !Number.isFinite(error.column)) {
      startColumn = model.getLineFirstNonWhitespaceColumn(line) || 1;
      endColumn = maxColumn;
    } else {
      startColumn = Math.min(Math.max(1, Math.floor(error.column)), maxColumn);
      const word = model.getWordAtPosition({ lineNumber: line, column: startColumn });
      endColumn = word ? word.endColumn : Math.min(startColumn + 1, maxColumn);
      if (word) startColumn = word.startColumn;
      if (endColumn <= startColumn) endColumn = maxColumn > startColumn ? maxColumn : startColumn + 1;
    }
    return {
      severity: monaco.MarkerSeverity.Error,
      message: error.message,
      startLineNumber: line,
      startColumn,
      endLineNumber: line,
      endColumn,
      source: 'run',
    };
  });
}

/** Fetches the generated declarations and hands them to the TypeScript worker. */
async function registerCellTypes(): Promise<void> {
  const response = await fetch(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}editor/types.json`);
  if (!response.ok) throw new Error(`editor types: HTTP ${response.status}`);
  const files = (await response.json()) as unknown;
  if (!Array.isArray(files)) throw new Error('editor types: not a list');
  for (const file of files as { path?: unknown; content?: unknown }[]) {
    if (typeof file.path === 'string' && typeof file.content === 'string' && file.path.startsWith('file:///')) {
      typescriptDefaults.addExtraLib(file.content, file.path);
    }
  }
}

function configureTypeScript(): void {
  typescriptDefaults.setCompilerOptions({
    ...CELL_COMPILER_OPTIONS,
    lib: [...CELL_COMPILER_OPTIONS.lib],
    types: [...CELL_COMPILER_OPTIONS.types],
  } as unknown as Parameters<typeof typescriptDefaults.setCompilerOptions>[0]);
  typescriptDefaults.setDiagnosticsOptions({
    noSemanticValidation: false,
    noSyntaxValidation: false,
    // Only the open cell is checked; the others are static text.
    onlyVisible: true,
  });
  typescriptDefaults.setEagerModelSync(false);
}

function createSession(): EditorSession {
  configureTypeScript();
  registerCellTypes().catch((error: unknown) => console.warn('Code editor: no type information for cells.', error));

  const cells = new Map<string, CellState>();
  let active: CellState | null = null;
  let editor: monaco.editor.IStandaloneCodeEditor | null = null;
  let palette: CodePalette | null = null;
  /** True while the session itself changes a model, so that is not reported as the student's edit. */
  let applying = false;

  const host = document.createElement('div');
  host.className = 'descent-editor';
  const surface = document.createElement('div');
  surface.className = 'descent-editor-surface';
  const hint = document.createElement('p');
  hint.className = 'descent-editor-hint';
  hint.id = HINT_ID;
  const modKey = isMac ? '⌘' : 'Ctrl';
  hint.textContent =
    `Tab indents; ${isMac ? 'Ctrl+Shift+M' : 'Ctrl+M'} makes Tab move focus instead. ` +
    `Esc leaves the editor; ${modKey}+Enter or Shift+Enter runs.`;
  host.append(surface, hint);

  const state = (id: string): CellState => {
    let s = cells.get(id);
    if (!s) {
      s = { cell: null, model: null, pending: null, errors: [], slot: null, viewState: null, renders: 0 };
      cells.set(id, s);
    }
    return s;
  };

  const lineHeight = () => editor?.getOption(monaco.editor.EditorOption.lineHeight) ?? 20;

  function fitHeight(): void {
    if (!editor) return;
    const lh = lineHeight();
    const min = MIN_LINES * lh + 2 * PADDING;
    const max = MAX_LINES * lh + 2 * PADDING;
    const height = Math.min(max, Math.max(min, editor.getContentHeight()));
    if (surface.style.height !== `${height}px`) {
      surface.style.height = `${height}px`;
      editor.layout();
    }
  }

  function describeInput(): void {
    // The focused element is Monaco's hidden textarea (or its EditContext node): point it at the hint.
    const input = editor?.getDomNode()?.querySelector<HTMLElement>('textarea, .native-edit-context');
    if (input && input.getAttribute('aria-describedby') !== HINT_ID) input.setAttribute('aria-describedby', HINT_ID);
  }

  /** Creates the editor in `surface` (already in the page). */
  function createEditor({ colors, font }: Look): monaco.editor.IStandaloneCodeEditor {
    palette = colors;
    applyTheme(colors);
    new MutationObserver(() => palette && applyTheme(palette)).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-theme'],
    });
    const ed = monaco.editor.create(surface, {
      model: null,
      ariaLabel: 'Code editor',
      automaticLayout: true,
      fontFamily: font.family,
      fontSize: font.size,
      lineHeight: font.lineHeight,
      fontLigatures: false,
      tabSize: 2,
      insertSpaces: true,
      detectIndentation: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      padding: { top: PADDING, bottom: PADDING },
      lineNumbers: 'on',
      lineNumbersMinChars: 3,
      lineDecorationsWidth: 8,
      glyphMargin: false,
      folding: false,
      renderLineHighlight: 'line',
      overviewRulerLanes: 0,
      hideCursorInOverviewRuler: true,
      stickyScroll: { enabled: false },
      // The page scrolls on through the editor when the editor has nothing left to scroll.
      scrollbar: { alwaysConsumeMouseWheel: false, useShadows: false },
      // Suggestions and hovers may extend past a short editor (and past a phone's width) without clipping.
      fixedOverflowWidgets: true,
      wordBasedSuggestions: 'off',
      // The course writes maths in comments and strings (θ, η, ∇, ≥): do not box them as look-alikes.
      unicodeHighlight: { ambiguousCharacters: false },
      accessibilitySupport: 'auto',
      tabFocusMode: false,
    });

    ed.addAction({
      id: 'descent.runCell',
      label: 'Run cell',
      // Listed last is shown first (F1 palette, context menu): Ctrl/Cmd+Enter.
      keybindings: [
        monaco.KeyMod.Shift | monaco.KeyCode.Enter,
        monaco.KeyMod.WinCtrl | monaco.KeyCode.Enter,
        monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter,
      ],
      run: () => active?.cell?.onRun(),
    });
    ed.addCommand(monaco.KeyCode.Escape, () => active?.cell?.onLeave(), ESCAPE_LEAVES_WHEN);

    ed.onDidContentSizeChange(fitHeight);
    ed.onDidChangeModelContent(() => {
      if (applying || !active?.cell || !active.model) return;
      active.cell.onChange(active.model.getValue());
    });
    ed.onDidFocusEditorText(describeInput);

    // Fonts may still be loading: measure again once they are in.
    void document.fonts?.ready.then(() => monaco.editor.remeasureFonts());
    return ed;
  }

  function renderStaticView(s: CellState): void {
    if (!s.slot || !s.model) return;
    const code = s.model.getValue();
    const pre = showStatic(s.slot, code);
    const render = ++s.renders;
    if (pre) void colorizeInto(pre, code, () => s.renders === render && s !== active).catch(() => undefined);
  }

  function leave(s: CellState): void {
    if (!editor) return;
    s.viewState = editor.saveViewState();
    renderStaticView(s);
  }

  function open(cell: EditorCell): void {
    const s = state(cell.id);
    s.cell = cell;
    if (active === s && host.parentElement === cell.container) {
      editor?.focus();
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
    // The first time, colours and font come from the cell's <pre>, read while it is still in the page.
    const look = editor ? null : lookOf(s.slot.template);
    active = s;
    s.renders++;
    cell.container.replaceChildren(host);
    editor ??= createEditor(look ?? lookOf(null));

    if (!s.model) {
      const uri = monaco.Uri.from({ scheme: 'file', path: `/cells/${cell.id}.ts` });
      s.model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(s.pending ?? cell.value, LANGUAGE, uri);
      s.pending = null;
      if (s.errors.length > 0) monaco.editor.setModelMarkers(s.model, RUN_MARKERS, toMarkers(s.model, s.errors));
    }

    editor.setModel(s.model);
    if (s.viewState) editor.restoreViewState(s.viewState);
    fitHeight();
    editor.layout();
    editor.focus();
  }

  function setValue(cellId: string, value: string): void {
    const s = state(cellId);
    s.errors = [];
    if (!s.model) {
      s.pending = value;
      return;
    }
    monaco.editor.setModelMarkers(s.model, RUN_MARKERS, []);
    if (s.model.getValue() === value) return;
    applying = true;
    try {
      // An edit rather than setValue, so Ctrl+Z brings the replaced code back.
      s.model.pushStackElement();
      s.model.pushEditOperations([], [{ range: s.model.getFullModelRange(), text: value }], () => null);
      s.model.pushStackElement();
    } finally {
      applying = false;
    }
    if (s !== active) renderStaticView(s);
  }

  function setErrors(cellId: string, errors: EditorError[]): void {
    const s = state(cellId);
    s.errors = errors.slice(0, 100);
    if (s.model) monaco.editor.setModelMarkers(s.model, RUN_MARKERS, toMarkers(s.model, s.errors));
  }

  return { open, setValue, setErrors, plain: false };
}

let session: EditorSession | null = null;

/** The page's editor session (created once; later calls return the same one). */
export async function loadEditor(): Promise<EditorSession> {
  session ??= createSession();
  return session;
}
