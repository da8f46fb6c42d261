/**
 * Every lesson's cells, run through the real cell UI in Chromium: each cell runs to completion with
 * no error output, each exercise's starter code fails its check and its solution passes.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from '../support/browser.ts';
import { builtPages } from '../support/pages.ts';
import { run } from '../support/cells.ts';

const lessons = builtPages().filter((p) => p.startsWith('/lessons/'));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(lessons)('%s', (path) => {
  it('runs every cell to completion without errors', async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await w.page.goto(path);
    const cells = w.page.locator('section.cell:not(.cell-exercise)');
    const count = await cells.count();
    for (let i = 0; i < count; i++) {
      const cell = cells.nth(i);
      const id = await cell.getAttribute('data-cell');
      const result = await run(cell, { timeLimitMs: 30_000 });
      expect({ id, outcome: result.outcome, errors: await cell.locator('.cell-line-error').allTextContents() }).toEqual(
        {
          id,
          outcome: 'done',
          errors: [],
        },
      );
    }
    expect(w.problems).toEqual([]);
    await w.close();
  });

  it('fails every exercise’s starter code and passes its solution', async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await w.page.goto(path);
    const exercises = w.page.locator('section.cell-exercise');
    const count = await exercises.count();
    for (let i = 0; i < count; i++) {
      const exercise = exercises.nth(i);
      const id = await exercise.getAttribute('data-cell');
      const starter = await run(exercise, { button: 'Check', timeLimitMs: 30_000 });
      expect({ id, outcome: starter.outcome }).toEqual({ id, outcome: 'failed' });
      await exercise.getByRole('button', { name: 'Show solution' }).click();
      await exercise.getByRole('button', { name: 'Put this solution in the editor' }).click();
      const solved = await run(exercise, { button: 'Check', timeLimitMs: 30_000 });
      expect({ id, outcome: solved.outcome, status: solved.status }).toEqual({
        id,
        outcome: 'passed',
        status: 'Correct: All checks passed.',
      });
    }
    expect(w.problems).toEqual([]);
    await w.close();
  });
});
