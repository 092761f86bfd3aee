/**
 * The engine is pure: no Office.js, no DOM, no Node APIs, no clock. Checked two ways:
 * 1. every file under src/engine and src/messages imports only relative paths (plus an explicit
 *    allow-list of pure packages, themselves checked) and uses none of the host globals;
 * 2. src/engine compiles with the ES2022 library only: no DOM, no @types/node.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
const DIRS = [join(ROOT, 'src', 'engine'), join(ROOT, 'src', 'messages')];

/**
 * Packages the engine may import: pure computation, no host APIs. Each is checked below (its
 * runtime file must not touch Node, the DOM or Office either). Anything else fails.
 */
const ALLOWED_PACKAGES: Record<string, string> = {
  'fastest-levenshtein': 'node_modules/fastest-levenshtein/mod.js',
};

/** Globals of a host (browser, Node, Office) the engine must not use. */
const BANNED_GLOBALS = [
  'window',
  'document',
  'Office',
  'Excel',
  'process',
  'require',
  'globalThis',
  'self',
  'navigator',
  'Buffer',
  '__dirname',
  '__filename',
  'module',
  'exports',
  'localStorage',
  'fetch',
  'XMLHttpRequest',
  'setTimeout',
  'setInterval',
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(name) && !/\.d\.ts$/.test(name) ? [p] : [];
  });
}

const FILES = DIRS.flatMap(walk);

interface Problem {
  file: string;
  line: number;
  what: string;
}

/** Imports, requires and host-global uses in one file, by its syntax tree (comments and strings do not count). */
function scan(
  file: string,
  text = readFileSync(file, 'utf8'),
): { imports: { spec: string; line: number }[]; problems: Problem[] } {
  const sf = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const imports: { spec: string; line: number }[] = [];
  const problems: Problem[] = [];
  const rel = relative(ROOT, file);
  const lineOf = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const declaredNames = new Set<string>();

  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      imports.push({ spec: node.moduleSpecifier.text, line: lineOf(node) });
    }
    if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      imports.push({ spec: node.moduleReference.expression.text, line: lineOf(node) });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      imports.push({
        spec: arg && ts.isStringLiteral(arg) ? arg.text : '<dynamic>',
        line: lineOf(node),
      });
    }
    if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      imports.push({ spec: node.argument.literal.text, line: lineOf(node) });
    }
    // require(…)
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require'
    ) {
      problems.push({ file: rel, line: lineOf(node), what: 'require(' });
    }
    // Date.now / new Date(…) / Date() : the engine has no clock.
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date' &&
      node.name.text === 'now'
    ) {
      problems.push({ file: rel, line: lineOf(node), what: 'Date.now' });
    }
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date'
    ) {
      problems.push({ file: rel, line: lineOf(node), what: 'new Date(' });
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'Date'
    ) {
      problems.push({ file: rel, line: lineOf(node), what: 'Date()' });
    }
    // Host globals used as values (not as property names or object keys).
    if (ts.isIdentifier(node) && BANNED_GLOBALS.includes(node.text)) {
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isPropertySignature(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isMethodSignature(p)) &&
          p.name === node) ||
        (ts.isQualifiedName(p) && p.right === node);
      const isOwnDeclaration =
        (ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p)) &&
        p.name === node;
      if (isOwnDeclaration) declaredNames.add(node.text);
      else if (!isPropertyName && !(node.text === 'require' && ts.isCallExpression(p))) {
        problems.push({ file: rel, line: lineOf(node), what: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // A local variable that happens to share a global's name is the file's own business.
  return { imports, problems: problems.filter((x) => !declaredNames.has(x.what)) };
}

describe('engine purity: imports and globals', () => {
  it('finds the engine and message files', () => {
    const rels = FILES.map((f) => relative(ROOT, f));
    expect(rels).toEqual(
      expect.arrayContaining([
        'src/engine/index.ts',
        'src/engine/analyze.ts',
        'src/engine/model.ts',
        'src/messages/index.ts',
      ]),
    );
    expect(rels.filter((f) => f.startsWith('src/engine/rules/')).length).toBeGreaterThan(10);
  });

  it('imports only relative paths (and the allow-listed pure packages)', () => {
    const bad: string[] = [];
    for (const file of FILES) {
      for (const { spec, line } of scan(file).imports) {
        if (spec.startsWith('./') || spec.startsWith('../')) continue;
        if (spec in ALLOWED_PACKAGES) continue;
        bad.push(`${relative(ROOT, file)}:${line} imports '${spec}'`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('relative imports stay inside src/engine and src/messages', () => {
    const bad: string[] = [];
    for (const file of FILES) {
      for (const { spec, line } of scan(file).imports) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, '..', spec);
        if (!DIRS.some((d) => target === d || target.startsWith(d + '/')))
          bad.push(`${relative(ROOT, file)}:${line} imports '${spec}'`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses no host globals, no require and no clock', () => {
    const problems = FILES.flatMap((f) => scan(f).problems).map(
      (p) => `${p.file}:${p.line} ${p.what}`,
    );
    expect(problems).toEqual([]);
  });

  it('the scanner catches what it should (self-test)', () => {
    const src = [
      "import { readFileSync } from 'fs';",
      "import type { Workbook } from 'exceljs';",
      "import * as React from 'react';",
      "export { x } from 'path';",
      '// window, document and new Date( in a comment do not count',
      "const s = 'Office Excel process require( Date.now';",
      'const a = window.innerWidth + document.title.length;',
      'Office.onReady(); Excel.run(async () => {});',
      'const env = process.env.X;',
      "const m = require('os');",
      'const now = Date.now();',
      'const d = new Date(2026, 0, 1);',
      'const o = { window: 1, process: 2 }; o.window; o.process;',
    ].join('\n');
    const { imports, problems } = scan(join(ROOT, 'src', 'engine', 'probe.ts'), src);
    expect(imports.map((i) => i.spec)).toEqual(['fs', 'exceljs', 'react', 'path']);
    expect(problems.map((p) => p.what).sort()).toEqual(
      [
        'Date.now',
        'Excel',
        'Office',
        'document',
        'new Date(',
        'process',
        'require(',
        'window',
      ].sort(),
    );
  });

  it.each(Object.entries(ALLOWED_PACKAGES))(
    'the allowed package %s touches no host API either',
    (_, path) => {
      const code = readFileSync(join(ROOT, path), 'utf8');
      expect(code).not.toMatch(/\brequire\s*\(/);
      expect(code).not.toMatch(/\b(window|document|process|navigator|Office|Excel|globalThis)\b/);
    },
  );
});

describe('engine purity: compiles without DOM or Node types', () => {
  function diagnostics(roots: string[]): string[] {
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.CommonJS,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      lib: ['lib.es2022.d.ts'],
      types: [],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: false,
      noEmit: true,
      isolatedModules: true,
    };
    const program = ts.createProgram(roots, options);
    const all = [
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
      ...program.getSemanticDiagnostics(),
    ];
    // Every source file the program pulled in must be engine/messages code or the ES library.
    const outside = program
      .getSourceFiles()
      .map((sf) => sf.fileName)
      .filter(
        (f) =>
          !f.includes('/typescript/lib/lib.') &&
          !DIRS.some((d) => f.startsWith(d + '/')) &&
          !Object.keys(ALLOWED_PACKAGES).some((p) => f.includes(`/node_modules/${p}/`)),
      );
    return [
      ...all.map((d) => {
        const where = d.file
          ? `${relative(ROOT, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
          : '(options)';
        return `${where} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      }),
      ...outside.map((f) => `pulled in: ${relative(ROOT, f)}`),
    ];
  }

  it('src/engine/index.ts: zero diagnostics with lib ES2022 only and types []', () => {
    expect(diagnostics([join(ROOT, 'src', 'engine', 'index.ts')])).toEqual([]);
  }, 60000);

  it('every file under src/engine and src/messages compiles the same way', () => {
    expect(diagnostics(FILES)).toEqual([]);
  }, 60000);

  it('the check would fail on DOM or Node use (self-test)', () => {
    const host = ts.createCompilerHost({});
    const probe = join(ROOT, 'src', 'engine', '__probe__.ts');
    const program = ts.createProgram(
      [probe],
      {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.CommonJS,
        lib: ['lib.es2022.d.ts'],
        types: [],
        noEmit: true,
        strict: true,
      },
      {
        ...host,
        fileExists: (f) => f === probe || host.fileExists(f),
        readFile: (f) =>
          f === probe
            ? 'export const a = document.title + window.name + process.env.X;'
            : host.readFile(f),
        getSourceFile: (f, lang) =>
          f === probe
            ? ts.createSourceFile(
                f,
                'export const a = document.title + window.name + process.env.X;',
                lang,
              )
            : host.getSourceFile(f, lang),
      },
    );
    const names = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
      .join('\n');
    expect(names).toMatch(/document/);
    expect(names).toMatch(/window/);
    expect(names).toMatch(/process/);
  }, 60000);
});
