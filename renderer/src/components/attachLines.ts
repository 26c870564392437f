/**
 * What the "attach pledge lines" dialog offers: the lines of no aid item, by default only those of the item's own
 * donor, narrowed by what is typed (accents and case aside) in their description, donor and place; and the keys that
 * move through them and check them.
 */
import type { PledgeRow } from '../../../contract';
import { foldPlaceText } from '../../../contract/text';

/** Most lines one call returns (the list method's page limit). */
export const ATTACH_LIMIT = 500;

/** The list call for the lines of no item: only the donor's own unless every donor's are asked for. */
export function attachLinesInput(donorId: string, everyDonor: boolean) {
  return {
    filter: { withoutItem: true, ...(everyDonor ? {} : { donorId }) },
    page: { offset: 0, limit: ATTACH_LIMIT },
  };
}

type Searched = Pick<
  PledgeRow,
  'donorId' | 'description' | 'donorName' | 'donorShortName' | 'placeName' | 'todayPlaceName'
>;

/** The words a line is found by, folded: its description, donor (and short name), place (and today's unit). */
function lineText(line: Searched): string {
  return foldPlaceText(
    [line.description, line.donorName, line.donorShortName, line.placeName, line.todayPlaceName]
      .filter(Boolean)
      .join(' '),
  );
}

/**
 * The lines shown: of `donorId` only (every donor's when it is null), each holding every word typed, in any order
 * and anywhere in its description, donor or place ("be nuoc bao lac" finds "Bể nước trường tiểu học" in Xã Bảo Lạc).
 */
export function attachableLines<L extends Searched>(lines: readonly L[], search: string, donorId: string | null): L[] {
  const words = foldPlaceText(search).split(' ').filter(Boolean);
  return lines.filter((line) => {
    if (donorId !== null && line.donorId !== donorId) return false;
    if (words.length === 0) return true;
    const text = lineText(line);
    return words.every((word) => text.includes(word));
  });
}

/** The active row after an arrow: down from none goes to the first, and it stays within the list. */
export function moveActive(active: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return step > 0 ? 0 : -1;
  return Math.min(count - 1, Math.max(-1, active + step));
}

/** The chosen lines with `id` checked, or unchecked when it was. */
export function toggleChosen(chosen: readonly string[], id: string): string[] {
  return chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id];
}

/**
 * The chosen lines still offered by the list call: those chosen under an earlier search stay chosen, those of
 * another donor once the switch is turned back off are not attached unseen.
 */
export function chosenOffered(chosen: readonly string[], offered: readonly { id: string }[]): string[] {
  const ids = new Set(offered.map((line) => line.id));
  return chosen.filter((id) => ids.has(id));
}
