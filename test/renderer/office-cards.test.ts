/** The Offices panel's rules: a chosen file read as a card to preview, and this office's card as a file to save. */
import { describe, expect, it } from 'vitest';
import { previewCard, proposedPlace, textAsBase64 } from '../../renderer/src/screens/officeCards';

const CARD = {
  format: 'aid-ledger-office',
  formatVersion: 1,
  siteId: '3b23bfd1-5c35-4ffc-929c-1398bbf441db',
  name: 'Huyện Bảo Lạc',
  role: 'district',
  place: { id: '14c79a83-e65b-571f-a095-383726eba85e', name: 'Huyện Bảo Lạc' },
  publicKey: 'MCowBQYDK2VwAyEAf1tR3rJmcDJ2YbLm0uS7Vt1jZkB9nH0Q2rV7n0Yw4cE=',
  madeAt: '2025-09-01T00:00:00.000Z',
  signature: `${'A'.repeat(86)}==`,
};

describe('office cards in the panel', () => {
  it('are previewed by their name, role and proposed place, and a file that is not one is not', () => {
    const text = JSON.stringify(CARD);
    expect(previewCard(text)).toEqual({
      text,
      siteId: CARD.siteId,
      name: 'Huyện Bảo Lạc',
      role: 'district',
      placeId: CARD.place.id,
      placeName: 'Huyện Bảo Lạc',
    });
    for (const bad of ['', 'not json', '{}', JSON.stringify({ ...CARD, role: 'king' }), JSON.stringify([CARD])])
      expect(previewCard(bad), bad).toBeNull();
  });

  it("propose the card's place for a district or commune office only", () => {
    const preview = previewCard(JSON.stringify(CARD))!;
    expect(proposedPlace(preview, 'district')).toBe(CARD.place.id);
    expect(proposedPlace(preview, 'province')).toBeUndefined();
  });

  it('are saved as their UTF-8 text', () => {
    const decoded = (base64: string) => new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    expect(decoded(textAsBase64('Sở Ngoại vụ Cao Bằng'))).toBe('Sở Ngoại vụ Cao Bằng');
    const long = 'đ'.repeat(100_000);
    expect(decoded(textAsBase64(long))).toBe(long);
  });
});
