// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';
import globals from 'globals';

/**
 * Layers point one way: site → runtime → engine. These rules make a wrong-way import a lint error.
 * @param {string[]} files
 * @param {string[]} forbidden
 * @param {string} why
 * @returns {import('eslint').Linter.Config}
 */
const layer = (files, forbidden, why) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message: why })) }],
  },
});

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'test/site/fixtures/', 'test/.artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Exercise starters are unfinished on purpose: the variables the student will fill in are unused.
    files: ['content/exercises/**/starter.ts'],
    rules: { 'prefer-const': 'off', '@typescript-eslint/no-unused-vars': 'off' },
  },
  layer(
    ['src/engine/**'],
    ['**/runtime/**', '**/site/**', '**/components/**', '**/layouts/**', '**/pages/**', 'node:*'],
    'The engine runs in a worker, a page and Node alike: it imports nothing but itself.',
  ),
  layer(
    ['src/runtime/**'],
    ['**/site/**', '**/components/**', '**/layouts/**', '**/pages/**'],
    'The cell runtime must not depend on the site; the site depends on it.',
  ),
);
