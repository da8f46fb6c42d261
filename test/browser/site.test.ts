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
 * axe here costs a few milliseconds per element, more than linearly, and two visual duplicates make up
 * nine tenths of a lesson's elements: KaTeX's rendering of each formula (a tree of spans, plus a MathML
 * tree for screen readers) and the syntax highlighter's span per token. `slim` replaces each formula
 * with its TeX source as plain text in the same colour and flattens each code line to plain text, so the
 * page-wide passes check ~2,000 elements instead of ~24,000. The formulas' and code tokens' own colours
 * get their own pass on the lesson with the most code ("shows formulas and every kind of code token").
 */
async function slim(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const math of document.querySelectorAll('.katex')) {
      math.replaceChildren(math.querySelector('annotation')?.textContent ?? '');
    }
    for (const line of document.querySelectorAll('pre.astro-code .line')) line.replaceChildren(line.textContent ?? '');
  });
}

/**
 * The page-wide passes: every WCAG rule in the light theme, then colour contrast alone in the dark theme
 * (the only thing a theme changes); and, on the untouched page at desktop and at phone width, the rules
 * that depend on layout (wide formulas and tables must scroll in a box the keyboard can reach).
 */
async function axeViolations(page: Page, pass: 'full' | 'contrast' | 'layout'): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  // The full pass runs on a slimmed page, whose formulas are raw LaTeX text of another width: the rule
  // about scrolling boxes belongs to the layout pass, which sees the page as a reader does.
  if (pass === 'full') builder.withTags(WCAG).disableRules(['scrollable-region-focusable']);
  if (pass === 'contrast') builder.withRules(['color-contrast']);
  if (pass === 'layout') builder.withRules(['scrollable-region-focusable', 'meta-viewport', 'meta-viewport-large']);
  return describeViolations(await builder.analyze());
}

function describeViolations(result: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
}

/** The ids in a built page, read from its HTML (cheaper than loading a page full of math in the browser). */
const idsByPath = new Map<string, Promise<Set<string>>>();
function idsOf(pathname: string): Promise<Set<string>> {
  let ids = idsByPath.get(pathname);
  if (!ids) {
    ids = fetch(new URL(pathname, baseURL())).then(async (res) => {
      expect(res.status, pathname).toBe(200);
      const html = await res.text();
      return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => (m[1] as string).replaceAll('&amp;', '&')));
    });
    idsByPath.set(pathname, ids);
  }
  return ids;
}

describe('the built site', () => {
  it('has a home page, a references page, a glossary and at least one lesson', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/references/');
    expect(pages).toContain('/glossary/');
    expect(lessonPages.length).toBeGreaterThan(0);
  });

  describe.each(pages)('%s', (path) => {
    it('loads with no console errors or failed requests, renders every formula, and links only to what exists', async () => {
      const w = await openPage(browser);
      await w.page.goto(path, { waitUntil: 'networkidle' });
      expect(await w.page.locator('h1').count()).toBe(1);
      expect(await w.page.locator('.katex-error').count()).toBe(0);
      if (lessonPages.includes(path)) expect(await w.page.locator('.katex').count()).toBeGreaterThan(10);

      const hrefs = await w.page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      const internal = [...new Set(hrefs.filter((h) => h.startsWith('/') || h.startsWith('#')))];
      expect(internal.length).toBeGreaterThan(0);
      for (const href of internal) {
        const url = new URL(href, w.page.url());
        // Fetching the target also proves it exists (idsOf expects a 200).
        const ids = await idsOf(url.pathname);
        if (url.hash.length > 1)
          expect(ids.has(decodeURIComponent(url.hash.slice(1))), `${href} on ${path}`).toBe(true);
      }
      expect(w.problems).toEqual([]);
      await w.close();
    });

    it('has no axe violations in the light theme, and no contrast problems in the dark theme', async () => {
      const w = await openPage(browser, { colorScheme: 'light' });
      await w.page.goto(path, { waitUntil: 'networkidle' });
      await w.page.evaluate(async () => {
        await document.fonts.ready;
      });
      expect(await axeViolations(w.page, 'layout')).toEqual([]);
      await slim(w.page);
      expect(await axeViolations(w.page, 'full')).toEqual([]);
      // The reader's toggle, as a reader would use it; the theme follows the system in navigation.test.ts.
      await w.page.getByRole('button', { name: 'Dark theme' }).click();
      expect(await w.page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await axeViolations(w.page, 'contrast')).toEqual([]);
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
      // As a reader sees it: with KaTeX's fonts in, which widen formulas after first layout.
      await w.page.evaluate(async () => {
        await document.fonts.ready;
      });
      expect(await axeViolations(w.page, 'layout')).toEqual([]);
      await w.close();
    });
  });

  it.each(['light', 'dark'] as const)(
    'shows formulas and every kind of code token with enough contrast in the %s theme',
    async (scheme) => {
      const lessonWithMostCode = lessonPages.includes('/lessons/choosing-an-optimizer/')
        ? '/lessons/choosing-an-optimizer/'
        : (lessonPages[0] as string);
      const w = await openPage(browser, { colorScheme: scheme });
      await w.page.goto(lessonWithMostCode, { waitUntil: 'networkidle' });
      // One token of each colour the highlighter used anywhere on the page, and the first 30 formulas
      // (all math is drawn in the text colour): the whole palette, at a tenth of the cost of every span.
      const tokenKinds = await w.page.evaluate(() => {
        const seen = new Set<string>();
        for (const token of document.querySelectorAll('pre.astro-code .line > span')) {
          const colours = token.getAttribute('style') ?? '';
          if (!seen.has(colours)) token.setAttribute('data-axe-sample', '');
          seen.add(colours);
        }
        for (const math of [...document.querySelectorAll('.katex-html')].slice(0, 30)) {
          math.setAttribute('data-axe-sample', '');
        }
        return seen.size;
      });
      expect(tokenKinds).toBeGreaterThan(5);
      const result = await new AxeBuilder({ page: w.page })
        .include('[data-axe-sample]')
        .withRules(['color-contrast'])
        .analyze();
      expect(result.passes.flatMap((r) => r.nodes).length).toBeGreaterThan(tokenKinds);
      expect(describeViolations(result)).toEqual([]);
      await w.close();
    },
  );
});
