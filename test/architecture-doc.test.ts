/** The developers' architecture page lists the contract as it is: every area's file and methods, nothing else. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as contract from '../contract';
import { ROOT } from './helpers';

const PAGE = join(ROOT, 'docs/dev/architecture.md');

/** The rows of the table between the page's contract-areas markers: area, file and methods. */
function documentedAreas(text: string) {
  const table = /<!-- contract-areas:start -->\n([\s\S]*?)<!-- contract-areas:end -->/.exec(text)?.[1] ?? '';
  return table
    .split('\n')
    .slice(2)
    .filter((line) => line.startsWith('|'))
    .map((line) => {
      const [area, file, methods] = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        area: area!,
        file: file!.replaceAll('`', ''),
        methods: [...methods!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      };
    });
}

/** Each area's map of methods, by the file that declares it: the `…Methods` exports of the files of contract/. */
async function declaredAreas() {
  const areas: { file: string; methods: string[] }[] = [];
  for (const name of readdirSync(join(ROOT, 'contract')).filter((n) => n.endsWith('.ts') && n !== 'index.ts')) {
    const module = (await import(join(ROOT, 'contract', name))) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module))
      if (exported.endsWith('Methods') && typeof value === 'object' && value)
        areas.push({ file: `contract/${name}`, methods: Object.keys(value) });
  }
  return areas;
}

describe('docs/dev/architecture.md', () => {
  it("lists every area of the contract with its file and exactly its methods, in the contract's order", async () => {
    const documented = documentedAreas(readFileSync(PAGE, 'utf8'));
    const declared = await declaredAreas();
    expect(
      declared.every((a) => a.file !== null),
      JSON.stringify(declared.filter((a) => !a.file)),
    ).toBe(true);
    expect(documented.map((a) => [a.file, a.methods]).sort()).toEqual(declared.map((a) => [a.file, a.methods]).sort());
    expect(documented.flatMap((a) => a.methods)).toEqual(contract.METHODS);
    for (const row of documented)
      expect(row.methods.every((m) => m === row.area || m.startsWith(`${row.area}.`))).toBe(true);
  });

  it('reads the table it checks: a method left out or added is seen', () => {
    const text = readFileSync(PAGE, 'utf8');
    const without = documentedAreas(text.replace(', `donors.merge`', ''));
    expect(without.flatMap((a) => a.methods)).not.toEqual(contract.METHODS);
    const extra = documentedAreas(text.replace('`donors.merge`', '`donors.merge`, `donors.split`'));
    expect(extra.flatMap((a) => a.methods)).toContain('donors.split');
  });

  it('names only files that exist', () => {
    const text = readFileSync(PAGE, 'utf8');
    const named = [...text.matchAll(/`((?:contract|db|renderer|scripts|electron|test)\/[\w./-]+\.(?:ts|tsx|mjs))`/g)];
    const missing = named
      .map((m) => m[1]!)
      .filter((file) => {
        try {
          readFileSync(join(ROOT, file));
          return false;
        } catch {
          return true;
        }
      });
    expect(missing).toEqual([]);
  });
});
