/**
 * The worker side of the sandbox, bundled into one classic script (see build/sandbox.ts). The runner
 * starts a worker from it *before* a run is asked for (so a Run does not wait for the engine to load),
 * then sends it one message naming the run's script, which it imports; that script calls
 * `__descent.start` with the student's code wrapped in a function. Each worker runs once and is thrown
 * away. Talks only through postMessage.
 */
import { positionIn } from '../sandbox/assemble.ts';
import { createHarness, type CellMain, type CheckMain } from './harness.ts';

interface WorkerScope {
  location: { href: string };
  postMessage(message: unknown): void;
  importScripts(url: string): void;
  onmessage: ((event: MessageEvent) => void) | null;
  addEventListener(type: string, listener: (event: never) => void): void;
  setTimeout(callback: () => void, ms: number): unknown;
  __descent?: unknown;
}

const scope = globalThis as unknown as WorkerScope;
// Captured now, before student code can replace them.
const post = scope.postMessage.bind(scope);
const now = performance.now.bind(performance);
const later = scope.setTimeout.bind(scope);
const load = scope.importScripts.bind(scope);
/** The run's own script, where the student's code is; positions in errors are looked up there. */
let scriptUrl = scope.location.href;

// A cell has no use for workers of its own. Each is a thread that terminate() on this one does not end
// at once: a cell starting eight busy loops kept 1.6 cores busy for seconds after every run.
for (const name of ['Worker', 'SharedWorker']) delete (globalThis as Record<string, unknown>)[name];

const harness = createHarness({
  post: (events) => post(events),
  now,
  later: (callback, ms) => void later(callback, ms),
  locate,
});

/** Where a thrown value points in the cell's script; null if it has no stack, or reading it throws. */
function locate(error: unknown): [number, number] | null {
  try {
    return error instanceof Error && typeof error.stack === 'string' ? positionIn(error.stack, scriptUrl) : null;
  } catch {
    return null;
  }
}

scope.addEventListener('error', (event: ErrorEvent) => {
  event.preventDefault();
  const where =
    event.filename === scriptUrl && event.lineno > 0 ? ([event.lineno, event.colno] as [number, number]) : null;
  harness.report(event.error ?? new Error(event.message), where);
});

scope.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  event.preventDefault();
  const reason: unknown = event.reason;
  harness.report(reason, locate(reason));
});

scope.__descent = {
  start(params: Record<string, number>, main: CellMain, check: CheckMain | null) {
    void harness.run(params, main, check);
  },
};

scope.onmessage = (event: MessageEvent) => {
  const data = event.data as { t?: unknown; url?: unknown } | null;
  if (!data || data.t !== 'run' || typeof data.url !== 'string') return;
  scope.onmessage = null; // one run per worker
  scriptUrl = data.url;
  try {
    load(scriptUrl);
  } catch (error) {
    // A script the engine refuses to parse (Sucrase lets a few such errors through).
    harness.fail(error, locate(error));
  }
};
