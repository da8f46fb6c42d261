import { describe, expect, it } from 'vitest';
import { assembleScript, positionIn } from '../../src/runtime/sandbox/assemble.ts';

describe('the per-run worker script', () => {
  const code = 'const a = 1;\nconst b = 2;\nthrow new Error("x");';
  const check = 'const s = require("student");\nfail("no");';

  it('keeps the student code on its own line numbers', () => {
    const script = assembleScript({ lr: 0.1 }, code, null);
    const lines = script.text.split('\n');
    expect(lines[0]?.endsWith('const a = 1;')).toBe(true);
    expect(lines[2]).toBe('throw new Error("x");');
    expect(script.text.startsWith('__descent.start(')).toBe(true);
    expect(script.text).toContain('JSON.parse("{\\"lr\\":0.1}")');
  });

  it('maps positions back to the code, the check, or the harness', () => {
    const script = assembleScript({}, code, check);
    const head = script.text.split('\n')[0] as string;
    expect(script.locate(1, head.length - 'const a = 1;'.length + 7)).toEqual({ part: 'code', line: 1, column: 7 });
    expect(script.locate(3, 7)).toEqual({ part: 'code', line: 3, column: 7 });
    const checkLine = script.text.split('\n')[3] as string;
    expect(script.locate(4, checkLine.indexOf('const') + 1)).toEqual({ part: 'check', line: 1, column: 1 });
    expect(script.locate(5, 1)).toEqual({ part: 'check', line: 2, column: 1 });
    expect(script.locate(6, 1)).toEqual({ part: 'harness', line: 6, column: 1 });
  });

  it('survives a last line that is a comment', () => {
    const script = assembleScript({}, 'let x = 1; // done', 'fail("x") // end');
    expect(() => new Function('__descent', script.text)).not.toThrow();
  });
});

describe('finding an error position in a stack trace', () => {
  it('reads the first frame in the given script', () => {
    const stack = 'Error: bad\n    at f (blob:null/boot:1:999)\n    at blob:null/run:12:7\n    at blob:null/run:3:1';
    expect(positionIn(stack, 'blob:null/run')).toEqual([12, 7]);
    expect(positionIn(stack, 'blob:null/other')).toBeNull();
  });
});
