/**
 * Pure helpers that turn the lesson collection into navigation: URLs, order, neighbours and the
 * on-page table of contents. Kept free of Astro imports so they are unit-tested in Node.
 */

/** The folder name of a lesson, e.g. `01-loss-function`. */
export type LessonId = string;

const ID = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** Splits `07-adam` into its order (7) and URL slug (`adam`); throws on a malformed folder name. */
export function parseLessonId(id: LessonId): { order: number; slug: string } {
  const match = ID.exec(id);
  if (!match) {
    throw new Error(
      `Lesson folder "${id}" must be named NN-slug: two digits, a dash, then lowercase words joined by dashes (e.g. "01-loss-function").`,
    );
  }
  return { order: Number(match[1]), slug: match[2] as string };
}

/** A lesson's URL. The numeric prefix is left out so that reordering lessons does not break links. */
export function lessonHref(id: LessonId): string {
  return `/lessons/${parseLessonId(id).slug}/`;
}

export interface LessonSummary {
  id: LessonId;
  title: string;
  order: number;
}

/**
 * Sorts lessons by `order` and checks that the course is consistent: every folder prefix matches its
 * frontmatter `order`, and no two lessons share an order or a slug.
 */
export function orderLessons<T extends LessonSummary>(lessons: readonly T[]): T[] {
  const problems: string[] = [];
  const seenOrder = new Map<number, string>();
  const seenSlug = new Map<string, string>();
  for (const lesson of lessons) {
    const { order, slug } = parseLessonId(lesson.id);
    if (order !== lesson.order) {
      problems.push(`lessons/${lesson.id}: frontmatter order is ${lesson.order} but the folder prefix says ${order}`);
    }
    const otherOrder = seenOrder.get(lesson.order);
    if (otherOrder) problems.push(`lessons/${lesson.id}: order ${lesson.order} is also used by lessons/${otherOrder}`);
    const otherSlug = seenSlug.get(slug);
    if (otherSlug) problems.push(`lessons/${lesson.id}: slug "${slug}" is also used by lessons/${otherSlug}`);
    seenOrder.set(lesson.order, lesson.id);
    seenSlug.set(slug, lesson.id);
  }
  if (problems.length > 0) throw new Error(`The lesson list is inconsistent:\n  ${problems.join('\n  ')}`);
  return [...lessons].sort((a, b) => a.order - b.order);
}

/** The lessons before and after `id` in course order, if any. */
export function neighbours<T extends LessonSummary>(ordered: readonly T[], id: LessonId): { prev?: T; next?: T } {
  const i = ordered.findIndex((l) => l.id === id);
  if (i < 0) throw new Error(`Unknown lesson "${id}"`);
  const result: { prev?: T; next?: T } = {};
  if (i > 0) result.prev = ordered[i - 1] as T;
  if (i < ordered.length - 1) result.next = ordered[i + 1] as T;
  return result;
}

export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface TocEntry {
  slug: string;
  text: string;
  children: TocEntry[];
}

/**
 * Nests h2 and h3 headings into a two-level table of contents. An h3 before any h2 becomes a top-level
 * entry rather than disappearing; deeper headings are left out to keep the list scannable.
 */
export function buildToc(headings: readonly Heading[]): TocEntry[] {
  const toc: TocEntry[] = [];
  for (const h of headings) {
    if (h.depth < 2 || h.depth > 3) continue;
    const entry: TocEntry = { slug: h.slug, text: h.text, children: [] };
    const parent = toc.at(-1);
    if (h.depth === 3 && parent) parent.children.push(entry);
    else toc.push(entry);
  }
  return toc;
}

/** "45 min", "1 h", "1 h 30 min": how long a lesson takes, for the syllabus. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
