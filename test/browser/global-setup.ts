/**
 * Once per browser-test run: make sure Chromium is there, build the site exactly as `npm start` does,
 * fail if the build logged any error or warning, and serve it on a free localhost port.
 * Set DESCENT_REUSE_BUILD=1 to skip the build while iterating on tests (never in CI).
 */
import { spawnSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from '../support/chromium.ts';
import { SITE_DIR } from '../support/site-dir.ts';
import { serveStatic } from '../support/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string;
  }
}

function buildSite(): void {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', SITE_DIR], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  const log = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`astro build failed:\n${log}`);
  const problems = log.split('\n').filter((line) => /\[(ERROR|WARN)\]/.test(line));
  if (problems.length > 0) throw new Error(`astro build logged problems:\n${problems.join('\n')}`);
  console.log(`site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject) {
  const browser = chromiumPath();
  if (process.env['DESCENT_REUSE_BUILD'] !== '1') buildSite();
  const server = await serveStatic(SITE_DIR);
  project.provide('baseURL', server.url);
  project.provide('chromiumPath', browser);
  return () => server.close();
}
