#!/usr/bin/env node
// Makes better-sqlite3's native build match the runtime about to load it:
//   node scripts/native.mjs node       (tests, serve, CLI)
//   node scripts/native.mjs electron   (npm start, packaging)
// Each build is cached under node_modules/.cache/aid-ledger-native/<runtime-abi>, so switching back and
// forth copies a file instead of compiling; a compile happens only when no build for that runtime exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const MODULE_DIR = dirname(require.resolve('better-sqlite3/package.json'));
const BINARY = join(MODULE_DIR, 'build', 'Release', 'better_sqlite3.node');
const MARKER = join(MODULE_DIR, 'build', 'Release', 'aid-ledger-runtime.txt');
const CACHE = join(ROOT, 'node_modules', '.cache', 'aid-ledger-native');

function say(text) {
  process.stderr.write(`[native] ${text}\n`);
}

function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

function targetKey(runtime) {
  return runtime === 'electron' ? `electron-${electronVersion()}` : `node-abi${process.versions.modules}`;
}

function currentKey() {
  return existsSync(MARKER) ? readFileSync(MARKER, 'utf8').trim() : null;
}

/** Loads the build in a plain Node child: the only sure test that it is Node's. */
function loadsInNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return probe.status === 0;
}

function remember(key) {
  writeFileSync(MARKER, key + '\n');
  mkdirSync(join(CACHE, key), { recursive: true });
  copyFileSync(BINARY, join(CACHE, key, 'better_sqlite3.node'));
}

function compile(runtime) {
  const env = { ...process.env };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (runtime === 'electron') {
    // Electron's headers, not the machine's Node headers.
    delete env.npm_config_nodedir;
    Object.assign(env, {
      npm_config_runtime: 'electron',
      npm_config_target: electronVersion(),
      npm_config_disturl: 'https://electronjs.org/headers',
      npm_config_build_from_source: 'true',
    });
    say(`compiling better-sqlite3 for Electron ${electronVersion()} (needs the internet for Electron's headers)…`);
  } else {
    if (!env.npm_config_nodedir && existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
    say(`compiling better-sqlite3 for Node ${process.version}…`);
  }
  execFileSync(npm, ['rebuild', 'better-sqlite3'], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export function ensure(runtime) {
  if (runtime !== 'node' && runtime !== 'electron') throw new Error('usage: native.mjs node|electron');
  const want = targetKey(runtime);
  const have = currentKey();
  if (have === want && existsSync(BINARY)) return 'ok';
  // A fresh install has no marker: a build that loads in Node is Node's.
  if (have === null && runtime === 'node' && existsSync(BINARY) && loadsInNode()) {
    remember(want);
    return 'ok';
  }
  if (have !== null && existsSync(BINARY)) remember(have); // keep the other runtime's build for next time
  const cached = join(CACHE, want, 'better_sqlite3.node');
  if (existsSync(cached)) {
    copyFileSync(cached, BINARY);
    writeFileSync(MARKER, want + '\n');
    say(`switched better-sqlite3 to the ${want} build`);
    return 'switched';
  }
  compile(runtime);
  if (runtime === 'node' && !loadsInNode()) throw new Error('better-sqlite3 was rebuilt but still does not load in Node');
  remember(want);
  return 'compiled';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensure(process.argv[2]);
  } catch (error) {
    say(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
