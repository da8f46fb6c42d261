/** A `table` event: the cell's own table, as HTML. Built in the next frame, like every display. */
import type { Cell } from '../../protocol.ts';
import { buildTable } from './data-table.ts';
import { h } from './dom.ts';

interface TableContent {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

export class TableDisplay {
  readonly element: HTMLElement;
  private pending: TableContent | null;

  constructor(title: string, columns: readonly string[], rows: readonly (readonly Cell[])[]) {
    this.element = h('div', 'dsp-figure dsp-table-wrap');
    this.element.setAttribute('role', 'region');
    // Wide tables scroll sideways; a scrollable region must be reachable by keyboard.
    this.element.tabIndex = 0;
    this.element.setAttribute('aria-label', title || 'Table');
    this.pending = { title, columns, rows };
  }

  set(title: string, columns: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.pending = { title, columns, rows };
  }

  flush(): void {
    if (!this.pending) return;
    const { title, columns, rows } = this.pending;
    this.pending = null;
    this.element.setAttribute('aria-label', title || 'Table');
    this.element.replaceChildren(buildTable(title, columns, rows));
  }

  finish(): void {
    this.flush();
  }

  destroy(): void {
    this.element.remove();
  }
}
