/**
 * A ledger row as a person reads it: a line naming the record (a pledge's date, donor, place, description and
 * amount; a donor's name; …), its fields as the history shows them, and whether this office made it.
 */
import type { Bilingual } from '../../../contract/errors';
import { ITEM_VOCABULARY, labelIn } from '../../../contract/labels';
import { formatAmount, milliToQuantity } from '../../../contract/money';
import { dayText } from '../../../contract/dates';
import { prepared } from '../../core/statements';
import type { Ctx } from '../../core/context';
import { BUNDLE_TABLES, type Row, type Table } from '../contents';

export const entityOf = (table: Table): string => BUNDLE_TABLES.find(([t]) => t === table)![1];
export const tableOf = (entity: string): Table | undefined => BUNDLE_TABLES.find(([, e]) => e === entity)?.[0];

/** The record a row belongs to (a delivery's pledge, a stage's item): its history includes the row's. */
export const PARENT_COLUMN: Partial<Record<Table, string>> = { deliveries: 'pledge_id', aid_item_stages: 'item_id' };

/** Columns that say when and where a row was written, not what it holds. */
const BOOKKEEPING = new Set(['version', 'origin_site', 'base_version', 'search_text', 'name_folded', 'name_key']);

/** A stored row's fields as the history records them: named as the contract names them, quantities as text. */
export function fieldsOf(row: Row): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    if (BOOKKEEPING.has(column)) continue;
    if (column === 'quantity_milli') {
      fields.quantity = typeof value === 'number' ? milliToQuantity(value) : null;
      continue;
    }
    fields[column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  }
  return fields;
}

/** The site at the end of a version ("<ms>-<counter>-<site>"). */
const siteOfVersion = (version: unknown) => (typeof version === 'string' ? version.split('-').slice(2).join('-') : '');

/** Whether this office made a record: its version is this office's, or its history says this office created it. */
export function madeHere(ctx: Ctx, row: Row): boolean {
  if (siteOfVersion(row.version) === ctx.site.id) return true;
  return (
    prepared(
      ctx.sqlite,
      `SELECT 1 FROM audit_log WHERE entity_id = ? AND action = 'create' AND site_id = ? AND received_in IS NULL LIMIT 1`,
    ).get(row.id, ctx.site.id) !== undefined
  );
}

const nameIn = (ctx: Ctx, table: string, id: unknown, column = 'name'): string => {
  if (typeof id !== 'string') return '';
  const found = prepared(ctx.sqlite, `SELECT ${column} AS name FROM ${table} WHERE id = ?`).get(id) as
    | { name: string }
    | undefined;
  return found?.name ?? '';
};

/** An amount in minor units in the language's style, with its currency ('' when there is none). */
const amountText = (minor: unknown, currency: unknown, lang: 'vi' | 'en') =>
  typeof minor === 'number' && typeof currency === 'string' ? `${formatAmount(minor, currency, lang)} ${currency}` : '';

const both = (text: (lang: 'vi' | 'en') => string): Bilingual => ({ vi: text('vi'), en: text('en') });

/** One line naming a record as a person reads it, in both languages (names looked up in the ledger as it stands). */
export function whatIs(ctx: Ctx, table: Table, row: Row): Bilingual {
  const r = row as Record<string, unknown>;
  switch (table) {
    case 'pledges': {
      const donor = nameIn(ctx, 'donors', r.donor_id);
      const place = nameIn(ctx, 'places', r.place_id);
      const amount = amountText(r.amount_minor, r.currency, 'vi');
      const amountEn = amountText(r.amount_minor, r.currency, 'en');
      return {
        vi: `Cam kết ngày ${dayText(String(r.pledge_date))} của ${donor} tại ${place}: ${String(r.description)}, ${amount}`,
        en: `Pledge of ${dayText(String(r.pledge_date))} by ${donor} in ${place}: ${String(r.description)}, ${amountEn}`,
      };
    }
    case 'deliveries': {
      const pledge = nameIn(ctx, 'pledges', r.pledge_id, 'description');
      const quantity = typeof r.quantity_milli === 'number' ? milliToQuantity(r.quantity_milli) : '';
      const what = (lang: 'vi' | 'en') =>
        [amountText(r.amount_minor, r.currency, lang), quantity].filter(Boolean).join(', ');
      return {
        vi: `Giao / giải ngân ngày ${dayText(String(r.delivery_date))}: ${what('vi')} (cam kết "${pledge}")`,
        en: `Delivery of ${dayText(String(r.delivery_date))}: ${what('en')} (pledge "${pledge}")`,
      };
    }
    case 'donors':
      return { vi: `Nhà tài trợ ${String(r.name)}`, en: `Donor ${String(r.name)}` };
    case 'places':
      return { vi: `Địa bàn ${String(r.name)}`, en: `Place ${String(r.name)}` };
    case 'place_successors': {
      const [from, to] = [nameIn(ctx, 'places', r.place_id), nameIn(ctx, 'places', r.successor_id)];
      return { vi: `Kế thừa địa bàn: ${from} → ${to}`, en: `Place succession: ${from} → ${to}` };
    }
    case 'aid_items':
      return { vi: `Khoản viện trợ ${String(r.name)}`, en: `Aid item ${String(r.name)}` };
    case 'aid_item_stages': {
      const item = nameIn(ctx, 'aid_items', r.item_id);
      const stage = (lang: 'vi' | 'en') => labelIn(ITEM_VOCABULARY[lang].stage, String(r.stage));
      const on = dayText(String(r.on_date));
      return {
        vi: `Giai đoạn "${stage('vi')}" ngày ${on} của khoản viện trợ ${item}`,
        en: `Stage "${stage('en')}" of ${on} of the aid item ${item}`,
      };
    }
    case 'exchange_rates':
      return both(
        (lang) =>
          `${lang === 'vi' ? 'Tỷ giá' : 'Exchange rate'} ${String(r.currency)} ${dayText(String(r.valid_on))}: ${String(r.rate)} (${String(r.source)})`,
      );
    case 'ngo_profiles': {
      const ngo = nameIn(ctx, 'donors', r.donor_id);
      return { vi: `Thông tin tổ chức PCPNN ${ngo}`, en: `Profile of the NGO ${ngo}` };
    }
    case 'ngo_certificates': {
      const ngo = nameIn(ctx, 'donors', r.donor_id);
      const validity = `${dayText(String(r.issued_on))}–${dayText(String(r.valid_until))}`;
      return {
        vi: `Giấy đăng ký ${String(r.number)} (${validity}) của ${ngo}`,
        en: `Certificate ${String(r.number)} (${validity}) of ${ngo}`,
      };
    }
    case 'ngo_contacts': {
      const ngo = nameIn(ctx, 'donors', r.donor_id);
      return { vi: `Người liên hệ ${String(r.name)} của ${ngo}`, en: `Contact person ${String(r.name)} of ${ngo}` };
    }
    case 'ngo_plans': {
      const ngo = nameIn(ctx, 'donors', r.donor_id);
      const on = dayText(String(r.received_on));
      return { vi: `Kế hoạch hoạt động của ${ngo} nhận ngày ${on}`, en: `Activity plan of ${ngo} received ${on}` };
    }
    case 'ngo_year_reports': {
      const ngo = nameIn(ctx, 'donors', r.donor_id);
      return { vi: `Báo cáo năm ${String(r.year)} của ${ngo}`, en: `Yearly report ${String(r.year)} of ${ngo}` };
    }
    case 'ngo_acknowledgements':
      return {
        vi: `Ghi nhận cảnh báo về giấy đăng ký: ${String(r.reason)}`,
        en: `Certificate warning acknowledged: ${String(r.reason)}`,
      };
  }
}
