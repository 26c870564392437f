/**
 * Deletions: what a bundle deletes here, as a person reads it; the rule for when a merge needs the user's
 * confirmation; and every deletion made in the ledger (here, or merged from a bundle), each kept with its rows so
 * that it can be undone, with a reason kept in the restored record's history.
 */
import { z } from 'zod';
import type { Bilingual } from './errors';
import { EmptyInput, Id, ShortText } from './fields';
import { method } from './method';

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

/**
 * A deletion kept in the ledger, with what was deleted with it (a pledge's deliveries, an item's stages): made here
 * (`bundle` null) or merged from a bundle.
 */
export interface Deletion extends BundleDeletion {
  /** The deletion's id: what `deletions.undo` takes. */
  id: string;
  /** When it was deleted here (a received one: when its bundle was merged). */
  deletedAt: string;
  /** The office that deleted it (a received one: the bundle's), and the person when known. */
  siteName: string;
  userName: string | null;
  /** The bundle it came in (null: deleted here). */
  bundle: BundleSource | null;
  /** When it was undone (null: it stands), by whom, and why. */
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
  parts: BundleDeletion[];
}

/** A deletion merged here from a bundle. */
export interface ReceivedDeletion extends Deletion {
  bundle: BundleSource;
}

/** Why a deletion is undone: one line, kept in the restored record's history. */
const UndoReason = ShortText.pipe(z.string().min(1));

/** `sync.undelete`: a received deletion undone (the reason may be left out there). */
export const UndoDeletionInput = z.strictObject({ id: Id, reason: ShortText.optional() });
export const DeletionUndoInput = z.strictObject({ id: Id, reason: UndoReason });

/** What an undo put back: the record, the parts deleted with it, and the records it needed. */
export interface UndoneDeletion {
  id: string;
  restored: BundleDeletion[];
}

/**
 * The note of a history entry that records a deletion undone (a received one: the entry's bundle says which),
 * followed on its next line by the reason given.
 */
export const UNDONE_DELETION_NOTE = 'sync:undone-deletion';

/** The note of a deletion undone for this reason. */
export const undoneDeletionNote = (reason: string | null | undefined): string =>
  reason ? `${UNDONE_DELETION_NOTE}\n${reason}` : UNDONE_DELETION_NOTE;

/** Whether a history note records a deletion undone. */
export const isUndoneDeletionNote = (note: string | null | undefined): boolean =>
  note === UNDONE_DELETION_NOTE || (note?.startsWith(`${UNDONE_DELETION_NOTE}\n`) ?? false);

/** The reason a history note of a deletion undone gives (null: none, or not such a note). */
export const undoReasonOf = (note: string | null | undefined): string | null =>
  note?.startsWith(`${UNDONE_DELETION_NOTE}\n`) ? note.slice(UNDONE_DELETION_NOTE.length + 1) : null;

export const deletionMethods = {
  /** Every deletion kept, the latest first: made here and received alike, each with its parts. */
  'deletions.list': method<Deletion[]>()(EmptyInput),
  /** Puts a deleted record back with its parts (and the records it needs deleted with it), for a reason. */
  'deletions.undo': method<UndoneDeletion>()(DeletionUndoInput),
} as const;
