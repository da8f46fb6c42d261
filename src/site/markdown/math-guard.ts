/**
 * rehype-katex only *warns* when a formula does not parse and then prints the raw TeX in red. For a
 * course that is a silent bug, so this plugin runs right after rehype-katex and turns every such warning
 * into a build failure that names the file, the line and the formula.
 */
import type { Root, Element, ElementContent } from 'hast';
import type { VFile } from 'vfile';

export class MathError extends Error {
  override name = 'MathError';
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export interface MathProblem {
  place: string;
  formula: string;
  reason: string;
}

/** Collects the formulas rehype-katex could not typeset, in document order. */
export function mathProblems(file: VFile): MathProblem[] {
  return file.messages
    .filter((m) => m.source === 'rehype-katex')
    .map((m) => {
      const element = m.ancestors?.at(-1) as Element | undefined;
      const formula = element?.type === 'element' ? textOf(element).trim() : '(unknown formula)';
      const line = m.place && 'line' in m.place ? m.place.line : m.place?.start.line;
      const column = m.place && 'column' in m.place ? m.place.column : m.place?.start.column;
      const where = line === undefined ? (file.path ?? '<input>') : `${file.path ?? '<input>'}:${line}:${column ?? 1}`;
      const cause = m.cause instanceof Error ? m.cause.message : String(m.cause ?? m.reason);
      return { place: where, formula, reason: cause };
    });
}

/** Formats the problems as one message a writer can act on without opening a debugger. */
export function describeMathProblems(problems: MathProblem[]): string {
  const lines = problems.map((p) => `  ${p.place}: ${p.formula}\n    ${p.reason}`);
  const n = problems.length;
  return `KaTeX could not typeset ${n} formula${n === 1 ? '' : 's'}:\n${lines.join('\n')}`;
}

export default function rehypeMathGuard() {
  return (_tree: Root, file: VFile) => {
    const problems = mathProblems(file);
    if (problems.length > 0) throw new MathError(describeMathProblems(problems));
  };
}
