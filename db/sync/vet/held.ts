/**
 * What the ledger holds, as the vetting of a bundle reads it: a received row or deletion that changes nothing here
 * (the same version, or one older than what is here) is never refused, whoever it claims to be from — bundles carry
 * the rows their rows point to, and a full bundle carries everything its office holds.
 */
import { prepared } from '../../core/statements';
import type { Ctx } from '../../core/context';
import { deletionSaw, relate } from '../conflicts';
import { BUNDLE_TABLES, type Row, refuse, type Table, type Tombstone, type Words } from '../contents';

/** The site a version was made at (its suffix after the milliseconds and the counter). */
export const siteOfVersion = (version: string) => version.split('-').slice(2).join('-');

export const tableOf = (entity: string): Table | undefined => BUNDLE_TABLES.find(([, e]) => e === entity)?.[0];

export function heldRow(ctx: Ctx, table: Table, id: string): Row | undefined {
  return prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
}

export function heldTombstone(ctx: Ctx, entity: string, id: string): Tombstone | undefined {
  return prepared(ctx.sqlite, `SELECT * FROM tombstones WHERE entity = ? AND id = ?`).get(entity, id) as
    | Tombstone
    | undefined;
}

/** Whether this version was already set against the record here as a conflict (the merge records it once). */
function conflictSeen(ctx: Ctx, entity: string, id: string, version: string): boolean {
  return (
    prepared(
      ctx.sqlite,
      `SELECT 1 FROM sync_conflicts WHERE entity = ? AND record_id = ? AND other_version = ? LIMIT 1`,
    ).get(entity, id, version) !== undefined
  );
}

/**
 * Whether merging a received row would change nothing here: the version here is the same or built on it, or a later
 * one already set against it; the record was deleted here after it; or it is a rate whose twin stands here.
 */
export function changesNothing(ctx: Ctx, table: Table, entity: string, row: Row): boolean {
  const ours = heldRow(ctx, table, row.id);
  if (ours) {
    const relation = relate(ours, row);
    if (relation === 'same' || relation === 'ours-newer') return true;
    return relation === 'concurrent' && row.version < ours.version && conflictSeen(ctx, entity, row.id, row.version);
  }
  const deleted = heldTombstone(ctx, entity, row.id);
  if (deleted && deleted.version >= row.version)
    return deletionSaw(deleted, row) || conflictSeen(ctx, entity, row.id, row.version);
  if (table !== 'exchange_rates') return false;
  // The same (currency, date) entered at two offices: the smaller id stands everywhere (see `settleRateTwin`).
  const twin = prepared(ctx.sqlite, `SELECT * FROM exchange_rates WHERE currency = ? AND valid_on = ? AND id <> ?`).get(
    row.currency,
    row.valid_on,
    row.id,
  ) as Row | undefined;
  return twin !== undefined && twin.id < row.id && twin.rate === row.rate && twin.source === row.source;
}

/**
 * Whether merging a received deletion would change nothing here: the record was deleted here at that or a later
 * version, or is held here at a later version (an edit that came after it stands; the deletion is at most shown
 * beside it).
 */
export function deletionChangesNothing(ctx: Ctx, tomb: Tombstone): boolean {
  const table = tableOf(tomb.entity);
  if (!table) return true;
  const here = heldTombstone(ctx, tomb.entity, tomb.id);
  if (here) return here.version >= tomb.version;
  const row = heldRow(ctx, table, tomb.id);
  return row !== undefined && row.version > tomb.version;
}

const ENTITY_WORDS: Record<string, Words> = {
  place: { vi: 'địa bàn', en: 'place' },
  place_successor: { vi: 'liên kết kế thừa địa bàn', en: 'place succession link' },
  donor: { vi: 'nhà tài trợ', en: 'donor' },
  aid_item: { vi: 'khoản viện trợ', en: 'aid item' },
  aid_item_stage: { vi: 'giai đoạn của khoản viện trợ', en: 'aid item stage' },
  pledge: { vi: 'cam kết', en: 'pledge' },
  delivery: { vi: 'lần giao / giải ngân', en: 'delivery' },
  exchange_rate: { vi: 'tỷ giá', en: 'exchange rate' },
  ngo_profile: { vi: 'thông tin tổ chức PCPNN', en: "NGO's profile" },
  ngo_certificate: { vi: 'giấy đăng ký của tổ chức PCPNN', en: "NGO's certificate" },
  ngo_contact: { vi: 'người liên hệ của tổ chức PCPNN', en: "NGO's contact person" },
  ngo_plan: { vi: 'kế hoạch hoạt động của tổ chức PCPNN', en: "NGO's activity plan" },
  ngo_year_report: { vi: 'báo cáo năm của tổ chức PCPNN', en: "NGO's yearly report" },
  ngo_acknowledgement: { vi: 'ghi nhận cảnh báo về giấy đăng ký', en: 'acknowledged certificate warning' },
};

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 60) : '');

/** What a person reads of a record: a pledge's date and description, a donor's name, a rate's currency and date. */
function gist(row: Record<string, unknown> | undefined): string {
  if (!row) return '';
  if (typeof row.pledge_date === 'string') return ` ${row.pledge_date} "${text(row.description)}"`;
  if (typeof row.name === 'string') return ` "${text(row.name)}"`;
  if (typeof row.currency === 'string' && typeof row.valid_on === 'string') return ` ${row.currency} ${row.valid_on}`;
  if (typeof row.delivery_date === 'string') return ` ${row.delivery_date}`;
  if (typeof row.on_date === 'string') return ` ${text(row.stage)} ${row.on_date}`;
  return '';
}

/** A record named in a refusal: what it is, what a person reads of it, its id; and for a deletion, that it is one. */
export function nameRecord(entity: string, id: string, row?: Record<string, unknown>, deletion = false): Words {
  const word = ENTITY_WORDS[entity] ?? { vi: entity, en: entity };
  const named = `${gist(row)} (${String(id).slice(0, 60)})`;
  return deletion
    ? { vi: `lệnh xóa ${word.vi}${named}`, en: `the deletion of the ${word.en}${named}` }
    : { vi: `${word.vi}${named}`, en: `the ${word.en}${named}` };
}

/** A record a bundle may not carry, and why. */
export interface Offence {
  record: Words;
  why?: Words;
}

/** How many records a refusal names; the rest are counted. */
const NAMED = 10;

/** Refuses the whole bundle: why, then the records at fault (at most ten named, and how many more). */
export function refuseOffences(why: Words, offences: Offence[]): never {
  const named = offences.slice(0, NAMED);
  const list = (lang: 'vi' | 'en') =>
    named.map((o) => (o.why ? `${o.record[lang]} (${o.why[lang]})` : o.record[lang])).join('; ');
  const more = offences.length - named.length;
  throw refuse(
    `${why.vi}: ${list('vi')}${more > 0 ? `; và ${more} bản ghi khác` : ''}; sổ không bị thay đổi`,
    `${why.en}: ${list('en')}${more > 0 ? `; and ${more} more` : ''}; the ledger was not changed`,
  );
}
