/**
 * How cell code is type-checked: the same options in Monaco's TypeScript worker (the editor) and in the
 * Node test that compiles a sample cell against the generated declarations (test/runtime/cell-types.test.ts).
 *
 * They match how cells run: sucrase strips the types and the sandboxed worker runs the result as a modern
 * ES module, so the target is ES2022, imports are ES modules resolved like a bundler would, top-level
 * `await` is allowed (every file is a module), and the only globals are ES2022's plus what the worker
 * offers (declared in `WORKER_GLOBALS`, src/runtime/build/cell-types.ts), not the DOM.
 *
 * The values are TypeScript's numeric enum values, because Monaco's own enums stop at ES2020/NodeJs and
 * this file must not import `typescript` (it ships to the browser).
 */
export const CELL_COMPILER_OPTIONS = {
  /** ScriptTarget.ES2022 */
  target: 9,
  /** ModuleKind.ESNext */
  module: 99,
  /** ModuleResolutionKind.Bundler: `descent/display` resolves to node_modules/descent/display.d.ts. */
  moduleResolution: 100,
  /** ModuleDetectionKind.Force: a cell without imports is still a module (own scope, top-level await). */
  moduleDetection: 3,
  /** ES2022 only: no DOM, no Node; the worker's few globals come as a declaration file. */
  lib: ['lib.es2022.d.ts'],
  types: [] as string[],
  strict: true,
  noEmit: true,
  isolatedModules: true,
  allowNonTsExtensions: true,
} as const;
