/**
 * Office cards: this office's, made and signed here to send to the others; another office's, read and checked before
 * it is accepted (its signature by its own key, and the code typed against the key's code).
 */
import {
  cardSignedText,
  OFFICE_CARD_EXTENSION,
  OFFICE_CARD_FORMAT,
  OFFICE_CARD_FORMAT_VERSION,
  type OfficeCard,
  type OwnOfficeCard,
  readCardText,
  showOfficeCode,
} from '../../contract/offices';
import { invalid } from '../core/errors';
import type { Ctx } from '../core/context';
import { getPlace } from '../places';
import { getSettings } from '../settings';
import { codeOf, ownKeys, signText, verifyText } from './keys';

/** A name as a file name: letters and digits of its unaccented form, the rest as dashes. */
export function fileNamePart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-');
}

/** This office's card: its id, name, role and home place, and its public key, signed with its private key. */
export async function ownCard(ctx: Ctx): Promise<OwnOfficeCard> {
  const settings = await getSettings(ctx);
  const keys = ownKeys(ctx);
  const place = settings.sitePlaceId ? await getPlace(ctx, settings.sitePlaceId).catch(() => null) : null;
  const unsigned: Omit<OfficeCard, 'signature'> = {
    format: OFFICE_CARD_FORMAT,
    formatVersion: OFFICE_CARD_FORMAT_VERSION,
    siteId: ctx.site.id,
    name: settings.siteName,
    role: settings.siteRole,
    place: place ? { id: place.id, name: place.displayName } : null,
    publicKey: keys.publicKey,
    madeAt: ctx.now,
  };
  const card: OfficeCard = { ...unsigned, signature: signText(keys.privateKey, cardSignedText(unsigned)) };
  return {
    fileName: `don-vi-${fileNamePart(settings.siteName)}${OFFICE_CARD_EXTENSION}`,
    text: `${JSON.stringify(card, null, 2)}\n`,
    code: showOfficeCode(codeOf(keys.publicKey)),
    siteId: ctx.site.id,
    name: settings.siteName,
    role: settings.siteRole,
    placeName: place?.displayName ?? null,
  };
}

/** Another office's card, read and its signature checked; refused, naming why, if it is not a card or not whole. */
export function verifiedCard(text: string): OfficeCard {
  const card = readCardText(text);
  if (!card) {
    throw invalid('card', {
      vi: 'tệp không phải thẻ đơn vị của Sổ theo dõi viện trợ (.aidoffice)',
      en: 'the file is not an Aid Ledger office card (.aidoffice)',
    });
  }
  const { signature, ...rest } = card;
  if (!verifyText(card.publicKey, cardSignedText(rest), signature)) {
    throw invalid('card', {
      vi: 'thẻ đã bị sửa đổi (chữ ký không khớp); hãy xin đơn vị gửi lại thẻ',
      en: 'the card was altered (its signature does not match); ask the office to send it again',
    });
  }
  return card;
}
