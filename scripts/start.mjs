#!/usr/bin/env node
// `npm start`: the desktop app. Electron's runtime is not downloaded at install time (so `npm install`
// works offline); it is fetched here on first start. Where that is impossible, say so and point to
// `npm run serve`, the same app in a browser.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensure } from './native.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

function electronPath() {
  try {
    return require('electron'); // the binary's path; throws while the binary is missing
  } catch {
    return null;
  }
}

function fail(vi, en) {
  process.stderr.write(`\n${vi}\n${en}\n\n`);
  process.exit(1);
}

let binary = electronPath();
if (!binary) {
  process.stderr.write('Đang tải Electron lần đầu… / Downloading Electron for the first time…\n');
  try {
    execFileSync(process.execPath, [join(dirname(require.resolve('electron/package.json')), 'install.js')], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
  } catch {
    // reported below
  }
  binary = electronPath();
  if (!binary) {
    fail(
      'Không tải được Electron (cần kết nối Internet). Hãy chạy ứng dụng trong trình duyệt: npm run serve',
      'Could not download Electron (it needs the internet). Run the app in a browser instead: npm run serve',
    );
  }
}

try {
  ensure('electron');
} catch (error) {
  fail(
    `Không chuẩn bị được better-sqlite3 cho Electron: ${error.message}. Hãy dùng: npm run serve`,
    `Could not build better-sqlite3 for Electron: ${error.message}. Use: npm run serve`,
  );
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// Node refuses to start .cmd files without a shell on Windows; the arguments here are fixed strings.
execFileSync(npm, ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });

const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
