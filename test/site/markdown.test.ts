import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { katexOptions } from '../../astro.config.mjs';
import rehypeHeadingAnchors from '../../src/site/markdown/heading-anchors.ts';
import rehypeMathGuard from '../../src/site/markdown/math-guard.ts';
import rehypeTableScroll from '../../src/site/markdown/table-scroll.ts';
import remarkGfm from 'remark-gfm';

async function render(markdown: string, path = 'lessons/99-test/index.mdx'): Promise<string> {
  const file = new VFile({ value: markdown, path });
  const out = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkRehype)
    .use(rehypeKatex, katexOptions)
    .use(rehypeMathGuard)
    .use(rehypeHeadingIds)
    .use(rehypeHeadingAnchors)
    .use(rehypeTableScroll)
    .use(rehypeStringify)
    .process(file);
  return String(out);
}

describe('math in lessons', () => {
  it('is typeset at build time, with no client script', async () => {
    const html = await render('The loss $\\loss(\\theta)$ on $\\R^n$.');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('<script');
  });

  it('expands the course macros', async () => {
    const html = await render('$\\norm{x}$ and $\\E[X]$');
    expect(html).toContain('∥');
    expect(html).toContain('<mi mathvariant="double-struck">E</mi>');
  });

  it('fails with the file, the line and the formula when a formula does not parse', async () => {
    const error = await render('Fine $x$.\n\nBroken: $\\frac{1}{$ here.').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('lessons/99-test/index.mdx:3:');
    expect(message).toContain('index.mdx:3:9: \\frac{1}{\n');
    expect(message).toMatch(/KaTeX could not typeset 1 formula:/);
  });

  it('reports every broken formula, not just the first', async () => {
    const error = await render('$\\nope$ inline.\n\n$$\n\\frac{a\n$$').catch((e: Error) => e);
    expect((error as Error).message).toMatch(/KaTeX could not typeset 2 formulas/);
    expect((error as Error).message).toContain(': \\nope\n');
  });

  it('treats what KaTeX would only warn about as an error', async () => {
    // Unicode text in math mode is a strict-mode warning in KaTeX; a course should spell it in TeX.
    const error = await render('$x é y$').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
  });
});

describe('section headings', () => {
  it('get an id and a self-link named after the section', async () => {
    const html = await render('## Mean squared error\n\ntext');
    expect(html).toContain('<h2 id="mean-squared-error">');
    expect(html).toContain(
      '<a class="heading-anchor" href="#mean-squared-error" aria-label="Link to section: Mean squared error">#</a>',
    );
  });

  it('leave the page title (h1) and deep headings alone', async () => {
    const html = await render('# Title\n\n##### Deep');
    expect(html).not.toContain('heading-anchor');
  });
});

describe('tables', () => {
  it('sit in a box that scrolls sideways, keeping their table semantics', async () => {
    const html = await render('| a | b |\n| - | - |\n| 1 | 2 |');
    expect(html).toMatch(/^<div class="table-scroll"><table>/);
  });
});
