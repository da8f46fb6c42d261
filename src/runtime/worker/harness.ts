/**
 * Runs one cell: captures its console, resolves its imports, reports its errors with positions, runs an
 * exercise's check after it, and says when it is done. The same code runs in the browser's worker and
 * in Node (the CI runs every lesson cell through it), so it touches no platform API directly.
 */
import * as engine from '../../engine/index.ts';
import type { CellEvent, LogLevel } from '../protocol.ts';
import { createBuffer, type EventBuffer } from './buffer.ts';
import * as check from './check.ts';
import { beginContext } from './context.ts';
import * as display from './display.ts';
import { formatArgs } from './format.ts';

/** The module names a cell can import. */
export const MODULES = ['descent', 'descent/display', 'descent/check'] as const;

export type Require = (name: string) => unknown;
/** A cell compiled to CommonJS (see transpile.ts) and wrapped in an async function. */
export type CellMain = (
  require: Require,
  exports: Record<string, unknown>,
  module: { exports: unknown },
) => Promise<unknown>;
export type CheckMain = (require: Require) => Promise<unknown>;

export interface HarnessOptions {
  post(events: CellEvent[]): void;
  now(): number;
  later?(callback: () => void, ms: number): void;
  /** Finds the position of an error in the cell's own script: [line, column] as the engine reports them. */
  locate(error: unknown): [number, number] | null;
}

export interface Harness {
  run(params: Record<string, number>, main: CellMain, checkMain: CheckMain | null): Promise<void>;
  /** An error that escaped the cell's main function (a timer callback, an unhandled rejection). */
  report(error: unknown, position: [number, number] | null): void;
  /** The cell could not start at all: report the error and end the run. */
  fail(error: unknown, position: [number, number] | null): void;
  readonly buffer: EventBuffer;
}

// A thrown value is the student's: its getters, prototype or Symbol.hasInstance may throw in turn.
// Everything the harness reads from one goes through `safely`, so every run still ends with `done`.
function safely<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function messageOf(error: unknown): string {
  return safely(
    () =>
      error instanceof Error ? `${String(error.name)}: ${String(error.message)}` : `Uncaught ${formatArgs([error])}`,
    'Uncaught a value that throws when it is read',
  );
}

// Keys that code probing an object reads without meaning an export (promise resolution, printing).
const PROBES = new Set(['then', 'toJSON', 'toString', 'valueOf', 'constructor', 'inspect']);

/** "Did you mean" for a misspelled export: the same name in another case, or one edit away. */
function closest(name: string, names: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const near = (a: string, b: string) => {
    if (Math.abs(a.length - b.length) > 1) return false;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
  };
  return names.find((n) => n.toLowerCase() === lower) ?? names.find((n) => near(n.toLowerCase(), lower));
}

/**
 * A module whose missing exports fail by name. Sucrase compiles `import { Adam } from 'descent'` to
 * reads of `_descent.Adam`, which would otherwise be undefined and fail later as "Cannot read
 * properties of undefined (reading 'call')". Type-only imports are never read, so they stay fine.
 */
function strictModule(name: string, module: object): object {
  return new Proxy(module, {
    get(target, key, receiver) {
      if (key === '__esModule') return true; // import * and default imports then read this object directly
      if (typeof key === 'symbol' || key in target || PROBES.has(key)) return Reflect.get(target, key, receiver);
      if (key === 'default') {
        throw new SyntaxError(
          `"${name}" has no default export: import names from it, e.g. import { adam } from 'descent'`,
        );
      }
      const guess = closest(key, Object.keys(target));
      throw new SyntaxError(`"${name}" has no export named "${key}"${guess ? `. Did you mean "${guess}"?` : ''}`);
    },
  });
}

const strictModules: Record<string, unknown> = {
  descent: strictModule('descent', engine),
  'descent/display': strictModule('descent/display', display),
  'descent/check': strictModule('descent/check', check),
};

function makeRequire(extra: Record<string, unknown>): Require {
  const modules: Record<string, unknown> = { ...strictModules, ...extra };
  return (name) => {
    if (Object.prototype.hasOwnProperty.call(modules, name)) return modules[name];
    const allowed = Object.keys(modules)
      .map((m) => `"${m}"`)
      .join(', ');
    throw new Error(`Cannot import "${name}": a cell can import only ${allowed}.`);
  };
}

/** Redirects console.* into the cell's output. */
function captureConsole(buffer: EventBuffer): void {
  const route =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      buffer.log(level, formatArgs(args));
  const target = globalThis.console as unknown as Record<string, unknown>;
  target['log'] = route('log');
  target['debug'] = route('log');
  target['info'] = route('info');
  target['warn'] = route('warn');
  target['error'] = route('error');
}

export function createHarness(options: HarnessOptions): Harness {
  const buffer = createBuffer(options);
  const errorEvent = (error: unknown, phase: 'run' | 'check', position: [number, number] | null): CellEvent => ({
    t: 'error',
    message: messageOf(error),
    line: position ? position[0] : null,
    column: position ? position[1] : null,
    phase,
  });

  return {
    buffer,
    report(error, position) {
      buffer.emit(errorEvent(error, 'run', position));
      buffer.flush();
    },
    fail(error, position) {
      buffer.emit(errorEvent(error, 'run', position));
      buffer.emit({ t: 'done' });
      buffer.flush();
    },
    async run(params, main, checkMain) {
      captureConsole(buffer);
      beginContext(buffer, params);
      const exports: Record<string, unknown> = {};
      const module = { exports: exports as unknown };
      try {
        await main(makeRequire({}), exports, module);
      } catch (error) {
        buffer.emit(
          errorEvent(
            error,
            'run',
            safely(() => options.locate(error), null),
          ),
        );
        buffer.emit({ t: 'done' });
        buffer.flush();
        return;
      }
      if (checkMain) {
        const student = module.exports ?? exports;
        try {
          await checkMain(makeRequire({ student }));
          buffer.emit({ t: 'check', ok: true, message: 'All checks passed.' });
        } catch (error) {
          if (safely(() => error instanceof check.CheckFailure, false)) {
            const message = safely(() => String((error as Error).message), '');
            buffer.emit({ t: 'check', ok: false, message: message || 'the check failed without a message' });
          } else {
            // Usually the student's function threw while the check called it; the position then points
            // into their code, which is what they need to see.
            buffer.emit({
              t: 'check',
              ok: false,
              message: `your code threw while it was checked: ${messageOf(error)}`,
            });
            buffer.emit(
              errorEvent(
                error,
                'check',
                safely(() => options.locate(error), null),
              ),
            );
          }
        }
      }
      buffer.emit({ t: 'done' });
      buffer.flush();
    },
  };
}
