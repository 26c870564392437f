/**
 * Reading a bundle to merge: its header and checksum, then who signed it — an office this ledger accepted, not revoked,
 * whose key made the signature — before its body is read. A bundle of an earlier release (unsigned) is taken only on
 * purpose, and only from an office recorded here as on that release (no key).
 */
import { LedgerError } from '../../contract/errors';
import type { Ctx } from '../core/context';
import { type OfficeRow, officeOf } from '../offices';
import { verifyText } from '../offices/keys';
import { type Bundle, refuse } from './contents';
import { openBundle } from './format';

/** The office a bundle is from, as this ledger recorded it. */
export interface Signer {
  siteId: string;
  name: string;
  role: OfficeRow['role'];
  /** Its home place here (a district or commune office changes only what lies there). */
  placeId: string | null;
  /** An office on an earlier release, whose unsigned bundle was taken on purpose. */
  legacy: boolean;
}

export interface ReadOptions {
  /** Take a bundle of an earlier release (unsigned) from an office recorded as on that release. */
  acceptUnsigned?: boolean;
}

const revokedOffice = (vi: string, en: string) =>
  new LedgerError('office_revoked', { vi: `Gói dữ liệu bị từ chối: ${vi}`, en: `Bundle refused: ${en}` });
const unknownOffice = (vi: string, en: string) =>
  new LedgerError('unknown_office', { vi: `Gói dữ liệu bị từ chối: ${vi}`, en: `Bundle refused: ${en}` });

function refuseOwn(ctx: Ctx, siteId: string): void {
  if (siteId === ctx.site.id) {
    throw refuse(
      'đây là gói do chính đơn vị này tạo ra; hãy nhận gói của đơn vị khác',
      "it was made by this office itself; receive another office's bundle",
    );
  }
}

/**
 * An office that may send bundles: known here and not revoked. `named`: the name an unsigned bundle gives (a signed one
 * is not read before its office is known).
 */
function knownOffice(ctx: Ctx, siteId: string, named: string | null): OfficeRow {
  const office = officeOf(ctx, siteId);
  if (!office) {
    const who =
      named === null
        ? { vi: 'một đơn vị', en: 'an office' }
        : { vi: `"${named}", một đơn vị`, en: `"${named}", an office` };
    throw unknownOffice(
      `gói của ${who.vi} chưa có trong danh sách đơn vị của sổ này (mã đơn vị ${siteId}; Đồng bộ → Đơn vị): ${named === null ? 'hãy nhận thẻ đơn vị của họ trước' : 'hãy ghi đơn vị đó là đơn vị dùng phiên bản cũ trước'}`,
      `it is from ${who.en} this ledger does not know (office id ${siteId}; Sync → Offices): ${named === null ? 'accept its office card first' : 'record it as an office on an earlier release first'}`,
    );
  }
  if (office.revokedAt) {
    throw revokedOffice(
      `${office.name} đã bị thu hồi quyền gửi gói ngày ${office.revokedAt.slice(0, 10)}`,
      `${office.name} was revoked on ${office.revokedAt.slice(0, 10)}`,
    );
  }
  return office;
}

/** The bundle in `bytes` and the office it is from, or a refusal naming why; nothing of it is merged yet. */
export async function readBundle(
  ctx: Ctx,
  bytes: Buffer,
  options: ReadOptions = {},
): Promise<{ bundle: Bundle; signer: Signer }> {
  const opened = openBundle(bytes);
  if (opened.signer) {
    const { siteId, signature, signedText } = opened.signer;
    refuseOwn(ctx, siteId);
    const office = knownOffice(ctx, siteId, null);
    if (!office.publicKey) {
      throw unknownOffice(
        `${office.name} được ghi là đơn vị dùng phiên bản cũ, chưa gửi thẻ đơn vị; hãy nhận thẻ đơn vị của họ`,
        `${office.name} is recorded as an office on an earlier release and has not sent its card; accept its office card`,
      );
    }
    if (!verifyText(office.publicKey, signedText, signature)) {
      throw refuse(
        `chữ ký không phải của ${office.name}: tệp đã bị sửa đổi, hoặc không do đơn vị đó tạo ra`,
        `the signature is not that of ${office.name}: the file was altered, or not made by that office`,
      );
    }
    return { bundle: await opened.body(), signer: signerOf(office) };
  }
  if (!options.acceptUnsigned) {
    throw new LedgerError('unsigned_bundle', {
      vi: 'Gói dữ liệu bị từ chối: gói được tạo bởi một phiên bản trước của ứng dụng, không có chữ ký của đơn vị gửi; hãy cập nhật ứng dụng ở đơn vị đó và nhận thẻ đơn vị của họ (hoặc, nếu chưa cập nhật được, nhận gói này có chủ ý từ một đơn vị đã ghi là dùng phiên bản cũ)',
      en: 'Bundle refused: it was made by an earlier release of the app and is not signed by its office; update that office and let it join by its card (or, until it can update, accept this bundle on purpose from an office recorded as on an earlier release)',
    });
  }
  const bundle = await opened.body();
  refuseOwn(ctx, bundle.site.id);
  const office = knownOffice(ctx, bundle.site.id, bundle.site.name.slice(0, 100));
  if (office.publicKey) {
    throw new LedgerError('unsigned_bundle', {
      vi: `Gói dữ liệu bị từ chối: ${office.name} đã gửi thẻ đơn vị nên gói chưa ký mang tên đơn vị này không được nhận; hãy xin một gói tạo bằng ứng dụng đã cập nhật của họ`,
      en: `Bundle refused: ${office.name} has sent its card, so unsigned bundles in its name are refused; ask for a bundle made by its updated app`,
    });
  }
  return { bundle, signer: signerOf(office) };
}

function signerOf(office: OfficeRow): Signer {
  return {
    siteId: office.siteId,
    name: office.name,
    role: office.role,
    placeId: office.placeId,
    legacy: !office.publicKey,
  };
}
