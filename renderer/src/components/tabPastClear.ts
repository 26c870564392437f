/** Tab out of a picker that may be emptied (allowClear), as out of every other. */
import { moveFocus } from './focus';
import { tabMovesOn } from './pickers';

/**
 * Tab in a picker moves on as in every picker (taking the highlighted match when its list is open), past the picker's
 * own clear button: that button comes next in order, and the cursor stopped on it with the list still open. Spread
 * into the `onKeyDown` of a Select with `allowClear`.
 */
export function tabPastClear(event: React.KeyboardEvent<HTMLElement>) {
  if (event.key !== 'Tab') return;
  const from = event.target as HTMLElement;
  if (event.defaultPrevented) tabMovesOn(event);
  else {
    event.preventDefault();
    moveFocus(from, event.shiftKey);
  }
  const now = document.activeElement;
  if (now instanceof HTMLElement && now !== from && from.closest('.ant-select')?.contains(now))
    moveFocus(now, event.shiftKey);
}
