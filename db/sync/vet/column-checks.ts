/**
 * The pieces the rules of a bundle's rows are made of (`columns.ts`, `ngo-columns.ts`): how a column is checked, what
 * is wrong with a row, the columns every row has.
 */
import type { z } from 'zod';
import { Id } from '../../../contract/fields';
import type { Row, Table, Words } from '../contents';

/** How one stored column is checked: as the form's field (`schema`), or by a rule of its own (`check`). */
export interface ColumnRule {
  /** The form's field: its label names the column in a refusal. */
  field: string;
  schema?: z.ZodType;
  /** What is wrong with the value, if anything (the value is present: null for an empty column). */
  check?: (value: unknown) => Words | null;
}

/** What is wrong with a row, and in which column (`quote`: false when `why` quotes the value itself). */
export interface Problem {
  column: string;
  field: string;
  why: Words;
  quote?: boolean;
}

/**
 * A column pointing to rows of another table. `list`: a JSON list of ids (an aid item's co-donors and places);
 * `map`: a JSON object whose values are ids (an aid item's "nay thuộc" units); `optional`: the column may be empty.
 */
export interface Reference {
  column: string;
  field: string;
  to: Table;
  list?: boolean;
  map?: boolean;
  optional?: boolean;
}

export interface TableRules {
  /** What a reader calls one of its rows. */
  noun: Words;
  /** Columns every row carries: required since the table was made. */
  required: readonly string[];
  columns: Record<string, ColumnRule>;
  references: readonly Reference[];
  /** The rules across a row's columns, once each column passed its own. */
  row?: (row: Row) => Problem | null;
}

export const is = (field: string, schema: z.ZodType): ColumnRule => ({ field, schema });
export const rule = (field: string, check: (value: unknown) => Words | null): ColumnRule => ({ field, check });

/** A time a row was written: text, as every release stores it. */
export const stamp = (value: unknown): Words | null =>
  typeof value === 'string' && value.length > 0 && value.length <= 40
    ? null
    : { vi: 'không phải thời điểm hợp lệ', en: 'is not a valid time' };

/** A JSON list of ids, each as the form's list field takes them. */
export const idList =
  (schema: z.ZodType) =>
  (value: unknown): Words | null => {
    let list: unknown;
    try {
      list = typeof value === 'string' ? JSON.parse(value) : undefined;
    } catch {
      list = undefined;
    }
    return schema.safeParse(list).success && Array.isArray(list)
      ? null
      : { vi: 'không phải danh sách mã hợp lệ', en: 'is not a valid list of ids' };
  };

/** Columns every row of every table has. */
export const COMMON: Record<string, ColumnRule> = {
  id: is('id', Id),
  created_at: rule('createdAt', stamp),
  updated_at: rule('updatedAt', stamp),
};
export const STAMPS = ['created_at', 'updated_at'];

export const problem = (column: string, field: string, vi: string, en: string): Problem => ({
  column,
  field,
  why: { vi, en },
});
