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
    const comment = htmlLikeComment(code, source);
    if (comment) return comment;
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

/**
 * Browsers run cells as classic scripts, where `<!--` anywhere and `-->` at the start of a line open a
 * comment to the end of the line (the web's HTML-like comments), while Sucrase, like TypeScript,
 * reads them as operators (`a <!--b` is `a < !--b`). The two would then disagree about where the
 * cell's code ends, so such code is refused. The scan also sees the sequences inside strings, where
 * they would be harmless; the message says how to write those.
 */
function htmlLikeComment(code: string, source: string): Compiled | null {
  const lines = code.split('\n');
  const sourceLines = source.split('\n');
  for (const [k, text] of lines.entries()) {
    const open = text.indexOf('<!--');
    const close = /^\s*-->/.exec(text);
    if (open < 0 && !close) continue;
    const what = open >= 0 ? '<!--' : '-->';
    return {
      ok: false,
      message:
        `SyntaxError: "${what}" starts a comment when a browser runs a script, so this line would not run ` +
        `as written. Add a space (${what === '<!--' ? '"< !--"' : '"-- >"'}), or in a string write ` +
        `${what === '<!--' ? "'<' + '!--'" : "'--' + '>'"}.`,
      line: k + 1,
      // Sucrase keeps lines, not columns: find the sequence in what the student wrote.
      column: Math.max(0, (sourceLines[k] ?? '').indexOf(what)) + 1,
    };
  }
  return null;
}
