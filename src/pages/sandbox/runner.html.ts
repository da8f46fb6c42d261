import type { APIRoute } from 'astro';
import { buildRunnerPage } from '../../runtime/build/sandbox.ts';

/** The sandboxed code runner, generated at build time (see src/runtime/build/sandbox.ts). */
export const GET: APIRoute = async () => {
  const { html } = await buildRunnerPage();
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
