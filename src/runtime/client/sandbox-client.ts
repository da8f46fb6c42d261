/**
 * The page's side of the sandbox: one hidden `<iframe sandbox="allow-scripts">` per page, created on the
 * first Run, reached through a single MessageChannel. Every message that comes back is validated
 * (protocol.ts) before a cell sees it.
 *
 * The page owns the clocks: it sends "stop" when a cell's time limit runs out, and if the runner does
 * not answer soon after (a crashed or wedged frame), it throws the frame away, reports the runs as
 * crashed and builds a new one on the next Run. So no cell can leave the page waiting forever.
 */
import { parseRunnerMessage, type CellEvent, type EndReason, type RunnerCommand } from '../protocol.ts';

export interface RunRequest {
  code: string;
  check: string | null;
  params: Record<string, number>;
  timeLimitMs: number;
}

export interface RunHandlers {
  onEvents(events: CellEvent[]): void;
  /** The run is over: `done` arrived (reason null) or it was ended for `reason`. */
  onEnd(reason: EndReason | null, detail: string): void;
}

export interface RunHandle {
  stop(): void;
}

/** How long the runner may take to confirm a stop, or to start. */
const GRACE_MS = 2_000;
const START_TIMEOUT_MS = 15_000;
/**
 * While runs are active the page pings the runner. Student code runs in a worker, so the runner's own
 * thread always answers quickly; no answer means its process is gone, which in Chromium is what a
 * memory bomb does (the worker's heap runs out and takes the runner's process with it).
 */
const PING_EVERY_MS = 1_000;
const PONG_DEADLINE_MS = 3_500;
const NO_ANSWER = 'it stopped answering, most likely because the code used too much memory';

interface ActiveRun {
  handlers: RunHandlers;
  timers: ReturnType<typeof setTimeout>[];
}

export class Sandbox {
  #frame: HTMLIFrameElement | null = null;
  #port: MessagePort | null = null;
  #ready: Promise<MessagePort> | null = null;
  #runs = new Map<number, ActiveRun>();
  #nextId = 1;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #lastPong = 0;
  #ping = 0;

  constructor(private readonly src: string) {}

  /** Starts loading the runner (e.g. when the pointer approaches a Run button). */
  warm(): void {
    void this.#connect().catch(() => undefined);
  }

  run(request: RunRequest, handlers: RunHandlers): RunHandle {
    const id = this.#nextId++;
    const active: ActiveRun = { handlers, timers: [] };
    this.#runs.set(id, active);
    this.#startHeartbeat();
    const send = (command: RunnerCommand) => this.#port?.postMessage(command);
    this.#connect().then(
      () => {
        if (!this.#runs.has(id)) return;
        send({ t: 'run', run: id, ...request });
        active.timers.push(
          setTimeout(() => {
            send({ t: 'stop', run: id, reason: 'timeout' });
            active.timers.push(setTimeout(() => this.#restart(NO_ANSWER), GRACE_MS));
          }, request.timeLimitMs),
        );
      },
      (error: Error) => this.#end(id, 'crashed', error.message),
    );
    return {
      stop: () => {
        if (!this.#runs.has(id)) return;
        send({ t: 'stop', run: id, reason: 'stopped' });
        active.timers.push(setTimeout(() => this.#restart(NO_ANSWER), GRACE_MS));
      },
    };
  }

  #end(id: number, reason: EndReason | null, detail: string): void {
    const active = this.#runs.get(id);
    if (!active) return;
    this.#runs.delete(id);
    for (const t of active.timers) clearTimeout(t);
    if (this.#runs.size === 0) this.#stopHeartbeat();
    active.handlers.onEnd(reason, detail);
  }

  #startHeartbeat(): void {
    if (this.#heartbeat) return;
    this.#lastPong = performance.now();
    this.#heartbeat = setInterval(() => {
      if (!this.#port) {
        this.#lastPong = performance.now(); // still starting; the start timeout covers this
        return;
      }
      if (performance.now() - this.#lastPong > PONG_DEADLINE_MS) {
        this.#restart(NO_ANSWER);
        return;
      }
      this.#port.postMessage({ t: 'ping', n: ++this.#ping } satisfies RunnerCommand);
    }, PING_EVERY_MS);
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  #connect(): Promise<MessagePort> {
    if (this.#ready) return this.#ready;
    this.#ready = new Promise<MessagePort>((resolve, reject) => {
      const frame = document.createElement('iframe');
      // allow-scripts without allow-same-origin: the runner gets an opaque origin.
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.title = 'Code runner';
      frame.className = 'cell-runner-frame';
      frame.setAttribute('aria-hidden', 'true');
      frame.tabIndex = -1;
      frame.src = this.src;
      const timeout = setTimeout(() => {
        reject(new Error('the code runner did not start'));
        this.#teardown();
      }, START_TIMEOUT_MS);
      frame.addEventListener('load', () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => {
          const message = parseRunnerMessage(event.data);
          if (!message) return;
          if (message.t === 'pong') {
            this.#lastPong = performance.now();
            return;
          }
          if (message.t === 'ready') {
            clearTimeout(timeout);
            this.#port = channel.port1;
            resolve(channel.port1);
            return;
          }
          const active = this.#runs.get(message.run);
          if (!active) return;
          if (message.t === 'ended') {
            this.#end(message.run, message.reason, message.detail);
            return;
          }
          const done = message.events.some((e) => e.t === 'done');
          active.handlers.onEvents(message.events);
          if (done) this.#end(message.run, null, 'done');
        };
        frame.contentWindow?.postMessage({ t: 'connect' }, '*', [channel.port2]);
      });
      this.#frame = frame;
      document.body.append(frame);
    });
    return this.#ready;
  }

  #teardown(): void {
    this.#port?.close();
    this.#frame?.remove();
    this.#port = null;
    this.#frame = null;
    this.#ready = null;
  }

  /** Throws the runner away; every run still in flight ends as crashed. */
  #restart(why: string): void {
    this.#teardown();
    this.#stopHeartbeat();
    for (const id of [...this.#runs.keys()]) this.#end(id, 'crashed', why);
  }
}

let shared: Sandbox | null = null;

/** The page's one sandbox. */
export function sandbox(src = runnerUrl()): Sandbox {
  shared ??= new Sandbox(src);
  return shared;
}

/**
 * Where the runner lives. By default on the site's own origin (the iframe's sandbox gives it an opaque
 * origin anyway); a deployment can set PUBLIC_DESCENT_SANDBOX_ORIGIN to serve it from another site, which
 * also puts student code in a separate browser process (see the README on memory bombs).
 */
export function runnerUrl(): string {
  const origin = (import.meta.env['PUBLIC_DESCENT_SANDBOX_ORIGIN'] as string | undefined) ?? '';
  return `${origin.replace(/\/$/, '')}/sandbox/runner.html`;
}
