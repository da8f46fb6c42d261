/**
 * Where the browser tests build the site: apart from `dist/`, so running the tests never replaces the
 * build a developer is previewing, and a preview never changes what the tests see. Set
 * DESCENT_TEST_SITE_DIR to give concurrent test runs on one machine separate builds.
 */
export const SITE_DIR = process.env['DESCENT_TEST_SITE_DIR'] ?? 'test/.artifacts/dist';
