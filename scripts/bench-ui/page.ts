/**
 * Timing the built app in Chromium from inside the page: an action's start is the page's own timestamp of the key or
 * click, its end the moment the page's document first shows what was waited for (a mutation observer checks at every
 * change), or for a keystroke the first paint after it. The calls the page makes to the ledger are logged in the page
 * with their inputs and times, so the floor can make the same calls.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

/** A call the page made to the ledger: its method, its input, and when it was sent (the page's clock). */
export interface PageCall {
  method: string;
  input: unknown;
  at: number;
  /** When its answer came. */
  doneAt?: number;
}

/** What the page waits for: an element matching `selector` whose text matches `text` (a regular expression). */
export interface Shown {
  selector: string;
  text?: string;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
  });
}

/** A page at 1366×768 (the office screen), reduced motion as on many office PCs, logging its calls to the ledger. */
export async function benchPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, reducedMotion: 'reduce' });
  // tsx keeps functions' names by wrapping them in `__name(…)`: the functions sent to the page need it there too.
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.addInitScript(() => {
    const calls: { method: string; input: unknown; at: number; done: boolean; doneAt?: number }[] = [];
    (window as unknown as { __calls: typeof calls }).__calls = calls;
    const original = window.fetch.bind(window);
    window.fetch = async (resource, init) => {
      const url = typeof resource === 'string' ? resource : resource instanceof URL ? resource.href : resource.url;
      const path = new URL(url, location.href).pathname;
      if (!path.startsWith('/api/')) return original(resource, init);
      const call: (typeof calls)[number] = {
        method: decodeURIComponent(path.slice(5)),
        input: JSON.parse(String(init?.body ?? '{}')),
        at: performance.now(),
        done: false,
      };
      calls.push(call);
      try {
        return await original(resource, init);
      } finally {
        call.done = true;
        call.doneAt = performance.now();
      }
    };
  });
  return page;
}

/** Waits until no call to the ledger is unanswered, and no spinner shows, two frames in a row. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const calm = () =>
          (window as unknown as { __calls: { done: boolean }[] }).__calls.every((c) => c.done) &&
          !document.querySelector('.ant-spin-spinning');
        const first = calm();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(first && calm())));
      }),
    undefined,
    { polling: 100, timeout: 120_000 },
  );
}

/**
 * Arms the page: the next `event` (keydown or click) starts the clock, and the first change of the document after it
 * that shows `shown` stops it.
 */
export async function arm(page: Page, event: 'keydown' | 'click', shown: Shown): Promise<void> {
  await page.evaluate(
    ({ event, shown }) => {
      const state = { start: null as number | null, end: null as number | null };
      (window as unknown as { __timing: typeof state }).__timing = state;
      const pattern = shown.text ? new RegExp(shown.text) : null;
      const isShown = () =>
        [...document.querySelectorAll(shown.selector)].some((e) => !pattern || pattern.test(e.textContent ?? ''));
      document.addEventListener(event, (e) => (state.start ??= e.timeStamp), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (state.start !== null && isShown()) {
          state.end = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    { event, shown },
  );
}

/** Once the armed action has shown what it waited for: its time, and the calls the page made meanwhile. */
export async function timed(page: Page): Promise<{ ms: number; calls: PageCall[] }> {
  await page.waitForFunction(
    () => (window as unknown as { __timing: { end: number | null } }).__timing.end !== null,
    undefined,
    { polling: 20, timeout: 120_000 },
  );
  return page.evaluate(() => {
    const w = window as unknown as { __timing: { start: number; end: number }; __calls: PageCall[] };
    const { start, end } = w.__timing;
    const calls = w.__calls
      .filter((c) => c.at >= start && c.at <= end)
      .map(({ method, input, at, doneAt }) => ({ method, input, at: at - start, doneAt: (doneAt ?? 0) - start }));
    return { ms: end - start, calls };
  });
}

/**
 * Presses a key in the focused field and returns the time from the key to the first paint after the page handled it
 * (a frame's callback, then a task after that frame).
 */
export async function keystroke(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    const state = { ms: null as number | null };
    (window as unknown as { __key: typeof state }).__key = state;
    document.addEventListener(
      'keydown',
      (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => (state.ms = performance.now() - start)));
      },
      { capture: true, once: true },
    );
  });
  await page.keyboard.press(key);
  const ms = await page.waitForFunction(
    () => (window as unknown as { __key: { ms: number | null } }).__key.ms,
    undefined,
    { polling: 'raf' },
  );
  return (await ms.jsonValue()) as number;
}

/** The text of the option a picker highlights (what Enter would take), or '' while it highlights none. */
export function highlighted(page: Page, selector: string): Promise<string> {
  return page.locator(selector).evaluate((input) => {
    if (!input.getAttribute('aria-activedescendant')) return '';
    const list = document.getElementById(input.getAttribute('aria-controls') ?? '')?.closest('.ant-select-dropdown');
    return list?.querySelector('.ant-select-item-option-active')?.textContent ?? '';
  });
}

/** Types into a picker, waits until it highlights an option holding `folded` (folded as the ledger folds), takes it. */
export async function pick(page: Page, selector: string, text: string, fold: (s: string) => string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  const wanted = fold(text);
  for (let i = 0; !fold(await highlighted(page, selector)).includes(wanted); i++) {
    if (i > 600) throw new Error(`${selector} never offered "${text}"`);
    await page.waitForTimeout(50);
  }
  await input.press('Enter');
  await page.waitForFunction(
    () => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'),
    undefined,
    { polling: 'raf' },
  );
}
