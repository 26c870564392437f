/** Where the keyboard starts in a dialog. */
import type { FormInstance } from 'antd';

/**
 * For a dialog's `afterOpenChange`: puts the cursor in the form's first field once the dialog has finished opening,
 * unless the user has already started typing in one of its fields (on a slow PC the opening can end after they do,
 * and moving the cursor then would send their next keys, Enter included, to the wrong field).
 */
export function focusFirstField(form: Pick<FormInstance, 'focusField'>, name: string): (visible: boolean) => void {
  return (visible) => {
    if (!visible) return;
    const active = document.activeElement;
    if (
      active instanceof HTMLElement &&
      active.closest('.ant-modal') &&
      active.matches('input, textarea, select, [contenteditable="true"]')
    )
      return;
    form.focusField(name);
  };
}

const TABBABLE =
  'input:not([disabled]):not([type="hidden"]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The field Tab (or Shift+Tab) leads to from `from`, in the order of its dialog, form or screen. */
function nextInOrder(from: HTMLElement, back: boolean): HTMLElement | undefined {
  const scope = from.closest('.ant-modal, form, [data-testid$="-screen"]') ?? document.body;
  const order = [...scope.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
  const here = order.indexOf(from);
  return here < 0 ? undefined : order[here + (back ? -1 : 1)];
}

export function moveFocus(from: HTMLElement, back: boolean): void {
  nextInOrder(from, back)?.focus();
}

/**
 * For a form's `onKeyDown`: Tab moves to the next field in the form's own order. Left to the browser, a Tab pressed
 * while the dialog was still opening (half a second after Alt+N, at a fast typist's pace) sent the cursor to the
 * dialog's frame, the dialog's focus lock sent it back to the date, and the donor typed next landed in the date field.
 */
export function tabInOrder(event: React.KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
  const next = nextInOrder(event.target as HTMLElement, event.shiftKey);
  if (!next) return;
  event.preventDefault();
  next.focus();
}
