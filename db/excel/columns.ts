/** The data-entry template's columns, in order, and the vocabulary officers type into them. */
import { PLEDGE_KINDS, PLEDGE_STATUSES, type PledgeKind, type PledgeStatus } from '../../contract';
import { VOCABULARY } from '../../contract/labels';
import { foldText } from '../../contract/text';

export const TEMPLATE_COLUMNS = [
  { key: 'date', header: 'Ngày cam kết', width: 14 },
  { key: 'donor', header: 'Nhà tài trợ', width: 32 },
  { key: 'country', header: 'Quốc gia', width: 16 },
  { key: 'place', header: 'Địa bàn', width: 24 },
  { key: 'kind', header: 'Loại hỗ trợ', width: 16 },
  { key: 'description', header: 'Nội dung', width: 36 },
  { key: 'quantity', header: 'Số lượng', width: 10 },
  { key: 'unit', header: 'Đơn vị tính', width: 11 },
  { key: 'unitValue', header: 'Đơn giá', width: 16 },
  { key: 'amount', header: 'Thành tiền', width: 18 },
  { key: 'currency', header: 'Loại tiền', width: 10 },
  { key: 'rate', header: 'Tỷ giá', width: 10 },
  { key: 'beneficiaries', header: 'Số người hưởng lợi', width: 12 },
  { key: 'status', header: 'Trạng thái', width: 16 },
  { key: 'notes', header: 'Ghi chú', width: 30 },
] as const;

export type ColumnKey = (typeof TEMPLATE_COLUMNS)[number]['key'];
export const TEMPLATE_SHEET = 'Nhập liệu';

/** Headers compared ignoring case, accents and all spacing. */
export function headerKey(text: string): string {
  return foldText(text).replace(/[\s_.:-]+/g, '');
}

export const KIND_LABELS: readonly string[] = PLEDGE_KINDS.map((k) => VOCABULARY.vi.pledgeKind[k]);
export const STATUS_LABELS: readonly string[] = PLEDGE_STATUSES.map((s) => VOCABULARY.vi.pledgeStatus[s]);

function lookup<T extends string>(values: readonly T[], labels: (lang: 'vi' | 'en', v: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const v of values) {
    map.set(foldText(v.replace('_', ' ')), v);
    map.set(foldText(labels('vi', v)), v);
    map.set(foldText(labels('en', v)), v);
  }
  return map;
}

export const KINDS_BY_TEXT = lookup<PledgeKind>(PLEDGE_KINDS, (lang, k) => VOCABULARY[lang].pledgeKind[k]);
// Officers also write the singular or the everyday word.
for (const [text, kind] of [['nha', 'house'], ['qua tang', 'gift'], ['suat qua', 'gift'], ['thiet bi', 'equipment'], ['tien', 'cash']] as const) KINDS_BY_TEXT.set(text, kind);
export const STATUSES_BY_TEXT = lookup<PledgeStatus>(PLEDGE_STATUSES, (lang, s) => VOCABULARY[lang].pledgeStatus[s]);
STATUSES_BY_TEXT.set('huy bo', 'cancelled');
STATUSES_BY_TEXT.set('da huy', 'cancelled');
