/**
 * What a cell shows when the page's one editor is elsewhere: its code as a static, selectable `<pre>`.
 * Shared by both editors (no Monaco here). The first time the editor arrives in a cell we keep what the
 * cell held (the build-time highlighted `<pre>`); when the editor leaves, the cell gets that back if the
 * code is unchanged, otherwise a new `<pre>` that the Monaco session colours with its own tokenizer.
 */
import editorCss from './editor.css?inline';

// Injected by this (lazy) module rather than imported as a stylesheet: Astro links every stylesheet a page
// script can reach, even behind import(), into the page's <head> (withastro/astro#9495).
if (typeof document !== 'undefined' && !document.querySelector('style[data-descent-editor]')) {
  const style = document.createElement('style');
  style.dataset['descentEditor'] = '';
  style.textContent = editorCss;
  document.head.append(style);
}

export interface StaticSlot {
  readonly container: HTMLElement;
  /** What the container held when the editor first arrived, and the code it showed. */
  readonly originalNodes: readonly Node[];
  readonly originalCode: string;
  /** The original `<pre>`, whose style (Shiki's colour variables) and tabindex the static view copies. */
  readonly template: HTMLPreElement | null;
}

export const STATIC_CLASS = 'descent-editor-static';

export function captureSlot(container: HTMLElement, code: string): StaticSlot {
  return {
    container,
    originalNodes: [...container.childNodes],
    originalCode: code,
    template: container.querySelector('pre'),
  };
}

/** A `<pre><code>` holding `code` as plain text, styled like the cell's original code block. */
export function staticPre(slot: StaticSlot, code: string): HTMLPreElement {
  const pre = document.createElement('pre');
  pre.className = STATIC_CLASS;
  const style = slot.template?.getAttribute('style');
  if (style) pre.setAttribute('style', style);
  pre.tabIndex = 0;
  const inner = document.createElement('code');
  inner.textContent = code;
  pre.append(inner);
  return pre;
}

/**
 * Puts the static view of `code` into the slot's container. Returns the new `<pre>` to colour, or null
 * when the original (already highlighted) nodes were put back.
 */
export function showStatic(slot: StaticSlot, code: string): HTMLPreElement | null {
  if (code === slot.originalCode && slot.originalNodes.length > 0) {
    slot.container.replaceChildren(...slot.originalNodes);
    return null;
  }
  const pre = staticPre(slot, code);
  slot.container.replaceChildren(pre);
  return pre;
}

/**
 * Lets a click or Enter on a cell's static view bring the editor back to it, whatever the controller
 * does: the controller opens a cell the first time; after the editor has moved on, this reopens it.
 */
export function reopenOnActivate(container: HTMLElement, isActive: () => boolean, reopen: () => void): void {
  const inEditor = (target: EventTarget | null) =>
    target instanceof Element && target.closest('.descent-editor') !== null;
  container.addEventListener('click', (event) => {
    if (isActive() || inEditor(event.target)) return;
    // A drag that selected text is reading, not a request to edit.
    if (String(getSelection() ?? '').length > 0 && container.contains(getSelection()?.anchorNode ?? null)) return;
    reopen();
  });
  container.addEventListener('keydown', (event) => {
    if (isActive() || inEditor(event.target) || event.defaultPrevented) return;
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    reopen();
  });
}
