/**
 * Runs a cell in Node exactly as the browser's worker does (same transpiler, same harness, same
 * engine), collecting what it reports. CI uses this to run every lesson cell and exercise without a
 * browser; the browser tests then run them again through the real UI.
 */
import { parseEvent, type CellEvent } from '../../src/runtime/protocol.ts';
import { compileCell } from '../../src/runtime/transpile.ts';
import { createHarness, type CellMain, type CheckMain } from '../../src/runtime/worker/harness.ts';

type AsyncFunctionConstructor = new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = (async () => undefined).constructor as AsyncFunctionConstructor;

/** `new AsyncFunction` puts the body two lines below the function header. */
const BODY_OFFSET = 2;

function locate(error: unknown): [number, number] | null {
  if (!(error instanceof Error) || !error.stack) return null;
  const match = /<anonymous>:(\d+):(\d+)/.exec(error.stack);
  return match ? [Number(match[1]) - BODY_OFFSET, Number(match[2])] : null;
}

export interface NodeRun {
  events: CellEvent[];
  logs: string[];
  errors: Extract<CellEvent, { t: 'error' }>[];
  check: Extract<CellEvent, { t: 'check' }> | null;
  /** Events that failed protocol validation (a bug in the harness or display API). */
  invalid: unknown[];
}

export async function runCellInNode(
  source: string,
  options: { check?: string | null; params?: Record<string, number> } = {},
): Promise<NodeRun> {
  const raw: unknown[] = [];
  const compiled = compileCell(source);
  if (!compiled.ok) {
    raw.push({ t: 'error', message: compiled.message, line: compiled.line, column: compiled.column, phase: 'compile' });
  } else {
    const main = new AsyncFunction('require', 'exports', 'module', compiled.code) as unknown as CellMain;
    let checkMain: CheckMain | null = null;
    if (options.check) {
      const c = compileCell(options.check);
      if (!c.ok) throw new Error(`check does not compile: ${c.message} at ${c.line}:${c.column}`);
      checkMain = new AsyncFunction('require', c.code) as unknown as CheckMain;
    }
    const harness = createHarness({
      post: (events) => raw.push(...events),
      now: () => performance.now(),
      later: (callback, ms) => void setTimeout(callback, ms),
      locate,
    });
    // The harness redirects console.* into the cell, as it should in a worker; restore it for the tests.
    const saved = { ...console };
    try {
      await harness.run(options.params ?? {}, main, checkMain);
    } finally {
      Object.assign(console, saved);
    }
  }
  const events: CellEvent[] = [];
  const invalid: unknown[] = [];
  for (const r of raw) {
    const e = parseEvent(r);
    if (e) events.push(e);
    else invalid.push(r);
  }
  return {
    events,
    logs: events.flatMap((e) => (e.t === 'log' ? [e.text] : [])),
    errors: events.filter((e): e is Extract<CellEvent, { t: 'error' }> => e.t === 'error'),
    check: events.find((e): e is Extract<CellEvent, { t: 'check' }> => e.t === 'check') ?? null,
    invalid,
  };
}
