/**
 * What the UI bench does in the page, as an officer would, each run timed from the key or click to what it shows:
 * a pledge saved until its row is in the ledger, the ledger opened from the dashboard until its first row, the
 * dashboard opened from the ledger until its first figure, a quarter's report until its preview, and the place
 * picker's keystrokes on a national ledger. Each screen is opened afresh (the page loaded again) before a run, so
 * nothing the app kept from the run before answers for it.
 */
import type { Page } from 'playwright-core';
import { foldPlaceText, foldText } from '../../contract/text';
import { arm, keystroke, highlighted, type PageCall, pick, settle, timed } from './page';

export interface Runs {
  ms: number[];
  /** The calls each run made to the ledger, for the floor to make the same. */
  calls: PageCall[][];
}

/** What the pledge form is filled with on a ledger: a donor and a place it holds. */
export interface PledgeChoice {
  donorSearch: string;
  placeSearch: string;
}

/** A pattern matching `text` as it is. */
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Loads the page afresh on a screen, and waits until it has what it asked for. */
async function open(page: Page, url: string, screen: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${url}#${screen}`);
  await page.locator('.screen').first().waitFor();
  await settle(page);
}

async function nav(page: Page, name: string) {
  await page.getByTestId('nav').getByText(name, { exact: true }).click();
}

/** One untimed run, then `reps` timed. */
async function repeat(reps: number, run: (i: number) => Promise<{ ms: number; calls: PageCall[] }>): Promise<Runs> {
  const runs: Runs = { ms: [], calls: [] };
  for (let i = 0; i <= reps; i++) {
    const { ms, calls } = await run(i);
    if (i === 0) continue;
    runs.ms.push(ms);
    runs.calls.push(calls);
  }
  return runs;
}

/** A pledge typed into the form on the ledger screen and saved with Enter: until its row shows in the ledger. */
export function saveRuns(page: Page, url: string, choice: PledgeChoice, reps: number): Promise<Runs> {
  const today = new Date();
  const date = [today.getDate(), today.getMonth() + 1].map((n) => String(n).padStart(2, '0')).join('/');
  const stamp = Date.now().toString(36);
  return repeat(reps, async (i) => {
    await open(page, url, 'pledges');
    await page.getByTestId('new-pledge').click();
    const dateField = page.locator('#pledge_pledgeDate');
    await dateField.click();
    await dateField.press('Control+a');
    await dateField.pressSequentially(`${date}/${today.getFullYear()}`);
    await dateField.press('Tab');
    await pick(page, '#pledge_donorId', choice.donorSearch, foldText);
    await pick(page, '#pledge_placeId', choice.placeSearch, foldPlaceText);
    await pick(page, '#pledge_kind', 'Quà', foldText);
    const description = `Quà đo thời gian lưu ${stamp} ${i}`;
    await page.locator('#pledge_description').fill(description);
    await page.locator('#pledge_amountMinor').fill('1.000.000');
    await settle(page);
    await arm(page, 'keydown', { selector: '[data-testid="pledge-row"]', text: literally(description) });
    await page.locator('#pledge_description').press('Enter');
    const result = await timed(page);
    await settle(page);
    return result;
  });
}

/** The ledger opened from the dashboard: until its first row shows. */
export function switchRuns(page: Page, url: string, reps: number): Promise<Runs> {
  return repeat(reps, async () => {
    await open(page, url, 'dashboard');
    await arm(page, 'click', { selector: '[data-testid="pledge-row"]' });
    await nav(page, 'Sổ cam kết');
    return timed(page);
  });
}

/** The dashboard opened from the ledger: until its first figure (the amount pledged) shows. */
export function dashboardRuns(page: Page, url: string, reps: number): Promise<Runs> {
  return repeat(reps, async () => {
    await open(page, url, 'pledges');
    await arm(page, 'click', { selector: '[data-testid="kpi-pledged"] .ant-statistic-content', text: '\\d' });
    await nav(page, 'Tổng quan');
    return timed(page);
  });
}

/** Types into one of the report's lists until it highlights `wanted`, and takes it with Enter. */
async function choose(page: Page, label: string, typed: string, wanted: string): Promise<void> {
  const selector = `input[aria-label="${label}"]`;
  await page.locator(selector).focus();
  await page.keyboard.type(typed);
  for (let i = 0; !(await highlighted(page, selector)).includes(wanted); i++) {
    if (i > 600) throw new Error(`the list ${label} never offered ${wanted}`);
    await page.waitForTimeout(50);
  }
  await page.keyboard.press('Enter');
  const select = page
    .locator('.ant-select', { has: page.locator(selector) })
    .locator('.ant-select-content')
    .first();
  for (let i = 0; (await select.getAttribute('title')) !== wanted; i++) {
    if (i > 600) throw new Error(`the list ${label} did not take ${wanted}`);
    await page.waitForTimeout(50);
  }
}

/** A quarter chosen on the report screen (typed into its lists) and previewed: until the preview shows it. */
export function reportRuns(page: Page, url: string, year: number, reps: number): Promise<Runs> {
  return repeat(reps, async () => {
    await open(page, url, 'reports');
    await choose(page, 'Năm', String(year), String(year));
    await choose(page, 'Quý', '3', 'Quý III');
    await settle(page);
    await arm(page, 'click', { selector: '[data-testid="report-preview-body"]', text: `QUÝ III NĂM ${year}` });
    await page.getByTestId('report-preview').click();
    return timed(page);
  });
}

/** Typed a letter at a time into the place picker, as an officer looking for a former commune would. */
export const PICKER_WORD = 'xa truc hung';

/** The place picker of the pledge form, `PICKER_WORD` typed a key at a time: each key until the next paint. */
export async function pickerRuns(page: Page, url: string, reps: number): Promise<number[]> {
  await open(page, url, 'pledges');
  await page.getByTestId('new-pledge').click();
  const input = page.locator('#pledge_placeId');
  await input.click();
  await settle(page);
  const times: number[] = [];
  for (let i = 0; i <= reps; i++) {
    await input.press('Control+a');
    await input.press('Backspace');
    await settle(page);
    for (const letter of PICKER_WORD) {
      const ms = await keystroke(page, letter === ' ' ? 'Space' : letter);
      if (i > 0) times.push(ms);
    }
    // The units matching (former ones too, offered greyed on today's date) are listed.
    const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    const shown = foldPlaceText((await list.textContent()) ?? '');
    if (!shown.includes(foldPlaceText('Trực Hưng')))
      throw new Error(`the place picker lists "${shown}" for "${PICKER_WORD}"`);
  }
  return times;
}
