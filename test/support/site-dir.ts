/**
 * Where the browser tests build the site: apart from `dist/`, so running the tests never replaces the
 * build a developer is previewing, and a preview never changes what the tests see.
 */
export const SITE_DIR = 'test/.artifacts/dist';
