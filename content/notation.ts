/**
 * The course's notation, defined once. Every lesson's math is typeset with these KaTeX macros, and the
 * engine's doc comments use the same symbols, so a student sees one vocabulary everywhere.
 *
 * Keep a macro here only when it appears in more than one lesson or encodes a convention (for example
 * which norm `\norm` means). Arguments are written #1, #2 as in TeX.
 */
export const macros: Record<string, string> = {
  /** The real numbers, as in θ ∈ \R^n. */
  '\\R': '\\mathbb{R}',
  /** Expectation; \E[X] or \E_{i}[X]. */
  '\\E': '\\mathbb{E}',
  /** Variance. */
  '\\Var': '\\operatorname{Var}',
  /** The gradient operator. */
  '\\grad': '\\nabla',
  /** Euclidean norm: \norm{x} is ‖x‖₂ unless a subscript says otherwise. */
  '\\norm': '\\left\\lVert #1 \\right\\rVert',
  /** Absolute value. */
  '\\abs': '\\left\\lvert #1 \\right\\rvert',
  /** Inner product ⟨a, b⟩. */
  '\\inner': '\\left\\langle #1, #2 \\right\\rangle',
  /** The loss as a function of the parameters: L(θ). */
  '\\loss': '\\mathcal{L}',
  /** Learning rate η. */
  '\\lr': '\\eta',
  /** Parameters θ. */
  '\\params': '\\theta',
  /** argmin / argmax with limits underneath in display mode. */
  '\\argmin': '\\operatorname*{arg\\,min}',
  '\\argmax': '\\operatorname*{arg\\,max}',
  /** Sign function. */
  '\\sign': '\\operatorname{sign}',
  /** Transpose: x^\T. */
  '\\T': '\\top',
  /** Diagonal matrix from a vector. */
  '\\diag': '\\operatorname{diag}',
};
