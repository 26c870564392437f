/**
 * The quarter's close: every file a province receives for a quarter — the app's bundles and the offices' workbooks —
 * checked and merged in one pass, all of them or none.
 */
import { z } from 'zod';
import { Id } from './fields';
import { ColumnMapping } from './imports';
import type { ImportIssue, ImportResult, MergeCounts } from './index';
import { method } from './method';

export const ImportFilesInput = z.strictObject({
  files: z
    .array(
      z.strictObject({
        fileName: z.string().trim().min(1).max(260),
        base64: z.string().max(40_000_000),
        mapping: ColumnMapping.optional(),
      }),
    )
    .min(1)
    .max(500),
  /** The sending office's unit, for the workbooks (see SpreadsheetImportInput.placeId). */
  placeId: Id.optional(),
  /** Check only: every file is read and applied in order, then nothing is kept. */
  dryRun: z.boolean().default(false),
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
  /** Its problems, by row and column (row 0: the file as a whole). Any problem in any file refuses them all. */
  errors: ImportIssue[];
  officePlace?: ImportResult['officePlace'];
  layout?: ImportResult['layout'];
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

export const closeMethods = {
  'imports.files': method<ImportFilesResult>()(ImportFilesInput),
} as const;
