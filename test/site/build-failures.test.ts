/**
 * A course whose pages silently show red TeX or drop a field is broken, so these mistakes must stop the
 * build with a message that says where. Each case builds a fixture lesson folder in place of `lessons/`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'descent-fixture-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function astro(command: 'sync' | 'build', lessonsDir: string) {
  const result = spawnSync(
    process.execPath,
    ['node_modules/astro/bin/astro.mjs', command, ...(command === 'build' ? ['--outDir', join(scratch, 'dist')] : [])],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        FORCE_COLOR: '0',
        DESCENT_LESSONS_DIR: lessonsDir,
        DESCENT_CACHE_DIR: join(scratch, 'cache'),
      },
    },
  );
  // Astro colours its messages even when asked not to; compare plain text.
  // eslint-disable-next-line no-control-regex -- stripping ANSI colour codes is the point
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  return { status: result.status, output };
}

describe('the build', () => {
  it('fails on bad lesson frontmatter, naming the file and the field', () => {
    const { status, output } = astro('sync', 'test/site/fixtures/bad-frontmatter');
    expect(status).not.toBe(0);
    expect(output).toContain('lessons → 01-bad data does not match collection schema');
    expect(output).toContain('fixtures/bad-frontmatter/01-bad/index.mdx');
    expect(output).toMatch(/minutes\S*: Expected type `"number"`, received `"string"`/);
  });

  it('fails on a formula KaTeX cannot parse, naming the file, the line and the formula', () => {
    const { status, output } = astro('build', 'test/site/fixtures/bad-formula');
    expect(status).not.toBe(0);
    expect(output).toContain('KaTeX could not typeset 1 formula');
    expect(output).toMatch(/bad-formula\/01-bad-math\/index\.mdx:13:\d+: \\frac\{1\}\{\\sqrt\{v_t\} \+ \\epsilon\n/);
  });
});
