import { describe, expect, it } from 'vitest';
import {
  buildToc,
  formatMinutes,
  lessonHref,
  neighbours,
  orderLessons,
  parseLessonId,
} from '../../src/site/lessons.ts';

describe('lesson ids', () => {
  it('split into order and slug', () => {
    expect(parseLessonId('07-adam')).toEqual({ order: 7, slug: 'adam' });
    expect(parseLessonId('01-loss-function')).toEqual({ order: 1, slug: 'loss-function' });
  });

  it.each(['1-adam', '07_adam', '07-Adam', '07-', 'adam', '07-adam-'])('reject the malformed folder name %s', (id) => {
    expect(() => parseLessonId(id)).toThrow(`Lesson folder "${id}" must be named NN-slug`);
  });

  it('give URLs without the numeric prefix, so reordering keeps links', () => {
    expect(lessonHref('03-momentum')).toBe('/lessons/momentum/');
  });
});

describe('course order', () => {
  const a = { id: '01-loss-function', title: 'Loss', order: 1 };
  const b = { id: '02-sgd', title: 'SGD', order: 2 };
  const c = { id: '03-momentum', title: 'Momentum', order: 3 };

  it('sorts lessons by order', () => {
    expect(orderLessons([c, a, b]).map((l) => l.id)).toEqual(['01-loss-function', '02-sgd', '03-momentum']);
  });

  it('rejects a frontmatter order that disagrees with the folder prefix, naming the lesson', () => {
    expect(() => orderLessons([a, { ...b, order: 5 }])).toThrow(
      'lessons/02-sgd: frontmatter order is 5 but the folder prefix says 2',
    );
  });

  it('rejects two lessons with the same slug', () => {
    expect(() => orderLessons([a, { id: '04-loss-function', title: 'x', order: 4 }])).toThrow(
      'slug "loss-function" is also used by lessons/01-loss-function',
    );
  });

  it('finds the previous and next lesson', () => {
    const ordered = orderLessons([a, b, c]);
    expect(neighbours(ordered, '01-loss-function')).toEqual({ next: b });
    expect(neighbours(ordered, '02-sgd')).toEqual({ prev: a, next: c });
    expect(neighbours(ordered, '03-momentum')).toEqual({ prev: b });
    expect(() => neighbours(ordered, '09-nope')).toThrow('Unknown lesson "09-nope"');
  });
});

describe('the table of contents', () => {
  it('nests h3 under the preceding h2 and leaves out h1 and h4', () => {
    const toc = buildToc([
      { depth: 1, slug: 'title', text: 'Title' },
      { depth: 2, slug: 'a', text: 'A' },
      { depth: 3, slug: 'a1', text: 'A1' },
      { depth: 4, slug: 'a1x', text: 'A1x' },
      { depth: 3, slug: 'a2', text: 'A2' },
      { depth: 2, slug: 'b', text: 'B' },
    ]);
    expect(toc).toEqual([
      {
        slug: 'a',
        text: 'A',
        children: [
          { slug: 'a1', text: 'A1', children: [] },
          { slug: 'a2', text: 'A2', children: [] },
        ],
      },
      { slug: 'b', text: 'B', children: [] },
    ]);
  });

  it('keeps an h3 that comes before any h2 at the top level', () => {
    expect(buildToc([{ depth: 3, slug: 'x', text: 'X' }])).toEqual([{ slug: 'x', text: 'X', children: [] }]);
  });
});

describe('study time', () => {
  it.each([
    [45, '45 min'],
    [60, '1 h'],
    [90, '1 h 30 min'],
    [135, '2 h 15 min'],
  ])('%i minutes read as "%s"', (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});
