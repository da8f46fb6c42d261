/**
 * Finds Debian's Chromium for the browser tests. If it is missing and we may install packages (root on
 * Debian), installs it with apt-get, as CI does on a fresh machine; otherwise fails with one line saying
 * what to install. It never skips: a browser test that did not run must not look like a pass.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';

export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] ?? DEFAULT_PATH;
  if (existsSync(path)) return path;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version') && !process.env['CHROMIUM_PATH']) {
    console.log('Chromium not found: installing Debian package "chromium" with apt-get…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (existsSync(path)) return path;
  }
  throw new Error(
    `Chromium not found at ${path}. Install it (Debian/Ubuntu: "sudo apt-get install -y chromium") or set CHROMIUM_PATH to a Chromium binary.`,
  );
}

/** Flags for a headless Chromium on a machine with no outside network (see FIELD-NOTES). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
