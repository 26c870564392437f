#!/usr/bin/env node
// `npm run dist`: installers in release/. Needs the internet: better-sqlite3 is compiled against Electron's
// headers, and electron-builder downloads Electron and the NSIS / AppImage tools. Arguments go on to
// electron-builder, e.g. `npm run dist -- --win` or `npm run dist -- --linux`.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensure } from './native.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const builder = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');

// better-sqlite3 is compiled for the machine running this, so an installer for another OS would carry a
// native module that cannot load there.
const PLATFORMS = [
  { os: 'win32', name: 'Windows', flags: ['--win', '--windows', '-w'] },
  { os: 'linux', name: 'Linux', flags: ['--linux', '-l'] },
  { os: 'darwin', name: 'macOS', flags: ['--mac', '--macos', '-m', '-o'] },
];
const foreign = PLATFORMS.find(
  ({ os, flags }) => os !== process.platform && process.argv.slice(2).some((arg) => flags.includes(arg)),
);
if (foreign) {
  process.stderr.write(
    `[dist] build the ${foreign.name} package on ${foreign.name}: better-sqlite3 is compiled for this machine's OS\n`,
  );
  process.exit(1);
}

let failed = false;
try {
  ensure('electron');
  // Node refuses to start .cmd files without a shell on Windows; the arguments here are fixed strings.
  execFileSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  execFileSync(process.execPath, [builder, '--config', 'electron-builder.yml', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
} catch (error) {
  failed = true;
  process.stderr.write(`[dist] ${error instanceof Error ? error.message : String(error)}\n`);
} finally {
  // Back to the Node build, so tests, `npm run serve` and the CLI work straight after packaging.
  try {
    ensure('node');
  } catch (error) {
    failed = true;
    process.stderr.write(
      `[dist] could not switch better-sqlite3 back to Node: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}
process.exit(failed ? 1 : 0);
