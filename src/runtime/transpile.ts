/**
 * Turns a cell's TypeScript into JavaScript the worker can run, keeping every line where it was so an
 * error at line 12 of the output is an error at line 12 of what the student wrote. Sucrase only strips
 * types and rewrites `import`/`export` into `require`/`exports` (it does not type-check: Monaco shows
 * type errors as squiggles while the student types).
 */
import { transform } from 'sucrase';

export type Compiled = { ok: true; code: string } | { ok: false; message: string; line: number; column: number };

export function compileCell(source: string): Compiled {
  try {
    const { code } = transform(source, {
      transforms: ['typescript', 'imports'],
      disableESTransforms: true,
      production: true,
      // Keep `import { x }` even when x is used only in a type position elsewhere; eliding it would
      // hide a misspelled module name until the student used a value from it.
      keepUnusedImports: true,
    });
    return { ok: true, code };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const raw = error instanceof Error ? error.message : String(error);
    // Sucrase appends "(line:column)" to its messages; the position is reported separately.
    const message = raw.replace(/\s*\(\d+:\d+\)\s*$/, '');
    // Sucrase reports 1-based lines and columns already.
    return { ok: false, message: `SyntaxError: ${message}`, line: loc?.line ?? 1, column: loc?.column ?? 1 };
  }
}
