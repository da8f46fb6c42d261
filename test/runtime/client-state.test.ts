import { describe, expect, it } from 'vitest';
import {
  keys,
  parseEdit,
  readEdit,
  restore,
  writeEdit,
  type StorageLike,
} from '../../src/runtime/client/persistence.ts';
import { decodeShare, encodeShare } from '../../src/runtime/client/share.ts';
import { endText, runningText } from '../../src/runtime/client/status.ts';

function memoryStorage(): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('saved edits', () => {
  it('are stored per cell under a namespaced key', () => {
    expect(keys.edit('01-loss-function/gd')).toBe('descent:cell:01-loss-function/gd');
  });

  it('round-trip, and an edit equal to the original is removed rather than stored', () => {
    const s = memoryStorage();
    writeEdit(s, 'c', { code: 'mine', base: 'v1', at: 1 }, 'original');
    expect(readEdit(s, 'c')).toEqual({ code: 'mine', base: 'v1', at: 1 });
    writeEdit(s, 'c', { code: 'original', base: 'v1', at: 2 }, 'original');
    expect(s.map.size).toBe(0);
  });

  it('survive storage that throws, by reporting failure instead of crashing', () => {
    const broken: StorageLike = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => undefined,
    };
    expect(readEdit(broken, 'c')).toBeNull();
    expect(writeEdit(broken, 'c', { code: 'x', base: 'v', at: 0 }, 'o')).toBe(false);
    expect(parseEdit('{not json')).toBeNull();
  });

  it('are kept but flagged when the original changed since the student edited it', () => {
    expect(restore(null, 'o', 'v2')).toEqual({ kind: 'original' });
    expect(restore({ code: 'mine', base: 'v2', at: 0 }, 'o', 'v2')).toEqual({ kind: 'edited', code: 'mine' });
    expect(restore({ code: 'mine', base: 'v1', at: 0 }, 'o', 'v2')).toEqual({ kind: 'stale', code: 'mine' });
    expect(restore({ code: 'o', base: 'v1', at: 0 }, 'o', 'v2')).toEqual({ kind: 'original' });
  });
});

describe('share links', () => {
  it('round-trip code through a compressed URL fragment', async () => {
    const code = "import { adam } from 'descent';\n// η = 0.01 — unicode survives\n".repeat(20);
    const hash = await encodeShare('07-adam/race', code);
    expect(hash.startsWith('#share=07-adam%2Frace~')).toBe(true);
    expect(hash.length).toBeLessThan(code.length / 2);
    expect(await decodeShare(hash)).toEqual({ cellId: '07-adam/race', code });
  });

  it('ignore fragments that are not share links, and corrupt ones', async () => {
    expect(await decodeShare('#mean-squared-error')).toBeNull();
    expect(await decodeShare('#share=cell~@@@@')).toBeNull();
    expect(await decodeShare('#share=~abc')).toBeNull();
  });

  it('refuse a link that inflates to more than the size cap', async () => {
    const bomb = await encodeShare('c', 'x'.repeat(5_000_000));
    expect(await decodeShare(bomb)).toBeNull();
  });
});

describe('the status line', () => {
  it('counts steps while running', () => {
    expect(runningText(1234, 300, 1000)).toBe('Running… step 300 of 1,000 · 1.2 s');
    expect(runningText(80, null, null)).toBe('Running… · 80 ms');
  });

  it.each([
    [{ reason: null, error: null }, 'Done in 412 ms.'],
    [
      { reason: null, error: null, silent: true },
      'Done in 412 ms. It printed and drew nothing: print(x) or console.log(x) shows a value.',
    ],
    [{ reason: 'stopped', error: null, silent: true }, 'Stopped by you after 412 ms.'],
    [{ reason: 'stopped', error: null }, 'Stopped by you after 412 ms.'],
    [{ reason: 'timeout', error: null }, 'Stopped after the time limit of 10.0 s. Is there a loop that never ends?'],
    [
      { reason: null, error: { message: 'TypeError: x is undefined', line: 7, phase: 'run' } },
      'Error at line 7: TypeError: x is undefined',
    ],
    [
      { reason: null, error: { message: 'SyntaxError: Unexpected token', line: 2, phase: 'compile' } },
      'Syntax error at line 2: Unexpected token',
    ],
  ] as const)('says what happened: %j', (o, text) => {
    expect(endText({ elapsedMs: 412, timeLimitMs: 10_000, detail: '', ...o })).toBe(text);
  });
});
