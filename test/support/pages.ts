/** Every page of the built site, found in the build so new lessons are covered without editing tests. */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SITE_DIR } from './site-dir.ts';

export function builtPages(dir = SITE_DIR): string[] {
  const pages: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory() && entry.name !== '_astro') walk(path);
      else if (entry.name === 'index.html') pages.push('/' + relative(dir, d).split('\\').join('/'));
    }
  };
  walk(dir);
  return pages.map((p) => (p === '/' ? p : `${p}/`)).sort();
}
