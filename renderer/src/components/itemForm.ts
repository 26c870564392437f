/**
 * The aid item form's rules, apart from the dialog that shows them: the values as typed, the sectors offered, what is
 * wrong with a money field, and what a save sends to the ledger.
 */
import type { TFunction } from 'i18next';
import type { MethodInput } from '../../../contract';
import type { Place } from '../../../contract';
import { dayText } from '../../../contract/dates';
import type { AidItem } from '../../../contract/items';
import { foldPlaceText, foldText } from '../../../contract/text';
import { isoDay } from '../dates';
import { type PlaceNode, placeTree } from '../places';
import { moneyProblem, moneyText, parseMoneyText } from '../money';

/** The form's values: text as typed (dates dd/mm/yyyy, money in the user's style). */
export interface ItemFormValues {
  name: string;
  modality: AidItem['modality'];
  sector: string;
  donorId: string;
  coDonorIds?: string[];
  governingBody?: string;
  aidOwner?: string;
  placeIds?: string[];
  /** "Nay thuộc" of the places that are former units become several: place id → the unit of today chosen. */
  todayPlaceIds?: Record<string, string | undefined>;
  startDate?: string;
  endDate?: string;
  valueMinor?: string;
  valueCurrency?: string;
  counterpartMinor?: string;
  counterpartCurrency?: string;
  budgetRevenue?: boolean;
  approvalNumber?: string;
  approvalDate?: string;
  approvedBy?: string;
  notes?: string;
  stage?: AidItem['stage'];
  stageDate?: string;
  reason?: string;
}

/** The currencies of the item's value and of the counterpart funds, as chosen in the form. */
export interface ItemCurrencies {
  value: string;
  counterpart: string;
}

/**
 * A new item starts non-project, social, in VND, proposed today (`today`: YYYY-MM-DD); an existing one shows what it
 * holds, written the user's way.
 */
export function initialItemValues(item: AidItem | undefined, lang: string, today: string): Partial<ItemFormValues> {
  if (!item)
    return {
      modality: 'non_project',
      sector: 'social',
      valueCurrency: 'VND',
      counterpartCurrency: 'VND',
      ...proposedStart({}, today),
    };
  return {
    name: item.name,
    modality: item.modality,
    sector: item.sector,
    donorId: item.donorId,
    coDonorIds: item.coDonorIds,
    governingBody: item.governingBody ?? '',
    aidOwner: item.aidOwner ?? '',
    placeIds: item.placeIds,
    todayPlaceIds: item.todayPlaceIds,
    startDate: item.startDate ? dayText(item.startDate) : '',
    endDate: item.endDate ? dayText(item.endDate) : '',
    valueCurrency: item.valueCurrency ?? 'VND',
    valueMinor: moneyText(item.valueMinor, item.valueCurrency ?? 'VND', lang),
    counterpartCurrency: item.counterpartCurrency ?? 'VND',
    counterpartMinor: moneyText(item.counterpartMinor, item.counterpartCurrency ?? 'VND', lang),
    budgetRevenue: item.budgetRevenue,
    approvalNumber: item.approvalNumber ?? '',
    approvalDate: item.approvalDate ? dayText(item.approvalDate) : '',
    approvedBy: item.approvedBy ?? '',
    notes: item.notes ?? '',
  };
}

/** The currencies the form opens with. */
export function initialCurrencies(values: Partial<ItemFormValues>): ItemCurrencies {
  return { value: values.valueCurrency ?? 'VND', counterpart: values.counterpartCurrency ?? 'VND' };
}

/** The sector picker's entry that offers to add the name typed as a new sector (never a sector's own value). */
export const NEW_SECTOR = '__new_sector__';

/**
 * The sectors offered: the ledger's, the item's own when it is not among them, and, for a name typed that is none of
 * them (compared without accents or case), the offer to add it — last, under its own value, so that what Enter or Tab
 * takes while typing is a sector that matches, never the name as typed.
 */
export function sectorOptions(
  sectors: string[],
  value: string | undefined,
  typed: string,
  sectorName: (sector: string) => string,
  newLabel: (typed: string) => string,
): { value: string; label: string }[] {
  const list = sectors.map((s) => ({ value: s, label: sectorName(s) }));
  if (value && !list.some((o) => o.value === value)) list.push({ value, label: sectorName(value) });
  if (typed && !list.some((o) => foldText(o.label) === foldText(typed)))
    list.push({ value: NEW_SECTOR, label: newLabel(typed) });
  return list;
}

/** What is wrong with a money field as typed in its currency; nothing when it is empty (the amounts are optional). */
export function itemMoneyProblem(
  text: string | undefined,
  currency: string,
  lang: string,
  t: TFunction,
): string | null {
  if (!(text ?? '').trim()) return null;
  return moneyProblem(parseMoneyText(text, currency, lang), text ?? '', currency, lang, t);
}

/** What a save sends for the item's particulars: a currency only with its amount, empty text as none. */
export function itemInput(values: ItemFormValues, currencies: ItemCurrencies, lang: string) {
  const amount = (text: string | undefined, currency: string) => {
    const parsed = parseMoneyText(text, currency, lang);
    return parsed && 'minor' in parsed ? parsed.minor : null;
  };
  const valueMinor = amount(values.valueMinor, currencies.value);
  const counterpartMinor = amount(values.counterpartMinor, currencies.counterpart);
  return {
    name: values.name,
    modality: values.modality,
    sector: values.sector,
    donorId: values.donorId,
    coDonorIds: values.coDonorIds ?? [],
    governingBody: values.governingBody || null,
    aidOwner: values.aidOwner || null,
    placeIds: values.placeIds ?? [],
    todayPlaceIds: todayInOf(values),
    startDate: isoDay(values.startDate),
    endDate: isoDay(values.endDate),
    valueMinor,
    valueCurrency: valueMinor === null ? null : currencies.value,
    counterpartMinor,
    counterpartCurrency: counterpartMinor === null ? null : currencies.counterpart,
    budgetRevenue: Boolean(values.budgetRevenue),
    approvalNumber: values.approvalNumber || null,
    approvalDate: isoDay(values.approvalDate),
    approvedBy: values.approvedBy || null,
    notes: values.notes || null,
  };
}

/**
 * The stage a new item is proposed at: approved on its decision's date once the decision's number and a readable date
 * are typed (the decision is what approves it), proposed today (`today`: YYYY-MM-DD) otherwise. The user may still
 * choose another stage or date.
 */
export function proposedStart(
  values: Pick<ItemFormValues, 'approvalNumber' | 'approvalDate'>,
  today: string,
): Pick<ItemFormValues, 'stage' | 'stageDate'> {
  const decisionDate = isoDay(values.approvalDate);
  if (values.approvalNumber?.trim() && decisionDate) return { stage: 'approved', stageDate: dayText(decisionDate) };
  return { stage: 'proposed', stageDate: dayText(today) };
}

/** A new item also starts at its stage (proposed unless chosen), dated (today, YYYY-MM-DD, unless typed). */
export function itemStartInput(
  values: ItemFormValues,
  today: string,
): Pick<MethodInput<'items.create'>, 'stage' | 'stageDate'> {
  return { stage: values.stage ?? 'proposed', stageDate: isoDay(values.stageDate) ?? today };
}

/** A place the item's places picker offers: its label, with its parent's name to tell namesakes apart, and folded. */
export interface ItemPlaceChoice {
  value: string;
  label: string;
  /** The unit's and its parent's names, folded once: a national ledger's 15,000 units are searched at each keystroke. */
  folded: string;
}

/**
 * Every unit in tree order (today's units first), each labelled the way it is shown beside others (`label`: a former
 * unit with the day it ended) and its parent's name: an item's places may be former units as well as today's.
 */
export function itemPlaceChoices(places: Place[], label: (place: Place) => string): ItemPlaceChoice[] {
  const choices: ItemPlaceChoice[] = [];
  const walk = (nodes: PlaceNode[], parent: string) => {
    for (const { place, children } of nodes) {
      choices.push({
        value: place.id,
        label: parent ? `${label(place)} · ${parent}` : label(place),
        folded: foldPlaceText(`${place.displayName} ${parent}`),
      });
      walk(children, place.displayName);
    }
  };
  walk(placeTree(places), '');
  return choices;
}

/** The "nay thuộc" a save sends: the units of today chosen for places still among the item's, none for the others. */
export function todayInOf(values: Pick<ItemFormValues, 'placeIds' | 'todayPlaceIds'>): Record<string, string> {
  const places = values.placeIds ?? [];
  return Object.fromEntries(
    Object.entries(values.todayPlaceIds ?? {}).filter(
      (entry): entry is [string, string] => Boolean(entry[1]) && places.includes(entry[0]),
    ),
  );
}

/** A place of the item that is a former unit become several, and the units of today it became (to choose from). */
export interface SplitPlace {
  id: string;
  name: string;
  successors: { value: string; label: string }[];
}

/** The item's places (`placeIds`, in their order) that became two or more units of today. */
export function splitPlacesOf(places: Place[], placeIds: string[]): SplitPlace[] {
  const byId = new Map(places.map((p) => [p.id, p]));
  return placeIds.flatMap((id) => {
    const place = byId.get(id);
    const successors = (place?.successorIds ?? [])
      .map((s) => byId.get(s))
      .filter((s) => s !== undefined)
      .map((s) => ({ value: s.id, label: s.displayName }));
    return place && successors.length >= 2 ? [{ id, name: place.displayName, successors }] : [];
  });
}
