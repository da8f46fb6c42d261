/** The words on a cell's status line, as pure functions so they are tested without a browser. */
import type { EndReason } from '../protocol.ts';

export function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const count = (n: number) => Math.round(n).toLocaleString('en');

export function runningText(elapsedMs: number, step: number | null, total: number | null): string {
  const progress =
    step === null ? '' : total === null ? ` step ${count(step)}` : ` step ${count(step)} of ${count(total)}`;
  return `Running…${progress} · ${seconds(elapsedMs)}`;
}

export interface Outcome {
  /** null when the run finished by itself. */
  reason: EndReason | null;
  elapsedMs: number;
  timeLimitMs: number;
  /** The first error the run reported, with its line in the student's code if known. */
  error: { message: string; line: number | null; phase: 'compile' | 'run' | 'check' } | null;
  detail: string;
  /** The run printed and drew nothing (a finished run then says how to see a value). */
  silent?: boolean;
}

export function endText(o: Outcome): string {
  switch (o.reason) {
    case 'stopped':
      return `Stopped by you after ${seconds(o.elapsedMs)}.`;
    case 'timeout':
      return `Stopped after the time limit of ${seconds(o.timeLimitMs)}. Is there a loop that never ends?`;
    case 'flood':
      return `Stopped: ${o.detail.replace(/^stopped: /, '')}.`;
    case 'crashed':
      return `The code runner was restarted: ${o.detail}. Your code is unchanged; Run starts fresh.`;
    case null:
      break;
  }
  if (o.error) {
    const where = o.error.line === null ? '' : ` at line ${o.error.line}`;
    const what = o.error.phase === 'compile' ? 'Syntax error' : 'Error';
    return `${what}${where}: ${o.error.message.replace(/^SyntaxError: /, '')}`;
  }
  if (o.silent)
    return `Done in ${seconds(o.elapsedMs)}. It printed and drew nothing: print(x) or console.log(x) shows a value.`;
  return `Done in ${seconds(o.elapsedMs)}.`;
}
