/**
 * Many files in one pass: each bundle merged and each workbook imported in order, so a file sees what the files
 * before it wrote (a donor a district created). If any file is refused, or the pass is a check only, everything the
 * pass wrote is undone and nothing of any file stays.
 */
import type { ImportedFile, ImportFilesResult } from '../../contract/imports';
import type { ParsedInput } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { undoPoint } from '../core/undo';
import type { Ctx } from '../core/context';
import { ReadAhead } from '../cage/ahead';
import { sheetJob } from './read-sheet';
import { importSpreadsheet } from './spreadsheet';
import { PlaceIndex } from '../places/match';
import { newPledgeChecks, type PledgeChecks } from '../pledges/writes';
import { withSearchTextDeferred } from '../search';
import { importBundle } from '../sync/import';
import { ConfirmationRequired } from '../sync/received/receipt';
import { withTotalsDeferred } from '../totals-bulk';

const BUNDLE_HEADER = Buffer.from('AIDLEDGER-BUNDLE ', 'ascii');

/** A bundle by its name or its first bytes (a bundle renamed is still one). */
export function isBundleFile(fileName: string, bytes: Buffer): boolean {
  return /\.aidledger$/i.test(fileName) || bytes.subarray(0, BUNDLE_HEADER.length).equals(BUNDLE_HEADER);
}

export async function importFiles(ctx: Ctx, input: ParsedInput<'imports.files'>): Promise<ImportFilesResult> {
  let files: ImportedFile[];
  const start = await undoPoint(ctx, 'import_files');
  try {
    // The new pledges' search words are written once for every file, not once per file: the words index adds one
    // segment per write between savepoints, and merging fifty-odd small segments rewrote a good part of it.
    files = await withSearchTextDeferred(ctx, async (pending) => {
      // The files are first written one after another with no savepoint of their own (a savepoint costs a copy of
      // every page first written under it). At the first file refused that pass stops, and everything is written
      // again with each file in its own savepoint, so that the files after a refused one see nothing of it.
      const first = await eachFile(ctx, input, false);
      // Refused at its last file, the pass has told of every file as the savepoints would.
      if (!first.some((f) => f.errors.length) || first.length === input.files.length) return first;
      await start.undo();
      pending.length = 0;
      return eachFile(ctx, input, true);
    });
  } catch (error) {
    await start.undo();
    await start.keep();
    throw error;
  }
  const refused = files.filter((f) => f.errors.length).length;
  const written = refused === 0 && !input.dryRun;
  if (!written) await start.undo();
  await start.keep();
  const sum = (value: (f: ImportedFile) => number) => files.reduce((total, f) => total + value(f), 0);
  return {
    dryRun: input.dryRun,
    written,
    files,
    totals: {
      added: sum((f) => f.added),
      skipped: sum((f) => f.skipped),
      inserted: sum((f) => f.merge?.inserted ?? 0),
      updated: sum((f) => f.merge?.updated ?? 0),
      unchanged: sum((f) => f.merge?.unchanged ?? 0),
      conflicts: sum((f) => f.merge?.conflicts ?? 0),
      errors: sum((f) => f.errors.length),
      refusedFiles: refused,
    },
  };
}

/**
 * A pass's files as bytes, the next workbook read while this one's rows are written (`cage/ahead.ts`): `bytes(i)` is
 * file i's turn; each file's bytes are decoded once, the same for its reading ahead and its turn.
 */
function readingAhead(files: ParsedInput<'imports.files'>['files']) {
  const decoded = new Map<number, Buffer>();
  const decode = (i: number) => decoded.get(i) ?? decoded.set(i, Buffer.from(files[i]!.base64, 'base64')).get(i)!;
  const ahead = new ReadAhead(files.length, (i) => {
    const bytes = decode(i);
    return isBundleFile(files[i]!.fileName, bytes) ? null : sheetJob(files[i]!.fileName, bytes);
  });
  return {
    bytes(i: number): Buffer {
      const bytes = decode(i);
      ahead.turn(i);
      decoded.delete(i);
      return bytes;
    },
    end: () => ahead.end(),
  };
}

/**
 * Each file merged or imported in order. `isolated`: each in a savepoint of its own, rolled back if it is refused;
 * otherwise the caller rolls back everything when a file is refused, and the pass stops at the first one.
 */
async function eachFile(ctx: Ctx, input: ParsedInput<'imports.files'>, isolated: boolean): Promise<ImportedFile[]> {
  const files: ImportedFile[] = [];
  // The monthly totals are folded once for every file, not once per file.
  await withTotalsDeferred(ctx.sqlite, ctx.tracking, async () => {
    // The units are read, and each donor and place of the rows checked, once for the workbooks that follow one
    // another; a bundle may bring units and merge donors, so after one they are read again.
    let places: PlaceIndex | undefined;
    let checks: PledgeChecks | undefined;
    const reading = readingAhead(input.files);
    try {
      for (const [i, file] of input.files.entries()) {
        const bytes = reading.bytes(i);
        if (isBundleFile(file.fileName, bytes)) {
          places = undefined;
          checks = undefined;
          const done: ImportedFile = {
            fileName: file.fileName,
            kind: 'bundle',
            added: 0,
            skipped: 0,
            newDonors: [],
            merge: null,
            errors: [],
          };
          try {
            const options = {
              fileName: file.fileName,
              isolated,
              acceptUnsigned: input.acceptUnsigned,
              allowDeletions: input.allowDeletions,
              from: (from: { office: string; province: string | null }) =>
                Object.assign(done, { sender: from.office }, from.province ? { province: from.province } : {}),
            };
            const { deletions, deletionsNeedConfirmation, ...merge } = await importBundle(ctx, bytes, options);
            Object.assign(done, { merge, deletions, deletionsNeedConfirmation });
          } catch (error) {
            if (!(error instanceof LedgerError)) throw error;
            // Deletions not confirmed: the file is refused, and what it deletes is listed for the user to confirm.
            if (error instanceof ConfirmationRequired)
              Object.assign(done, { deletions: error.deletions, deletionsNeedConfirmation: true });
            const { message } = error.toShape();
            done.errors.push({ row: 0, column: '', message: message.vi, messageEn: message.en });
          }
          files.push(done);
        } else {
          places ??= await PlaceIndex.load(ctx);
          checks ??= newPledgeChecks();
          const result = await importSpreadsheet(ctx, {
            fileName: file.fileName,
            bytes,
            dryRun: false,
            placeId: input.placeId ?? null,
            mapping: file.mapping,
            receiptsList: input.receipts,
            matches: file.matches,
            places,
            checks,
            isolated,
          });
          files.push({
            fileName: file.fileName,
            kind: 'workbook',
            added: result.added,
            skipped: result.skipped,
            newDonors: result.newDonors,
            merge: null,
            errors: result.errors,
            ...(result.officePlace ? { officePlace: result.officePlace } : {}),
            ...(result.province ? { province: result.province } : {}),
            ...(result.layout ? { layout: result.layout } : {}),
            ...(result.receipts?.length ? { receipts: result.receipts } : {}),
            ...(result.rowDays ? { rowDays: result.rowDays } : {}),
          });
        }
        if (!isolated && files.at(-1)!.errors.length) break;
      }
    } finally {
      await reading.end();
    }
  });
  return files;
}
