/**
 * A record's history in the user's words: each changed field by its label, each value as the screens show it (money
 * in the record's currency, dates as dd/mm/yyyy, statuses, stages, kinds and sectors by their names, donors, places
 * and aid items by name instead of id), the ledger's bookkeeping (versions, search text, timestamps) never shown;
 * and each entry's colour.
 */
import type { FieldChange, HistoryEntry } from '../../../contract';
import { ITEM_VOCABULARY, type Lang, sectorLabel, VOCABULARY } from '../../../contract/labels';
import { milliToQuantity } from '../../../contract/money';
import { fieldLabel } from '../../../contract/validation';
import { money, showDate, showQuantity, showRate } from '../format';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';

/** Names of records, by id, for the fields that hold one (null when the record is not known here). */
export type NameOf = (id: string) => string | undefined;

/** Names of units ("Địa bàn", "Nay thuộc"), by id. */
export type PlaceNames = NameOf;

/** What a history's values are read with: the record's currencies, the language, and the names ids stand for. */
export interface HistoryWords {
  lang: Lang;
  /** The record's currency (an aid item's: that of its value). */
  currency: string;
  /** An aid item's counterpart funds' currency, when it differs from `currency`. */
  counterpartCurrency?: string | null | undefined;
  places?: NameOf | undefined;
  donors?: NameOf | undefined;
  items?: NameOf | undefined;
  /** Provinces of the catalogue by code, for the NGO registry's certificates ("Tỉnh Cao Bằng"). */
  provinces?: NameOf | undefined;
}

/** The ledger's bookkeeping, as the contract names it and as older entries stored it (columns): never shown. */
const BOOKKEEPING = new Set([
  'id',
  'version',
  'originSite',
  'baseVersion',
  'searchText',
  'nameFolded',
  'nameKey',
  'createdAt',
  'updatedAt',
  'statusByUser',
]);

const camel = (field: string) => field.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The changes a person reads: fields named as the contract names them (entries merged by older releases stored
 * columns: "quantity_milli", "item_id"), bookkeeping left out.
 */
export function shownChanges(changes: FieldChange[]): FieldChange[] {
  return changes.flatMap((change) => {
    if (change.field === 'quantity_milli') {
      const quantity = (v: unknown) => (typeof v === 'number' ? milliToQuantity(v) : v);
      return [{ field: 'quantity', before: quantity(change.before), after: quantity(change.after) }];
    }
    const field = camel(change.field);
    return BOOKKEEPING.has(field) ? [] : [{ ...change, field }];
  });
}

const catalog = (lang: Lang) => (lang === 'en' ? en : vi).detail.historyWords;

const MONEY_FIELDS = new Set(['amountMinor', 'unitValueMinor', 'vndEquivalent', 'valueMinor', 'counterpartMinor']);
const DONOR_FIELDS = new Set(['donorId', 'mergedInto']);
const PLACE_FIELDS = new Set(['placeId', 'todayPlaceId', 'parentId']);
const DATE_FIELDS = new Set([
  'date',
  'validOn',
  'validFrom',
  'validTo',
  'issuedOn',
  'validUntil',
  'receivedOn',
  'periodFrom',
  'periodTo',
  'homeRegistrationUntil',
]);

/** The NGO registry's fields the ledger's labels do not name, by their label in the registry's screens. */
const REGISTRY_FIELDS: Record<string, keyof typeof vi.ngo> = {
  number: 'number',
  issuedBy: 'issuedBy',
  issuedOn: 'issuedOn',
  validUntil: 'validUntil',
  decisionNumber: 'decisionNumber',
  decisionDate: 'decisionDate',
  provinces: 'provinces',
  fields: 'fields',
  officeCity: 'officeCity',
  homeCountry: 'homeCountry',
  homeRegistration: 'homeRegistration',
  homeRegistrationUntil: 'homeRegistrationUntil',
  officeAddress: 'officeAddress',
  headName: 'headName',
  role: 'role',
  phone: 'phone',
  email: 'email',
  receivedOn: 'receivedOn',
  periodFrom: 'periodFrom',
  periodTo: 'periodTo',
  summary: 'summary',
  year: 'year',
  certificateId: 'forCertificate',
};
/** Fields the ledger's labels name as a pledge's, which the registry's records name their own way. */
const REGISTRY_OWN: Record<string, keyof typeof vi.ngo> = {
  kind: 'kind',
  status: 'status',
  name: 'contactName',
  notes: 'notes',
};

/** A field's label: the registry screens' own for the registry's records and fields, else the ledger's. */
export function fieldName(field: string, lang: Lang, entity?: HistoryEntry['entity']): string {
  const label = fieldLabel(field)[lang];
  const registry = (entity?.startsWith('ngo_') ? REGISTRY_OWN[field] : undefined) ?? REGISTRY_FIELDS[field];
  return registry && (label === field || entity?.startsWith('ngo_'))
    ? String((lang === 'en' ? en : vi).ngo[registry])
    : label;
}

/** A value of one of two vocabularies (a pledge's status, or a certificate's). */
function termOfEither(first: Record<string, string>, second: Record<string, string>, value: string): string {
  return Object.hasOwn(first, value) ? first[value]! : termOf(second, value);
}

/** A label of one of the ledger's vocabularies, or the value as written when it is not one of them. */
function termOf(table: Record<string, string>, value: string): string {
  return Object.hasOwn(table, value) ? table[value]! : value;
}

/** The name an id stands for; never the id itself. */
function named(lookup: NameOf | undefined, id: unknown, words: HistoryWords): string {
  return (typeof id === 'string' && lookup?.(id)) || catalog(words.lang).unknown;
}

function currencyOf(field: string, words: HistoryWords): string {
  if (field === 'vndEquivalent') return 'VND';
  if (field === 'counterpartMinor') return words.counterpartCurrency || words.currency;
  return words.currency;
}

/** One value of a field as the screens show it; "(không)" for nothing. */
export function valueText(field: string, value: unknown, words: HistoryWords): string {
  const { lang } = words;
  const none = catalog(lang).none;
  if (value === null || value === undefined || value === '') return none;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(field, v, words)).join(', ') : none;
  if (MONEY_FIELDS.has(field) && typeof value === 'number') return money(value, currencyOf(field, words), lang);
  if (typeof value === 'boolean') return value ? catalog(lang).yes : catalog(lang).no;
  if (DONOR_FIELDS.has(field) || field === 'coDonorIds') return named(words.donors, value, words);
  if (PLACE_FIELDS.has(field) || field === 'placeIds' || field === 'successorIds')
    return named(words.places, value, words);
  if (field === 'itemId') return named(words.items, value, words);
  if (field === 'todayPlaceIds' && typeof value === 'object') return todayInText(value as object, words);
  if (typeof value !== 'string') return typeof value === 'number' ? showQuantity(String(value), lang) : none;
  if (field.endsWith('Date') || DATE_FIELDS.has(field)) return showDate(value);
  if (field === 'quantity') return showQuantity(value, lang);
  if (field === 'rate') return showRate(value, lang);
  const registry = (lang === 'en' ? en : vi).ngo;
  if (field === 'status') return termOfEither(VOCABULARY[lang].pledgeStatus, registry.statuses, value);
  if (field === 'kind') return termOfEither(VOCABULARY[lang].pledgeKind, registry.kinds, value);
  if (field === 'provinces' || field === 'officeCity') return words.provinces?.(value) ?? value;
  if (field === 'fields') return sectorLabel(value, lang);
  if (field === 'stage') return termOf(ITEM_VOCABULARY[lang].stage, value);
  if (field === 'modality') return termOf(ITEM_VOCABULARY[lang].modality, value);
  if (field === 'sector') return sectorLabel(value, lang);
  return value;
}

/** An aid item's former places and what each is today in: "Xã A (nay thuộc Xã B)". */
function todayInText(map: object, words: HistoryWords): string {
  const pairs = Object.entries(map);
  if (!pairs.length) return catalog(words.lang).none;
  const todayIn = fieldName('todayPlaceId', words.lang).toLowerCase();
  return pairs
    .map(([former, today]) => `${named(words.places, former, words)} (${todayIn} ${named(words.places, today, words)})`)
    .join(', ');
}

/** A change as "before → after". */
export function changeText(change: FieldChange, words: HistoryWords): string {
  return `${valueText(change.field, change.before, words)} → ${valueText(change.field, change.after, words)}`;
}

/** A change as a line of the history: "Trạng thái: Cam kết → Đang thực hiện". */
export function changeLine(change: FieldChange, words: HistoryWords, entity?: HistoryEntry['entity']): string {
  return `${fieldName(change.field, words.lang, entity)}: ${changeText(change, words)}`;
}

/** The fields a new stage of an aid item is told by ("Giai đoạn: Thẩm định", its date, document and note). */
const STAGE_FIELDS = ['stage', 'date', 'document', 'note'];

/**
 * The lines under an entry: each change of an update; the stage an aid item moved to, with its date, document and
 * note; nothing for a record made or deleted (its particulars are on the screen).
 */
export function entryLines(entry: Pick<HistoryEntry, 'action' | 'entity' | 'changes'>, words: HistoryWords): string[] {
  const changes = shownChanges(entry.changes);
  if (entry.action === 'update') return changes.map((c) => changeLine(c, words, entry.entity));
  if (entry.action === 'create' && entry.entity === 'aid_item_stage') {
    return STAGE_FIELDS.flatMap((field) => {
      const change = changes.find((c) => c.field === field);
      return change && change.after !== null && change.after !== ''
        ? [`${fieldName(field, words.lang)}: ${valueText(field, change.after, words)}`]
        : [];
    });
  }
  return [];
}

/** The timeline's colour of an entry: green for a record made, red for one deleted, blue for a change. */
export function historyColor(action: HistoryEntry['action']): string {
  return action === 'delete' ? 'red' : action === 'create' ? 'green' : 'blue';
}
