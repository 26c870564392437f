/** The data-entry template's columns, in order, and the vocabulary officers type into them. */
import { PLEDGE_KINDS, PLEDGE_STATUSES, type PledgeKind, type PledgeStatus } from '../../contract';
import { AID_MODALITIES, STANDARD_SECTORS, type AidModality } from '../../contract/items';
import { ITEM_VOCABULARY, VOCABULARY } from '../../contract/labels';
import { IMPORT_FIELD_HEADERS, type ImportField } from '../../contract/imports';
import { foldText } from '../../contract/text';

export const TEMPLATE_COLUMNS = [
  { key: 'date', header: IMPORT_FIELD_HEADERS.date, width: 14 },
  { key: 'donor', header: IMPORT_FIELD_HEADERS.donor, width: 32 },
  { key: 'country', header: IMPORT_FIELD_HEADERS.country, width: 16 },
  { key: 'place', header: IMPORT_FIELD_HEADERS.place, width: 24 },
  { key: 'kind', header: IMPORT_FIELD_HEADERS.kind, width: 16 },
  { key: 'description', header: IMPORT_FIELD_HEADERS.description, width: 36 },
  { key: 'quantity', header: IMPORT_FIELD_HEADERS.quantity, width: 10 },
  { key: 'unit', header: IMPORT_FIELD_HEADERS.unit, width: 11 },
  { key: 'unitValue', header: IMPORT_FIELD_HEADERS.unitValue, width: 16 },
  { key: 'amount', header: IMPORT_FIELD_HEADERS.amount, width: 18 },
  { key: 'currency', header: IMPORT_FIELD_HEADERS.currency, width: 10 },
  { key: 'rate', header: IMPORT_FIELD_HEADERS.rate, width: 10 },
  { key: 'beneficiaries', header: IMPORT_FIELD_HEADERS.beneficiaries, width: 12 },
  { key: 'status', header: IMPORT_FIELD_HEADERS.status, width: 16 },
  { key: 'notes', header: IMPORT_FIELD_HEADERS.notes, width: 30 },
  // Optional: the aid item (khoản viện trợ) the row belongs to. Rows naming the same item and donor join one item.
  { key: 'itemName', header: IMPORT_FIELD_HEADERS.itemName, width: 32 },
  { key: 'modality', header: IMPORT_FIELD_HEADERS.modality, width: 14 },
  { key: 'sector', header: IMPORT_FIELD_HEADERS.sector, width: 24 },
  { key: 'approvalNumber', header: IMPORT_FIELD_HEADERS.approvalNumber, width: 18 },
  { key: 'approvalDate', header: IMPORT_FIELD_HEADERS.approvalDate, width: 14 },
  // Optional: for a place that is a former unit become several, the one of today the aid went to.
  { key: 'todayIn', header: IMPORT_FIELD_HEADERS.todayIn, width: 24 },
  // Optional: what was received — the day, the amount or quantity — matched to the pledge it fulfils, and who.
  { key: 'receivedDate', header: IMPORT_FIELD_HEADERS.receivedDate, width: 14 },
  { key: 'receivedAmount', header: IMPORT_FIELD_HEADERS.receivedAmount, width: 18 },
  { key: 'receivedQuantity', header: IMPORT_FIELD_HEADERS.receivedQuantity, width: 12 },
  { key: 'recipient', header: IMPORT_FIELD_HEADERS.recipient, width: 28 },
  { key: 'village', header: IMPORT_FIELD_HEADERS.village, width: 16 },
] as const satisfies readonly { key: ImportField; header: string; width: number }[];

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
for (const [text, kind] of [
  ['nha', 'house'],
  ['qua tang', 'gift'],
  ['suat qua', 'gift'],
  ['thiet bi', 'equipment'],
  ['tien', 'cash'],
] as const)
  KINDS_BY_TEXT.set(text, kind);
export const STATUSES_BY_TEXT = lookup<PledgeStatus>(PLEDGE_STATUSES, (lang, s) => VOCABULARY[lang].pledgeStatus[s]);
STATUSES_BY_TEXT.set('huy bo', 'cancelled');
STATUSES_BY_TEXT.set('da huy', 'cancelled');

export const MODALITY_LABELS: readonly string[] = AID_MODALITIES.map((m) => ITEM_VOCABULARY.vi.modality[m]);
export const SECTOR_LABELS: readonly string[] = STANDARD_SECTORS.map((s) => ITEM_VOCABULARY.vi.sector[s]);

export const MODALITIES_BY_TEXT = new Map<string, AidModality>();
for (const m of AID_MODALITIES) {
  for (const text of [m.replace('_', ' '), ITEM_VOCABULARY.vi.modality[m], ITEM_VOCABULARY.en.modality[m]])
    MODALITIES_BY_TEXT.set(foldText(text), m);
}
MODALITIES_BY_TEXT.set('non project', 'non_project');

/** A standard sector's key by its name in either language; a department's own sector is kept as written. */
export function sectorOfText(text: string): string {
  const folded = foldText(text);
  for (const s of STANDARD_SECTORS) {
    if (
      folded === foldText(ITEM_VOCABULARY.vi.sector[s]) ||
      folded === foldText(ITEM_VOCABULARY.en.sector[s]) ||
      folded === s
    )
      return s;
  }
  return text.trim();
}
