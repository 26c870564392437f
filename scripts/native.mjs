#!/usr/bin/env node
// Makes better-sqlite3's native build match the runtime about to load it:
//   node scripts/native.mjs node       (tests, serve, CLI)
//   node scripts/native.mjs electron   (npm start, packaging)
// Each build is cached under node_modules/.cache/aid-ledger-native/<runtime-abi>, so switching back and
// forth copies a file instead of compiling; a compile happens only when no build for that runtime exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  writeFileSync(MARKER, `${key}\n`);
  mkdirSync(join(CACHE, key), { recursive: true });
  copyFileSync(BINARY, join(CACHE, key, 'better_sqlite3.node'));
}

function compile(runtime) {
  const env = { ...process.env };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['rebuild', 'better-sqlite3'];
  if (runtime === 'electron') {
    // Electron's headers, not the machine's Node headers. A nodedir in ~/.npmrc would come back through
    // npm's own config, so it is blanked on the command line, which outranks every config file.
    delete env.npm_config_nodedir;
    args.push('--nodedir=');
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
  // Node refuses to start .cmd files without a shell on Windows; the arguments here are fixed strings.
  execFileSync(npm, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    shell: process.platform === 'win32',
  });
}

/** An Electron build must not load in plain Node: if it does, it was compiled against Node's headers. */
function fitsRuntime(runtime) {
  return runtime === 'node' ? loadsInNode() : existsSync(BINARY) && !loadsInNode();
}

export function ensure(runtime) {
  if (runtime !== 'node' && runtime !== 'electron') throw new Error('usage: native.mjs node|electron');
  const want = targetKey(runtime);
  const have = currentKey();
  // An Electron build is checked even when its marker matches: older versions of this script could
  // label a Node build as Electron's.
  if (have === want && existsSync(BINARY) && (runtime === 'node' || fitsRuntime(runtime))) return 'ok';
  // A fresh install has no marker: a build that loads in Node is Node's.
  if (have === null && runtime === 'node' && existsSync(BINARY) && loadsInNode()) {
    remember(want);
    return 'ok';
  }
  // Keep the build being replaced for next time; an unmarked one that loads in Node is Node's.
  if (have !== null && existsSync(BINARY)) remember(have);
  else if (have === null && runtime === 'electron' && existsSync(BINARY) && loadsInNode()) remember(targetKey('node'));
  const cached = join(CACHE, want, 'better_sqlite3.node');
  if (existsSync(cached)) {
    mkdirSync(dirname(BINARY), { recursive: true }); // a failed node-gyp run removes build/ altogether
    copyFileSync(cached, BINARY);
    if (fitsRuntime(runtime)) {
      writeFileSync(MARKER, `${want}\n`);
      say(`switched better-sqlite3 to the ${want} build`);
      return 'switched';
    }
    say(`the cached ${want} build does not fit that runtime; compiling again`);
    rmSync(cached);
  }
  compile(runtime);
  if (!fitsRuntime(runtime)) {
    throw new Error(
      runtime === 'node'
        ? 'better-sqlite3 was rebuilt but still does not load in Node'
        : "better-sqlite3 was built against Node's headers instead of Electron's (is nodedir set for node-gyp?)",
    );
  }
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
