/**
 * The code runner: the script of `/sandbox/runner.html`, which the page loads in an
 * `<iframe sandbox="allow-scripts">`. The iframe has an opaque origin (no access to the site's storage,
 * cookies or DOM) and a Content-Security-Policy with `connect-src 'none'` and no `'self'` scripts, which
 * workers created from `blob:` URLs inherit, so student code cannot reach the network or the page.
 *
 * For each run it compiles the cell, starts a fresh classic Worker from a blob (so nothing a previous
 * run did to built-ins survives), validates every message the worker sends, and forwards the clean
 * events to the page over the one MessagePort the page handed it. It stops a worker on request and
 * when the worker floods it.
 */
import { LIMITS, parseCommand, parseEvent, type CellEvent, type EndReason, type RunnerCommand } from '../protocol.ts';
import { compileCell } from '../transpile.ts';
import { assembleScript, type Script } from './assemble.ts';

/** The bundled worker side (engine + display API + harness), injected at build time. */
declare const __WORKER_BOOT__: string;

/** More batches than this per second is not a cell drawing a chart; it is a flood. */
const MAX_BATCHES_PER_SECOND = 400;
/** Total points a run may stream before it is stopped (10 charts × 100,000 steps each is plenty). */
const MAX_POINTS_PER_RUN = 2_000_000;

const bootUrl = URL.createObjectURL(new Blob([__WORKER_BOOT__], { type: 'text/javascript' }));

/**
 * A worker that has already loaded the engine and waits for its one run. Taking it makes a Run start
 * in a few milliseconds; a new spare is started right away, so every run still gets a fresh worker.
 */
let spare: Worker | null = null;

function takeWorker(id: number): Worker {
  const worker = spare ?? new Worker(bootUrl, { name: `cell run ${id}` });
  spare = null;
  setTimeout(() => (spare ??= new Worker(bootUrl, { name: 'cell run (standby)' })), 0);
  return worker;
}

interface Run {
  worker: Worker;
  scriptUrl: string;
  script: Script;
  batchesThisSecond: number;
  secondStarted: number;
  points: number;
  /** Cells in all the tables this run has sent. */
  tableCells: number;
}

const runs = new Map<number, Run>();
let port: MessagePort | null = null;

function send(message: unknown): void {
  port?.postMessage(message);
}

function end(id: number, reason: EndReason, detail: string): void {
  const run = runs.get(id);
  if (!run) return;
  run.worker.terminate();
  URL.revokeObjectURL(run.scriptUrl);
  runs.delete(id);
  send({ t: 'ended', run: id, reason, detail });
}

function finish(id: number): void {
  const run = runs.get(id);
  if (!run) return;
  run.worker.terminate();
  URL.revokeObjectURL(run.scriptUrl);
  runs.delete(id);
}

/** Maps an error's position to the student's code; positions inside the hidden check are not shown. */
function relocate(run: Run, event: CellEvent): CellEvent {
  if (event.t !== 'error' || event.line === null) return event;
  const where = run.script.locate(event.line, event.column ?? 1);
  if (where.part === 'code') return { ...event, line: where.line, column: where.column };
  return { ...event, line: null, column: null };
}

function onWorkerMessage(id: number, data: unknown): void {
  const run = runs.get(id);
  if (!run) return;
  const now = performance.now();
  if (now - run.secondStarted > 1000) {
    run.secondStarted = now;
    run.batchesThisSecond = 0;
  }
  if (++run.batchesThisSecond > MAX_BATCHES_PER_SECOND) {
    end(id, 'flood', `stopped: the cell sent more than ${MAX_BATCHES_PER_SECOND} messages in one second`);
    return;
  }
  if (!Array.isArray(data)) return;
  const events: CellEvent[] = [];
  let done = false;
  for (let i = 0; i < Math.min(data.length, LIMITS.batchEvents); i++) {
    const event = parseEvent(data[i]);
    if (!event || done) continue;
    if (event.t === 'points' || event.t === 'path') run.points += event.xs.length;
    if (event.t === 'table') run.tableCells += event.rows.length * event.columns.length;
    events.push(relocate(run, event));
    if (event.t === 'done') done = true;
  }
  if (run.points > MAX_POINTS_PER_RUN) {
    end(id, 'flood', `stopped: the cell drew more than ${MAX_POINTS_PER_RUN.toLocaleString('en')} points`);
    return;
  }
  if (run.tableCells > LIMITS.tableCells) {
    end(id, 'flood', `stopped: the cell's tables hold more than ${LIMITS.tableCells.toLocaleString('en')} cells`);
    return;
  }
  if (events.length > 0) send({ t: 'events', run: id, events });
  if (done) finish(id);
}

function start(command: Extract<RunnerCommand, { t: 'run' }>): void {
  const id = command.run;
  const compiled = compileCell(command.code);
  if (!compiled.ok) {
    const error: CellEvent = {
      t: 'error',
      message: compiled.message,
      line: compiled.line,
      column: compiled.column,
      phase: 'compile',
    };
    send({ t: 'events', run: id, events: [error, { t: 'done' }] });
    return;
  }
  let check: string | null = null;
  if (command.check !== null) {
    const compiledCheck = compileCell(command.check);
    if (!compiledCheck.ok) {
      send({
        t: 'events',
        run: id,
        events: [
          {
            t: 'error',
            message: `The exercise's check does not compile: ${compiledCheck.message}`,
            line: null,
            column: null,
            phase: 'check',
          },
          { t: 'done' },
        ],
      });
      return;
    }
    check = compiledCheck.code;
  }
  const script = assembleScript(command.params, compiled.code, check);
  const scriptUrl = URL.createObjectURL(new Blob([script.text], { type: 'text/javascript' }));
  const worker = takeWorker(id);
  runs.set(id, {
    worker,
    scriptUrl,
    script,
    batchesThisSecond: 0,
    secondStarted: performance.now(),
    points: 0,
    tableCells: 0,
  });
  worker.onmessage = (event) => onWorkerMessage(id, event.data);
  worker.postMessage({ t: 'run', url: scriptUrl });
  worker.onmessageerror = () => undefined;
  worker.onerror = (event) => {
    // Errors the harness could not catch: the script failed to parse, or the worker itself failed.
    event.preventDefault();
    const run = runs.get(id);
    if (!run) return;
    const raw: CellEvent = {
      t: 'error',
      message: event.message || 'the code could not be started',
      line: event.lineno > 0 ? event.lineno : null,
      column: event.colno > 0 ? event.colno : null,
      phase: 'run',
    };
    send({ t: 'events', run: id, events: [relocate(run, raw), { t: 'done' }] });
    finish(id);
  };
}

function onCommand(data: unknown): void {
  const command = parseCommand(data);
  if (!command) return;
  if (command.t === 'ping') send({ t: 'pong', n: command.n });
  else if (command.t === 'run') start(command);
  else if (command.reason === 'timeout') end(command.run, 'timeout', 'stopped after the time limit');
  else end(command.run, 'stopped', 'stopped');
}

// The page connects once, handing over one end of a MessageChannel; everything else is ignored.
// Only inside a sandbox: framed without one (by any page), the runner would have its site's origin,
// and student code its storage. A sandboxed document's origin is opaque, serialized as "null".
window.addEventListener('message', (event: MessageEvent) => {
  if (port || event.source !== window.parent || self.origin !== 'null') return;
  const data = event.data as { t?: unknown } | null;
  const handed = event.ports[0];
  if (!data || data.t !== 'connect' || !handed) return;
  port = handed;
  port.onmessage = (e) => onCommand(e.data);
  spare = new Worker(bootUrl, { name: 'cell run (standby)' });
  send({ t: 'ready' });
});
