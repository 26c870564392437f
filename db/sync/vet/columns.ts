/**
 * The rules a bundle's rows are held to, table by table: each stored column checked as the form's own field would be
 * (the contract's schema for it), and the rules the writers apply across a row's columns. A form never writes a
 * currency it does not know, a day that does not exist or a VND equivalent that is not its amount at its rate; a
 * bundle may not either.
 */
import type { z } from 'zod';
import { DeliveryCreateInput } from '../../../contract/deliveries';
import { DonorCreateInput } from '../../../contract/donors';
import { AmountMinor, Quantity } from '../../../contract/fields';
import { AidItemCreateInput, AidItemStageInput } from '../../../contract/items';
import {
  AmountRangeError,
  isCurrencyCode,
  MAX_AMOUNT_MINOR,
  milliToQuantity,
  RATE_PATTERN,
  vndEquivalent,
} from '../../../contract/money';
import { PlaceCreateInput } from '../../../contract/places';
import { PLEDGE_STATUSES, PledgeCreateInput } from '../../../contract/pledges';
import { RateSetInput } from '../../../contract/rates';
import type { Row, Table, Words } from '../contents';
import { COMMON, idList, is, type Problem, problem, rule, STAMPS, type TableRules } from './column-checks';
import { NGO_TABLE_RULES } from './ngo-columns';

export type { ColumnRule, Problem, Reference, TableRules } from './column-checks';

const place = PlaceCreateInput.shape;
const donor = DonorCreateInput.shape;
const item = AidItemCreateInput.shape;
const stage = AidItemStageInput.shape;
const pledge = PledgeCreateInput.shape;
const delivery = DeliveryCreateInput.shape;
const rate = RateSetInput.shape;

/** A currency as stored: one of the codes the ledger knows, exactly (a form's "usd" is stored "USD"). */
const currencyCode = (value: unknown): Words | null =>
  typeof value === 'string' && isCurrencyCode(value)
    ? null
    : { vi: 'không phải mã tiền tệ được hỗ trợ', en: 'is not a supported currency code' };
const currencyOrNone = (value: unknown) => (value === null ? null : currencyCode(value));

/** A rate as stored: VND per unit, plain decimal text, more than zero. */
function rateText(value: unknown): Words | null {
  if (typeof value !== 'string' || !RATE_PATTERN.test(value))
    return { vi: 'không phải tỷ giá dạng số thập phân', en: 'is not a rate written as a decimal number' };
  if (/^0+(\.0+)?$/.test(value)) return { vi: 'phải lớn hơn 0', en: 'must be greater than 0' };
  return null;
}

/** Quantities are stored in thousandths: a whole number the form's quantity text would give. */
function quantityMilli(value: unknown): Words | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
    return { vi: 'không phải số lượng hợp lệ', en: 'is not a valid quantity' };
  return Quantity.safeParse(milliToQuantity(value)).success
    ? null
    : { vi: 'vượt quá số lượng cho phép', en: 'exceeds the largest quantity allowed' };
}

const flag = (value: unknown): Words | null =>
  value === 0 || value === 1 ? null : { vi: 'phải là 0 hoặc 1', en: 'must be 0 or 1' };

/** A VND equivalent the ledger can add up exactly. */
const vndAmount = (value: unknown): Words | null =>
  AmountMinor.safeParse(value).success
    ? null
    : {
        vi: `phải là số nguyên từ 0 đến ${MAX_AMOUNT_MINOR}`,
        en: `must be a whole number from 0 to ${MAX_AMOUNT_MINOR}`,
      };

/** A JSON object of id → id, each as the form's field takes them (an aid item's "nay thuộc" units). */
const idMap =
  (schema: z.ZodType) =>
  (value: unknown): Words | null => {
    let map: unknown;
    try {
      map = typeof value === 'string' ? JSON.parse(value) : undefined;
    } catch {
      map = undefined;
    }
    return schema.safeParse(map).success && typeof map === 'object' && map !== null
      ? null
      : { vi: 'không phải bảng mã đơn vị hợp lệ', en: 'is not a valid map of unit ids' };
  };

/** An aid item's "nay thuộc" entries are for places of its own. */
function todayInOfOwnPlaces(row: Row): Problem | null {
  if (typeof row.today_place_ids !== 'string' || typeof row.place_ids !== 'string') return null;
  const places: unknown = JSON.parse(row.place_ids);
  const keys = Object.keys(JSON.parse(row.today_place_ids) as object);
  return Array.isArray(places) && keys.every((key) => places.includes(key))
    ? null
    : problem(
        'today_place_ids',
        'todayPlaceIds',
        'ghi cho một địa bàn không thuộc khoản viện trợ',
        "names a place that is not one of the item's",
      );
}

/** The VND equivalent a form computes for an amount at a rate: exact, and within what the ledger adds up. */
function equivalentProblem(amount: number, currency: string, rateValue: string, vnd: unknown): Problem | null {
  let expected: number;
  try {
    expected = vndEquivalent(amount, currency, rateValue);
  } catch (error) {
    if (!(error instanceof AmountRangeError)) throw error;
    expected = Number.POSITIVE_INFINITY;
  }
  if (expected > MAX_AMOUNT_MINOR)
    return problem('amount_minor', 'amountMinor', 'giá trị quy đổi ra VND quá lớn', 'the VND equivalent is too large');
  if (vnd !== expected)
    return problem(
      'vnd_equivalent',
      'vndEquivalent',
      `không bằng số tiền × tỷ giá, tức ${expected}`,
      `is not the amount × the rate, which is ${expected}`,
    );
  return null;
}

/** VND is VND: its rate is 1, as every form records it. */
const vndRate = (row: Row): Problem | null =>
  row.currency === 'VND' && row.rate !== '1'
    ? problem('rate', 'rate', 'của VND luôn là 1', 'of VND is always 1')
    : null;

export const TABLE_RULES: Record<Table, TableRules> = {
  places: {
    noun: { vi: 'địa bàn', en: 'place' },
    required: ['name', 'name_folded', 'level', ...STAMPS],
    columns: {
      ...COMMON,
      name: is('name', place.name),
      unit_type: is('unitType', place.unitType),
      level: is('level', place.level),
      code: is('code', place.code),
      valid_from: is('validFrom', place.validFrom),
      valid_to: is('validTo', place.validTo),
    },
    references: [{ column: 'parent_id', field: 'parentId', to: 'places', optional: true }],
    row: (row) => {
      if (row.parent_id === row.id)
        return problem('parent_id', 'parentId', 'là chính đơn vị này', 'is the unit itself');
      if (typeof row.valid_from === 'string' && typeof row.valid_to === 'string' && row.valid_from > row.valid_to)
        return problem('valid_to', 'validTo', 'trước ngày bắt đầu hiệu lực', 'is before the start of validity');
      return null;
    },
  },
  place_successors: {
    noun: { vi: 'liên kết đơn vị kế thừa', en: 'successor link' },
    required: ['place_id', 'successor_id', ...STAMPS],
    // `partial` since schema 19: a bundle of an earlier release has none, and its links are stored as whole.
    columns: { ...COMMON, partial: rule('partial', flag) },
    references: [
      { column: 'place_id', field: 'placeId', to: 'places' },
      { column: 'successor_id', field: 'successorIds', to: 'places' },
    ],
    row: (row) =>
      row.place_id === row.successor_id
        ? problem(
            'successor_id',
            'successorIds',
            'không hợp lệ: một đơn vị không thể kế thừa chính nó',
            'is invalid: a unit cannot succeed itself',
          )
        : null,
  },
  donors: {
    noun: { vi: 'nhà tài trợ', en: 'donor' },
    required: ['name', 'name_key', 'kind', ...STAMPS],
    columns: {
      ...COMMON,
      name: is('name', donor.name),
      short_name: is('shortName', donor.shortName),
      country: is('country', donor.country),
      kind: is('kind', donor.kind),
      notes: is('notes', donor.notes),
    },
    references: [{ column: 'merged_into', field: 'mergedInto', to: 'donors', optional: true }],
    row: (row) =>
      row.merged_into === row.id
        ? problem('merged_into', 'mergedInto', 'là chính nhà tài trợ này', 'is the donor itself')
        : null,
  },
  aid_items: {
    noun: { vi: 'khoản viện trợ', en: 'aid item' },
    required: ['name', 'name_folded', 'modality', 'sector', 'donor_id', 'stage', 'stage_date', ...STAMPS],
    columns: {
      ...COMMON,
      name: is('name', item.name),
      modality: is('modality', item.modality),
      sector: is('sector', item.sector),
      co_donor_ids: rule('coDonorIds', idList(item.coDonorIds)),
      governing_body: is('governingBody', item.governingBody),
      aid_owner: is('aidOwner', item.aidOwner),
      place_ids: rule('placeIds', idList(item.placeIds)),
      today_place_ids: rule('todayPlaceIds', idMap(item.todayPlaceIds)),
      start_date: is('startDate', item.startDate),
      end_date: is('endDate', item.endDate),
      value_minor: is('valueMinor', item.valueMinor),
      value_currency: rule('valueCurrency', currencyOrNone),
      counterpart_minor: is('counterpartMinor', item.counterpartMinor),
      counterpart_currency: rule('counterpartCurrency', currencyOrNone),
      budget_revenue: rule('budgetRevenue', flag),
      approval_number: is('approvalNumber', item.approvalNumber),
      approval_date: is('approvalDate', item.approvalDate),
      approved_by: is('approvedBy', item.approvedBy),
      stage: is('stage', stage.stage),
      stage_date: is('stageDate', stage.date),
      notes: is('notes', item.notes),
    },
    references: [
      { column: 'donor_id', field: 'donorId', to: 'donors' },
      { column: 'co_donor_ids', field: 'coDonorIds', to: 'donors', list: true },
      { column: 'place_ids', field: 'placeIds', to: 'places', list: true },
      { column: 'today_place_ids', field: 'todayPlaceIds', to: 'places', map: true, optional: true },
    ],
    row: (row) => {
      const todayIn = todayInOfOwnPlaces(row);
      if (todayIn) return todayIn;
      if (typeof row.start_date === 'string' && typeof row.end_date === 'string' && row.start_date > row.end_date)
        return problem('end_date', 'endDate', 'trước thời gian bắt đầu', 'is before the start');
      for (const [amount, currency] of [
        ['value_minor', 'value_currency'],
        ['counterpart_minor', 'counterpart_currency'],
      ] as const) {
        if (row[amount] !== null && row[amount] !== undefined && !row[currency])
          return problem(
            currency,
            currency === 'value_currency' ? 'valueCurrency' : 'counterpartCurrency',
            'bắt buộc khi có số tiền',
            'is required with an amount',
          );
      }
      return null;
    },
  },
  aid_item_stages: {
    noun: { vi: 'giai đoạn của khoản viện trợ', en: 'aid item stage' },
    required: ['item_id', 'stage', 'on_date', ...STAMPS],
    columns: {
      ...COMMON,
      stage: is('stage', stage.stage),
      on_date: is('date', stage.date),
      document: is('document', stage.document),
      note: is('notes', stage.note),
    },
    references: [{ column: 'item_id', field: 'itemId', to: 'aid_items' }],
  },
  pledges: {
    noun: { vi: 'cam kết', en: 'pledge' },
    required: [
      'donor_id',
      'place_id',
      'kind',
      'description',
      'amount_minor',
      'currency',
      'rate',
      'vnd_equivalent',
      'pledge_date',
      'status',
      ...STAMPS,
    ],
    columns: {
      ...COMMON,
      kind: is('kind', pledge.kind),
      description: is('description', pledge.description),
      quantity_milli: rule('quantity', quantityMilli),
      unit: is('unit', pledge.unit),
      unit_value_minor: is('unitValueMinor', pledge.unitValueMinor),
      amount_minor: is('amountMinor', AmountMinor),
      currency: rule('currency', currencyCode),
      rate: rule('rate', rateText),
      rate_date: is('rateDate', pledge.rateDate),
      rate_source: is('rateSource', pledge.rateSource),
      vnd_equivalent: rule('vndEquivalent', vndAmount),
      pledge_date: is('pledgeDate', pledge.pledgeDate),
      status: rule('status', (value) =>
        (PLEDGE_STATUSES as readonly unknown[]).includes(value)
          ? null
          : {
              vi: `phải là một trong: ${PLEDGE_STATUSES.join(', ')}`,
              en: `must be one of: ${PLEDGE_STATUSES.join(', ')}`,
            },
      ),
      status_by_user: rule('status', flag),
      beneficiaries: is('beneficiaries', pledge.beneficiaries),
      approval_number: is('approvalNumber', pledge.approvalNumber),
      approval_date: is('approvalDate', pledge.approvalDate),
      notes: is('notes', pledge.notes),
      recipient: is('recipient', pledge.recipient),
      village: is('village', pledge.village),
    },
    references: [
      { column: 'donor_id', field: 'donorId', to: 'donors' },
      { column: 'place_id', field: 'placeId', to: 'places' },
      { column: 'item_id', field: 'itemId', to: 'aid_items', optional: true },
      { column: 'today_place_id', field: 'todayPlaceId', to: 'places', optional: true },
    ],
    row: (row) =>
      (row.today_place_id !== undefined && row.today_place_id !== null && row.today_place_id === row.place_id
        ? problem('today_place_id', 'todayPlaceId', 'là chính địa bàn của cam kết', "is the pledge's own place")
        : null) ??
      vndRate(row) ??
      equivalentProblem(row.amount_minor as number, row.currency as string, row.rate as string, row.vnd_equivalent),
  },
  deliveries: {
    noun: { vi: 'lần giao/giải ngân', en: 'delivery' },
    required: ['pledge_id', 'delivery_date', 'currency', 'rate', 'vnd_equivalent', ...STAMPS],
    columns: {
      ...COMMON,
      delivery_date: is('deliveryDate', delivery.deliveryDate),
      amount_minor: is('amountMinor', delivery.amountMinor),
      quantity_milli: rule('quantity', quantityMilli),
      currency: rule('currency', currencyCode),
      rate: rule('rate', rateText),
      rate_date: is('rateDate', delivery.rateDate),
      rate_source: is('rateSource', delivery.rateSource),
      vnd_equivalent: rule('vndEquivalent', vndAmount),
      notes: is('notes', delivery.notes),
      recipient: is('recipient', delivery.recipient),
      village: is('village', delivery.village),
    },
    references: [{ column: 'pledge_id', field: 'pledgeId', to: 'pledges' }],
    row: (row) => {
      const amount = row.amount_minor ?? null;
      if (amount === null && (row.quantity_milli ?? null) === null)
        return problem(
          'amount_minor',
          'amountMinor',
          'thiếu cả số tiền lẫn số lượng',
          'lacks both amount and quantity',
        );
      // A delivery of a quantity alone is valued at its pledge's unit value as it was then: only its bounds are known.
      return (
        vndRate(row) ??
        (amount === null
          ? null
          : equivalentProblem(amount as number, row.currency as string, row.rate as string, row.vnd_equivalent))
      );
    },
  },
  exchange_rates: {
    noun: { vi: 'tỷ giá', en: 'exchange rate' },
    required: ['currency', 'valid_on', 'rate', 'source', ...STAMPS],
    columns: {
      ...COMMON,
      currency: rule('currency', (value) =>
        value === 'VND'
          ? { vi: 'VND không có tỷ giá (luôn là 1)', en: 'VND has no rate (it is always 1)' }
          : currencyCode(value),
      ),
      valid_on: is('validOn', rate.validOn),
      rate: rule('rate', rateText),
      source: is('source', rate.source),
    },
    references: [],
  },
  ...NGO_TABLE_RULES,
};
