/** Driving the real UI as a person would: through the form's fields, by keyboard where that is how it is used. */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { foldText } from '../../contract/text';

export interface UiPledge {
  date: string; // dd/mm/yyyy
  donorSearch: string;
  /** When the donor does not exist yet: created from the picker. */
  newDonor?: { name: string; shortName: string; country: string; kind?: string };
  placeSearch: string;
  kind: string; // label typed into the kind picker
  description: string;
  quantity?: string;
  unit?: string;
  unitValue?: string;
  amount?: string;
  currency?: string;
  rate?: string;
  rateSource?: string;
}

/**
 * The text of the option a picker highlights — what Enter would take — or null while it highlights none: the option
 * its field names as active (`aria-activedescendant`), read in the list the field controls (`aria-controls`).
 */
export function highlighted(page: Page, selector: string): Promise<string | null> {
  return page.locator(selector).evaluate((input) => {
    if (!input.getAttribute('aria-activedescendant')) return null;
    const list = document.getElementById(input.getAttribute('aria-controls') ?? '')?.closest('.ant-select-dropdown');
    return list?.querySelector('.ant-select-item-option-active')?.textContent ?? null;
  });
}

/** Waits until the picker's list has answered what was typed: the option it highlights matches it (accents aside). */
export async function waitForHighlight(page: Page, selector: string, text: string) {
  const wanted = foldText(text);
  await expect
    .poll(async () => foldText((await highlighted(page, selector)) ?? ''), {
      message: `${selector} highlights "${text}"`,
    })
    .toContain(wanted);
}

/** Waits until the element with this id has the keyboard's focus. */
export async function waitForFocus(page: Page, id: string) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.id), { message: `focus on #${id}` }).toBe(id);
}

/**
 * Waits until no drop-down list or calendar is open, or still closing: until its closing ends, such a popup takes the
 * keys (an Escape meant for the dialog, a Tab meant to move on).
 */
export async function popupsClosed(page: Page) {
  const open = page.locator(
    '.ant-select-dropdown:not(.ant-select-dropdown-hidden), .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)',
  );
  await expect.poll(() => open.count(), { message: 'every list and calendar closed' }).toBe(0);
}

/** Types into a picker, takes the option it highlights for what was typed, and waits for its list to close. */
export async function pick(page: Page, selector: string, text: string) {
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  await waitForHighlight(page, selector, text);
  await input.press('Enter');
  await popupsClosed(page);
}

/**
 * Chooses an option of a list (a select without search) by its text, in the list that is open, and waits until the
 * select shows it: a click during the list's opening may land before it, and the choice is what the next step needs.
 */
export async function chooseIn(page: Page, label: string, text: string) {
  const select = page.locator('.ant-select', { has: page.getByRole('combobox', { name: label, exact: true }) });
  // What the select shows as chosen: its content's title.
  const shown = () => select.locator('.ant-select-content').first().getAttribute('title');
  for (let attempt = 0; attempt < 5 && (await shown()) !== text; attempt++) {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text })
      .first()
      .click();
    try {
      await expect.poll(shown, { timeout: 3_000 }).toBe(text);
    } catch {
      // The click landed while the list was still moving: close it and choose again.
      await page.keyboard.press('Escape');
    }
  }
  await expect.poll(shown, { message: `${label} shows ${text}` }).toBe(text);
  // Chosen: a list left open (a second click reopened it) is closed as a person would.
  if (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count())
    await page.keyboard.press('Escape');
  await popupsClosed(page);
}

async function typeInto(page: Page, selector: string, text: string) {
  const input = page.locator(selector);
  await input.click();
  await input.press('Control+a');
  await input.pressSequentially(text);
}

/**
 * Offers to create the donor typed in a picker that matches none: the picker says so and highlights nothing (Enter
 * alone takes nothing); ↓ reaches the offer and Enter takes it, opening the confirmation.
 */
export async function chooseNewDonor(page: Page, selector: string, text: string) {
  const input = page.locator(selector);
  await expect
    .poll(async () => (await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').textContent()) ?? '')
    .toContain(text);
  expect(await highlighted(page, selector)).toBeNull();
  await input.press('ArrowDown');
  await waitForHighlight(page, selector, text);
  await input.press('Enter');
}

export async function fillPledgeForm(page: Page, p: UiPledge) {
  await typeInto(page, '#pledge_pledgeDate', p.date);
  await page.keyboard.press('Tab');
  if (p.newDonor) {
    const input = page.locator('#pledge_donorId');
    await input.click();
    await input.fill(p.donorSearch);
    await chooseNewDonor(page, '#pledge_donorId', p.donorSearch);
  } else {
    await pick(page, '#pledge_donorId', p.donorSearch);
  }
  if (p.newDonor) {
    const name = page.locator('#donor_name');
    await name.waitFor();
    await name.fill(p.newDonor.name);
    await page.locator('#donor_shortName').fill(p.newDonor.shortName);
    await page.locator('#donor_country').fill(p.newDonor.country);
    if (p.newDonor.kind) await pick(page, '#donor_kind', p.newDonor.kind);
    await name.press('Enter');
    await name.waitFor({ state: 'hidden' });
  }
  await pick(page, '#pledge_placeId', p.placeSearch);
  await pick(page, '#pledge_kind', p.kind);
  await page.locator('#pledge_description').fill(p.description);
  if (p.quantity) await page.locator('#pledge_quantity').fill(p.quantity);
  if (p.unit) await page.locator('#pledge_unit').fill(p.unit);
  if (p.unitValue) await page.locator('#pledge_unitValueMinor').fill(p.unitValue);
  if (p.amount) await page.locator('#pledge_amountMinor').fill(p.amount);
  if (p.currency) await pick(page, '#pledge_currency', p.currency);
  if (p.rate) await page.locator('#pledge_rate').fill(p.rate);
  if (p.rateSource) await page.locator('#pledge_rateSource').fill(p.rateSource);
}

/** Saves the open pledge form with Enter and waits for it to close. */
export async function saveWithEnter(page: Page) {
  await page.locator('#pledge_description').press('Enter');
  await page.locator('#pledge_description').waitFor({ state: 'hidden' });
}

/** Answers the question Esc asks in a form typed into: what was typed is thrown away, and the form closes. */
export async function discardTyped(page: Page) {
  await page
    .locator('.ant-modal-confirm')
    .getByRole('button', { name: /^(Bỏ thay đổi|Discard changes)$/ })
    .click();
}

export async function openScreen(page: Page, name: string) {
  await page.getByTestId('nav').getByText(name, { exact: true }).click();
}

/** Reads the ledger straight from the bridge, to check what the UI saved (never to enter data). */
export async function ledgerCall<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch(`/api/${m}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(i),
      });
      const envelope = (await response.json()) as { ok: boolean; result?: unknown; error?: unknown };
      if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
      return envelope.result;
    },
    [method, input] as const,
  ) as Promise<T>;
}
