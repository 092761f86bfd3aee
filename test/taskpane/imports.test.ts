/**
 * The pane's module layout (issue 14 §5): the state's flows form no import loop, and the pane
 * (src/taskpane) never imports the standalone page or the entry that picks the mode — the
 * dependency goes one way: entry → standalone → taskpane. Imports are read with the TypeScript
 * API (type-only and dynamic imports count).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');
const EXTENSIONS = ['.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesUnder(full);
    return /\.(tsx?|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The project files a file imports (relative specifiers only; packages are left out). */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of info.importedFiles) {
    if (!fileName.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), fileName);
    const found = ['', ...EXTENSIONS]
      .map((ext) => base + ext)
      .find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (found) out.push(found);
  }
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');

/** The first import cycle among `files` (edges kept inside the set), as a path, or null. */
function findCycle(
  files: string[],
  imports: (file: string) => string[] = importsOf,
): string[] | null {
  const inSet = new Set(files);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string): string[] | null => {
    state.set(f, 'open');
    stack.push(f);
    for (const next of imports(f).filter((g) => inSet.has(g))) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next].map(rel);
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(f, 'done');
    return null;
  };
  for (const f of files) {
    if (state.has(f)) continue;
    const cycle = visit(f);
    if (cycle) return cycle;
  }
  return null;
}

describe('module layout', () => {
  test('the import walk sees the edges it should (the checks below can fail)', () => {
    const state = path.join(SRC, 'taskpane/state');
    expect(importsOf(path.join(state, 'state.ts')).map(rel)).toContain(
      'src/taskpane/state/draft.ts',
    );
    expect(importsOf(path.join(SRC, 'standalone/StandaloneApp.tsx')).map(rel)).toContain(
      'src/taskpane/components/App.tsx',
    );
    // A dynamic import counts: the entry loads the standalone page's chunk.
    expect(importsOf(path.join(SRC, 'entry/index.tsx')).map(rel)).toContain(
      'src/standalone/start.tsx',
    );
    // And a loop is found when there is one (state.ts → draft.ts → state.ts, as before the split).
    const a = path.join(state, 'state.ts');
    const b = path.join(state, 'draft.ts');
    const loop = (f: string) => (f === b ? [...importsOf(f), a] : importsOf(f));
    expect(findCycle([a, b], loop)).toEqual([
      'src/taskpane/state/state.ts',
      'src/taskpane/state/draft.ts',
      'src/taskpane/state/state.ts',
    ]);
  });

  test('the pane state modules form no import loop (type-only imports included)', () => {
    expect(findCycle(filesUnder(path.join(SRC, 'taskpane/state')))).toBeNull();
  });

  test('the pane has no import loop at all', () => {
    expect(findCycle(filesUnder(path.join(SRC, 'taskpane')))).toBeNull();
  });

  test('the pane never imports the standalone page or the entry; the standalone page never imports the entry', () => {
    const offending: string[] = [];
    for (const f of filesUnder(path.join(SRC, 'taskpane'))) {
      for (const g of importsOf(f))
        if (/^src\/(standalone|entry)\//.test(rel(g))) offending.push(`${rel(f)} → ${rel(g)}`);
    }
    for (const f of filesUnder(path.join(SRC, 'standalone'))) {
      for (const g of importsOf(f))
        if (rel(g).startsWith('src/entry/')) offending.push(`${rel(f)} → ${rel(g)}`);
    }
    expect(offending).toEqual([]);
  });
});
