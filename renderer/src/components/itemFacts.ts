/** An aid item's particulars as its detail reads them, and what moving it to its next stage sends. */
import type { MethodInput } from '../../../contract';
import { dayText } from '../../../contract/dates';
import { type AidItem, NEXT_STAGES } from '../../../contract/items';
import { isoDay } from '../dates';
import { money, showDate } from '../format';

/** A donor or a place as its list holds it. */
export type Named = { id: string; name?: string; displayName?: string };

/** The name of a donor or place in a list, or its id while the list does not have it. */
export function nameOf(list: Named[] | undefined, id: string): string {
  const found = list?.find((x) => x.id === id);
  return found ? (found.displayName ?? found.name ?? id) : id;
}

/** Several donors or places by name, "; " between them, or "—" for none. */
export function namesText(ids: string[], list: Named[] | undefined) {
  return ids.map((id) => nameOf(list, id)).join('; ') || '—';
}

/** The item's places by name, each split former place with the unit of today it names: "Xã A (nay thuộc Xã B)". */
export function itemPlacesText(item: AidItem, list: Named[] | undefined, todayIn: (name: string) => string): string {
  return (
    item.placeIds
      .map((id) => {
        const today = item.todayPlaceIds[id];
        return today ? `${nameOf(list, id)} (${todayIn(nameOf(list, today))})` : nameOf(list, id);
      })
      .join('; ') || '—'
  );
}

/** When the item runs: "01/01/2023 – 31/12/2024", an open end left blank, or "—" when neither is known. */
export function itemPeriodText(item: AidItem): string {
  return item.startDate || item.endDate ? `${showDate(item.startDate)} – ${showDate(item.endDate)}` : '—';
}

/** An amount the item may state (its value, its counterpart funds) in its currency, or "—". */
export function itemAmountText(minor: number | null, currency: string | null, lang: string): string {
  return minor === null ? '—' : `${money(minor, currency ?? 'VND', lang)} ${currency ?? ''}`;
}

/** The approval decision: its number, its date and who approved it, or "—" for an item not yet approved. */
export function approvalText(item: AidItem): string {
  if (!item.approvalNumber) return '—';
  return `${item.approvalNumber} (${showDate(item.approvalDate)})${item.approvedBy ? ` — ${item.approvedBy}` : ''}`;
}

/** Whether the item's stage leads anywhere (a finished or withdrawn item's does not). */
export function canMoveStage(item: AidItem): boolean {
  return NEXT_STAGES[item.stage].length > 0;
}

/** The next-stage dialog's values: the stage as chosen, its date as typed (dd/mm/yyyy), its document and note. */
export interface StageValues {
  stage: AidItem['stage'];
  date: string;
  document?: string;
  note?: string;
}

/** The dialog opens on the first of the stages the item's leads to (`next`), dated today (`today`: YYYY-MM-DD). */
export function initialStageValues(next: readonly AidItem['stage'][], today: string): Partial<StageValues> {
  return { stage: next[0], date: dayText(today) };
}

/** What moving the item sends: the stage, its day, and empty text as none. */
export function stageInput(item: AidItem, values: StageValues): MethodInput<'items.stage'> {
  return {
    id: item.id,
    stage: values.stage,
    date: isoDay(values.date)!,
    document: values.document || null,
    note: values.note || null,
  };
}
