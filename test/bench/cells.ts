// Cell benchmark in Chromium on the built site. Run: npm run bench (after the engine benchmark), or
//   node --experimental-strip-types test/bench/cells.ts
//
// 1. JavaScript a lesson page loads before any interaction, gzipped. Target ≤ 50 KB.
// 2. Run → first chart point, cold (fresh browser context: runner, display code and Chart.js load) and warm
//    (the same page again). Median of 20. Targets ≤ 400 ms cold, ≤ 100 ms warm.
//    Baseline in the same run: a bare Worker created from a blob in the same page, posting one message
//    back — the floor any in-browser runner pays.
// 3. Click on a cell's code → Monaco editor focused and showing the code. Median of 5. Target ≤ 1.5 s.
// 4. A 10,000-step run streaming to a chart: longest main-thread task. Target: none over 50 ms.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../support/chromium.ts';
import { serveStatic } from '../support/static-server.ts';

const SITE = process.env['DESCENT_BENCH_SITE_DIR'] ?? 'test/.artifacts/bench-dist';
const LESSON = '/lessons/loss-function/';
const CELL = 'section.cell[data-cell="01-loss-function/gradient-descent-1d"]';
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 20);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function build(): void {
  if (process.env['DESCENT_REUSE_BUILD'] === '1') return;
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', SITE], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Clicks Run and resolves with the ms until the cell's chart has drawn its first point. */
function runToFirstPoint(page: Page): Promise<number> {
  return page.evaluate(async (selector) => {
    const cell = document.querySelector(selector) as HTMLElement;
    // A re-run keeps the previous chart on screen until its first new point: forget its count.
    cell.querySelector('canvas[data-drawn]')?.setAttribute('data-drawn', '0');
    const started = performance.now();
    (cell.querySelector('button[data-action="run"]') as HTMLButtonElement).click();
    return new Promise<number>((resolve) => {
      const poll = () => {
        const canvas = cell.querySelector('canvas[data-drawn]');
        if (canvas && Number(canvas.getAttribute('data-drawn')) > 0) resolve(performance.now() - started);
        else requestAnimationFrame(poll);
      };
      poll();
    });
  }, CELL);
}

async function waitDone(page: Page): Promise<void> {
  await page.waitForFunction((s) => (document.querySelector(s) as HTMLElement).dataset['outcome'], CELL);
  await page.evaluate((s) => delete (document.querySelector(s) as HTMLElement).dataset['outcome'], CELL);
}

function workerRoundTrip(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const worker = new Worker(url);
    await new Promise((resolve) => (worker.onmessage = resolve));
    worker.terminate();
    return performance.now() - started;
  });
}

async function pageJavaScript(browser: Browser, base: string): Promise<{ files: number; gzipped: number }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
  });
  await page.goto(base + LESSON, { waitUntil: 'networkidle' });
  const inline = await page.$$eval('script:not([src]):not([type="application/json"])', (s) =>
    s.map((x) => x.textContent ?? ''),
  );
  await context.close();
  let gzipped = inline.reduce((n, code) => n + gzipSync(code).length, 0);
  for (const path of scripts) gzipped += gzipSync(readFileSync(`${SITE}${path}`)).length;
  return { files: scripts.size, gzipped };
}

async function main(): Promise<void> {
  build();
  const server = await serveStatic(SITE);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
  const rows: [string, string, string, string][] = [];
  try {
    const js = await pageJavaScript(browser, server.url);
    rows.push([
      'lesson page JS before interaction (gzip)',
      `${(js.gzipped / 1024).toFixed(1)} KB in ${js.files} files`,
      '≤ 50 KB',
      js.gzipped <= 50 * 1024 ? 'ok' : 'MISS',
    ]);

    const cold: number[] = [];
    const warm: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + LESSON, { waitUntil: 'networkidle' });
      baseline.push(await workerRoundTrip(page));
      cold.push(await runToFirstPoint(page));
      await waitDone(page);
      warm.push(await runToFirstPoint(page));
      await waitDone(page);
      await context.close();
    }
    const b = median(baseline);
    rows.push(['bare worker round trip (baseline)', `${b.toFixed(1)} ms`, '', '']);
    rows.push([
      'Run → first chart point, cold',
      `${median(cold).toFixed(0)} ms (${(median(cold) / b).toFixed(1)}× baseline)`,
      '≤ 400 ms',
      median(cold) <= 400 ? 'ok' : 'MISS',
    ]);
    rows.push([
      'Run → first chart point, warm',
      `${median(warm).toFixed(0)} ms (${(median(warm) / b).toFixed(1)}× baseline)`,
      '≤ 100 ms',
      median(warm) <= 100 ? 'ok' : 'MISS',
    ]);

    const editor: number[] = [];
    let editorFailure = '';
    for (let i = 0; i < 5 && !editorFailure; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(server.url + LESSON, { waitUntil: 'networkidle' });
      page.on('crash', () => (editorFailure = 'the page crashed while Monaco loaded'));
      try {
        editor.push(
          await page.evaluate(async (selector) => {
            const code = document.querySelector(`${selector} [data-code]`) as HTMLElement;
            const started = performance.now();
            code.click();
            return new Promise<number>((resolve) => {
              const poll = () => {
                const ready =
                  document.activeElement?.closest('.monaco-editor') && code.querySelector('.view-lines')?.textContent;
                if (ready) resolve(performance.now() - started);
                else requestAnimationFrame(poll);
              };
              poll();
            });
          }, CELL),
        );
      } catch (error) {
        // Report and go on: one broken measurement must not hide the others.
        editorFailure ||= (error as Error).message.split('\n')[0] as string;
      }
      await context.close().catch(() => undefined);
    }
    rows.push([
      'click → editor ready (Monaco)',
      editorFailure ? `not measured: ${editorFailure}` : `${median(editor).toFixed(0)} ms`,
      '≤ 1500 ms',
      !editorFailure && median(editor) <= 1500 ? 'ok' : 'MISS',
    ]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + LESSON, { waitUntil: 'networkidle' });
    const { id, version } = await page.$eval(CELL, (el) => ({
      id: el.getAttribute('data-cell'),
      version: el.getAttribute('data-version'),
    }));
    const stream =
      "import { lineChart } from 'descent/display';\nconst c = lineChart({ title: 'stream' });\nfor (let t = 1; t <= 10_000; t++) c.add('sgd', t, 1 / t + Math.sin(t / 50) / (10 * t));";
    await page.evaluate(
      ([k, v]) => localStorage.setItem(k as string, v as string),
      [`descent:cell:${id}`, JSON.stringify({ code: stream, base: version, at: 0 })],
    );
    await page.reload({ waitUntil: 'networkidle' });
    await runToFirstPoint(page); // warm the runner and chart code
    await waitDone(page);
    const longest = await page.evaluate(async (selector) => {
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: 'longtask', buffered: false });
      const cell = document.querySelector(selector) as HTMLElement;
      (cell.querySelector('button[data-action="run"]') as HTMLButtonElement).click();
      await new Promise<void>((resolve) => {
        const poll = () => (cell.dataset['outcome'] ? resolve() : setTimeout(poll, 20));
        poll();
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      observer.disconnect();
      return {
        max: Math.max(0, ...tasks),
        count: tasks.length,
        drawn: cell.querySelector('canvas')?.getAttribute('data-drawn'),
      };
    }, CELL);
    rows.push([
      '10,000-step stream: longest main-thread task',
      `${longest.max.toFixed(0)} ms (${longest.count} tasks > 50 ms; ${longest.drawn} points drawn)`,
      '≤ 50 ms',
      longest.max <= 50 ? 'ok' : 'MISS',
    ]);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log('\nCells in Chromium (built site)');
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c] as number)).join('  '));
}

await main();
