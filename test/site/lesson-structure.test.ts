/**
 * What every lesson must have, checked in its source: objectives (by the schema), at least three cells
 * with a live chart, at least two exercises (one implementing the lesson's update rule, checked step by
 * step against the engine), a quiz, an "In PyTorch" box, a summary and references.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const lessons = readdirSync('lessons').filter((d) => existsSync(join('lessons', d, 'index.mdx')));

function count(source: string, pattern: RegExp): number {
  return source.match(pattern)?.length ?? 0;
}

it('gives every cell and exercise of the course an id of its own (it keys saved code and progress)', () => {
  const ids = lessons.flatMap((lesson) =>
    [...readFileSync(join('lessons', lesson, 'index.mdx'), 'utf8').matchAll(/<(?:Cell|Exercise)\s+src="([^"]+)"/g)].map(
      (m) => m[1] as string,
    ),
  );
  const repeated = ids.filter((id, k) => ids.indexOf(id) !== k);
  expect(repeated).toEqual([]);
});

describe.each(lessons)('lessons/%s', (lesson) => {
  const mdx = readFileSync(join('lessons', lesson, 'index.mdx'), 'utf8');
  const cellIds = [...mdx.matchAll(/<Cell\s+src="([^"]+)"/g)].map((m) => m[1] as string);
  const exerciseIds = [...mdx.matchAll(/<Exercise\s+src="([^"]+)"/g)].map((m) => m[1] as string);

  it('has at least three cells, from its own folder of content/cells', () => {
    expect(cellIds.length).toBeGreaterThanOrEqual(3);
    for (const id of cellIds) expect(id.startsWith(`${lesson}/`), id).toBe(true);
  });

  it('draws a live chart in at least one cell', () => {
    const sources = cellIds.map((id) => readFileSync(join('content/cells', `${id}.ts`), 'utf8'));
    expect(sources.some((s) => s.includes('lineChart('))).toBe(true);
  });

  it('has at least two exercises, each with hints', () => {
    expect(exerciseIds.length).toBeGreaterThanOrEqual(2);
    const blocks = mdx.split('<Exercise').slice(1);
    for (const block of blocks) expect(count(block.split('</Exercise>')[0] ?? '', /<Hint>/g)).toBeGreaterThanOrEqual(1);
  });

  it('has a quiz of two to four questions, each choice explained', () => {
    expect(count(mdx, /<Quiz[\s>]/g)).toBe(1);
    const questions = count(mdx, /<Question>/g);
    expect(questions).toBeGreaterThanOrEqual(2);
    expect(questions).toBeLessThanOrEqual(4);
    expect(count(mdx, /<Choice[\s>]/g)).toBe(count(mdx, /<Why slot="why">/g));
  });

  it('has an "In PyTorch" box, a summary and references', () => {
    expect(count(mdx, /<InPyTorch[\s>]/g)).toBeGreaterThanOrEqual(1);
    expect(mdx).toMatch(/^## Summary$/m);
    expect(mdx).toMatch(/^references:\n\s+- /m);
  });

  it('contains no placeholder text', () => {
    expect(mdx).not.toMatch(/\b(TODO|TBD|FIXME|lorem ipsum|coming soon)\b|it can be shown/i);
  });
});
