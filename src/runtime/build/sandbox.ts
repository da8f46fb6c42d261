/**
 * Builds `/sandbox/runner.html` at site-build time: the worker side (engine + display API + harness)
 * bundled into one classic script, embedded as a string in the runner's own script, which is inlined
 * into the page and allowed by its hash in the Content-Security-Policy. Nothing else may run there:
 * no `'self'`, so even a same-origin `importScripts('/x.js')` is refused before any request is sent.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build } from 'esbuild';

// Resolved from the project root: this module is itself bundled by Astro, so its own URL moves.
const source = (path: string) => resolve(process.cwd(), 'src/runtime', path);

async function bundle(entry: string, define: Record<string, string> = {}): Promise<string> {
  const result = await build({
    entryPoints: [source(entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    define,
    legalComments: 'none',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Makes script text safe to inline in HTML: no `</script` or `<!--` can end or confuse the element. */
export function inlineSafe(code: string): string {
  return code.replaceAll('</script', '<\\/script').replaceAll('<!--', '<\\!--');
}

export const RUNNER_CSP = (scriptHash: string) =>
  [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' blob:`,
    'worker-src blob:',
    "connect-src 'none'",
    "img-src 'none'",
    "style-src 'none'",
    "font-src 'none'",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "manifest-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

export interface RunnerPage {
  html: string;
  /** Sizes in bytes, for the build log and the benchmarks. */
  bootBytes: number;
  runnerBytes: number;
}

export async function buildRunnerPage(): Promise<RunnerPage> {
  const boot = await bundle('worker/entry.ts');
  const runner = inlineSafe(await bundle('sandbox/runner.ts', { __WORKER_BOOT__: JSON.stringify(boot) }));
  const hash = createHash('sha256').update(runner, 'utf8').digest('base64');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${RUNNER_CSP(hash)}"><title>Descent code runner</title></head><body><script>${runner}</script></body></html>`;
  return { html, bootBytes: boot.length, runnerBytes: runner.length };
}
