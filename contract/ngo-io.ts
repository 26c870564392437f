/**
 * The NGO registry's spreadsheets: the department's own register imported (one row per certificate, its columns found
 * by their header words, a mapping of the others remembered with the layout, all rows or none), and the register
 * "Sổ theo dõi tổ chức PCPNN hoạt động trên địa bàn" written as a workbook of a period.
 */
import { z } from 'zod';
import type { ExcelFile } from './fields';
import { IsoDate } from './fields';
import type { ImportIssue } from './imports';

/** What a column of a register can hold: one certificate a row, with its NGO, profile and contact. */
export const REGISTRY_FIELDS = [
  'name',
  'shortName',
  'country',
  'kind',
  'number',
  'issuedBy',
  'issuedOn',
  'validUntil',
  'provinces',
  'fields',
  'status',
  'decision',
  'headName',
  'officeAddress',
  'contactName',
  'contactRole',
  'phone',
  'email',
  'notes',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** Each field's header as the register the app writes names it (Vietnamese, as in the files). */
export const REGISTRY_FIELD_HEADERS: Record<RegistryField, string> = {
  name: 'Tên tổ chức',
  shortName: 'Tên viết tắt',
  country: 'Quốc tịch',
  kind: 'Loại giấy',
  number: 'Số giấy đăng ký',
  issuedBy: 'Cơ quan cấp',
  issuedOn: 'Ngày cấp',
  validUntil: 'Có giá trị đến',
  provinces: 'Địa bàn hoạt động',
  fields: 'Lĩnh vực hoạt động',
  status: 'Tình trạng',
  decision: 'Quyết định',
  headName: 'Người đứng đầu',
  officeAddress: 'Địa chỉ văn phòng',
  contactName: 'Người liên hệ',
  contactRole: 'Chức vụ',
  phone: 'Điện thoại',
  email: 'Email',
  notes: 'Ghi chú',
};

/** The fields a register cannot be read without. */
export const REGISTRY_REQUIRED: readonly RegistryField[] = [
  'name',
  'number',
  'issuedOn',
  'validUntil',
  'provinces',
  'fields',
];

/** A register's column (by its header as written) and the field it holds, or 'ignore' to leave it out. */
export const RegistryColumnMapping = z
  .array(z.strictObject({ header: z.string().trim().min(1).max(200), field: z.enum([...REGISTRY_FIELDS, 'ignore']) }))
  .max(60);
export type RegistryColumnMapping = z.output<typeof RegistryColumnMapping>;

export const NgoImportInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        fileName: z.string().trim().min(1).max(260),
        base64: z.string().max(40_000_000),
        /** Columns the import cannot name, mapped by the user (remembered for the layout once imported). */
        mapping: RegistryColumnMapping.optional(),
      }),
    )
    .min(1)
    .max(50),
  /** Check only: every file is read and applied, then nothing is kept. */
  dryRun: z.boolean().default(false),
});

/** How a register's header row was read, column by column: what the mapping step shows. */
export interface RegistryLayout {
  /** The sheet row of the header (1-based). */
  headerRow: number;
  columns: {
    header: string;
    /** The field it holds; 'stt' a row number column; null: not known. */
    field: RegistryField | 'ignore' | 'stt' | null;
    from: 'known' | 'remembered' | 'chosen' | null;
    /** The first values under it. */
    samples: string[];
    /** For a column not read: the fields its words could be. */
    could?: RegistryField[];
  }[];
  remembered: boolean;
}

/** What one register file did, or why it was refused. */
export interface NgoImportedFile {
  fileName: string;
  /** Certificate rows read. */
  rows: number;
  /** NGOs (donors) created, by name. */
  newNgos: string[];
  /** Certificates added, changed (a row of a known number saying otherwise), and already recorded as the row says. */
  added: number;
  updated: number;
  unchanged: number;
  /** Contact persons added. */
  contacts: number;
  layout?: RegistryLayout;
  /** Its problems, by row and column (row 0: the file as a whole). Any problem in any file refuses them all. */
  errors: ImportIssue[];
}

export interface NgoImportResult {
  dryRun: boolean;
  /** Whether the files were written: all of them, or (any refused, or a check only) none. */
  written: boolean;
  files: NgoImportedFile[];
}

export const NgoExportInput = z.strictObject({
  /** The period of the items and aid counted (from the first of January of this year, to today, by default). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export type NgoExportResult = ExcelFile;
