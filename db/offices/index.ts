/**
 * The offices this ledger knows: listed, accepted from their cards (the code typed), recorded without a key when
 * their app is of an earlier release, and revoked. What a bundle from each may change is in `db/sync/vet/`.
 */
import type { Office, ParsedInput } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { normalizeOfficeCode, showOfficeCode } from '../../contract/offices';
import { invalid } from '../core/errors';
import type { Ctx } from '../core/context';
import type { OfficesTable } from '../core/schema';
import { prepared } from '../core/statements';
import { getPlace } from '../places';
import { openBundle } from '../sync/format';
import { verifiedCard } from './card';
import { codeOf } from './keys';

export type OfficeRow = OfficesTable;

/** The office recorded under a site id, revoked or not. */
export function officeOf(ctx: Pick<Ctx, 'sqlite'>, siteId: string): OfficeRow | undefined {
  const row = prepared(
    ctx.sqlite,
    `SELECT site_id AS siteId, name, role, place_id AS placeId, public_key AS publicKey, code, card,
      accepted_at AS acceptedAt, accepted_by AS acceptedBy, revoked_at AS revokedAt, revoked_by AS revokedBy
    FROM offices WHERE site_id = ?`,
  ).get(siteId) as OfficeRow | undefined;
  return row;
}

async function toOffice(ctx: Ctx, row: OfficeRow): Promise<Office> {
  const place = row.placeId ? await getPlace(ctx, row.placeId).catch(() => null) : null;
  return {
    siteId: row.siteId,
    name: row.name,
    role: row.role,
    placeId: row.placeId,
    placeName: place?.displayName ?? null,
    code: row.code ? showOfficeCode(row.code) : null,
    acceptedAt: row.acceptedAt,
    acceptedBy: row.acceptedBy,
    revokedAt: row.revokedAt,
  };
}

export async function listOffices(ctx: Ctx): Promise<Office[]> {
  const rows = await ctx.db.selectFrom('offices').selectAll().orderBy('revokedAt').orderBy('name').execute();
  return Promise.all(rows.map((row) => toOffice(ctx, row)));
}

/**
 * The place an office works for here: the one given, else the one its card proposes if this ledger has it. A district
 * or commune office needs one: it may change only what lies there.
 */
async function homePlace(
  ctx: Ctx,
  role: Office['role'],
  given: string | null | undefined,
  proposed: string | null,
): Promise<string | null> {
  const place = given
    ? (await getPlace(ctx, given)).id
    : given === null || !proposed
      ? null
      : ((await getPlace(ctx, proposed).catch(() => null))?.id ?? null);
  if (role === 'district' && !place) {
    throw invalid('placeId', {
      vi: 'hãy chọn địa bàn của đơn vị (đơn vị huyện, xã chỉ được thay đổi dữ liệu trên địa bàn của mình)',
      en: "choose the office's place (a district or commune office may change only what lies there)",
    });
  }
  return place;
}

/**
 * Accepts another office's card: its signature checked, the code typed against the code of its key. An office on an
 * earlier release recorded before gains its key (its unsigned bundles are refused from then on).
 */
export async function acceptOffice(ctx: Ctx, input: ParsedInput<'offices.accept'>): Promise<Office> {
  const card = verifiedCard(input.card);
  if (card.siteId === ctx.site.id) {
    throw invalid('card', {
      vi: 'đây là thẻ của chính đơn vị này; hãy nhận thẻ của đơn vị kia',
      en: "this is this office's own card; accept the other office's card",
    });
  }
  const code = codeOf(card.publicKey);
  if (normalizeOfficeCode(input.officeCode) !== code) {
    throw invalid('officeCode', {
      vi: `không khớp với thẻ của ${card.name}: hãy gọi điện cho đơn vị đó để nghe lại mã hiện trên màn hình của họ; thẻ có thể đã bị thay trên đường gửi`,
      en: `does not match the card of ${card.name}: phone that office and have them read the code on their screen again; the card may have been replaced on its way`,
    });
  }
  const known = officeOf(ctx, card.siteId);
  // A revoked key stays refused; the same office with a new key (its computer replaced) is accepted anew by its code.
  if (known?.revokedAt && known.publicKey === card.publicKey) {
    throw new LedgerError(
      'office_revoked',
      {
        vi: `${known.name} đã bị thu hồi quyền gửi gói ngày ${known.revokedAt.slice(0, 10)} với chính thẻ này; đơn vị đó cần cài đặt lại để có thẻ và mã mới`,
        en: `${known.name} was revoked on ${known.revokedAt.slice(0, 10)} with this very card; that office needs a new installation, with a new card and code`,
      },
      'card',
    );
  }
  if (!known?.revokedAt && known?.publicKey && known.publicKey !== card.publicKey) {
    throw invalid('card', {
      vi: `${known.name} đã được nhận với một mã khác (${showOfficeCode(known.code ?? '')}); hãy thu hồi đơn vị đó trước nếu máy của họ đã thay`,
      en: `${known.name} was accepted with another code (${showOfficeCode(known.code ?? '')}); revoke it first if that office's computer was replaced`,
    });
  }
  // An office known before keeps the role and place recorded here unless they are given anew.
  const role = input.role ?? known?.role ?? card.role;
  const placeId = await homePlace(ctx, role, input.placeId, known?.placeId ?? card.place?.id ?? null);
  const values = {
    name: card.name,
    role,
    placeId,
    publicKey: card.publicKey,
    code,
    card: input.card,
    acceptedAt: ctx.now,
    acceptedBy: ctx.site.userName,
    revokedAt: null,
    revokedBy: null,
  };
  await ctx.db
    .insertInto('offices')
    .values({ siteId: card.siteId, ...values })
    .onConflict((oc) => oc.column('siteId').doUpdateSet(values))
    .execute();
  return toOffice(ctx, officeOf(ctx, card.siteId)!);
}

/**
 * Records an office whose app is of an earlier release, from a bundle it sent (unsigned): its id and name as the
 * bundle gives them, its role and place as set here. Its unsigned bundles are then merged when taken on purpose.
 */
export async function acceptLegacyOffice(ctx: Ctx, input: ParsedInput<'offices.admit'>): Promise<Office> {
  const opened = openBundle(Buffer.from(input.base64, 'base64'));
  if (opened.signer) {
    throw invalid('base64', {
      vi: 'gói này đã được ký: đơn vị gửi dùng phiên bản mới, hãy nhận thẻ đơn vị của họ',
      en: "this bundle is signed: the office's app is up to date; accept its card instead",
    });
  }
  const { site } = await opened.body();
  if (site.id === ctx.site.id) {
    throw invalid('base64', { vi: 'đây là gói của chính đơn vị này', en: "this is this office's own bundle" });
  }
  const known = officeOf(ctx, site.id);
  if (known) {
    throw new LedgerError(
      'duplicate',
      {
        vi: `${known.name} đã có trong danh sách đơn vị${known.publicKey ? ' (đã gửi thẻ: gói chưa ký của đơn vị này bị từ chối)' : ''}`,
        en: `${known.name} is already known${known.publicKey ? ' (it sent its card: its unsigned bundles are refused)' : ''}`,
      },
      'base64',
    );
  }
  const placeId = await homePlace(ctx, input.role, input.placeId, null);
  await ctx.db
    .insertInto('offices')
    .values({
      siteId: site.id,
      name: site.name.slice(0, 100),
      role: input.role,
      placeId,
      publicKey: null,
      code: null,
      card: null,
      acceptedAt: ctx.now,
      acceptedBy: ctx.site.userName,
      revokedAt: null,
      revokedBy: null,
    })
    .execute();
  return toOffice(ctx, officeOf(ctx, site.id)!);
}

/** Revokes an office: its bundles are refused from now on (what it sent before stays). */
export async function revokeOffice(ctx: Ctx, input: ParsedInput<'offices.revoke'>): Promise<Office> {
  const known = officeOf(ctx, input.siteId);
  if (!known) throw new LedgerError('not_found', { vi: 'Không có đơn vị này', en: 'No such office' }, 'siteId');
  if (known.revokedAt) {
    throw invalid('siteId', {
      vi: `${known.name} đã bị thu hồi ngày ${known.revokedAt.slice(0, 10)}`,
      en: `${known.name} was already revoked on ${known.revokedAt.slice(0, 10)}`,
    });
  }
  await ctx.db
    .updateTable('offices')
    .set({ revokedAt: ctx.now, revokedBy: ctx.site.userName })
    .where('siteId', '=', input.siteId)
    .execute();
  return toOffice(ctx, officeOf(ctx, input.siteId)!);
}
