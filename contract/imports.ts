/**
 * The imports area of the contract: the data-entry template; the fields a column of the lists offices send can hold,
 * and the mapping of a list's own columns to them, chosen once per layout and remembered (see `db/imports/layout.ts`);
 * and the quarter's close: every file a province receives for a quarter — the app's bundles and the offices'
 * workbooks — checked and merged in one pass, all of them or none.
 */
import { z } from 'zod';
import { type ExcelFile, Id } from './fields';
import type { BundleDeletion } from './deletions';
import { method } from './method';
import type { MergeCounts } from './bundles';

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
  'todayIn',
  'receivedDate',
  'receivedAmount',
  'receivedQuantity',
  'recipient',
  'village',
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
  todayIn: 'Nay thuộc',
  receivedDate: 'Ngày nhận',
  receivedAmount: 'Đã nhận',
  receivedQuantity: 'Số lượng đã nhận',
  recipient: 'Người/đơn vị nhận',
  village: 'Thôn',
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
    /** For a column not read: the fields its words could be. */
    could?: ImportField[];
  }[];
  /** Whether a mapping of this layout was remembered from an earlier file. */
  remembered: boolean;
  /** The layout was remembered as a list of receipts (imported so before): read so unless `receipts` says otherwise. */
  receipts?: boolean;
}

/** The pledge a list's receipt row fulfils, as the user chose it (null: none of them; a new pledge delivered in full). */
export const ReceiptChoice = z.strictObject({ row: z.number().int().min(1).max(10_000_000), pledgeId: Id.nullable() });
export type ReceiptChoice = z.output<typeof ReceiptChoice>;

/** A pledge a receipt row may fulfil, as the preview offers it. */
export interface ReceiptCandidate {
  pledgeId: string;
  donorName: string;
  placeName: string;
  kind: string;
  description: string;
  pledgeDate: string;
  currency: string;
  /** What remains to be received of it before this row. */
  remainingAmountMinor: number;
  itemName: string | null;
}

/**
 * How a receipt row was recorded: as a delivery of the pledge its aid item or approval number names ('item'), of the
 * one pledge of its donor, place and kind ('place'), of the one the user chose ('chosen'); as a new pledge delivered
 * in full when none fits ('new'); or not yet, several fitting and none chosen ('ambiguous', an error of the row).
 */
export interface ReceiptMatch {
  row: number;
  outcome: 'item' | 'place' | 'chosen' | 'new' | 'ambiguous';
  /** The pledge fulfilled or made (null: ambiguous, or the row refused). */
  pledgeId: string | null;
  date: string;
  amountMinor: number | null;
  quantity: string | null;
  currency: string;
  recipient: string | null;
  /** The row's own donor, place and kind, as read: rows alike in them may take one choice. */
  donorId: string;
  placeId: string;
  kind: string;
  /** The pledges that fit (ambiguous), or those of its donor a user may choose instead (new); up to 20. */
  candidates: ReceiptCandidate[];
}

export const TemplateInput = z.strictObject({ placeId: Id });

export interface ImportIssue {
  /** The sheet's row number as the spreadsheet shows it (0 for the file as a whole). */
  row: number;
  /** The template's column header (in Vietnamese, as in the file). */
  column: string;
  message: string;
  /** The same message in English. */
  messageEn: string;
}

/** What the import of one workbook did, or why it was refused. */
export interface ImportResult {
  added: number;
  skipped: number;
  errors: ImportIssue[];
  /** Donors created for rows that named a new donor with its country. */
  newDonors: string[];
  /** Aid items created for rows that named a new one (Tên khoản viện trợ). */
  newItems?: string[];
  dryRun: boolean;
  /** The office's unit the names were read with: the one chosen, or the one the file's letterhead names. */
  officePlace?: { id: string; name: string; from: 'chosen' | 'letterhead' } | null;
  /** How its header row was read (for the mapping step), when one was found or proposed. */
  layout?: ImportLayout;
  /** The province the list is from, as its letterhead, its office or its places name it. */
  province?: string;
  /** Each receipt row's pledge, in row order (a list without receipts: none). */
  receipts?: ReceiptMatch[];
  /** The days its rows added fall on, with how many rows each: a receipt's day received, else its pledge date. */
  rowDays?: RowDay[];
}

/** A day and how many rows of a list fall on it. */
export interface RowDay {
  date: string;
  rows: number;
}

export const ImportFilesInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        fileName: z.string().trim().min(1).max(260),
        base64: z.string().max(40_000_000),
        /**
         * A workbook's columns the import cannot name, mapped by the user (remembered for the layout once the file is
         * imported).
         */
        mapping: ColumnMapping.optional(),
        /** The pledge each of these receipt rows fulfils, chosen in the preview where several fit or none does. */
        matches: z.array(ReceiptChoice).max(100_000).optional(),
      }),
    )
    .min(1)
    .max(500),
  /**
   * The unit of the office that sent the workbooks: place names are read as that unit's first (a commune name several
   * former districts had is the one in that district). Without it, a unit the letterhead names ("UBND HUYỆN BẢO LẠC").
   */
  placeId: Id.optional(),
  /**
   * The workbooks are lists of receipts: a list's only date is the day the aid was received. Not given: each list as
   * its layout was last imported (a list of pledges, unless imported as receipts before); given, it is remembered so.
   */
  receipts: z.boolean().optional(),
  /** Check only: every file is read and applied in order, then nothing is kept. */
  dryRun: z.boolean().default(false),
  /** Bundles of an earlier release (unsigned) taken on purpose, from offices recorded as on that release. */
  acceptUnsigned: z.boolean().default(false),
  /** The user confirmed the bundles' deletions (needed when one deletes many records, or any made here). */
  allowDeletions: z.boolean().default(false),
});

/** What one file did, or why it was refused. */
export interface ImportedFile {
  fileName: string;
  kind: 'workbook' | 'bundle';
  /** Workbook rows added and skipped (already in the ledger). */
  added: number;
  skipped: number;
  newDonors: string[];
  /** A bundle's records. */
  merge: MergeCounts | null;
  /** What a bundle deletes here (listed also when it was refused for want of the user's confirmation). */
  deletions?: BundleDeletion[];
  /** Whether a bundle's deletions need the user's confirmation (`allowDeletions`). */
  deletionsNeedConfirmation?: boolean;
  /** Its problems, by row and column (row 0: the file as a whole). Any problem in any file refuses them all. */
  errors: ImportIssue[];
  officePlace?: ImportResult['officePlace'];
  layout?: ImportResult['layout'];
  /** A bundle's sending office, as this ledger recorded it. */
  sender?: string;
  /** The province the file is from: a bundle's ledger's, or the one a workbook's letterhead, office or places name. */
  province?: string;
  receipts?: ImportResult['receipts'];
  rowDays?: ImportResult['rowDays'];
}

export interface ImportFilesResult {
  dryRun: boolean;
  /** Whether the files were written: all of them, or (any file refused, or a check only) none. */
  written: boolean;
  files: ImportedFile[];
  totals: {
    added: number;
    skipped: number;
    inserted: number;
    updated: number;
    unchanged: number;
    conflicts: number;
    errors: number;
    refusedFiles: number;
  };
}

export const importMethods = {
  'imports.template': method<ExcelFile>()(TemplateInput),
  'imports.files': method<ImportFilesResult>()(ImportFilesInput),
} as const;
