/**
 * The backups area of the contract: copies of the ledger file in its own backup folder, made, listed and restored by
 * the app around the ledger (the host), not inside one of its transactions.
 */
import { z } from 'zod';
import { EmptyInput } from './fields';
import { method } from './method';

export const BACKUP_KINDS = ['auto', 'manual', 'replaced'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A backup is named, never addressed by path: only copies in the ledger's own backup folder can be restored. */
export const BackupRestoreInput = z.strictObject({
  name: z.string().regex(/^[^/\\\x00-\x1f]{1,200}-(auto|manual|replaced)-\d{8}T\d{6}Z\.sqlite$/),
});

export interface BackupEntry {
  /** File name inside the backup folder. */
  name: string;
  kind: BackupKind;
  /** When it was made (UTC, ISO). */
  at: string;
  bytes: number;
}

export interface BackupOverview {
  ledgerFile: string;
  folder: string;
  /** Newest first. */
  backups: BackupEntry[];
  /** Set when the ledger failed its check at start: what is wrong, and the newest backup that passes. */
  damaged: { problems: string[]; latestGood: string | null } | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The name the replaced ledger is kept under in the backup folder (null when there was no file). */
  replacedKeptAs: string | null;
}

/** Where the ledger was copied to, and is now worked on. */
export interface RelocateResult {
  file: string;
}

export const backupMethods = {
  'backups.list': method<BackupOverview>()(EmptyInput),
  'backups.create': method<BackupEntry>()(EmptyInput),
  'backups.restore': method<RestoreResult>()(BackupRestoreInput),
  /** A ledger opened read-only on a network drive, a synced folder or read-only media, copied to this computer. */
  'backups.relocate': method<RelocateResult>()(EmptyInput),
} as const;

/**
 * Methods answered by the app around the ledger rather than inside one of its transactions: they copy, check and
 * replace the ledger file itself, and still answer when the ledger failed its check at start.
 */
export const HOST_METHODS = [
  'backups.list',
  'backups.create',
  'backups.restore',
  'backups.relocate',
] as const satisfies readonly (keyof typeof backupMethods)[];
