/**
 * Turns any value a cell prints into one readable line of text, the way a student expects from a
 * console: numbers as JavaScript writes them, typed arrays with their contents, objects one level deep.
 * Output is capped so printing a 10⁶-element array does not flood the page.
 */

const MAX_ITEMS = 20;
const MAX_DEPTH = 2;

function formatNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

function formatList(items: ArrayLike<unknown>, depth: number, seen: Set<object>): string {
  const n = items.length;
  const shown: string[] = [];
  for (let i = 0; i < Math.min(n, MAX_ITEMS); i++) shown.push(formatValue(items[i], depth + 1, seen));
  if (n > MAX_ITEMS) shown.push(`… ${n - MAX_ITEMS} more`);
  return `[${shown.join(', ')}]`;
}

function formatValue(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'number':
      return formatNumber(value);
    case 'string':
      return depth === 0 ? value : JSON.stringify(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (seen.has(obj)) return '[circular]';
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`;
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
    const typed = obj as unknown as ArrayLike<number>;
    return `${obj.constructor.name}(${typed.length}) ${formatList(typed, depth, seen)}`;
  }
  if (depth >= MAX_DEPTH) return Array.isArray(obj) ? `[Array(${obj.length})]` : '{…}';
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return formatList(obj, depth, seen);
    if (obj instanceof Map) {
      const entries = [...obj.entries()]
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => `${formatValue(k, depth + 1, seen)} => ${formatValue(v, depth + 1, seen)}`);
      return `Map(${obj.size}) {${entries.join(', ')}}`;
    }
    const keys = Object.keys(obj);
    const parts = keys
      .slice(0, MAX_ITEMS)
      .map((k) => `${k}: ${formatValue((obj as Record<string, unknown>)[k], depth + 1, seen)}`);
    if (keys.length > MAX_ITEMS) parts.push(`… ${keys.length - MAX_ITEMS} more`);
    return `{ ${parts.join(', ')} }`.replace('{  }', '{}');
  } finally {
    seen.delete(obj);
  }
}

/** Formats console.log-style arguments into one line: strings as-is at top level, the rest inspected. */
export function formatArgs(args: readonly unknown[]): string {
  return args.map((a) => formatValue(a, 0, new Set())).join(' ');
}
