/** HTML tables: a cell's `table` output and the "Show data" alternative to each canvas. */
import type { Cell } from '../../protocol.ts';
import { formatCell, formatCount } from './format.ts';
import { h } from './dom.ts';
import { evenIndices } from './sampling.ts';
import type { SeriesData } from './series.ts';

/** Rows shown per series in a "Show data" table; longer series are sampled evenly. */
export const MAX_TABLE_ROWS = 200;

export function buildTable(caption: string, columns: readonly string[], rows: readonly (readonly Cell[])[]) {
  const table = h('table', 'dsp-table');
  table.append(h('caption', undefined, caption));
  // Numbers align right, headers of number columns with them.
  const numeric = columns.map(
    (_, k) => rows.length > 0 && rows.every((r) => typeof r[k] === 'number' || r[k] === null),
  );
  const head = h('tr');
  for (const [k, c] of columns.entries()) {
    const th = h('th', numeric[k] ? 'dsp-num' : undefined, c);
    th.scope = 'col';
    head.append(th);
  }
  const thead = h('thead');
  thead.append(head);
  table.append(thead);
  const body = h('tbody');
  for (const row of rows) {
    const tr = h('tr');
    for (const c of row) tr.append(h('td', typeof c === 'number' ? 'dsp-num' : undefined, formatCell(c)));
    body.append(tr);
  }
  table.append(body);
  return table;
}

/**
 * One table per series, each at most MAX_TABLE_ROWS evenly spaced rows, with a sentence saying when
 * rows were left out. `row` turns kept point k into table cells.
 */
export function renderSeriesTables(
  panel: HTMLElement,
  series: readonly { name: string; data: SeriesData }[],
  columns: readonly string[],
  row: (data: SeriesData, k: number) => Cell[],
  summary: (name: string, data: SeriesData) => string,
): void {
  const parts: Node[] = [];
  if (series.length === 0) parts.push(h('p', 'dsp-data-note', 'No data yet.'));
  const long = series.filter((s) => s.data.length > MAX_TABLE_ROWS);
  if (long.length > 0) {
    parts.push(
      h(
        'p',
        'dsp-data-note',
        `Series longer than ${MAX_TABLE_ROWS} points are shown as ${MAX_TABLE_ROWS} evenly spaced rows, ` +
          'including the first and the last.',
      ),
    );
  }
  const list = h('ul', 'dsp-data-summary');
  for (const s of series) list.append(h('li', undefined, summary(s.name, s.data)));
  if (series.length > 0) parts.push(list);
  for (const s of series) {
    const rows = evenIndices(s.data.length, MAX_TABLE_ROWS).map((k) => row(s.data, k));
    const shown =
      rows.length < s.data.received ? ` (${formatCount(rows.length)} of ${formatCount(s.data.received)} points)` : '';
    parts.push(buildTable(`${s.name}${shown}`, columns, rows));
  }
  panel.replaceChildren(...parts);
}
