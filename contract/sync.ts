/**
 * The sync area of the contract: bundles of records made at one installation and merged at another, the conflicts a
 * merge leaves for a person to settle, and what has been sent and received.
 */
import { z } from 'zod';
import { type BundleDeletion, type ReceivedDeletion, UndoDeletionInput, type UndoneDeletion } from './deletions';
import { EmptyInput, type ExcelFile, Id } from './fields';
import type { MergeCounts } from './bundles';
import { ImportFilesInput, type ImportFilesResult } from './imports';
import { method } from './method';

export const SyncExportInput = z.strictObject({ all: z.boolean().default(false) });
/** A bundle to merge (or to check), as the file it came in. */
export const ImportInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  /** The file's bytes, base64-encoded. */
  base64: z.string().max(40_000_000),
  /** A bundle of an earlier release (unsigned) taken on purpose, from an office recorded as on that release. */
  acceptUnsigned: z.boolean().default(false),
  /** The user confirmed the bundle's deletions (needed when it deletes many records, or any made here). */
  allowDeletions: z.boolean().default(false),
});
export const SyncResolveInput = z.strictObject({
  conflictId: Id,
  /** Keep the version now in the ledger, or put the other one back. */
  keep: z.enum(['kept', 'other']),
});

/** What merging a bundle does (or, previewed, would do): the counts, and each record it deletes here. */
export interface BundleMerge extends MergeCounts {
  deletions: BundleDeletion[];
  /** Whether its deletions need the user's confirmation (`allowDeletions`), see `deletionsNeedConfirmation`. */
  deletionsNeedConfirmation: boolean;
}

export interface BundleFile extends ExcelFile {
  records: number;
}

export interface SyncConflict {
  id: string;
  entity: string;
  recordId: string;
  detectedAt: string;
  /** The version in the ledger and the other one, as stored (null: deleted). */
  kept: Record<string, unknown> | null;
  other: Record<string, unknown> | null;
  keptSite: string;
  otherSite: string;
}

export interface SyncLogEntry {
  at: string;
  direction: 'export' | 'import';
  siteName: string;
  fileName: string;
  counts: Record<string, number>;
}

/** What has been received from one installation, over all its bundles. */
export interface SyncPeerSummary {
  siteId: string;
  siteName: string;
  bundles: number;
  lastReceivedAt: string;
  inserted: number;
  updated: number;
  conflicts: number;
}

export interface SyncStatus {
  conflicts: SyncConflict[];
  log: SyncLogEntry[];
  /** Every installation a bundle was received from, the most recent first. */
  peers: SyncPeerSummary[];
  /** When this installation last made a bundle (null: never). */
  lastExportAt: string | null;
  /** Each office this one exchanges with: when a bundle last came from it, and whether it has fallen silent. */
  offices: OfficeActivity[];
  /** What is overdue: offices silent for longer than the department allows, and changes here not sent for as long. */
  reminders: SyncReminder[];
  /** Days without a bundle after which an office is overdue (Cài đặt; 14 unless set). */
  reminderDays: number;
}

export interface OfficeActivity {
  siteId: string;
  siteName: string;
  /** When its last bundle was received here (null: none yet). */
  lastReceivedAt: string | null;
  /** Whole days since then (or since it was first known, when nothing came yet). */
  silentDays: number | null;
  overdue: boolean;
}

export type SyncReminder =
  | { kind: 'office_silent'; siteId: string; siteName: string; since: string | null; days: number | null }
  /** Changes made here that no bundle has carried since `since`. */
  | { kind: 'not_sent'; since: string | null; days: number | null };

/** A bundle another office wrote in the exchange folder, not yet received here. */
export interface FolderBundle {
  fileName: string;
  bytes: number;
  /** When its office wrote it (from its name). */
  writtenAt: string;
  /** Larger than a bundle may be: shown, not received. */
  tooLarge: boolean;
}

export interface FolderStatus {
  /** The exchange folder set in Cài đặt (null: none). */
  folder: string | null;
  offered: FolderBundle[];
  /** Whether this office has changes no bundle has carried yet. */
  waiting: boolean;
  /** Why the folder cannot be used now (not found, not a folder), in the user's words; null when it can. */
  problem: string | null;
}

/** Bundles of the exchange folder to receive (or check), by their names as offered. */
export const FolderReceiveInput = ImportFilesInput.omit({ files: true, placeId: true }).extend({
  fileNames: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[^/\\\x00-\x1f]{1,200}\.aidledger$/),
    )
    .min(1)
    .max(200),
});

export const syncMethods = {
  'sync.export': method<BundleFile>()(SyncExportInput),
  'sync.preview': method<BundleMerge>()(ImportInput),
  'sync.import': method<BundleMerge>()(ImportInput),
  'sync.status': method<SyncStatus>()(EmptyInput),
  'sync.resolve': method<{ id: string }>()(SyncResolveInput),
  'sync.folder': method<FolderStatus>()(EmptyInput),
  'sync.send': method<{ fileName: string | null; records: number }>()(EmptyInput),
  'sync.receive': method<ImportFilesResult>()(FolderReceiveInput),
  'sync.deletions': method<ReceivedDeletion[]>()(EmptyInput),
  'sync.undelete': method<UndoneDeletion>()(UndoDeletionInput),
} as const;
