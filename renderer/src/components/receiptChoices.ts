/**
 * The receipt panel's rules, apart from the panel: the pledges each row was offered, and a choice made for one row
 * applied to every row waiting alike — the same donor, place and kind, and for a pledge chosen the same pledges offered.
 */
import type { ReceiptCandidate, ReceiptChoice, ReceiptMatch } from '../../../contract/imports';

/** The pledges offered to each row, by row. */
export type OfferedPledges = ReadonlyMap<number, ReceiptCandidate[]>;

/**
 * The pledges offered, as the latest preview offers them. A row once chosen is offered none (the ledger takes the
 * choice and looks no further): it keeps those it was offered when the choice was made.
 */
export function withOffers(offered: OfferedPledges, matches: readonly ReceiptMatch[]): OfferedPledges {
  const next = new Map(offered);
  for (const m of matches) if (m.candidates.length) next.set(m.row, m.candidates);
  return next;
}

/** Whether a row waits for the user: several pledges fit it and none is chosen yet. */
export function isWaiting(match: ReceiptMatch, choices: readonly ReceiptChoice[]): boolean {
  return match.outcome === 'ambiguous' && !choices.some((c) => c.row === match.row);
}

const pledgeIds = (candidates: readonly ReceiptCandidate[]) => new Set(candidates.map((c) => c.pledgeId));

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((id) => b.has(id));
}

/**
 * The other rows waiting for a choice that `row`'s choice fits as well: of the same donor, place and kind; for a
 * pledge chosen (not a new pledge), offered the very pledges `row` was offered, that one among them.
 */
export function rowsLike(
  matches: readonly ReceiptMatch[],
  choices: readonly ReceiptChoice[],
  offered: OfferedPledges,
  row: number,
): number[] {
  const source = matches.find((m) => m.row === row);
  const choice = choices.find((c) => c.row === row);
  if (!source || !choice) return [];
  const offeredHere = pledgeIds(offered.get(row) ?? []);
  if (choice.pledgeId !== null && !offeredHere.has(choice.pledgeId)) return [];
  return matches
    .filter(
      (m) =>
        m.row !== row &&
        isWaiting(m, choices) &&
        m.donorId === source.donorId &&
        m.placeId === source.placeId &&
        m.kind === source.kind &&
        (choice.pledgeId === null || sameSet(pledgeIds(m.candidates), offeredHere)),
    )
    .map((m) => m.row);
}

/** The choices with `row`'s made for every row like it as well (`rowsLike`). */
export function applyToRowsLike(
  matches: readonly ReceiptMatch[],
  choices: readonly ReceiptChoice[],
  offered: OfferedPledges,
  row: number,
): ReceiptChoice[] {
  const choice = choices.find((c) => c.row === row);
  if (!choice) return [...choices];
  const like = rowsLike(matches, choices, offered, row);
  return [...choices, ...like.map((r) => ({ row: r, pledgeId: choice.pledgeId }))];
}
