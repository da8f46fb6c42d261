// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { macros } from './content/notation.ts';
import rehypeMathGuard from './src/site/markdown/math-guard.ts';
import rehypeHeadingAnchors from './src/site/markdown/heading-anchors.ts';
import rehypeTableScroll from './src/site/markdown/table-scroll.ts';
import { CODE_THEMES } from './src/site/code-theme.ts';

/**
 * KaTeX settings shared by every lesson: the course's macros, and no silently tolerated TeX.
 * @type {import('katex').KatexOptions}
 */
export const katexOptions = {
  macros,
  // Anything KaTeX would only warn about (unknown symbols in math mode, etc.) becomes an error, which
  // rehypeMathGuard then turns into a build failure naming the file and the formula.
  strict: 'error',
  trust: false,
};

/**
 * Keeps the code editor's stylesheets out of the lesson pages' <head>. Astro links every stylesheet a
 * page script can reach, even behind a dynamic import() (withastro/astro#9495), so Monaco's ~180 kB of
 * CSS would load on every lesson page although the editor loads only when a student opens a cell. This
 * turns each CSS import inside monaco-editor into a string (`?inline`, urls still rewritten) that the lazy
 * editor chunk injects as a <style> when it runs.
 * @returns {import('vite').Plugin}
 */
function lazyMonacoCss() {
  const PREFIX = '\0descent-lazy-css:';
  return {
    name: 'descent:lazy-monaco-css',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('.css') || !importer.includes('/node_modules/monaco-editor/')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      // The id must not end in .css, or Vite's CSS plugin would treat the module below as CSS.
      return resolved ? `${PREFIX}${resolved.id}.js` : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      return [
        `import css from ${JSON.stringify(`${file}?inline`)};`,
        `if (typeof document !== 'undefined') {`,
        `  const style = document.createElement('style');`,
        `  style.dataset.monaco = '';`,
        `  style.textContent = css;`,
        `  document.head.append(style);`,
        `}`,
      ].join('\n');
    },
  };
}

export default defineConfig({
  site: 'http://localhost:4321',
  output: 'static',
  // The repository keeps its top level to the course's own folders; static files live with the site.
  publicDir: './src/public',
  trailingSlash: 'always',
  // Tests build fixture lessons (DESCENT_LESSONS_DIR, see src/content.config.ts) next to the real site;
  // a separate cache keeps the two content stores apart.
  cacheDir: process.env.DESCENT_CACHE_DIR ?? './node_modules/.astro',
  integrations: [mdx()],
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [
        [rehypeKatex, katexOptions],
        rehypeMathGuard,
        rehypeHeadingIds,
        rehypeHeadingAnchors,
        rehypeTableScroll,
      ],
    }),
    shikiConfig: {
      themes: CODE_THEMES,
      defaultColor: false,
    },
  },
  devToolbar: { enabled: false },
  vite: {
    plugins: [lazyMonacoCss()],
    build: {
      // The code editor (src/runtime/client/editor) is Monaco, loaded only when a student opens a cell:
      // its main chunk is ~2.7 MB before compression, which would trip Vite's 500 kB warning on every
      // build (and the browser tests fail on any build warning). Anything else this large is a mistake.
      chunkSizeWarningLimit: 3000,
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX output carries a "use astro:head-inject" directive that the bundler
          // reports on every lesson; it is Astro's marker, not our code, and the build handles it.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
