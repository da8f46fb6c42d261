/**
 * Wraps every Markdown table in a box that scrolls sideways, so a wide table on a phone scrolls inside
 * the page instead of widening it, and the table itself keeps its table semantics.
 */
import type { Element, Root } from 'hast';

function walk(node: Root | Element): void {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    if (child.tagName === 'table') {
      return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [child] };
    }
    walk(child);
    return child;
  });
}

export default function rehypeTableScroll() {
  return (tree: Root) => walk(tree);
}
