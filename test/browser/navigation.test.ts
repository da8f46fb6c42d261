import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage } from '../support/browser.ts';
import { readdirSync } from 'node:fs';
import { lessonHref } from '../../src/site/lessons.ts';

/** The course's first lesson is the lowest-numbered folder in lessons/ (URLs sort differently). */
const firstLesson = lessonHref(
  readdirSync('lessons')
    .filter((name) => /^\d\d-/.test(name))
    .sort()[0] as string,
);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('keyboard use', () => {
  it('offers a skip link as the first tab stop, which moves focus to the main content', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(firstLesson);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    await expect.poll(() => focused.textContent()).toBe('Skip to content');
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('content');
    await close();
  });

  it('shows a visible focus outline on links', async () => {
    const { page, close } = await openPage(browser);
    await page.goto('/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    await close();
  });

  it('reaches a lesson from the home page with Tab and Enter alone', async () => {
    const { page, problems, close } = await openPage(browser);
    await page.goto('/');
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = ((await page.evaluate(() => document.activeElement?.textContent)) ?? '').includes('Start with lesson 1');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${firstLesson}`);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(problems).toEqual([]);
    await close();
  });

  it('marks the current lesson in the sidebar', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await page.goto(firstLesson);
    const current = page.locator('nav[aria-label="Lessons"] a[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('href')).toBe(firstLesson);
    await close();
  });

  it('has one banner, one main and one contentinfo landmark, and labelled navigation', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await page.goto(firstLesson);
    expect(await page.locator('header.site-header').count()).toBe(1);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('footer.site-footer').count()).toBe(1);
    const labels = await page.$$eval('nav', (navs) => navs.map((n) => n.getAttribute('aria-label')));
    expect(labels).toEqual(['Site', 'Lessons', 'On this page', 'Previous and next lesson']);
    await close();
  });

  it("reaches the lesson's table of contents with Tab before the lesson's content", async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(firstLesson);
    let presses = 0;
    const inToc = () => page.evaluate(() => !!document.activeElement?.closest('nav[aria-label="On this page"]'));
    const inMain = () => page.evaluate(() => !!document.activeElement?.closest('main'));
    while (!(await inToc()) && !(await inMain()) && presses < 40) {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await inToc()).toBe(true);
    await close();
  });
});

describe('the theme', () => {
  it('follows the system preference when the reader has not chosen', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const { page, close } = await openPage(browser, { colorScheme: scheme });
      await page.goto('/');
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(scheme);
      await close();
    }
  });

  it('toggles from the keyboard and remembers the choice across reloads and pages', async () => {
    const { page, problems, close } = await openPage(browser, { colorScheme: 'light' });
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(background);
    await page.goto(firstLesson);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(problems).toEqual([]);
    await close();
  });
});

describe('printing a lesson', () => {
  it('hides navigation and keeps the lesson and its math', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    await page.goto(firstLesson);
    await page.emulateMedia({ media: 'print' });
    for (const selector of [
      'header.site-header',
      'nav[aria-label="Lessons"]',
      'nav[aria-label="On this page"]',
      '.prev-next',
    ]) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('article h1').isVisible()).toBe(true);
    expect(await page.locator('article .katex').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    await close();
  });

  it('prints every line of code, in light colours from the dark theme, and every quiz explanation', async () => {
    const { page, close } = await openPage(browser, { viewport: { width: 1400, height: 900 }, colorScheme: 'dark' });
    await page.goto(firstLesson);
    await page.emulateMedia({ media: 'print' });
    const blocks = await page.locator('.cell-code pre').evaluateAll((els) =>
      els.map((el) => ({
        height: el.clientHeight,
        scroll: el.scrollHeight,
        background: getComputedStyle(el).backgroundColor,
      })),
    );
    expect(blocks.length).toBeGreaterThan(3);
    for (const { height, scroll, background } of blocks) {
      expect(height).toBe(scroll);
      // Print ink is black: the box behind the code must be light (each channel above 200 of 255).
      const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      expect(channels.length === 3 && channels.every((c) => c > 200), background).toBe(true);
    }
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    const closed = await page.locator('details.quiz-why:not([open])').count();
    expect(closed).toBe(0);
    // Charts redraw in light colours for paper; the reader's dark theme comes back afterwards.
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    expect(await page.locator('details.quiz-why[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await close();
  });
});

describe('a quiz', () => {
  it('hides every explanation until it is answered, then shows the verdict and says it', async () => {
    const { page, close } = await openPage(browser);
    await page.goto(firstLesson);
    const question = page.locator('.quiz-question').first();
    expect(await question.locator('.quiz-why summary').first().isVisible()).toBe(false);
    const description = await question.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(description.trim().length).toBeGreaterThan(20);
    const wrong = question.locator('.quiz-choice[data-correct="false"]').first();
    await wrong.locator('input').check();
    expect(await wrong.locator('.quiz-why').getAttribute('open')).toBe('');
    expect(await question.locator('[role="status"]').textContent()).toMatch(/^Not quite\. \S/);
    expect(await question.locator('.quiz-choice[data-correct="true"] .quiz-why summary').isVisible()).toBe(true);
    await close();
  });
});
