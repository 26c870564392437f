// @vitest-environment jsdom
/** A dialog's first field gets the cursor when it opens, unless the user is already typing in another of its fields. */
import { afterEach, describe, expect, it } from 'vitest';
import { focusFirstField } from '../../renderer/src/components/focus';

afterEach(() => document.body.replaceChildren());

function dialog() {
  document.body.innerHTML = `<div class="ant-modal"><input id="first"><input id="reason"><button id="ok">OK</button></div><input id="outside">`;
  const focused: string[] = [];
  const form = { focusField: (name: unknown) => focused.push(String(name)) };
  return { focused, form, el: (id: string) => document.getElementById(id) as HTMLElement };
}

describe('focusFirstField', () => {
  it('moves the cursor to the first field when nothing in the dialog has it', () => {
    const { focused, form, el } = dialog();
    el('outside').focus();
    focusFirstField(form, 'first')(true);
    el('ok').focus();
    focusFirstField(form, 'first')(true);
    expect(focused).toEqual(['first', 'first']);
  });

  it('leaves the cursor where the user is typing, and does nothing on closing', () => {
    const { focused, form, el } = dialog();
    el('reason').focus();
    focusFirstField(form, 'first')(true);
    focusFirstField(form, 'first')(false);
    expect(focused).toEqual([]);
    expect(document.activeElement).toBe(el('reason'));
  });
});
