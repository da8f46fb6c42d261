/**
 * The type declarations the code editor gives TypeScript for cell code, generated at build time from the
 * sources so they never drift from what cells actually run.
 *
 * Cells import `descent` (the engine), `descent/display` and `descent/check`. For each module we emit
 * declarations only (in memory, doc comments kept, since the editor's hovers show them) with the
 * `typescript` compiler API, and lay them out as a package in a virtual `node_modules`:
 *
 *   file:///node_modules/descent/index.d.ts       export * from './src/engine/index.js'
 *   file:///node_modules/descent/display.d.ts     export * from './src/runtime/worker/display.js'
 *   file:///node_modules/descent/check.d.ts       …
 *   file:///node_modules/descent/src/…/*.d.ts     one per source file, relative imports rewritten to .js
 *   file:///descent-worker-globals.d.ts           the few globals the cell worker offers (console, timers…)
 *
 * With `moduleResolution: bundler` (see CELL_COMPILER_OPTIONS) `import … from 'descent/display'` then
 * resolves to `node_modules/descent/display.d.ts`, in Monaco's TypeScript worker and in `tsc` alike.
 * The site serves the list at /editor/types.json (src/pages/editor/types.json.ts); the editor registers
 * each file with `addExtraLib(content, path)`.
 */
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface CellModule {
  /** The specifier cells import, e.g. `descent` or `descent/display`. */
  name: string;
  /** Its source entry, relative to the project root. */
  entry: string;
}

export interface CellTypeFile {
  /** A `file:///` URI (Monaco's TypeScript worker needs a scheme). */
  path: string;
  content: string;
}

/** What cells can import. */
export const CELL_MODULES: readonly CellModule[] = [
  { name: 'descent', entry: 'src/engine/index.ts' },
  { name: 'descent/display', entry: 'src/runtime/worker/display.ts' },
  { name: 'descent/check', entry: 'src/runtime/worker/check.ts' },
];

const PACKAGE = 'descent';
const PACKAGE_DIR = `file:///node_modules/${PACKAGE}/`;

/**
 * The globals of the sandboxed worker that runs cells, beyond ES2022: the console (its output goes to
 * the cell's log), timers and `performance.now()`. Deliberately not the DOM or `lib.webworker`: `fetch`,
 * `importScripts`, `postMessage` and friends are blocked or reserved by the runner, so they are errors.
 */
export const WORKER_GLOBALS = `/** Globals available to cell code (the sandboxed worker's), beyond ECMAScript 2022. */
interface Console {
  /** Print to the cell's output. */
  log(...data: unknown[]): void;
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
  debug(...data: unknown[]): void;
}
declare var console: Console;
declare function setTimeout(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearTimeout(id: number | undefined): void;
declare function setInterval(handler: (...args: any[]) => void, timeout?: number, ...args: any[]): number;
declare function clearInterval(id: number | undefined): void;
declare function queueMicrotask(callback: () => void): void;
interface Performance {
  /** Milliseconds since the run started, with sub-millisecond precision. */
  now(): number;
}
declare var performance: Performance;
`;

/**
 * Compiler options for emitting the declarations: the engine's settings plus declaration output. The
 * worker library is there for the sources of `descent/display` and `descent/check`, which run in the
 * worker; the unit test checks that what they export needs no more than the cells' globals.
 */
const EMIT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  lib: ['lib.es2023.d.ts', 'lib.webworker.d.ts'],
  types: [],
  strict: true,
  skipLibCheck: true,
  declaration: true,
  emitDeclarationOnly: true,
  // The hovers show the doc comments (update rules, defaults, papers): keep them.
  removeComments: false,
  // `/** @internal */` declarations are not part of what cells can use.
  stripInternal: true,
};

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');

/** `./optimizers.ts` → `./optimizers.js`, which every module resolution maps to `optimizers.d.ts`. */
function rewriteSpecifier(specifier: string): string {
  return isRelative(specifier) ? specifier.replace(/\.([mc]?)tsx?$/, '.$1js') : specifier;
}

/**
 * A declaration transformer that rewrites relative `.ts` specifiers (imports, re-exports, `import("…")`
 * types) and records every non-relative one, which must not appear: the editor has no types for it.
 */
function specifierTransformer(external: Set<string>): ts.TransformerFactory<ts.SourceFile | ts.Bundle> {
  return (context) => {
    const { factory } = context;
    const literal = (node: ts.Expression | undefined): ts.StringLiteral | undefined => {
      if (!node || !ts.isStringLiteral(node)) return undefined;
      if (!isRelative(node.text)) {
        external.add(node.text);
        return undefined;
      }
      return factory.createStringLiteral(rewriteSpecifier(node.text));
    };
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node)) {
        const specifier = literal(node.moduleSpecifier);
        if (specifier) {
          return factory.updateImportDeclaration(node, node.modifiers, node.importClause, specifier, node.attributes);
        }
      } else if (ts.isExportDeclaration(node)) {
        const specifier = literal(node.moduleSpecifier);
        if (specifier) {
          return factory.updateExportDeclaration(
            node,
            node.modifiers,
            node.isTypeOnly,
            node.exportClause,
            specifier,
            node.attributes,
          );
        }
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
        const specifier = literal(node.argument.literal as ts.Expression);
        if (specifier) {
          return factory.updateImportTypeNode(
            node,
            factory.updateLiteralTypeNode(node.argument, specifier),
            node.attributes,
            node.qualifier,
            node.typeArguments?.map((type) => ts.visitNode(type, visit, ts.isTypeNode)),
            node.isTypeOf,
          );
        }
      }
      return ts.visitEachChild(node, visit, context);
    };
    return (file) => (ts.isSourceFile(file) ? ts.visitEachChild(file, visit, context) : file);
  };
}

/** Markdown's special characters in math: backslash escapes of punctuation, emphasis, links, HTML. */
function escapeMarkdown(math: string): string {
  return math.replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\').replace(/[*_<[\]]/g, '\\$&');
}

/**
 * The editor shows doc comments as Markdown, which would eat LaTeX (`\,` becomes `,`, `a_t … b_t`
 * becomes italics). Inside each doc comment, escape the Markdown in `$…$` and `$$…$$` math (on one line,
 * outside code spans and fences) so the hover shows the update rules exactly as written.
 */
export function protectDocMath(declarations: string): string {
  return declarations.replace(/\/\*\*[\s\S]*?\*\//g, (comment) =>
    comment.replace(/(```[\s\S]*?```|`[^`\n]*`)|(\$\$?)([^$\n`]+?)\2/g, (match, code, delim, body) =>
      code ? match : `${delim}${escapeMarkdown(body)}${delim}`,
    ),
  );
}

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  });
}

/**
 * Emits the declarations for `modules` (default: CELL_MODULES) from the sources under `root` (default:
 * the working directory, which is the project root under `astro build`, `astro dev` and vitest).
 * Fails, naming the problem, when an entry is missing, the sources do not type-check, or a module's
 * declarations reach outside the project (an npm package the editor would not know).
 */
export async function generateCellTypes(
  modules: readonly CellModule[] = CELL_MODULES,
  root: string = process.cwd(),
): Promise<CellTypeFile[]> {
  const rootDir = resolve(root);
  const entries = modules.map((module) => {
    if (module.name !== PACKAGE && !module.name.startsWith(`${PACKAGE}/`)) {
      throw new Error(`cell module "${module.name}" must be "${PACKAGE}" or "${PACKAGE}/<name>"`);
    }
    const file = resolve(rootDir, module.entry);
    if (!existsSync(file))
      throw new Error(`cell module "${module.name}": entry ${module.entry} not found in ${rootDir}`);
    return { ...module, file };
  });

  const host = ts.createCompilerHost(EMIT_OPTIONS, true);
  const program = ts.createProgram(
    entries.map((entry) => entry.file),
    EMIT_OPTIONS,
    host,
  );
  // Type errors in the sources are `tsc`'s to report (npm run typecheck); here only what breaks the
  // declarations themselves fails the build: bad options, syntax errors, and emit errors.
  const errors = [...program.getOptionsDiagnostics(), ...program.getSyntacticDiagnostics()];
  if (errors.length > 0) {
    throw new Error(`cell types: cannot read the sources:\n${formatDiagnostics(errors, rootDir)}`);
  }

  // Emitted path (source-relative) → package-relative path of its declaration file.
  const packagePath = (sourceFile: string) => {
    const rel = relative(rootDir, sourceFile).split(sep).join('/');
    if (rel.startsWith('../') || rel.includes('/node_modules/') || rel.startsWith('node_modules/')) {
      throw new Error(`cell types: ${sourceFile} is outside the project sources`);
    }
    return rel.replace(/\.([mc]?)tsx?$/, '.d.$1ts');
  };

  const files: CellTypeFile[] = [];
  const external = new Set<string>();
  const result = program.emit(
    undefined,
    (_name, text, _bom, _onError, sources) => {
      const source = sources?.[0];
      if (!source) return;
      files.push({ path: PACKAGE_DIR + packagePath(source.fileName), content: protectDocMath(text) });
    },
    undefined,
    true,
    { afterDeclarations: [specifierTransformer(external)] },
  );
  if (result.diagnostics.length > 0) {
    throw new Error(`cell types: declaration emit failed:\n${formatDiagnostics(result.diagnostics, rootDir)}`);
  }
  if (external.size > 0) {
    throw new Error(
      `cell types: the declarations import packages the editor has no types for: ${[...external].join(', ')}`,
    );
  }

  // The entry points: `descent` → index.d.ts, `descent/display` → display.d.ts, re-exporting the sources.
  for (const entry of entries) {
    const sourceFile = program.getSourceFile(entry.file);
    const symbol = sourceFile && program.getTypeChecker().getSymbolAtLocation(sourceFile);
    const hasDefault = symbol?.exports?.has(ts.InternalSymbolName.Default) ?? false;
    const target = `./${packagePath(entry.file).replace(/\.d\.([mc]?)ts$/, '.$1js')}`;
    const sub = entry.name === PACKAGE ? 'index' : entry.name.slice(PACKAGE.length + 1);
    files.push({
      path: `${PACKAGE_DIR}${sub}.d.ts`,
      content:
        `// ${entry.name}: generated from ${entry.entry}\nexport * from '${target}';\n` +
        (hasDefault ? `export { default } from '${target}';\n` : ''),
    });
  }
  files.push({ path: 'file:///descent-worker-globals.d.ts', content: WORKER_GLOBALS });

  files.sort((a, b) => a.path.localeCompare(b.path));
  return files;
}
