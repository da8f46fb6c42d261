import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The config lives in test/, but paths below (and the tests' own) are relative to the repository root. */
const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    // Two files at a time: the browser tests mostly wait on Chromium, and a CI machine has two cores.
    maxWorkers: 2,
    projects: [
      {
        root,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          testTimeout: 30_000,
        },
      },
      {
        root,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // axe on a lesson page full of math takes seconds on an idle machine and a minute on a busy one.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // A run takes a fraction of a second on an idle machine; CI machines are not idle.
          expect: { poll: { timeout: 15_000, interval: 50 } },
        },
      },
    ],
  },
});
