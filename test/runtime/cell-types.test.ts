/**
 * The declarations the editor gives TypeScript (src/runtime/build/cell-types.ts): they declare the
 * engine's API with its doc comments, and a cell importing from every cell module compiles against them
 * with the editor's own compiler options, while a wrong use is a type error (so the types are real, not
 * `any`).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CELL_MODULES,
  generateCellTypes,
  protectDocMath,
  type CellTypeFile,
} from '../../src/runtime/build/cell-types.ts';
import { CELL_COMPILER_OPTIONS } from '../../src/runtime/client/editor/compiler-options.ts';

let files: CellTypeFile[];
let dir: string;

beforeAll(async () => {
  files = await generateCellTypes();
  dir = mkdtempSync(join(tmpdir(), 'descent-cell-types-'));
  for (const file of files) {
    const path = join(dir, file.path.replace(/^file:\/\/\//, ''));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const byPath = (suffix: string) => files.find((file) => file.path.endsWith(suffix));
const all = () => files.map((file) => file.content).join('\n');

/** Compiles one cell (at <dir>/cells/cell.ts) the way the editor checks it; returns the error messages. */
function compileCell(code: string): string[] {
  const cell = join(dir, 'cells', 'cell.ts');
  mkdirSync(dirname(cell), { recursive: true });
  writeFileSync(cell, code);
  const options = { ...CELL_COMPILER_OPTIONS, lib: [...CELL_COMPILER_OPTIONS.lib] } as unknown as ts.CompilerOptions;
  const globals = join(dir, 'descent-worker-globals.d.ts');
  const program = ts.createProgram([cell, globals], { ...options, skipLibCheck: false });
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? d.file.fileName.slice(dir.length) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe('generateCellTypes', () => {
  it('lays the modules out as the descent package, with an entry per module', () => {
    for (const module of CELL_MODULES) {
      const sub = module.name === 'descent' ? 'index' : module.name.slice('descent/'.length);
      expect(byPath(`file:///node_modules/descent/${sub}.d.ts`), module.name).toBeDefined();
    }
    for (const file of files) expect(file.path).toMatch(/^file:\/\/\/[\w./-]+\.d\.ts$/);
    // Relative imports point at the .d.ts files through .js specifiers, never at .ts sources.
    expect(all()).not.toMatch(/from ['"]\.{1,2}\/[^'"]*\.ts['"]/);
  });

  it('declares the optimizers with their option types', () => {
    const optimizers = byPath('/src/engine/optimizers.d.ts')!.content;
    expect(optimizers).toMatch(/export declare function adam\(options\?: AdamOptions\): Optimizer<AdamState>/);
    expect(optimizers).toMatch(/export declare function sgd\(options\?: SgdOptions\): Optimizer<SgdState>/);
    expect(optimizers).toMatch(/export interface AdamOptions \{[^}]*\blr\?: LearningRate;/);
    expect(optimizers).toMatch(/export interface SgdOptions \{[^}]*\bmomentum\?: number;/);
  });

  it('keeps the doc comments, update rules included', () => {
    const optimizers = byPath('/src/engine/optimizers.d.ts')!.content;
    expect(optimizers).toContain("Stochastic gradient descent, optionally with momentum: PyTorch's `torch.optim.SGD`.");
    // Math is escaped for the hover's Markdown (see protectDocMath): `\,` and `_` survive rendering.
    expect(optimizers).toContain('\\theta\\_t \\leftarrow \\theta\\_{t-1} - \\eta\\\\, g\\_t');
    expect(optimizers).toContain('/** Momentum factor μ (default 0: plain gradient descent). */');
  });

  it('escapes Markdown inside doc-comment math only', () => {
    const source = [
      '/** $g_t \\leftarrow (1-\\beta)\\, g_t$ with $\\theta^*$, `a_b $x_y$`, plain_text',
      ' * ```ts',
      ' * print(`${a}: ${b}`);',
      ' * ```',
      ' */',
      "const s = '$a_b$';",
    ].join('\n');
    expect(protectDocMath(source)).toBe(
      [
        '/** $g\\_t \\leftarrow (1-\\beta)\\\\, g\\_t$ with $\\theta^\\*$, `a_b $x_y$`, plain_text',
        ' * ```ts',
        ' * print(`${a}: ${b}`);',
        ' * ```',
        ' */',
        "const s = '$a_b$';",
      ].join('\n'),
    );
  });

  it('declares the worker globals but not the DOM', () => {
    const globals = byPath('file:///descent-worker-globals.d.ts')!.content;
    expect(globals).toContain('declare var console: Console;');
    expect(globals).toContain('declare var performance: Performance;');
    expect(globals).not.toMatch(/\bdocument\b|\bwindow\b/);
  });

  it('a cell importing from every module compiles with the editor options', () => {
    const lines = [
      "import { adam, sgd, rosenbrock, minimize, type AdamOptions } from 'descent';",
      "import { lineChart, print } from 'descent/display';",
      "import { expectClose } from 'descent/check';",
      'const options: AdamOptions = { lr: 0.01, betas: [0.9, 0.999] };',
      'const opt = adam(options);',
      'const plain = sgd({ lr: 0.1, momentum: 0.9 });',
      'const params = new Float64Array([1, 2]);',
      'const state = opt.init(params);',
      'opt.step(params, new Float64Array([0.5, -0.5]), state);',
      'console.log(params, plain, rosenbrock, minimize, performance.now());',
      "lineChart({ title: 'loss' }).add('adam', 1, params[0]!);",
      "print('done');",
      "expectClose(params[0], 1, 'θ₀', { atol: 1 });",
      // Top-level await: cells are modules.
      'await new Promise((done) => setTimeout(done, 1));',
    ];
    expect(compileCell(lines.join('\n'))).toEqual([]);
  });

  it('a wrong use of the engine is a type error, and the DOM is not there', () => {
    const errors = compileCell(
      [
        "import { adam, nope } from 'descent';",
        "const opt = adam({ lr: 'fast' });",
        "const x: number = 'a';",
        'document.title = String(opt) + x;',
      ].join('\n'),
    );
    expect(errors.join('\n')).toMatch(/has no exported member 'nope'/);
    expect(errors.join('\n')).toMatch(/Type 'string' is not assignable to type 'LearningRate/);
    expect(errors.join('\n')).toMatch(/Type 'string' is not assignable to type 'number'/);
    expect(errors.join('\n')).toMatch(/Cannot find name 'document'/);
    expect(errors).toHaveLength(4);
  });

  it('a cell without imports is still a module with top-level await', () => {
    expect(compileCell('const x = 1;\nawait Promise.resolve(x);\nconsole.log(x);')).toEqual([]);
  });

  it('fails clearly on a missing entry or a bad module name', async () => {
    await expect(generateCellTypes([{ name: 'descent/nope', entry: 'src/nope.ts' }])).rejects.toThrow(/not found/);
    await expect(generateCellTypes([{ name: 'other', entry: 'src/engine/index.ts' }])).rejects.toThrow(/must be/);
  });
});
