#!/usr/bin/env node
// `npm start`: the app. The desktop window where Electron's runtime can be had: it is not downloaded at install time
// (so `npm install` works offline) but fetched here on first start. Where it cannot be had (offline), or with
// `--browser`, the same app is served on a loopback address with the ledger the desktop app uses (in the user's data
// folder), and the address is printed and opened in the default browser.
//   npm start [-- --browser] [-- --port N] [-- --no-open]
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensure } from './native.mjs';
import { defaultLedgerFile } from './user-data.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const DEFAULT_PORT = 5178;

const { values: options, tokens } = parseArgs({
  options: {
    browser: { type: 'boolean', default: false },
    port: { type: 'string' },
    'no-open': { type: 'boolean', default: false },
  },
  strict: false,
  tokens: true,
});
/** Arguments this script does not know go to Electron. */
const electronArgs = tokens
  .filter((t) => t.kind === 'positional' || (t.kind === 'option' && !['browser', 'port', 'no-open'].includes(t.name)))
  .map((t) => (t.kind === 'positional' ? t.value : t.rawName + (t.value === undefined ? '' : `=${t.value}`)));

function say(vi, en) {
  process.stderr.write(`${vi}\n${en}\n`);
}

function fail(vi, en) {
  process.stderr.write(`\n${vi}\n${en}\n\n`);
  process.exit(1);
}

function electronPath() {
  try {
    return require('electron'); // the binary's path; throws while the binary is missing
  } catch {
    return null;
  }
}

/** Electron's binary, downloaded on first start unless downloads are switched off; null where it cannot be had. */
function electronBinary() {
  const binary = electronPath();
  if (binary || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return binary;
  say('Đang tải Electron lần đầu…', 'Downloading Electron for the first time…');
  try {
    execFileSync(process.execPath, [join(dirname(require.resolve('electron/package.json')), 'install.js')], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
  } catch {
    // reported by the caller, which serves the app in the browser instead
  }
  return electronPath();
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Node refuses to start .cmd files without a shell on Windows; the arguments here are fixed strings.
const runNpm = (args) => execFileSync(npm, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });

function startDesktop(binary) {
  try {
    ensure('electron');
  } catch (error) {
    fail(
      `Không chuẩn bị được better-sqlite3 cho Electron: ${error.message}. Hãy dùng: npm start -- --browser`,
      `Could not build better-sqlite3 for Electron: ${error.message}. Use: npm start -- --browser`,
    );
  }
  runNpm(['run', '--silent', 'build']);
  const child = spawn(binary, ['.', ...electronArgs], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** The newest modification time of the files under `path`. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** The UI is built again only when its sources (or the contract it imports) are newer than the build. */
function buildRendererIfStale() {
  const built = join(ROOT, 'dist', 'renderer', 'index.html');
  const sources = ['renderer', 'contract', 'vite.config.ts', 'package-lock.json'].map((p) => newest(join(ROOT, p)));
  if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  runNpm(['run', '--silent', 'build:renderer']);
}

/** Whether an Aid Ledger already answers at this address (then it is opened, not started twice). */
async function runningAt(origin) {
  try {
    const answer = await fetch(`${origin}/api/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(2000),
    });
    const body = await answer.json();
    return body?.ok === true ? body.result : null;
  } catch {
    return null;
  }
}

function openInBrowser(url) {
  // On Windows `start` is a command of cmd; the address is the app's own, so quoting it is enough.
  const [command, args, verbatim] =
    process.platform === 'win32'
      ? ['cmd', ['/d', '/s', '/c', `start "" "${url}"`], true]
      : [process.platform === 'darwin' ? 'open' : 'xdg-open', [url], false];
  const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: verbatim });
  child.on('error', () => say('Hãy mở địa chỉ trên trong trình duyệt.', 'Open the address above in a browser.'));
  child.unref();
}

async function startInBrowser() {
  const file = defaultLedgerFile();
  const port = options.port ?? String(DEFAULT_PORT);
  const running = await runningAt(`http://127.0.0.1:${port}`);
  if (running && resolve(running.databasePath) === resolve(file)) {
    const url = `http://127.0.0.1:${port}/`;
    process.stdout.write(`Aid Ledger: ${url} (${file})\n`);
    if (!options['no-open']) openInBrowser(url);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  ensure('node');
  buildRendererIfStale();
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const serve = [tsx, join(ROOT, 'scripts', 'serve.ts'), '--db', file, '--port', port];
  // The usual port taken by another program: any free one instead (a port asked for is kept or refused).
  if (options.port === undefined) serve.push('--any-port-if-taken');
  const child = spawn(process.execPath, serve, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let opened = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => {
    process.stdout.write(text);
    const address = /http:\/\/127\.0\.0\.1:\d+\//.exec(text);
    if (address && !opened) {
      opened = true;
      if (!options['no-open']) openInBrowser(address[0]);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const binary = options.browser ? null : electronBinary();
if (binary) startDesktop(binary);
else {
  if (!options.browser)
    say(
      'Không có Electron (cần Internet để tải lần đầu): ứng dụng chạy trong trình duyệt.',
      'Electron is not available (its first download needs the internet): the app runs in the browser.',
    );
  await startInBrowser();
}
