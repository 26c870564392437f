/** Layering: the renderer reaches the ledger only through the contract; contract/ stays pure so both sides can load it. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

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
    expect(runtimeImports(join(ROOT, 'electron/main.ts'))).not.toContain('../db/open');
  });
});
