/**
 * The sync area of the contract: bundles of records made at one installation and merged at another, the conflicts a
 * merge leaves for a person to settle, and what has been sent and received.
 */
import { z } from 'zod';
import { type BundleDeletion, type ReceivedDeletion, UndoDeletionInput, type UndoneDeletion } from './deletions';
import { EmptyInput, type ExcelFile, Id } from './fields';
import { method } from './method';

export const SyncExportInput = z.strictObject({ all: z.boolean().default(false) });
/** A bundle to merge (or to check), as the file it came in. */
export const ImportInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  /** The file's bytes, base64-encoded. */
  base64: z.string().max(40_000_000),
  /** The user confirmed the bundle's deletions (needed when it deletes many records, or any made here). */
  allowDeletions: z.boolean().default(false),
});
export const SyncResolveInput = z.strictObject({
  conflictId: Id,
  /** Keep the version now in the ledger, or put the other one back. */
  keep: z.enum(['kept', 'other']),
});

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  deleted: number;
  /** Donors found twice (the same name entered at two offices) and merged into one. */
  donorsMerged: number;
}

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
}

export const syncMethods = {
  'sync.export': method<BundleFile>()(SyncExportInput),
  'sync.preview': method<BundleMerge>()(ImportInput),
  'sync.import': method<BundleMerge>()(ImportInput),
  'sync.status': method<SyncStatus>()(EmptyInput),
  'sync.resolve': method<{ id: string }>()(SyncResolveInput),
  'sync.deletions': method<ReceivedDeletion[]>()(EmptyInput),
  'sync.undelete': method<UndoneDeletion>()(UndoDeletionInput),
} as const;
