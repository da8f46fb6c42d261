/**
 * Lays out the script a worker runs for one cell, and maps positions in it back to the student's code.
 *
 *   line 1        __descent.start(params, async function(require,exports,module){<code line 1>
 *   lines 2..N    <code lines 2..N>
 *   line N+1      },async function(require){<check line 1>           (or: },null);)
 *   lines N+2..   <check lines 2..>
 *   last          });
 *
 * Only the prefixes on line 1 and line N+1 shift columns, so positions map back exactly.
 */

export interface Script {
  text: string;
  /** Maps an engine-reported position (1-based) to the student's code, the hidden check, or neither. */
  locate(line: number, column: number): { part: 'code' | 'check' | 'harness'; line: number; column: number };
}

export function assembleScript(params: Record<string, number>, code: string, check: string | null): Script {
  // Parameters go through JSON.parse rather than an object literal, where a key "__proto__" would set
  // the prototype instead of a slider value.
  const paramsJson = JSON.stringify(JSON.stringify(params));
  const head = `__descent.start(JSON.parse(${paramsJson}),async function(require,exports,module){`;
  const mid = check === null ? '},null);' : '},async function(require){';
  const codeLines = code.split('\n').length;
  const checkLines = check === null ? 0 : check.split('\n').length;
  const text = check === null ? `${head}${code}\n${mid}` : `${head}${code}\n${mid}${check}\n});`;
  return {
    text,
    locate(line, column) {
      if (line === 1) return { part: 'code', line: 1, column: Math.max(1, column - head.length) };
      if (line <= codeLines) return { part: 'code', line, column };
      if (check !== null && line === codeLines + 1) {
        return { part: 'check', line: 1, column: Math.max(1, column - mid.length) };
      }
      if (check !== null && line <= codeLines + checkLines) return { part: 'check', line: line - codeLines, column };
      return { part: 'harness', line, column };
    },
  };
}

/** Finds `url:line:column` of the first stack frame in `url` (V8 and SpiderMonkey formats). */
export function positionIn(stack: string, url: string): [number, number] | null {
  let from = 0;
  for (;;) {
    const at = stack.indexOf(url, from);
    if (at < 0) return null;
    const match = /^:(\d+):(\d+)/.exec(stack.slice(at + url.length));
    if (match) return [Number(match[1]), Number(match[2])];
    from = at + url.length;
  }
}
