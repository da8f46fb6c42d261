/**
 * The code editor on a real lesson cell, in Chromium, on the built site: loaded only when a cell is
 * used, TypeScript intellisense for the engine (completion, hover docs, type errors), the keys (run,
 * leave), runtime errors as squiggles, the theme, and the plain editor on a phone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, type WatchedPage } from '../support/browser.ts';
import { loadCode } from '../support/cells.ts';

const LESSON = '/lessons/loss-function/';
/** Requests that belong to the editor (Monaco, its workers, the cell types). */
const EDITOR_REQUEST =
  /\/_astro\/(editor|editor\.api|editor\.worker|ts\.worker|plain|static-view)[.-]|\/editor\/types\.json/;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the lesson with `code` in its first cell (as a saved edit) and clicks the code to edit it. */
async function openEditor(w: WatchedPage, code?: string): Promise<Locator> {
  const { page } = w;
  await page.goto(LESSON);
  const cell = code === undefined ? page.locator('section.cell').first() : await loadCode(page, code);
  const pre = cell.locator('[data-code] pre');
  await pre.scrollIntoViewIfNeeded();
  await pre.click({ position: { x: 30, y: 12 } });
  await cell.locator('.monaco-editor .view-lines').waitFor({ timeout: 30_000 });
  await page.waitForFunction((el) => el?.contains(document.activeElement), await cell.elementHandle());
  return cell;
}

/** Centre of the first occurrence of `word` on the editor line containing `lineText`. */
async function wordPosition(cell: Locator, lineText: string, word: string): Promise<{ x: number; y: number }> {
  return cell.evaluate(
    (root, [lineText, word]) => {
      const lines = [...root.querySelectorAll('.view-line')];
      const line = lines.find((l) => (l.textContent ?? '').replace(/\u00a0/g, ' ').includes(lineText as string));
      if (!line) throw new Error(`no line with ${lineText}`);
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = (node.textContent ?? '').indexOf(word as string);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + (word as string).length);
        const r = range.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }
      throw new Error(`no ${word} on that line`);
    },
    [lineText, word],
  );
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { label: el?.getAttribute('aria-label') ?? null, action: el?.dataset['action'] ?? null };
  });

describe('the code editor', () => {
  it('loads nothing of the editor until a cell is used', async () => {
    const w = await openPage(browser);
    const requests: string[] = [];
    w.page.on('request', (r) => requests.push(r.url()));
    await w.page.goto(LESSON, { waitUntil: 'networkidle' });
    expect(requests.filter((u) => EDITOR_REQUEST.test(u))).toEqual([]);
    expect(await w.page.locator('link[rel=stylesheet][href*="editor"], .monaco-editor').count()).toBe(0);

    const cell = await openEditor(w);
    expect(requests.filter((u) => EDITOR_REQUEST.test(u)).length).toBeGreaterThan(0);
    expect(await focused(w.page)).toMatchObject({ label: 'Code editor' });
    const hint = await w.page.evaluate(() => {
      const id = document.activeElement?.getAttribute('aria-describedby');
      return id ? document.getElementById(id)?.textContent : null;
    });
    expect(hint).toMatch(/Esc/);
    expect(hint).toMatch(/Ctrl\+M/);
    // The TypeScript worker knows the engine: the lesson's code has no type errors.
    await w.page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /ts\.worker/.test(r.name)));
    await w.page.waitForTimeout(2_000);
    expect(await cell.locator('.squiggly-error').count()).toBe(0);
    expect(w.problems).toEqual([]);
    await w.close();
  });

  it('completes engine names after import { ad', async () => {
    const w = await openPage(browser);
    await openEditor(w, "import { ad } from 'descent';\n");
    await w.page.keyboard.press('Control+Home');
    for (let i = 0; i < 'import { ad'.length; i++) await w.page.keyboard.press('ArrowRight');
    // Ask until the TypeScript worker has started and answers.
    await expect
      .poll(
        async () => {
          await w.page.keyboard.press('Control+Space');
          await w.page.waitForTimeout(500);
          return w.page
            .locator('.suggest-widget.visible .monaco-list-row')
            .evaluateAll((rows) => rows.map((r) => (r.getAttribute('aria-label') ?? '').split(',')[0]));
        },
        { timeout: 30_000 },
      )
      .toEqual(expect.arrayContaining(['adam', 'adamw', 'adagrad']));
    // Escape closes the list first and stays in the editor.
    await w.page.keyboard.press('Escape');
    expect(await w.page.locator('.suggest-widget.visible').count()).toBe(0);
    expect(await focused(w.page)).toMatchObject({ label: 'Code editor' });
    await w.close();
  });

  it('shows the doc comment, update rule included, on hover', async () => {
    const w = await openPage(browser);
    const cell = await openEditor(w, "import { adam } from 'descent';\nconst opt = adam({ lr: 0.01 });\n");
    const { x, y } = await wordPosition(cell, 'const opt', 'adam');
    await expect
      .poll(
        async () => {
          await w.page.mouse.move(x, y - 30);
          await w.page.mouse.move(x, y);
          await w.page.waitForTimeout(1_000);
          return (await w.page.locator('.monaco-hover').allTextContents()).join(' ');
        },
        { timeout: 30_000 },
      )
      .toContain('torch.optim.Adam');
    const hover = (await w.page.locator('.monaco-hover').allTextContents()).join(' ');
    expect(hover).toContain('adam(options?: AdamOptions): Optimizer<AdamState>');
    // LaTeX survives Markdown: "\," and subscripts are shown as written.
    expect(hover).toContain('(1-\\beta_1)\\, g_t');
    await w.close();
  });

  it('marks type errors, runs with Ctrl+Enter and Shift+Enter, and leaves with Escape', async () => {
    const w = await openPage(browser);
    const cell = await openEditor(
      w,
      "import { print } from 'descent/display';\nconst x: number = 'a';\nawait Promise.resolve();\nprint(`value ${x}`);\n",
    );
    await cell.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
    await w.page.waitForTimeout(1_000);
    // One error (the assignment); top-level await is fine in a cell.
    expect(await cell.locator('.squiggly-error').count()).toBe(1);
    const before = await cell.locator('.view-lines').innerText();

    for (const keys of ['Control+Enter', 'Shift+Enter']) {
      await cell.evaluate((el) => el.removeAttribute('data-outcome'));
      await w.page.keyboard.press(keys);
      await w.page.waitForFunction((el) => (el as HTMLElement).dataset['outcome'], await cell.elementHandle(), {
        timeout: 30_000,
      });
      expect(await cell.getAttribute('data-outcome')).toBe('done');
      expect(await cell.locator('[data-output]').innerText()).toContain('value a');
    }
    // Running did not type a newline into the code.
    expect(await cell.locator('.view-lines').innerText()).toBe(before);

    await w.page.keyboard.press('Escape');
    expect(await focused(w.page)).toMatchObject({ action: 'run' });
    await w.close();
  });

  it('shows a runtime error as a squiggle on its line', async () => {
    const w = await openPage(browser);
    const cell = await openEditor(w, "const a = 1;\nthrow new Error('boom ' + a);\n");
    await w.page.keyboard.press('Control+Enter');
    await cell.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
    const { y } = await wordPosition(cell, 'throw', 'boom');
    const box = await cell.locator('.squiggly-error').first().boundingBox();
    expect(box && Math.abs(box.y + box.height / 2 - y)).toBeLessThan(12);
    await w.close();
  });

  it('follows the site theme live', async () => {
    const w = await openPage(browser, { colorScheme: 'light' });
    const cell = await openEditor(w);
    const background = () =>
      cell.locator('.monaco-editor-background').evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await w.page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(background).not.toBe(light);
    await w.close();
  });

  it('fits a 375 px desktop window without horizontal scrolling', async () => {
    const w = await openPage(browser, { viewport: { width: 375, height: 740 } });
    const cell = await openEditor(w);
    expect(await cell.locator('.monaco-editor').count()).toBe(1);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await w.close();
  });

  it('is a plain textarea on a phone, without Monaco', async () => {
    const w = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const requests: string[] = [];
    w.page.on('request', (r) => requests.push(r.url()));
    await w.page.goto(LESSON);
    const cell = await loadCode(w.page, "import { print } from 'descent/display';\nprint('hi');\n");
    await cell.locator('[data-code] pre').tap();
    const textarea = cell.getByRole('textbox', { name: 'Code editor' });
    await textarea.waitFor();
    expect(await textarea.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await textarea.getAttribute('spellcheck')).toBe('false');
    await w.page.keyboard.press('Control+Enter');
    await w.page.waitForFunction((el) => (el as HTMLElement).dataset['outcome'], await cell.elementHandle());
    expect(await cell.getAttribute('data-outcome')).toBe('done');
    await w.page.keyboard.press('Escape');
    expect(await focused(w.page)).toMatchObject({ action: 'run' });
    expect(requests.filter((u) => /editor\.api|ts\.worker|editor\.worker/.test(u))).toEqual([]);
    expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await w.close();
  });

  it('on a phone, grows with long code instead of scrolling inside itself, and keeps Run in view', async () => {
    const w = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await w.page.goto(LESSON);
    const lines = Array.from({ length: 60 }, (_, k) => `const v${k} = ${k};`);
    const cell = await loadCode(w.page, lines.join('\n'));
    await cell.locator('[data-code] pre').tap();
    const textarea = cell.getByRole('textbox', { name: 'Code editor' });
    await textarea.waitFor();
    const box = await textarea.evaluate((el) => ({
      top: el.scrollTop,
      inner: el.scrollHeight,
      outer: el.clientHeight,
    }));
    expect(box.top).toBe(0);
    expect(box.inner).toBeLessThanOrEqual(box.outer + 2);
    // Type at the end of the code, 60 lines down: Run is still on the screen.
    await w.page.keyboard.press('Control+End');
    await textarea.evaluate((el) => {
      const end = (el as HTMLTextAreaElement).value.length;
      (el as HTMLTextAreaElement).setSelectionRange(end, end);
      el.getBoundingClientRect();
      window.scrollTo(0, window.scrollY + el.getBoundingClientRect().bottom - window.innerHeight + 40);
    });
    const run = await cell.getByRole('button', { name: 'Run', exact: true }).boundingBox();
    expect(run && run.y >= 0 && run.y + run.height <= 740, JSON.stringify(run)).toBe(true);
    await w.close();
  });

  it.each(['light', 'dark'] as const)('passes axe with the editor open (%s theme)', async (colorScheme) => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 900 }, colorScheme });
    const cell = await openEditor(w);
    const result = await new AxeBuilder({ page: w.page })
      .include(`section.cell[data-cell="${await cell.getAttribute('data-cell')}"]`)
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(w.problems).toEqual([]);
    await w.close();
  });

  it('keeps what a student types across a reload', async () => {
    const w = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    const cell = await openEditor(w, "console.log('start');");
    await w.page.keyboard.press('Control+End');
    await w.page.keyboard.press('Enter');
    await w.page.keyboard.type('// typed by hand');
    await w.page.waitForTimeout(800); // edits are saved 400 ms after the last keystroke
    await w.page.reload();
    expect(await cell.locator('[data-code] pre').textContent()).toContain('// typed by hand');
    await w.close();
  });
});
