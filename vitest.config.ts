import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**'],
          testTimeout: 30_000,
        },
      },
      {
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
