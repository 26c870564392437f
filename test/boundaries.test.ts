/**
 * Layering: the renderer reaches the ledger only through the contract; contract/ stays pure so both sides can load it.
 * The import graph: no cycles, released migrations frozen (they import nothing that changes), files of a readable length.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Runtime imports only: `import type` and `export type` vanish at build time. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm))
    specifiers.push(match[2]!);
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(match[1]!);
  return specifiers;
}

function violations(folder: string, forbidden: (target: string) => boolean): string[] {
  return sources(join(ROOT, folder)).flatMap((file) =>
    runtimeImports(file)
      .map((spec) => (spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : spec))
      .filter(forbidden)
      .map((target) => `${relative(ROOT, file)} -> ${target}`),
  );
}

const SERVER_ONLY = /^(db|electron|scripts)(\/|$)|^node:|^(better-sqlite3|kysely|electron)$/;

describe('layering', () => {
  it('the renderer never imports db/, electron/, scripts/ or Node modules at runtime', () => {
    expect(violations('renderer', (t) => SERVER_ONLY.test(t))).toEqual([]);
  });

  it('contract/ is pure: no database, Electron or Node code', () => {
    expect(violations('contract', (t) => SERVER_ONLY.test(t))).toEqual([]);
  });

  it('the checker itself sees runtime imports and ignores type-only ones', () => {
    expect(runtimeImports(join(ROOT, 'renderer/src/format.ts'))).toContain('../../contract/money');
    expect(runtimeImports(join(ROOT, 'renderer/src/api.ts'))).not.toContain('../../contract');
    expect(runtimeImports(join(ROOT, 'electron/main.ts'))).toContain('../db/host');
    expect(runtimeImports(join(ROOT, 'electron/main.ts'))).not.toContain('../db/core/open');
  });
});

const CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : codeFiles(path);
    return CODE.test(name) ? [path] : [];
  });
}

interface Token {
  kind: 'word' | 'string' | 'punct';
  text: string;
}

const WORD = /[\w$]+/y;

/** Words after which a `/` begins a regular expression rather than a division. */
const REGEX_AFTER = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw']);

/**
 * A file's code as words, string literals (with their text) and punctuation, without comments, the text of templates
 * or regular expressions: what is left is only code, so an import is found where it is one.
 */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  lexCode(text, 0, out, false);
  return out;
}

/** Reads code from `at` to the end or, in a template's `${…}`, past its closing brace; returns where it stopped. */
function lexCode(text: string, from: number, out: Token[], inTemplate: boolean): number {
  let depth = 0;
  let at = from;
  while (at < text.length) {
    const c = text[at]!;
    if (c === '}' && inTemplate && depth === 0) return at + 1;
    if (/\s/.test(c)) at++;
    else if (text.startsWith('//', at)) at = endOf(text, '\n', at);
    else if (text.startsWith('/*', at)) at = endOf(text, '*/', at + 2) + 2;
    else if (c === "'" || c === '"') at = lexQuoted(text, at, out);
    else if (c === '`') at = lexTemplate(text, at + 1, out);
    else if (c === '/' && regexMayStart(out)) at = skipRegex(text, at + 1, out);
    else if (/[\w$]/.test(c)) {
      WORD.lastIndex = at;
      const word = WORD.exec(text)![0];
      out.push({ kind: 'word', text: word });
      at += word.length;
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      out.push({ kind: 'punct', text: c });
      at++;
    }
  }
  return at;
}

function endOf(text: string, mark: string, from: number): number {
  const at = text.indexOf(mark, from);
  return at < 0 ? text.length : at;
}

function regexMayStart(out: Token[]): boolean {
  const last = out[out.length - 1];
  if (!last) return true;
  if (last.kind === 'word') return REGEX_AFTER.has(last.text);
  return last.kind === 'punct' && !/^[)\]}]$/.test(last.text);
}

/** A quoted string from its opening quote (ended at the line's end, were it left open); returns where it ends. */
function lexQuoted(text: string, from: number, out: Token[]): number {
  const quote = text[from]!;
  let value = '';
  let at = from + 1;
  while (at < text.length && text[at] !== quote && text[at] !== '\n') {
    if (text[at] === '\\') at++;
    value += text[at++] ?? '';
  }
  out.push({ kind: 'string', text: value });
  return at + 1;
}

/** A template from past its backtick: its text is left out, the code of its `${…}` read. */
function lexTemplate(text: string, from: number, out: Token[]): number {
  let at = from;
  while (at < text.length && text[at] !== '`') {
    if (text[at] === '\\') at += 2;
    else if (text.startsWith('${', at)) {
      out.push({ kind: 'punct', text: '(' });
      at = lexCode(text, at + 2, out, true);
      out.push({ kind: 'punct', text: ')' });
    } else at++;
  }
  out.push({ kind: 'string', text: '' });
  return at + 1;
}

/** A regular expression from past its slash, its flags too (ended at the line's end, were it left open). */
function skipRegex(text: string, from: number, out: Token[]): number {
  let inClass = false;
  let at = from;
  while (at < text.length && text[at] !== '\n') {
    const c = text[at++]!;
    if (c === '\\') at++;
    else if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) break;
  }
  while (at < text.length && /[a-z]/i.test(text[at]!)) at++;
  out.push({ kind: 'string', text: '' });
  return at;
}

/**
 * Every module a file names: static imports and re-exports (type-only ones too), `import('…')` (also in a type) and
 * `require('…')`.
 */
function importsOf(text: string): string[] {
  const found = new Set<string>();
  const list = tokens(text);
  list.forEach((token, at) => {
    if (token.kind !== 'word' || list[at - 1]?.text === '.') return;
    const next = list[at + 1];
    if (
      (token.text === 'import' || token.text === 'require') &&
      next?.text === '(' &&
      list[at + 2]?.kind === 'string'
    ) {
      found.add(list[at + 2]!.text);
      return;
    }
    if (token.text !== 'import' && token.text !== 'export') return;
    if (token.text === 'import' && next?.kind === 'string') {
      found.add(next.text);
      return;
    }
    // The clause before `from`: names, braces, commas and `*` only; anything else is not an import of a module.
    for (let j = at + 1; j < list.length; j++) {
      const t = list[j]!;
      if (t.kind === 'word' && t.text === 'from' && list[j + 1]?.kind === 'string') {
        found.add(list[j + 1]!.text);
        return;
      }
      if (t.kind === 'string' || (t.kind === 'punct' && !/^[{},*]$/.test(t.text))) return;
    }
  });
  return [...found];
}

/** The file a relative specifier names (a folder's index, an extension left out), or null. */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...(/\.(js|mjs|cjs|jsx)$/.test(base) ? EXTENSIONS.map((ext) => base.replace(/\.\w+$/, ext)) : []),
    ...EXTENSIONS.map((ext) => join(base, `index${ext}`)),
  ];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile()) ?? null;
}

interface ImportGraph {
  /** Each file (relative to the root) and the files it imports. */
  edges: Map<string, string[]>;
  /** Each file and its bare specifiers (packages, `node:` modules). */
  packages: Map<string, string[]>;
  /** Relative imports that name no file. */
  unresolved: string[];
}

function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const file of folders.flatMap((folder) => codeFiles(join(root, folder)))) {
    const name = relative(root, file);
    const targets: string[] = [];
    const bare: string[] = [];
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        bare.push(specifier);
        continue;
      }
      const target = resolveImport(file, specifier);
      if (target) targets.push(relative(root, target));
      else unresolved.push(`${name} -> ${specifier}`);
    }
    edges.set(name, targets);
    packages.set(name, bare);
  }
  return { edges, packages, unresolved };
}

/** Every import cycle, as a path from a file back to itself: the shortest through each file that is on one. */
function importCycles(edges: Map<string, string[]>): string[] {
  const cycles = new Set<string>();
  for (const start of [...edges.keys()].sort()) {
    // Breadth first from the file's imports, back to it.
    const cameFrom = new Map<string, string>();
    let frontier = [start];
    let found: string[] | null = null;
    while (frontier.length && !found) {
      const next: string[] = [];
      for (const file of frontier) {
        for (const target of [...(edges.get(file) ?? [])].sort()) {
          if (target === start) {
            found = [start];
            for (let at = file; at !== start; at = cameFrom.get(at)!) found.splice(1, 0, at);
            break;
          }
          if (cameFrom.has(target) || !edges.has(target)) continue;
          cameFrom.set(target, file);
          next.push(target);
        }
        if (found) break;
      }
      frontier = next;
    }
    if (!found) continue;
    // The same cycle found from each of its files is told once, from its first file by name.
    const first = found.indexOf([...found].sort()[0]!);
    const rotated = [...found.slice(first), ...found.slice(0, first)];
    cycles.add([...rotated, rotated[0]].join(' → '));
  }
  return [...cycles].sort();
}

const SOURCE_FOLDERS = ['contract', 'db', 'electron', 'renderer', 'scripts'] as const;
const MIGRATIONS_FOLDER = 'db/migrations/';
const LINE_LIMIT = 450;

/** Source files allowed over the limit, each with its reason: a file that reads better whole, not one still to split. */
const LONG_FILES: Record<string, string> = {
  'renderer/src/i18n/vi.ts':
    "the UI's Vietnamese words, one file per language, so a translator reads every key beside the other language's",
  'renderer/src/i18n/en.ts':
    "the UI's English words, one file per language, so a translator reads every key beside the other language's",
};

/** Imports of a migration other than `kysely` and other migrations: a released migration must never change. */
function migrationImports(graph: ImportGraph): string[] {
  return [...graph.edges.keys()]
    .filter((file) => file.startsWith(MIGRATIONS_FOLDER))
    .flatMap((file) =>
      [
        ...graph.packages.get(file)!.filter((name) => name !== 'kysely'),
        ...graph.edges.get(file)!.filter((target) => !target.startsWith(MIGRATIONS_FOLDER)),
      ].map((target) => `${file} -> ${target}`),
    );
}

/** Source files over the limit, migrations and the listed ones aside, with their length. */
function overLongFiles(root: string, limit: number, allowed: Record<string, string>): string[] {
  return SOURCE_FOLDERS.flatMap((folder) => codeFiles(join(root, folder)))
    .map((file) => ({ file: relative(root, file), lines: lineCount(file) }))
    .filter(({ file, lines }) => lines > limit && !file.startsWith(MIGRATIONS_FOLDER) && !(file in allowed))
    .map(({ file, lines }) => `${file}: ${lines} lines`)
    .sort();
}

function lineCount(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('the import graph', () => {
  const graph = importGraph(ROOT, SOURCE_FOLDERS);

  it('has no cycles, counting every import: runtime, type-only, re-exports and import()', () => {
    expect(importCycles(graph.edges)).toEqual([]);
  });

  it('names files that exist in every relative import', () => {
    expect(graph.unresolved).toEqual([]);
  });

  it('keeps each migration as released: it imports only kysely and other migrations', () => {
    expect(migrationImports(graph)).toEqual([]);
  });

  it(`keeps source files within ${LINE_LIMIT} lines (migrations aside), save those listed with their reason`, () => {
    expect(overLongFiles(ROOT, LINE_LIMIT, LONG_FILES)).toEqual([]);
    // A file listed is still there and still over the limit.
    for (const file of Object.keys(LONG_FILES)) {
      expect(existsSync(join(ROOT, file)) && lineCount(join(ROOT, file)) > LINE_LIMIT, file).toBe(true);
    }
  });

  it('reads every kind of import, and none in comments, strings, templates or regular expressions', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "import c, { type C } from './c';",
      "import * as d from './d';",
      "import './e.css';",
      "export { f } from './f';",
      "export type { G } from './g';",
      "export * as h from './h';",
      'export {',
      '  i,',
      "} from './i';",
      "const j = await import('./j');",
      "type K = typeof import('./k');",
      "const l = require('./l');",
      "// import { m } from './m';",
      "/* export * from './n'; */",
      'const o = \'import p from "./p"\';',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template's source, as the checker reads it
      "const q = `import('./q') ${await import('./r')}`;",
      "const s = /import t from './t'/;",
      "export const u = a / 2; import { v } from './v';",
      "export function w() { return 'from'; }",
      "api.import('./x');",
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(
      ['./a', './b', './c', './d', './e.css', './f', './g', './h', './i', './j', './k', './l', './r', './v'].sort(),
    );
  });

  it('reports a cycle, a migration importing live code and an over-long file, in a planted tree', () => {
    const tree = tempDir();
    try {
      const plant = (file: string, text: string) => {
        mkdirSync(dirname(join(tree.dir, file)), { recursive: true });
        writeFileSync(join(tree.dir, file), text);
      };
      const long = (n: number) => Array.from({ length: n }, (_, i) => `export const n${i} = ${i};\n`).join('');
      // a → b → a, through a folder's index and a type-only import; and through import() and a re-export of an .mjs.
      plant('contract/a.ts', "import type { B } from './b';\nexport type A = B;\n");
      plant('contract/b/index.ts', "export { a } from '../a';\n");
      plant('scripts/c.mjs', "export const d = () => import('./d');\n");
      plant('scripts/d.ts', "export * from './c.mjs';\n");
      plant(
        'db/migrations/0001_places.ts',
        "import { sql } from 'kysely';\nimport { write } from '../places/install';\n",
      );
      plant(
        'db/migrations/0002_hash.ts',
        "import { createHash } from 'node:crypto';\nimport { up } from './0001_places';\n",
      );
      plant('db/migrations/0003_long.ts', long(500));
      plant('db/places/install.ts', 'export const write = 1;\n');
      plant('renderer/src/long.tsx', long(500));
      plant('electron/listed.ts', long(451));
      plant('electron/short.ts', long(450));
      const planted = importGraph(tree.dir, SOURCE_FOLDERS);
      expect(importCycles(planted.edges)).toEqual([
        'contract/a.ts → contract/b/index.ts → contract/a.ts',
        'scripts/c.mjs → scripts/d.ts → scripts/c.mjs',
      ]);
      expect(migrationImports(planted)).toEqual([
        'db/migrations/0001_places.ts -> db/places/install.ts',
        'db/migrations/0002_hash.ts -> node:crypto',
      ]);
      expect(overLongFiles(tree.dir, LINE_LIMIT, { 'electron/listed.ts': 'planted' })).toEqual([
        'renderer/src/long.tsx: 500 lines',
      ]);
      expect(planted.unresolved).toEqual([]);
      plant('electron/lost.ts', "import { gone } from './gone';\n");
      expect(importGraph(tree.dir, SOURCE_FOLDERS).unresolved).toEqual(['electron/lost.ts -> ./gone']);
    } finally {
      tree.remove();
    }
  });
});
