/**
 * /editor/types.json: the type declarations of the modules cells import (`descent`, `descent/display`,
 * `descent/check`), generated from their sources at build time (src/runtime/build/cell-types.ts). The code
 * editor fetches this once, when it first opens, and registers each file with Monaco's TypeScript worker.
 */
import type { APIRoute } from 'astro';
import { generateCellTypes } from '../../runtime/build/cell-types.ts';

export const prerender = true;

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await generateCellTypes()), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
