/** Starts `scripts/serve.ts` (bundled) on a free loopback port for a browser test, and Debian's Chromium to drive it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { bundledScript } from '../bundle';
import { ROOT } from '../helpers';

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/** The person the browser tests work as: named before the page opens, so the first-run question does not come up. */
export const TEST_USER = 'Nguyễn Văn Thử';

/**
 * The ledger is opened as the app opens it; a new one is given Cao Bằng's units (the province the tests' data is from)
 * and the test person, so the first-run questions do not come up unless a test asks for them (`null`).
 */
export async function serve(
  db: string,
  options: { userName?: string | null; province?: string | null; env?: NodeJS.ProcessEnv } = {},
): Promise<Served> {
  // Bundled once per test file rather than compiled through tsx at every start.
  const child: ChildProcess = spawn(process.execPath, [bundledScript('scripts/serve.ts'), '--db', db, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(chunk.toString());
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  const province = options.province === undefined ? '04' : options.province;
  if (province !== null) {
    const setup = await (
      await fetch(`${url}api/places.setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      })
    ).json();
    if (setup.ok && !setup.result.province && !setup.result.hasPlaces) {
      await fetch(`${url}api/places.choose`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ province }),
      });
    }
  }
  const userName = options.userName === undefined ? TEST_USER : options.userName;
  if (userName !== null) {
    // A damaged ledger answers ledger_damaged: its recovery screen asks nothing.
    await fetch(`${url}api/settings.update`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userName }),
    });
  }
  return {
    url,
    // Stopped once: a ledger stopped already (a test restarting it) is not waited for again.
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A call to a served ledger from the test itself (not through a page), throwing on a refusal. */
export async function servedCall<T>(served: Served, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${served.url}api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.result as T;
}

/**
 * Two served offices that know each other, as after sending their cards and reading their codes (the browser test of
 * the Offices panel does it through the screens): `bAs` is how a records b (its role and place there).
 */
export async function introduceServed(
  a: Served,
  b: Served,
  bAs: { role?: 'province' | 'district'; placeId?: string | null } = {},
): Promise<void> {
  const cardOf = (s: Served) => servedCall<{ text: string; code: string }>(s, 'offices.card', {});
  const [cardA, cardB] = [await cardOf(a), await cardOf(b)];
  await servedCall(b, 'offices.accept', { card: cardA.text, officeCode: cardA.code });
  await servedCall(a, 'offices.accept', { card: cardB.text, officeCode: cardB.code, ...bAs });
}
