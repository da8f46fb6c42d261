// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified, rehypeHeadingIds } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { macros } from './content/notation.ts';
import rehypeMathGuard from './src/site/markdown/math-guard.ts';
import rehypeHeadingAnchors from './src/site/markdown/heading-anchors.ts';

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
      rehypePlugins: [[rehypeKatex, katexOptions], rehypeMathGuard, rehypeHeadingIds, rehypeHeadingAnchors],
    }),
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
    },
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
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
