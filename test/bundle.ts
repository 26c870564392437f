/**
 * Test entry points bundled from the sources into one plain script each, as the app's main process is bundled: Node
 * loads a bundle in about a third of the time it takes through tsx, and loading is most of what a short CLI run costs.
 */
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers';

const built = new Map<string, string>();
const folders: string[] = [];

process.once('exit', () => {
  for (const folder of folders) {
    try {
      unlinkSync(join(folder, 'node_modules'));
    } catch {
      // already gone
    }
    rmSync(folder, { recursive: true, force: true });
  }
});

/** `entry` (relative to the project) bundled for Node, built once per test process; returns the script's path. */
export function bundledScript(entry: string): string {
  const known = built.get(entry);
  if (known) return known;
  const folder = mkdtempSync(join(tmpdir(), 'aid-ledger-bundle-'));
  folders.push(folder);
  // The bundle imports its packages from the project's.
  symlinkSync(join(ROOT, 'node_modules'), join(folder, 'node_modules'), 'junction');
  const outfile = join(folder, `${basename(entry).replace(/\.tsx?$/, '')}.mjs`);
  buildSync({
    entryPoints: [join(ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    // Every module sees itself at the CLI's place: the CLI knows it was imported (not run), and what the sources find
    // from their own place (the driver, the catalogue, the demo fixture) they still find in the project.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(ROOT, 'scripts/cli.ts')).href) },
  });
  built.set(entry, outfile);
  return outfile;
}
