/**
 * The history entries a bundle carries: only those the office that sent it made (its own site id), each about a record
 * of the bundle or of this ledger, with an action and a record kind the app writes, and the text a history shows. A
 * bundle cannot add another office's entries, or entries about records nobody has.
 */
import { Id, LongText, ShortText } from '../../../contract/fields';
import { BUNDLE_TABLES, type Bundle, refuse, type Table, type Words } from '../contents';
import type { Sender } from './clock';
import { TABLE_RULES } from './columns';
import type { KnownRecords } from './references';

/** The records a history tells of, by the kind it names them (`recordAudit`'s entities). */
const SUBJECTS = new Map<string, Table>(
  (
    [
      'place',
      'donor',
      'pledge',
      'delivery',
      'exchange_rate',
      'aid_item',
      'ngo_profile',
      'ngo_certificate',
      'ngo_contact',
      'ngo_plan',
      'ngo_year_report',
      'ngo_acknowledgement',
    ] as const
  ).map((entity) => [entity, BUNDLE_TABLES.find(([, e]) => e === entity)![0]]),
);
const ACTIONS = new Set(['create', 'update', 'delete']);

const shown = (x: unknown) => (JSON.stringify(x) ?? String(x)).slice(0, 60);

/** Every record the history entries tell of, to be looked up before they are checked. */
export function historySubjects(bundle: Bundle): [Table, unknown][] {
  const subjects: [Table, unknown][] = [];
  for (const entry of bundle.audit ?? []) {
    const table = SUBJECTS.get(String(entry.entity));
    if (table) subjects.push([table, entry.entity_id]);
  }
  return subjects;
}

/** A before or after: nothing, or the JSON of a record (the history reads it back). */
function recordText(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  try {
    const record: unknown = JSON.parse(value);
    return typeof record === 'object' && record !== null && !Array.isArray(record);
  } catch {
    return false;
  }
}

/** What is wrong with one entry, if anything. */
function entryProblem(entry: Record<string, unknown>, sender: Sender, known: KnownRecords): Words | null {
  if (!Id.safeParse(entry.id).success) return { vi: 'không có mã (id) hợp lệ', en: 'has no valid id' };
  if (entry.site_id !== sender.id) {
    return {
      vi: `được ghi ở một đơn vị khác (${shown(entry.site_id)}), không phải ở ${sender.name}: một gói chỉ mang lịch sử do chính đơn vị gửi ghi`,
      en: `was made at another office (${shown(entry.site_id)}), not at ${sender.name}: a bundle carries only the history its own office made`,
    };
  }
  if (!ACTIONS.has(entry.action as string))
    return {
      vi: `có thao tác không hợp lệ ${shown(entry.action)}`,
      en: `has an invalid action ${shown(entry.action)}`,
    };
  const table = SUBJECTS.get(entry.entity as string);
  if (!table)
    return {
      vi: `nói về loại bản ghi không có ${shown(entry.entity)}`,
      en: `is about an unknown kind of record ${shown(entry.entity)}`,
    };
  if (!known.has(table, entry.entity_id)) {
    const noun = TABLE_RULES[table].noun;
    return {
      vi: `nói về ${noun.vi} ${shown(entry.entity_id)} không có trong gói, cũng không có trong sổ này`,
      en: `is about a ${noun.en} ${shown(entry.entity_id)} that neither the bundle nor this ledger has`,
    };
  }
  if (entry.parent_id !== null && entry.parent_id !== undefined && !Id.safeParse(entry.parent_id).success)
    return { vi: 'có mã bản ghi cha (parent_id) không hợp lệ', en: 'has an invalid parent id (parent_id)' };
  if (typeof entry.at !== 'string' || !Number.isFinite(Date.parse(entry.at)))
    return { vi: `có thời điểm không hợp lệ ${shown(entry.at)}`, en: `has an invalid time ${shown(entry.at)}` };
  if (!recordText(entry.before) || !recordText(entry.after))
    return { vi: 'có nội dung trước/sau không đọc được', en: 'has a before or after that cannot be read' };
  if (entry.note !== null && entry.note !== undefined && !LongText.safeParse(entry.note).success)
    return { vi: 'có ghi chú không hợp lệ hoặc quá dài', en: 'has an invalid or too long note' };
  for (const key of ['user_name', 'site_name']) {
    const value = entry[key];
    if (value !== null && value !== undefined && !ShortText.safeParse(value).success)
      return { vi: `có ${key} không hợp lệ: ${shown(value)}`, en: `has an invalid ${key}: ${shown(value)}` };
  }
  return null;
}

/** Refuses the bundle at its first history entry that breaks a rule. */
export function vetHistory(bundle: Bundle, sender: Sender, known: KnownRecords): void {
  (bundle.audit ?? []).forEach((entry, n) => {
    const why = entryProblem(entry, sender, known);
    if (!why) return;
    const id = typeof entry.id === 'string' ? ` ${entry.id.slice(0, 60)}` : '';
    throw refuse(
      `mục lịch sử${id} (thứ ${n + 1}) ${why.vi}; sổ không bị thay đổi`,
      `the history entry${id} (number ${n + 1}) ${why.en}; the ledger was not changed`,
    );
  });
}
