/**
 * A choice made for one receipt row, applied to every row waiting alike: the same donor, place and kind, and for a
 * pledge the same pledges offered; the pledges each row was offered kept once it is chosen.
 */
import { describe, expect, it } from 'vitest';
import type { ReceiptCandidate, ReceiptChoice, ReceiptMatch } from '../../contract/imports';
import { applyToRowsLike, isWaiting, rowsLike, withOffers } from '../../renderer/src/components/receiptChoices';

const pledge = (pledgeId: string): ReceiptCandidate => ({
  pledgeId,
  donorName: 'Tổ chức Tzu Chi',
  placeName: 'Huyện Bảo Lạc',
  kind: 'house',
  description: `Nhà ${pledgeId}`,
  pledgeDate: '2024-01-10',
  currency: 'VND',
  remainingAmountMinor: 100_000_000,
  itemName: null,
});
const A = pledge('A');
const B = pledge('B');
const C = pledge('C');

function row(n: number, more: Partial<ReceiptMatch> = {}): ReceiptMatch {
  return {
    row: n,
    outcome: 'ambiguous',
    pledgeId: null,
    date: '2024-05-10',
    amountMinor: 10_000_000,
    quantity: null,
    currency: 'VND',
    recipient: null,
    donorId: 'tzu-chi',
    placeId: 'bao-lac',
    kind: 'house',
    candidates: [A, B],
    ...more,
  };
}

describe('rows like a chosen one', () => {
  // Rows 3–5 fit A and B; 6 is of another kind, 7 of another place, 8 of another donor; 9 fits A and C; 10 was chosen
  // already; 11 found its pledge by itself.
  const matches = [
    row(3),
    row(4),
    row(5),
    row(6, { kind: 'gift' }),
    row(7, { placeId: 'nguyen-binh' }),
    row(8, { donorId: 'vcf' }),
    row(9, { candidates: [A, C] }),
    row(10),
    row(11, { outcome: 'place', pledgeId: 'A', candidates: [] }),
  ];
  const offered = withOffers(new Map(), matches);

  it('are those waiting with the same donor, place and kind, offered the same pledges, the one chosen among them', () => {
    const choices: ReceiptChoice[] = [
      { row: 3, pledgeId: 'B' },
      { row: 10, pledgeId: 'A' },
    ];
    expect(rowsLike(matches, choices, offered, 3)).toEqual([4, 5]);
    expect(applyToRowsLike(matches, choices, offered, 3)).toEqual([
      ...choices,
      { row: 4, pledgeId: 'B' },
      { row: 5, pledgeId: 'B' },
    ]);
  });

  it('for a new pledge, are every row waiting with the same donor, place and kind, whatever it is offered', () => {
    const choices: ReceiptChoice[] = [{ row: 3, pledgeId: null }];
    expect(rowsLike(matches, choices, offered, 3)).toEqual([4, 5, 9, 10]);
  });

  it('are found from what the row was offered before its choice, once the preview offers it none', () => {
    const choices: ReceiptChoice[] = [{ row: 3, pledgeId: 'A' }];
    // Checked again with the choice: the row is chosen and offered nothing; it keeps what it was offered.
    const again = matches.map((m) => (m.row === 3 ? row(3, { outcome: 'chosen', pledgeId: 'A', candidates: [] }) : m));
    const kept = withOffers(offered, again);
    expect(kept.get(3)).toEqual([A, B]);
    expect(rowsLike(again, choices, kept, 3)).toEqual([4, 5, 10]);
    // A row never offered the pledge chosen (one of another donor's, typed in) has no rows like it.
    expect(rowsLike(again, [{ row: 3, pledgeId: 'Z' }], kept, 3)).toEqual([]);
  });

  it('are none for a row without a choice, and a row waits only while several fit and none is chosen', () => {
    expect(rowsLike(matches, [], offered, 3)).toEqual([]);
    expect(applyToRowsLike(matches, [], offered, 3)).toEqual([]);
    expect(isWaiting(row(4), [])).toBe(true);
    expect(isWaiting(row(4), [{ row: 4, pledgeId: null }])).toBe(false);
    expect(isWaiting(row(11, { outcome: 'new' }), [])).toBe(false);
  });
});
