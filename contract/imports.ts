/**
 * Importing the lists offices send: the fields a column can hold, and the mapping of a list's own columns to them,
 * chosen once per layout and remembered (see `db/excel/layout.ts`).
 */
import { z } from 'zod';

/** The fields of a pledge line a spreadsheet column can hold, in the template's order. */
export const IMPORT_FIELDS = [
  'date',
  'donor',
  'country',
  'place',
  'kind',
  'description',
  'quantity',
  'unit',
  'unitValue',
  'amount',
  'currency',
  'rate',
  'beneficiaries',
  'status',
  'notes',
  'itemName',
  'modality',
  'sector',
  'approvalNumber',
  'approvalDate',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Each field's column header in the template (Vietnamese, as in the files). */
export const IMPORT_FIELD_HEADERS: Record<ImportField, string> = {
  date: 'Ngày cam kết',
  donor: 'Nhà tài trợ',
  country: 'Quốc gia',
  place: 'Địa bàn',
  kind: 'Loại hỗ trợ',
  description: 'Nội dung',
  quantity: 'Số lượng',
  unit: 'Đơn vị tính',
  unitValue: 'Đơn giá',
  amount: 'Thành tiền',
  currency: 'Loại tiền',
  rate: 'Tỷ giá',
  beneficiaries: 'Số người hưởng lợi',
  status: 'Trạng thái',
  notes: 'Ghi chú',
  itemName: 'Tên khoản viện trợ',
  modality: 'Hình thức',
  sector: 'Lĩnh vực',
  approvalNumber: 'Số quyết định phê duyệt',
  approvalDate: 'Ngày phê duyệt',
};

/** A list's column (by its header as written) and the field it holds, or 'ignore' to leave it out. */
export const ColumnMapping = z
  .array(z.strictObject({ header: z.string().trim().min(1).max(200), field: z.enum([...IMPORT_FIELDS, 'ignore']) }))
  .max(60);
export type ColumnMapping = z.output<typeof ColumnMapping>;

/** How a list's header row was read, column by column: what the mapping step shows. */
export interface ImportLayout {
  /** The sheet row of the header (1-based). */
  headerRow: number;
  columns: {
    header: string;
    /** The field it holds; 'stt' a row number column, 'place' a place column named by unit type; null: not known. */
    field: ImportField | 'ignore' | 'stt' | 'place' | null;
    /** Known by its words, remembered from an earlier file of this layout, or chosen now. */
    from: 'known' | 'remembered' | 'chosen' | null;
    /** The first values under it. */
    samples: string[];
  }[];
  /** Whether a mapping of this layout was remembered from an earlier file. */
  remembered: boolean;
}
