/**
 * Every cell and exercise of every lesson, run in Node against the engine, the way the browser's
 * worker runs them. A cell must finish without an error; an exercise's solution must pass its check
 * and its starter code must fail it.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCellInNode } from '../support/run-cell.ts';

function files(dir: string, pick: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(pick)
    .map((f) => f.split('\\').join('/'))
    .sort();
}

const cells = files('content/cells', (f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const exercises = files('content/exercises', (f) => f.endsWith('check.ts')).map((f) => f.replace(/\/check\.ts$/, ''));

describe('lesson cells, run in Node', () => {
  it('exist', () => {
    expect(cells.length).toBeGreaterThan(0);
  });

  it.each(cells)('%s runs to completion without errors', async (id) => {
    const run = await runCellInNode(readFileSync(join('content/cells', `${id}.ts`), 'utf8'));
    expect(run.invalid).toEqual([]);
    expect(run.errors.map((e) => `${e.message} (line ${e.line})`)).toEqual([]);
    expect(run.events.at(-1)).toEqual({ t: 'done' });
  });
});

describe.skipIf(exercises.length === 0)('exercises, run in Node', () => {
  const read = (id: string, name: string) => readFileSync(join('content/exercises', id, `${name}.ts`), 'utf8');

  it.each(exercises)('%s: the solution passes the check', async (id) => {
    const run = await runCellInNode(read(id, 'solution'), { check: read(id, 'check') });
    expect(run.errors).toEqual([]);
    expect(run.check).toEqual({ t: 'check', ok: true, message: 'All checks passed.' });
  });

  it.each(exercises)('%s: the starter code fails the check with a helpful message', async (id) => {
    const run = await runCellInNode(read(id, 'starter'), { check: read(id, 'check') });
    expect(run.check?.ok).toBe(false);
    expect(run.check?.message.length).toBeGreaterThan(15);
  });
});
