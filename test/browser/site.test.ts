import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, openPage } from '../support/browser.ts';
import { builtPages } from '../support/pages.ts';

const pages = builtPages();
const lessonPages = pages.filter((p) => p.startsWith('/lessons/'));
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * axe on the whole page. The typeset math is thousands of spans in the text colour, which makes axe's
 * contrast rule slow; `math: false` leaves it out (used for the second and third passes of a page, after
 * the light theme has checked everything).
 */
async function axeViolations(page: Page, { math = true } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(WCAG);
  if (!math) builder.exclude('.katex-html');
  const result = await builder.analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
}

describe('the built site', () => {
  it('has a home page, a references page, a glossary and at least one lesson', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/references/');
    expect(pages).toContain('/glossary/');
    expect(lessonPages.length).toBeGreaterThan(0);
  });

  describe.each(pages)('%s', (path) => {
    it('loads with no console errors and no failed requests', async () => {
      const w = await openPage(browser);
      await w.page.goto(path, { waitUntil: 'networkidle' });
      expect(await w.page.locator('h1').count()).toBe(1);
      expect(w.problems).toEqual([]);
      await w.close();
    });

    it('renders every formula (no KaTeX errors)', async () => {
      const w = await openPage(browser);
      await w.page.goto(path);
      expect(await w.page.locator('.katex-error').count()).toBe(0);
      if (lessonPages.includes(path)) expect(await w.page.locator('.katex').count()).toBeGreaterThan(10);
      await w.close();
    });

    it.each(['light', 'dark'] as const)('has no axe violations in the %s theme', async (scheme) => {
      const w = await openPage(browser, { colorScheme: scheme });
      await w.page.goto(path, { waitUntil: 'networkidle' });
      expect(await w.page.evaluate(() => document.documentElement.dataset['theme'])).toBe(scheme);
      expect(await axeViolations(w.page, { math: scheme === 'light' })).toEqual([]);
      await w.close();
    });

    it('fits a 375 px wide phone without horizontal scrolling, and passes axe there', async () => {
      const w = await openPage(browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
      await w.page.goto(path, { waitUntil: 'networkidle' });
      const overflow = await w.page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      expect(await axeViolations(w.page, { math: false })).toEqual([]);
      await w.close();
    });

    it('links only to pages and anchors that exist', async () => {
      const w = await openPage(browser);
      await w.page.goto(path);
      const hrefs = await w.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      const internal = [...new Set(hrefs.filter((h) => h.startsWith('/') || h.startsWith('#')))];
      expect(internal.length).toBeGreaterThan(0);
      for (const href of internal) {
        const url = new URL(href, w.page.url());
        if (url.pathname !== new URL(w.page.url()).pathname) {
          const res = await w.page.request.get(url.pathname);
          expect(res.status(), `${href} on ${path}`).toBe(200);
        }
        if (url.hash.length > 1) {
          const target = decodeURIComponent(url.hash.slice(1));
          const other = url.pathname === new URL(w.page.url()).pathname ? w.page : await openAt(url.pathname);
          expect(await other.locator(`[id="${target}"]`).count(), `${href} on ${path}`).toBe(1);
          if (other !== w.page) await other.close();
        }
      }
      await w.close();
    });
  });

  async function openAt(pathname: string): Promise<Page> {
    const page = await browser.newPage({ baseURL: baseURL() });
    await page.goto(pathname);
    return page;
  }
});
