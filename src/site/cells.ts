/**
 * Build-time access to the course's code: cell sources in `content/cells/<lesson>/<name>.ts` and
 * exercises in `content/exercises/<lesson>/<name>/{starter,solution,check}.ts`. Each gets a version
 * hash, which the page uses to notice when a student's saved edit started from an older original.
 */
import { createHash } from 'node:crypto';

const cellFiles = import.meta.glob<string>('/content/cells/**/*.ts', { query: '?raw', import: 'default', eager: true });
const exerciseFiles = import.meta.glob<string>('/content/exercises/**/*.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export function versionOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const p of parts) hash.update(p).update('\u0000');
  return hash.digest('hex').slice(0, 12);
}

export function cellSource(id: string): { code: string; version: string } {
  const code = cellFiles[`/content/cells/${id}.ts`];
  if (code === undefined) throw new Error(`<Cell src="${id}">: there is no file content/cells/${id}.ts`);
  return { code, version: versionOf(code) };
}

export interface ExerciseSources {
  starter: string;
  solution: string;
  check: string;
  version: string;
}

export function exerciseSources(id: string): ExerciseSources {
  const read = (name: string) => {
    const text = exerciseFiles[`/content/exercises/${id}/${name}.ts`];
    if (text === undefined)
      throw new Error(`<Exercise src="${id}">: there is no file content/exercises/${id}/${name}.ts`);
    return text;
  };
  const starter = read('starter');
  return { starter, solution: read('solution'), check: read('check'), version: versionOf(starter) };
}

/** JSON for a `<script type="application/json">`, with `<` escaped so the code cannot end the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** A DOM id from a cell id: `01-loss-function/gd-walk` → `cell-01-loss-function-gd-walk`. */
export function cellDomId(id: string): string {
  return `cell-${id.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}
