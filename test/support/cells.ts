/**
 * Driving a lesson cell the way a student does. `loadCode` puts code into a cell the way a saved edit
 * does (localStorage, then reload), so the page under test is exactly what a returning student sees.
 */
import type { Locator, Page } from 'playwright-core';

/** A cell by its position on the page or by its id (`01-loss-function/gradient-descent-1d`). */
export type CellRef = number | string;

function locate(page: Page, ref: CellRef): Locator {
  return typeof ref === 'number'
    ? page.locator('section.cell').nth(ref)
    : page.locator(`section.cell[data-cell="${ref}"]`);
}

export async function cellAt(page: Page, ref: CellRef = 0): Promise<{ cell: Locator; id: string; version: string }> {
  const cell = locate(page, ref);
  return {
    cell,
    id: (await cell.getAttribute('data-cell')) as string,
    version: (await cell.getAttribute('data-version')) as string,
  };
}

export async function loadCode(page: Page, code: string, ref: CellRef = 0): Promise<Locator> {
  const { id, version } = await cellAt(page, ref);
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key as string, value as string),
    [`descent:cell:${id}`, JSON.stringify({ code, base: version, at: Date.now() })],
  );
  await page.reload();
  return (await cellAt(page, ref)).cell;
}

/** Clicks Run and waits for the run to end; returns the status line and the output text. */
export async function run(cell: Locator, options: { timeLimitMs?: number; button?: string } = {}) {
  if (options.timeLimitMs) {
    await cell.evaluate((el, ms) => el.setAttribute('data-time-limit', String(ms)), options.timeLimitMs);
  }
  await cell.getByRole('button', { name: options.button ?? 'Run', exact: true }).click();
  await cell.page().waitForFunction((el) => (el as HTMLElement).dataset['outcome'], await cell.elementHandle(), {
    timeout: 30_000,
  });
  return {
    outcome: (await cell.getAttribute('data-outcome')) as string,
    status: ((await cell.locator('[data-status]').textContent()) ?? '').trim(),
    output: await cell.locator('[data-output] .cell-line').allTextContents(),
  };
}
