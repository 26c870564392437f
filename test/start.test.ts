/**
 * `npm start` where Electron cannot be had: the same app served on a loopback address, with the ledger the desktop
 * app uses in the user's data folder; a second start opens the running one rather than serving the ledger twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultLedgerFile, userDataFolder } from '../scripts/user-data.mjs';
import { ROOT, tempDir } from './helpers';

const running: ChildProcess[] = [];
const homes: ReturnType<typeof tempDir>[] = [];
afterEach(async () => {
  await Promise.all(
    running
      .splice(0)
      .map((child) =>
        child.exitCode === null ? new Promise((exited) => child.once('exit', exited).kill('SIGTERM')) : null,
      ),
  );
  for (const home of homes.splice(0)) home.remove();
});

function home() {
  const made = tempDir();
  homes.push(made);
  return made.dir;
}

/**
 * Starts `npm start`'s script with a home folder of its own; resolves with the address it prints and its output, or
 * (`untilExit`) once it has ended, with its exit status.
 */
function start(
  home: string,
  args: string[],
  untilExit = false,
): Promise<{ url: string | null; code: number | null; output: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--no-open', ...args], {
    cwd: ROOT,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: '', ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  return new Promise((done) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /Aid Ledger: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (url && !untilExit) done({ url, code: null, output });
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => done({ url: /Aid Ledger: (http:\/\/\S+)/.exec(output)?.[1] ?? null, code, output }));
  });
}

async function appInfo(url: string) {
  const answer = await fetch(`${url}api/app.info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  return ((await answer.json()) as { result: { databasePath: string; schemaVersion: number } }).result;
}

function electronInstalled(): boolean {
  try {
    createRequire(join(ROOT, 'package.json'))('electron');
    return true;
  } catch {
    return false;
  }
}

describe('the user data folder', () => {
  it("is Electron's userData folder for the product name on each system", () => {
    expect(userDataFolder('win32', { APPDATA: 'C:\\Users\\an\\AppData\\Roaming' })).toBe(
      'C:\\Users\\an\\AppData\\Roaming\\Aid Ledger',
    );
    expect(userDataFolder('win32', { USERPROFILE: 'C:\\Users\\an' })).toBe(
      'C:\\Users\\an\\AppData\\Roaming\\Aid Ledger',
    );
    expect(userDataFolder('darwin', { HOME: '/Users/an' })).toBe('/Users/an/Library/Application Support/Aid Ledger');
    expect(userDataFolder('linux', { HOME: '/home/an' })).toBe('/home/an/.config/Aid Ledger');
    expect(userDataFolder('linux', { HOME: '/home/an', XDG_CONFIG_HOME: '/srv/conf' })).toBe('/srv/conf/Aid Ledger');
    expect(defaultLedgerFile('linux', { HOME: '/home/an' })).toBe('/home/an/.config/Aid Ledger/aid-ledger.sqlite');
  });
});

describe('npm start without Electron', () => {
  it.skipIf(electronInstalled())(
    'serves the app on a loopback address with the ledger in the user data folder, once',
    async () => {
      const folder = home();
      const first = await start(folder, ['--port', '0']);
      expect(first.output).toContain('the app runs in the browser');
      expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const info = await appInfo(first.url!);
      expect(info.databasePath).toBe(join(folder, '.config', 'Aid Ledger', 'aid-ledger.sqlite'));
      expect(await (await fetch(first.url!)).text()).toContain('<div id="root">');

      // Started again on the same address: the running app is opened, not a second server on the same ledger.
      const port = new URL(first.url!).port;
      const second = await start(folder, ['--port', port], true);
      expect(second.code).toBe(0);
      expect(second.url).toBe(first.url);
    },
  );

  it('serves in the browser when asked to, and refuses a port in use by another program naming it', async () => {
    const first = await start(home(), ['--browser', '--port', '0']);
    expect(first.output).not.toContain('the app runs in the browser');
    expect((await appInfo(first.url!)).schemaVersion).toBeGreaterThan(0);
    const taken = await start(home(), ['--browser', '--port', new URL(first.url!).port], true);
    expect(taken.code).toBe(1);
    expect(taken.output).toContain(`Port ${new URL(first.url!).port} is in use`);
  });
});
