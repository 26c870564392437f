/**
 * Every row of a bundle held to the rules the forms apply (`columns.ts`) and pointing to records that exist
 * (`references.ts`), and its history entries to what the office that sent it may say (`history.ts`). The first bad
 * record refuses the whole bundle, naming itself, its field and why, before anything is written.
 */
import { fieldLabel, reason } from '../../../contract/validation';
import type { Ctx } from '../../core/context';
import { BUNDLE_TABLES, type Bundle, refuse, type Row, type Table } from '../contents';
import type { Sender } from './clock';
import { type Problem, type Reference, TABLE_RULES } from './columns';
import { historySubjects, vetHistory } from './history';
import { KnownRecords } from './references';

const shown = (x: unknown) => (JSON.stringify(x) ?? String(x)).slice(0, 60);

/** Refuses the bundle at its first row or history entry that breaks a rule; nothing is written. */
export function vetRules(ctx: Ctx, bundle: Bundle, sender: Sender): void {
  const known = new KnownRecords(bundle);
  for (const [table] of BUNDLE_TABLES) {
    const { references } = TABLE_RULES[table];
    for (const row of bundle.records[table] ?? [])
      for (const reference of references) for (const id of pointsTo(row, reference)) known.want(reference.to, id);
  }
  for (const [table, id] of historySubjects(bundle)) known.want(table, id);
  known.load(ctx);
  for (const [table] of BUNDLE_TABLES) {
    (bundle.records[table] ?? []).forEach((row, n) => {
      const problem = rowProblem(table, row, known);
      if (problem) throw refusal(table, row, n, problem);
    });
  }
  vetHistory(bundle, sender, known);
}

/** The ids a row's reference holds (a list's or a map's, when it is one; none when it is empty or unreadable). */
function pointsTo(row: Row, { column, list, map }: Reference): unknown[] {
  const value = row[column];
  if (value === null || value === undefined) return [];
  if (!list && !map) return [value];
  try {
    const ids: unknown = JSON.parse(String(value));
    if (map) return typeof ids === 'object' && ids !== null && !Array.isArray(ids) ? Object.values(ids) : [];
    return Array.isArray(ids) ? ids : [];
  } catch {
    return [];
  }
}

/** The first thing wrong with a row: a column it lacks, a column a form would refuse, a rule across its columns. */
function rowProblem(table: Table, row: Row, known: KnownRecords): Problem | null {
  const rules = TABLE_RULES[table];
  for (const column of rules.required) {
    if (Object.hasOwn(row, column)) continue;
    const field = rules.columns[column]?.field ?? rules.references.find((r) => r.column === column)?.field ?? column;
    return { column, field, why: { vi: 'bị thiếu', en: 'is missing' }, quote: false };
  }
  for (const [column, rule] of columnRules(table)) {
    if (!Object.hasOwn(row, column)) continue;
    const value = row[column];
    if (rule.schema) {
      const parsed = rule.schema.safeParse(value);
      if (!parsed.success) return { column, field: rule.field, why: reason(parsed.error.issues[0]!) };
    } else {
      const why = rule.check!(value);
      if (why) return { column, field: rule.field, why };
    }
  }
  return rules.row?.(row) ?? referenceProblem(row, rules.references, known);
}

/** Each table's column rules as a list, made once: every row of every bundle is held to them. */
const columnRuleLists = new Map<Table, [string, (typeof TABLE_RULES)[Table]['columns'][string]][]>();
function columnRules(table: Table) {
  let list = columnRuleLists.get(table);
  if (!list) {
    list = Object.entries(TABLE_RULES[table].columns);
    columnRuleLists.set(table, list);
  }
  return list;
}

/** A reference to a record neither the bundle nor this ledger has (nor ever had). */
function referenceProblem(row: Row, references: readonly Reference[], known: KnownRecords): Problem | null {
  for (const reference of references) {
    const { column, field, to, optional } = reference;
    if (!optional && (row[column] === null || row[column] === undefined))
      return { column, field, why: { vi: 'bị thiếu', en: 'is missing' }, quote: false };
    const missing = pointsTo(row, reference).find((id) => !known.has(to, id));
    if (missing === undefined) continue;
    const noun = TABLE_RULES[to].noun;
    return {
      column,
      field,
      why: {
        vi: `trỏ tới ${noun.vi} ${shown(missing)} chưa có ở đây (không có trong gói, cũng không có trong sổ này); hãy nhập gói danh mục của tỉnh trước`,
        en: `points to a ${noun.en} ${shown(missing)} that neither the bundle nor this ledger has; import the province's reference bundle first`,
      },
      quote: false,
    };
  }
  return null;
}

/** The refusal naming a bad row: what it is, its id, its place in the bundle, the field and why. */
function refusal(table: Table, row: Row, n: number, problem: Problem) {
  const noun = TABLE_RULES[table].noun;
  const label = fieldLabel(problem.field);
  const id = String(row.id).slice(0, 60);
  const value = problem.quote === false ? '' : `: ${shown(row[problem.column])}`;
  return refuse(
    `${noun.vi} ${id} (bản ghi ${table} thứ ${n + 1}): ${label.vi} (${problem.column}) ${problem.why.vi}${value}; sổ không bị thay đổi`,
    `${noun.en} ${id} (${table} record number ${n + 1}): ${label.en} (${problem.column}) ${problem.why.en}${value}; the ledger was not changed`,
  );
}
