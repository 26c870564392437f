/**
 * The pages browser tests drive. Each keeps what its console printed and the errors it threw; when a test fails,
 * every open page is saved (`test-results/failures/<test>-<n>.png` and `.log`) before anything else happens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core';
import { ROOT } from '../helpers';

export const FAILURES = join(ROOT, 'test-results', 'failures');

interface Tracked {
  page: Page;
  log: string[];
  errors: string[];
  /** Calls to the ledger (`/api/…`) sent and not yet answered. */
  inFlight: number;
}

const open = new Map<Page, Tracked>();

/**
 * A page at 1366×768 (the office screen) whose console and errors are kept. It asks for reduced motion, as many office
 * PCs do: lists and dialogs open at once, so the tests wait on the app rather than on animations.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce', ...options });
  const tracked: Tracked = { page, log: [], errors: [], inFlight: 0 };
  const isApi = (url: string) => new URL(url).pathname.startsWith('/api/');
  page.on('request', (r) => {
    if (isApi(r.url())) tracked.inFlight++;
  });
  const answered = (r: Request) => {
    if (isApi(r.url())) tracked.inFlight--;
  };
  page.on('requestfinished', answered);
  page.on('requestfailed', answered);
  const at = () => new Date().toISOString().slice(11, 23);
  page.on('console', (m) => tracked.log.push(`${at()} console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => {
    tracked.errors.push(e.message);
    tracked.log.push(`${at()} page error: ${e.stack ?? e.message}`);
  });
  page.on('requestfailed', (r) =>
    tracked.log.push(`${at()} request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`),
  );
  page.on('response', (r) => {
    if (r.status() >= 400) tracked.log.push(`${at()} ${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('close', () => open.delete(page));
  open.set(page, tracked);
  return page;
}

/**
 * Waits until the screen has what it asked the ledger for: no call to the ledger unanswered and no spinner showing,
 * twice in a row a frame apart (a screen just opened starts its calls as it first renders).
 */
export async function settled(page: Page): Promise<void> {
  const tracked = open.get(page);
  if (!tracked) throw new Error('settled() needs a page made by newPage()');
  const quiet = async () => tracked.inFlight === 0 && (await page.locator('.ant-spin-spinning:visible').count()) === 0;
  const deadline = Date.now() + 30_000;
  for (let calm = 0; calm < 2; ) {
    if (Date.now() > deadline)
      throw new Error(`the page did not settle: ${tracked.inFlight} calls to the ledger unanswered`);
    calm = (await quiet()) ? calm + 1 : 0;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
}

/** Errors the page threw (uncaught), for tests that check none happened. */
export function pageErrors(page: Page): string[] {
  return open.get(page)?.errors ?? [];
}

/** Saves a screenshot and the console of every open page, named after the failed test. */
export async function saveFailedPages(testName: string): Promise<string[]> {
  if (!open.size) return [];
  mkdirSync(FAILURES, { recursive: true });
  const base = testName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\w]+/g, '-')
    .slice(0, 80);
  const saved: string[] = [];
  let n = 0;
  for (const { page, log } of open.values()) {
    const name = join(FAILURES, `${base}-${++n}`);
    try {
      await page.screenshot({ path: `${name}.png`, fullPage: true, timeout: 10_000 });
      saved.push(`${name}.png`);
    } catch (error) {
      log.push(`screenshot failed: ${String(error)}`);
    }
    writeFileSync(`${name}.log`, `${page.url()}\n${log.join('\n')}\n`);
    saved.push(`${name}.log`);
  }
  return saved;
}
