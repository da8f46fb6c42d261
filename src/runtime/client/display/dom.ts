/**
 * Small DOM helpers. Every string from a cell (titles, labels, names) reaches the page through
 * `textContent` or an attribute here, never as HTML.
 */

let nextId = 0;
const PREFIX = `dsp${Math.random().toString(36).slice(2, 7)}`;

/** An id unique in the page, for aria-controls, label/for and output/for. */
export function uniqueId(): string {
  return `${PREFIX}-${nextId++}`;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A "Show data" button and the panel it reveals. The panel is filled by `render` each time it opens
 * (and when the caller refreshes it), so a closed panel costs nothing while data streams in.
 */
/** How often an open data panel is rebuilt while a run streams into it. */
const LIVE_REFRESH_MS = 1000;

export class DataToggle {
  readonly button: HTMLButtonElement;
  readonly panel: HTMLDivElement;
  private refreshedAt = -Infinity;

  constructor(
    label: string,
    private readonly render: (panel: HTMLElement) => void,
  ) {
    this.button = h('button', 'dsp-button dsp-toggle-data', 'Show data');
    this.button.type = 'button';
    this.panel = h('div', 'dsp-data');
    this.panel.id = uniqueId();
    this.panel.hidden = true;
    // A scrollable region must be focusable so keyboard users can scroll it.
    this.panel.tabIndex = 0;
    this.panel.setAttribute('role', 'region');
    this.setLabel(label);
    this.button.setAttribute('aria-expanded', 'false');
    this.button.setAttribute('aria-controls', this.panel.id);
    this.button.addEventListener('click', () => this.setOpen(!this.open));
  }

  get open(): boolean {
    return !this.panel.hidden;
  }

  setLabel(label: string): void {
    this.panel.setAttribute('aria-label', label);
  }

  setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.button.setAttribute('aria-expanded', String(open));
    if (open) this.refresh();
    else this.panel.replaceChildren();
  }

  refresh(): void {
    if (!this.open) return;
    this.refreshedAt = performance.now();
    this.render(this.panel);
  }

  /** While data streams in: rebuild an open panel at most once a second (it can hold thousands of cells). */
  refreshLive(): void {
    if (this.open && performance.now() - this.refreshedAt > LIVE_REFRESH_MS) this.refresh();
  }
}

/** A toggle with aria-pressed, e.g. "Log scale". */
export function pressedButton(label: string, pressed: boolean, onToggle: (pressed: boolean) => void) {
  const button = h('button', 'dsp-button', label);
  button.type = 'button';
  button.setAttribute('aria-pressed', String(pressed));
  button.addEventListener('click', () => {
    const next = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(next));
    onToggle(next);
  });
  return button;
}
