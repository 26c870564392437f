/** The rules of the Offices panel: a chosen card file read for its preview, this office's card as a file to save. */
import { type OfficeCard, readCardText } from '../../../contract/offices';

/** What the panel shows of a card before it is accepted (its code is asked for, not shown: it is read aloud). */
export interface CardPreview {
  /** The file's text, sent as it is. */
  text: string;
  siteId: string;
  name: string;
  role: OfficeCard['role'];
  placeId: string | null;
  placeName: string | null;
}

/** A chosen file's text as a card to preview, or null when it is not one. */
export function previewCard(text: string): CardPreview | null {
  const card = readCardText(text);
  if (!card) return null;
  return {
    text,
    siteId: card.siteId,
    name: card.name,
    role: card.role,
    placeId: card.place?.id ?? null,
    placeName: card.place?.name ?? null,
  };
}

/** A text as base64 of its UTF-8 bytes (how a file the app saves is given to `saveFile`). */
export function textAsBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The place an accepted office works for, as the form starts: the card's, for a district or commune office. */
export function proposedPlace(preview: CardPreview, role: OfficeCard['role']): string | undefined {
  return role === 'district' ? (preview.placeId ?? undefined) : undefined;
}
