/**
 * A cell as a student meets it, in Chromium on the built site: running, live charts, saved edits,
 * reset, share links, stale edits, exercises, the keyboard and a phone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, type WatchedPage } from '../support/browser.ts';
import { cellAt, loadCode, run } from '../support/cells.ts';

const LESSON = '/lessons/loss-function/';
/** The lesson's first plain cell (gradient descent on three points). */
const GD = '01-loss-function/gradient-descent-1d';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function lesson(options: Parameters<typeof openPage>[1] = {}): Promise<WatchedPage & { page: Page }> {
  const w = await openPage(browser, { viewport: { width: 1280, height: 900 }, ...options });
  await w.page.goto(LESSON);
  return w;
}

describe('a code cell', () => {
  it('shows its code before any script runs, and loads no editor, runner or chart code until used', async () => {
    const w = await lesson({ javaScriptEnabled: false });
    const { cell } = await cellAt(w.page, GD);
    expect(await cell.locator('pre').first().textContent()).toContain("import { sgd } from 'descent'");
    expect(await cell.getByRole('button', { name: 'Run', exact: true }).isVisible()).toBe(false);
    await w.close();

    const live = await lesson();
    const scripts: string[] = [];
    live.page.on('request', (r) => scripts.push(r.url()));
    await live.page.reload({ waitUntil: 'networkidle' });
    expect(scripts.filter((u) => /editor|monaco|display|sandbox|runner|chart/i.test(u))).toEqual([]);
    // Keyboard focus on Run, like the pointer reaching it, starts loading the runner before the press.
    const runnerRequested = live.page.waitForRequest(/sandbox/);
    await (await cellAt(live.page, GD)).cell.getByRole('button', { name: 'Run', exact: true }).focus();
    await runnerRequested;
    expect(live.problems).toEqual([]);
    await live.close();
  });

  it('runs, and the chart grows while the run is still going', async () => {
    const w = await lesson();
    const cell = await loadCode(
      w.page,
      `import { lineChart } from 'descent/display';
const chart = lineChart({ title: 'Slow loss' });
for (let t = 1; t <= 60; t++) {
  chart.add('sgd', t, 1 / t);
  await new Promise((resolve) => setTimeout(resolve, 40));
}`,
      GD,
    );
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    const canvas = cell.locator('canvas[role="img"]').first();
    await expect.poll(() => canvas.getAttribute('data-drawn'), { timeout: 10_000 }).toMatch(/^[1-9]\d*$/);
    const midway = Number(await canvas.getAttribute('data-drawn'));
    expect(await cell.locator('[data-status]').textContent()).toMatch(/^Running… step \d+/);
    expect(midway).toBeLessThan(60);
    await expect.poll(() => cell.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('done');
    expect(await canvas.getAttribute('data-drawn')).toBe('60');
    expect(await canvas.getAttribute('aria-label')).toBe('Line chart: Slow loss; x: step, y: loss; series: sgd');
    expect(w.problems).toEqual([]);
    await w.close();
  });

  it('runs the lesson cell as shipped and reports "Done"', async () => {
    const w = await lesson();
    const { cell } = await cellAt(w.page, GD);
    const result = await run(cell);
    expect(result.status).toMatch(/^Done in \d+/);
    expect(result.output[0]).toBe("L(1) = 2, L'(1) = -6");
    expect(w.problems).toEqual([]);
    await w.close();
  });

  it('re-runs when a slider moves, keeping the slider and its new value', async () => {
    const w = await lesson();
    const cell = await loadCode(
      w.page,
      "import { slider, print } from 'descent/display';\nconst lr = slider('learning rate', { min: 0.01, max: 1, value: 0.1, log: true });\nprint(`lr = ${lr.toFixed(4)}`);",
      GD,
    );
    expect((await run(cell)).output).toEqual(['lr = 0.1000']);
    const range = cell.getByRole('slider', { name: /learning rate/ });
    await range.focus();
    await cell.evaluate((el) => el.removeAttribute('data-outcome'));
    await w.page.keyboard.press('End');
    await expect.poll(() => cell.getAttribute('data-outcome')).toBe('done');
    expect(await cell.locator('[data-output] .cell-line').allTextContents()).toEqual(['lr = 1.0000']);
    expect(await cell.getByRole('slider', { name: /learning rate/ }).count()).toBe(1);
    await w.close();
  });

  it('shows everything a run printed by the time it says the run is over', async () => {
    const w = await lesson();
    // Frames that never come (a busy or background tab): the output must not wait for one.
    await w.page.addInitScript(() => {
      window.requestAnimationFrame = () => 0;
    });
    const cell = await loadCode(w.page, "console.log('first');\nconsole.log('last');", GD);
    await cell.getByRole('button', { name: 'Run', exact: true }).click();
    // Polled on a timer: Playwright's default polling waits for animation frames too.
    const output = await w.page.waitForFunction(
      (el) =>
        (el as HTMLElement).dataset['outcome'] &&
        [...(el as HTMLElement).querySelectorAll('[data-output] .cell-line')].map((line) => line.textContent),
      await cell.elementHandle(),
      { polling: 20, timeout: 30_000 },
    );
    expect(await cell.getAttribute('data-outcome')).toBe('done');
    expect(await output.jsonValue()).toEqual(['first', 'last']);
    await w.close();
  });

  it('says which line failed', async () => {
    const w = await lesson();
    const cell = await loadCode(w.page, "import { adam } from 'descent';\n\nconst opt = adam({ lr: -1 });", GD);
    expect((await run(cell)).status).toBe('Error at line 3: RangeError: Invalid learning rate: -1');
    await w.close();
  });

  it('names a misspelled import, and never points past the end of a line', async () => {
    const w = await lesson();
    const typo = await loadCode(w.page, "import { Adam } from 'descent';\nAdam({ lr: 0.1 });", GD);
    const result = await run(typo);
    expect(result.status).toBe('Error at line 2: "descent" has no export named "Adam". Did you mean "adam"?');
    const missing = await loadCode(w.page, "import { x } from 'nope';", GD);
    const lines = (await run(missing)).output;
    expect(lines).toHaveLength(1);
    const column = /, column (\d+)\)$/.exec(lines[0] ?? '');
    expect(column === null || Number(column[1]) <= "import { x } from 'nope';".length + 1, lines[0]).toBe(true);
    await w.close();
  });

  it('keeps edits across a reload, and Reset brings the original back (undoably)', async () => {
    const w = await lesson();
    const { cell, id } = await cellAt(w.page, GD);
    const original = await cell.locator('pre').first().textContent();
    await loadCode(w.page, '// my own version\nconsole.log(1);', GD);
    await w.page.reload();
    expect(await cell.locator('pre').first().textContent()).toContain('my own version');
    await cell.getByRole('button', { name: 'Reset', exact: true }).click();
    expect(await cell.locator('pre').first().textContent()).toBe(original);
    expect(await w.page.evaluate((k) => localStorage.getItem(k), `descent:cell:${id}`)).toBeNull();
    await cell.getByRole('button', { name: 'Undo reset' }).click();
    expect(await cell.locator('pre').first().textContent()).toContain('my own version');
    await w.page.reload();
    expect(await cell.locator('pre').first().textContent()).toContain('my own version');
    await w.close();
  });

  it('keeps an edit of an older original, says so, and offers the new original', async () => {
    const w = await lesson();
    const { cell, id } = await cellAt(w.page, GD);
    await w.page.evaluate(
      ([key]) =>
        localStorage.setItem(
          key as string,
          JSON.stringify({ code: '// written last year', base: 'an-old-version', at: 1 }),
        ),
      [`descent:cell:${id}`],
    );
    await w.page.reload();
    const notice = cell.locator('[data-notice]');
    expect(await notice.textContent()).toContain('You edited an earlier version of this cell. Your version is kept');
    expect(await cell.locator('[data-code] pre').textContent()).toBe('// written last year');
    await notice.getByRole('button', { name: 'Show the new original' }).click();
    expect(await notice.locator('pre').textContent()).toContain("import { sgd } from 'descent'");
    await notice.getByRole('button', { name: 'Keep my version' }).click();
    await w.page.reload();
    expect(await cell.locator('[data-notice]').isVisible()).toBe(false);
    expect(await cell.locator('[data-code] pre').textContent()).toBe('// written last year');
    await w.close();
  });

  it('copies a share link that opens the shared code without overwriting the reader’s own edit', async () => {
    const w = await lesson({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { id } = await cellAt(w.page, GD);
    let cell = await loadCode(w.page, "console.log('shared by a friend');", GD);
    await cell.getByRole('button', { name: 'Share', exact: true }).click();
    await expect.poll(() => cell.locator('[data-status]').textContent()).toContain('Link copied');
    const link = await w.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/lessons\/loss-function\/#share=/);

    cell = await loadCode(w.page, "console.log('my own work');", GD);
    await w.page.goto('about:blank');
    await w.page.goto(link);
    const notice = cell.locator('[data-notice]');
    await expect.poll(() => notice.textContent()).toContain('This is code from a shared link');
    expect(await cell.locator('[data-code] pre').textContent()).toBe("console.log('shared by a friend');");
    expect(await w.page.evaluate((k) => localStorage.getItem(k), `descent:cell:${id}`)).toContain('my own work');
    expect((await run(cell)).output).toEqual(['shared by a friend']);
    await notice.getByRole('button', { name: 'Back to my version' }).click();
    expect(await cell.locator('[data-code] pre').textContent()).toBe("console.log('my own work');");
    expect(new URL(w.page.url()).hash).toBe('');
    await w.close();
  });

  it('works from the keyboard alone: Tab to Run, Enter runs; Shift+Enter on the code runs', async () => {
    const w = await lesson();
    const { cell } = await cellAt(w.page, GD);
    await cell.getByRole('button', { name: 'Run', exact: true }).focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => cell.getAttribute('data-outcome')).toBe('done');
    await cell.evaluate((el) => el.removeAttribute('data-outcome'));
    await cell.locator('[data-code] pre').focus();
    await w.page.keyboard.press('Shift+Enter');
    await expect.poll(() => cell.getAttribute('data-outcome')).toBe('done');
    await cell.evaluate((el) => el.removeAttribute('data-outcome'));
    await w.page.keyboard.press('Control+Enter');
    await expect.poll(() => cell.getAttribute('data-outcome')).toBe('done');
    await w.close();
  });

  it('fits a 375 px phone, and runs there', async () => {
    const w = await lesson({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const { cell } = await cellAt(w.page, GD);
    const result = await run(cell);
    expect(result.outcome).toBe('done');
    const width = await w.page.evaluate(() => [
      document.documentElement.scrollWidth,
      document.documentElement.clientWidth,
    ]);
    expect(width[0]).toBeLessThanOrEqual(width[1] as number);
    const axe = await new AxeBuilder({ page: w.page }).include('section.cell').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await w.close();
  });

  it("hides and shows a landscape's paths from its legend, by keyboard, and keeps that across a re-run", async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await w.page.goto('/lessons/momentum/');
    const { cell } = await cellAt(w.page, '03-momentum/ravine-race');
    expect((await run(cell)).outcome).toBe('done');
    const canvas = cell.locator('.dsp-landscape canvas');
    const pixels = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
    const before = await pixels();
    const toggle = cell.locator('.dsp-legend-toggle', { hasText: 'gradient descent' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.focus();
    await w.page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await w.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['path'])).toBe(
      'gradient descent',
    );
    expect(await pixels()).not.toBe(before);
    expect((await run(cell)).outcome).toBe('done');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(w.problems).toEqual([]);
    await w.close();
  });

  it('grows a chart on a phone when its legend wraps, so the plot keeps its height', async () => {
    const w = await lesson({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const code = [
      "import { lineChart, slider } from 'descent/display';",
      "const n = slider('series', { min: 1, max: 8, value: 8, step: 1 });",
      "const chart = lineChart({ title: 'Many series' });",
      'for (let k = 0; k < n; k++) for (let t = 0; t < 20; t++) chart.add(`a long series name ${k}`, t, t * k);',
    ].join('\n');
    const cell = await loadCode(w.page, code, GD);
    const boxHeight = () => cell.locator('.dsp-chart-box').evaluate((el) => el.clientHeight);
    expect((await run(cell)).outcome).toBe('done');
    await expect.poll(boxHeight).toBeGreaterThan(300);
    // Down to one series: the re-run goes back to the stylesheet's height.
    await cell.getByRole('slider', { name: /series/ }).focus();
    await cell.evaluate((el) => el.removeAttribute('data-outcome'));
    await w.page.keyboard.press('Home');
    await expect.poll(() => cell.getAttribute('data-outcome')).toBe('done');
    await expect.poll(boxHeight).toBe(260);
    await w.close();
  });
});

describe('an exercise', () => {
  it('fails the starter code with a helpful message, hints one at a time, and remembers a solved exercise', async () => {
    const w = await lesson();
    const exercise = w.page.locator('section.cell-exercise').first();
    const result = await run(exercise, { button: 'Check' });
    expect(result.outcome).toBe('failed');
    expect(result.status).toMatch(
      /^Not yet: mseGradient at \(w, b\) = \(1\.000, 0\.000\) on 3 points differs at index 0: expected -6, got 0$/,
    );

    const hints = exercise.locator('[data-hint]');
    const visible = async () =>
      (await hints.evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).length)) as number;
    expect(await visible()).toBe(0);
    const hintButton = exercise.locator('[data-action="hint"]');
    const total = await hints.count();
    expect(await hintButton.textContent()).toBe(`Show hint 1 of ${total}`);
    await hintButton.click();
    expect(await visible()).toBe(1);
    await hintButton.press('Enter');
    expect(await visible()).toBe(2);
    // The last hint leaves focus on the button, which says there are no more.
    for (let k = 2; k < total; k++) await hintButton.press('Enter');
    expect(await hintButton.textContent()).toBe(`All ${total} hints shown`);
    expect(await hintButton.getAttribute('aria-disabled')).toBe('true');
    expect(await w.page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('hint');

    const solutionButton = exercise.getByRole('button', { name: 'Show solution' });
    expect(await solutionButton.getAttribute('aria-expanded')).toBe('false');
    await solutionButton.click();
    expect(await solutionButton.getAttribute('aria-expanded')).toBe('true');
    await exercise.getByRole('button', { name: 'Put this solution in the editor' }).click();
    const solved = await run(exercise, { button: 'Check' });
    expect(solved.status).toBe('Correct: All checks passed.');
    expect(await exercise.locator('.cell-solved').isVisible()).toBe(true);

    await w.page.reload();
    expect(await exercise.locator('.cell-solved').isVisible()).toBe(true);
    expect(w.problems).toEqual([]);
    await w.close();
  });
});
