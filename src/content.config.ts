/**
 * The course's collections. Lessons are MDX files in `lessons/NN-slug/index.mdx`; the bibliography and
 * the glossary are YAML in `content/`. Every field is documented because the schema is what a lesson
 * author reads to learn what frontmatter is allowed; unknown fields are errors so typos cannot hide.
 */
import { defineCollection, reference } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { z } from 'astro/zod';

/** Tests point this at a fixture folder to prove that bad lessons fail the build. */
const lessonsDir = process.env['DESCENT_LESSONS_DIR'] ?? './lessons';

const lessons = defineCollection({
  loader: glob({
    pattern: '*/index.mdx',
    base: lessonsDir,
    // `01-loss-function/index.mdx` → `01-loss-function`: the folder is the lesson.
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: z
    .object({
      /** Shown in the sidebar, the syllabus and the browser tab. */
      title: z.string().min(3),
      /** Position in the course; must equal the folder's numeric prefix (checked when pages are built). */
      order: z.number().int().min(1),
      /** One or two sentences for the syllabus and the page's meta description. */
      summary: z.string().min(20).max(320),
      /** What a student can do after the lesson, each starting with a verb. At least two. */
      objectives: z.array(z.string().min(10)).min(2),
      /** What a student should know first (free text, e.g. "partial derivatives"). */
      prerequisites: z.array(z.string().min(3)).default([]),
      /** Honest estimate of study time, including running the cells and exercises. */
      minutes: z.number().int().min(5).max(240),
      /** Keys into `content/references.yaml`; unknown keys fail the build. */
      references: z.array(reference('references')).default([]),
    })
    .strict(),
});

const references = defineCollection({
  loader: file('./content/references.yaml'),
  schema: z
    .object({
      /** The key lessons cite, e.g. `kingma2015`: first author's surname and year. */
      id: z.string().regex(/^[a-z]+\d{4}[a-z]?$/),
      /** Authors as printed, e.g. "Kingma, D. P. and Ba, J.". */
      authors: z.string().min(3),
      title: z.string().min(3),
      /** Journal, conference or publisher. */
      venue: z.string().min(2),
      year: z.number().int().min(1800).max(2100),
      url: z.url().optional(),
      /** One line on why the course cites it. */
      note: z.string().optional(),
    })
    .strict(),
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: z
    .object({
      /** Anchor on the glossary page, e.g. `empirical-risk`. */
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
      term: z.string().min(2),
      /** Plain text: the glossary page does not typeset math. */
      definition: z.string().min(20),
      /** Lesson id where the term is introduced, e.g. `01-loss-function`. */
      lesson: z.string().regex(/^\d\d-[a-z0-9-]+$/),
    })
    .strict(),
});

export const collections = { lessons, references, glossary };
