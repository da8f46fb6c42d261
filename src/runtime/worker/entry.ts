/**
 * The worker side of the sandbox, bundled into one classic script (see build/sandbox.ts). It defines
 * `__descent.start`, which the per-run script calls with the student's code wrapped in a function.
 * Runs inside a Web Worker created by the sandboxed runner iframe; talks only through postMessage.
 */
import { positionIn } from '../sandbox/assemble.ts';
import { createHarness, type CellMain, type CheckMain } from './harness.ts';

interface WorkerScope {
  location: { href: string };
  postMessage(message: unknown): void;
  addEventListener(type: string, listener: (event: never) => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
  __descent?: unknown;
}

const scope = globalThis as unknown as WorkerScope;
// Captured now, before student code can replace them.
const post = scope.postMessage.bind(scope);
const now = performance.now.bind(performance);
const later = scope.setTimeout.bind(scope);
const scriptUrl = scope.location.href;

const harness = createHarness({
  post: (events) => post(events),
  now,
  later: (callback, ms) => void later(callback, ms),
  locate: (error) =>
    error instanceof Error && typeof error.stack === 'string' ? positionIn(error.stack, scriptUrl) : null,
});

scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  const where =
    event.filename === scriptUrl && event.lineno > 0 ? ([event.lineno, event.colno] as [number, number]) : null;
  harness.report(event.error ?? new Error(event.message), where);
});

scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  const reason: unknown = event.reason;
  const where = reason instanceof Error && reason.stack ? positionIn(reason.stack, scriptUrl) : null;
  harness.report(reason, where);
});

scope.__descent = {
  start(params: Record<string, number>, main: CellMain, check: CheckMain | null) {
    void harness.run(params, main, check);
  },
};
