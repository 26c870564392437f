/**
 * Deletions received in bundles: what a bundle deletes here, as a person reads it; the rule for when a merge needs
 * the user's confirmation; and the deletions merged here, each kept with its rows so that it can be undone.
 */
import { z } from 'zod';
import type { Bilingual } from './errors';
import { Id } from './fields';

/** A bundle may delete up to this many records made at other offices without asking. */
export const DELETIONS_WITHOUT_CONFIRMATION = 5;

/** A record a bundle deletes here. */
export interface BundleDeletion {
  /** The kind of record: 'pledge', 'delivery', 'donor', 'place', 'aid_item', 'aid_item_stage', 'exchange_rate'… */
  entity: string;
  recordId: string;
  /** What a person reads of it: a pledge's date, donor, place, description and amount; a donor's name; … */
  what: Bilingual;
  /** Whether this office made it: its version is this office's, or its history says this office created it. */
  madeHere: boolean;
}

/**
 * Whether merging these deletions needs the user's confirmation: more than a few of them, or any of a record this
 * office made.
 */
export function deletionsNeedConfirmation(deletions: readonly BundleDeletion[]): boolean {
  return deletions.length > DELETIONS_WITHOUT_CONFIRMATION || deletions.some((d) => d.madeHere);
}

/** The bundle a change came in: its file, its SHA-256, and the office it came from. */
export interface BundleSource {
  fileName: string;
  /** SHA-256 of the whole file, as `sha256sum` prints it. */
  sha256: string;
  siteId: string;
  siteName: string;
  receivedAt: string;
}

/** A deletion merged here, with what the same bundle deleted with it (a pledge's deliveries, an item's stages). */
export interface ReceivedDeletion extends BundleDeletion {
  /** The deletion's id: what `sync.undelete` takes. */
  id: string;
  bundle: BundleSource;
  /** When it was undone (null: it stands). */
  undoneAt: string | null;
  parts: BundleDeletion[];
}

export const UndoDeletionInput = z.strictObject({ id: Id });

/** What an undo put back: the record, the parts deleted with it, and the records it needed. */
export interface UndoneDeletion {
  id: string;
  restored: BundleDeletion[];
}

/** The note of a history entry that records a deletion undone (the entry's bundle says which). */
export const UNDONE_DELETION_NOTE = 'sync:undone-deletion';
