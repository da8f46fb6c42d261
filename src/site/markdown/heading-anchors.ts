/**
 * Gives every h2–h4 a visible "#" link to itself so a student or instructor can point at a section.
 * The link sits after the heading text, so screen readers announce the heading first; its accessible
 * name says where it goes ("Link to section: Mean squared error"). Headings must already have ids
 * (run Astro's `rehypeHeadingIds` first).
 */
import type { Root, Element, ElementContent } from 'hast';

const LINKED = new Set(['h2', 'h3', 'h4']);

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    // KaTeX renders both MathML and HTML; the MathML annotation holds the TeX source. Use only the
    // visible HTML part so names don't repeat the formula three times.
    const cls = node.properties?.className;
    if (Array.isArray(cls) && cls.includes('katex-mathml')) return '';
    return node.children.map(textOf).join('');
  }
  return '';
}

function anchorFor(heading: Element, id: string): Element {
  const title = heading.children.map(textOf).join('').trim();
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href: `#${id}`, ariaLabel: `Link to section: ${title}` },
    children: [{ type: 'text', value: '#' }],
  };
}

function walk(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const id = child.properties?.id;
    if (LINKED.has(child.tagName) && typeof id === 'string' && id) {
      child.children.push({ type: 'text', value: ' ' }, anchorFor(child, id));
    } else {
      walk(child);
    }
  }
}

export default function rehypeHeadingAnchors() {
  return (tree: Root) => walk(tree);
}
