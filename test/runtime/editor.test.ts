/**
 * The code editor's loading rules, checked on the sources: the page never loads Monaco up front, the
 * phone editor never loads it at all, Monaco gets exactly two workers, and the phone/desktop choice.
 * (What the editor does in a browser is covered by test/browser/editor.test.ts.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CELL_COMPILER_OPTIONS } from '../../src/runtime/client/editor/compiler-options.ts';

const EDITOR_DIR = resolve('src/runtime/client/editor');

/** Static imports of a module (not `import type`, not dynamic `import()`), as written. */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (!match[2]) specifiers.push(match[3] as string);
  }
  return specifiers;
}

/** Every module `entry` loads statically: relative files followed, packages listed as they are. */
function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) {
        const path = resolve(dirname(file), spec.replace(/\?.*$/, ''));
        if (path.endsWith('.ts')) visit(path);
        else files.add(path);
      } else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(process.cwd(), f)), packages: [...packages] };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

describe('editor loading', () => {
  it('the plain (phone) editor does not load Monaco', () => {
    const { files, packages } = staticGraph(join(EDITOR_DIR, 'plain.ts'));
    expect(packages).toEqual([]);
    expect(files).not.toContain('src/runtime/client/editor/index.ts');
  });

  it('nothing outside the editor loads it statically: only import() or import type', () => {
    const offenders = sourceFiles('src')
      .filter((file) => !resolve(file).startsWith(EDITOR_DIR))
      .filter((file) => staticImports(file).some((spec) => /editor\/(index|plain)(\.ts)?$/.test(spec)));
    expect(offenders).toEqual([]);
  });

  it('Monaco gets exactly two workers: the editor worker and the TypeScript worker', () => {
    const workers = staticImports(join(EDITOR_DIR, 'index.ts')).filter((spec) => spec.endsWith('?worker'));
    expect(workers.sort()).toEqual([
      'monaco-editor/editor/editor.worker?worker',
      'monaco-editor/languages/features/typescript/ts.worker?worker',
    ]);
  });

  it('checks cells as ES2022 modules without the DOM, resolving descent like a bundler', () => {
    expect(CELL_COMPILER_OPTIONS).toMatchObject({
      target: 9, // ES2022
      module: 99, // ESNext
      moduleResolution: 100, // Bundler
      moduleDetection: 3, // Force: top-level await in every cell
      lib: ['lib.es2022.d.ts'],
      strict: true,
    });
  });
});

describe('preferPlainEditor', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function prefer(coarse: boolean, width: number): Promise<boolean> {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(pointer: coarse)' && coarse }));
    vi.stubGlobal('window', { innerWidth: width });
    const { preferPlainEditor } = await import('../../src/runtime/client/editor/plain.ts');
    return preferPlainEditor();
  }

  it('is true only for a coarse pointer on a narrow viewport', async () => {
    expect(await prefer(true, 390)).toBe(true);
    expect(await prefer(true, 1024)).toBe(false); // a tablet or touch laptop gets Monaco
    expect(await prefer(false, 390)).toBe(false); // a narrow desktop window gets Monaco
  });
});
