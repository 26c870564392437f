/**
 * The start-up every browser test file shares: its ledgers made (by the command line, or anew) in its temporary
 * folder and served as the app serves them, Debian's Chromium launched and its pages opened; all closed, and the
 * folder removed, once the file's tests are done.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { openLedger } from '../../db/core/open';
import { createLedgerService, type LedgerService } from '../../db/service';
import { FIXTURE, ROOT } from '../helpers';
import { newPage } from './pages';
import { launchBrowser, serve, type Served } from './serve';

/** Runs the command line (`scripts/cli.ts`) as a person would: returns what it printed, throws it when it fails. */
export function cli(...args: string[]): string {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/cli.ts'), ...args], {
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(run.stderr + run.stdout);
  return run.stdout;
}

/** Work done at an office, as its staff would in its own app, straight into that office's ledger file. */
export async function atOffice<T>(file: string, work: (service: LedgerService) => Promise<T>): Promise<T> {
  const ledger = await openLedger(file);
  try {
    return await work(createLedgerService(ledger));
  } finally {
    await ledger.close();
  }
}

/** The demo ledger (Cao Bằng's 2022 events) made at `file` by the command line; returns the file. */
export function demoLedger(file: string): string {
  cli('demo', '--db', file, '--fixture', FIXTURE);
  return file;
}

export interface BrowserAppOptions {
  /** Makes the file's ledgers in its folder and returns their files, each then served: one new ledger by default. */
  ledgers?: (dir: string) => string[] | Promise<string[]>;
  /** How each ledger is served (the person and province the tests start with, by default). */
  serve?: Parameters<typeof serve>[1];
  /** The pages opened on Chromium, each with its options: one page by default. */
  pages?: BrowserContextOptions[];
}

/** What a browser test file drives, there once its start-up is done (in its first `beforeAll`). */
export interface BrowserApp {
  readonly browser: Browser;
  /** Every ledger served, in the order they were made. */
  readonly servedAll: readonly Served[];
  /** Every page opened, in order. */
  readonly pages: readonly Page[];
  /** The first ledger served, and the first page: what most files drive. */
  readonly served: Served;
  readonly page: Page;
}

/**
 * Registers the file's start-up and teardown around its tests: `dir` is the file's temporary folder, removed after
 * them. Call it before the file's own hooks, which then find the app started (and stopped after theirs).
 */
export function browserApp(dir: { dir: string; remove(): void }, options: BrowserAppOptions = {}): BrowserApp {
  let browser: Browser | undefined;
  const servedAll: Served[] = [];
  const pages: Page[] = [];
  beforeAll(async () => {
    const files = options.ledgers ? await options.ledgers(dir.dir) : [join(dir.dir, 'ledger.sqlite')];
    for (const file of files) servedAll.push(await serve(file, options.serve));
    browser = await launchBrowser();
    for (const pageOptions of options.pages ?? [{}]) pages.push(await newPage(browser, pageOptions));
  });
  afterAll(async () => {
    await browser?.close();
    for (const served of servedAll) await served.stop();
    dir.remove();
  });
  const started = <T>(what: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`the browser test's ${what} is not started (yet)`);
    return value;
  };
  return {
    get browser() {
      return started('browser', browser);
    },
    servedAll,
    pages,
    get served() {
      return started('ledger', servedAll[0]);
    },
    get page() {
      return started('page', pages[0]);
    },
  };
}
