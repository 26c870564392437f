/**
 * Imports pledges from the spreadsheets officers send (.xlsx, .xls, .ods, .csv). Every row is read and checked
 * first; a file with any bad row is rejected whole, each error naming the sheet row, the column and the reason.
 * Rows are then written through the same code as the form, inside a savepoint: a preview rolls back, a failure
 * rolls back, and only a clean import is kept. Rows already imported (by content) are skipped.
 */
import type { ImportIssue, ImportResult } from '../../contract';
import type { ColumnMapping, ImportLayout, ReceiptChoice, RowDay } from '../../contract/imports';
import { savepointIf } from '../core/undo';
import type { Ctx } from '../core/context';
import type { PledgeChecks } from '../pledges/writes';
import { PlaceIndex } from '../places/match';
import { findHeader, findOfficePlace, type Header, missingColumns, type OfficePlace, rememberLayout } from './header';
import type { ParsedRow } from './line';
import { checkListProvince } from './province-check';
import { knownDonors, MAX_ERRORS, readLines } from './rows';
import { readSheet } from './read-sheet';
import { fileIssue, type Sheet } from './sheet';
import { type KeyedRow, keyRows, notImported, type Written, writeLines } from './write';

export interface ImportOptions {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  /** Columns mapped by the user (see ImportFilesInput). */
  mapping?: ColumnMapping | undefined;
  /**
   * A list of receipts: its only date is the day the aid was received; undefined: as its layout was remembered (see
   * ImportFilesInput.receipts).
   */
  receiptsList?: boolean | undefined;
  /** The pledge a receipt row fulfils, as the user chose it; null: a new pledge (see ImportFilesInput). */
  matches?: ReceiptChoice[] | undefined;
  /** The sending office's unit (see ImportFilesInput.placeId). */
  placeId?: string | null;
  /** The ledger's units, when the caller has them read already (a pass over many workbooks reads them once). */
  places?: PlaceIndex;
  /** The donors and places rows were checked against, kept by a caller importing several workbooks in a row. */
  checks?: PledgeChecks;
  /**
   * In a savepoint of its own (the default), so that a file refused halfway leaves nothing. False: the caller rolls
   * back everything itself if the file is refused (a quarter's pass, see `importFiles`).
   */
  isolated?: boolean;
}

/** What the reading found of the file, reported with its outcome however far it got. */
interface Found {
  officePlace: OfficePlace | null;
  layout: ImportLayout | null;
  province: string | null;
}

/** A file read to its lines: what writing them needs. */
interface ReadFile {
  sheet: Sheet;
  header: Header;
  rows: ParsedRow[];
  donorIds: Map<string, string>;
  /** Read as a list of receipts, and whether its layout was remembered as one. */
  receipts: { read: boolean; remembered: boolean };
}

/** A spreadsheet imported, or only checked (`dryRun`): all its new rows, or none and the reasons. */
export async function importSpreadsheet(ctx: Ctx, options: ImportOptions): Promise<ImportResult> {
  const found: Found = { officePlace: null, layout: null, province: null };
  const result = (errors: ImportIssue[], extra: Partial<ImportResult> = {}): ImportResult => ({
    added: 0,
    skipped: 0,
    newDonors: [],
    dryRun: options.dryRun,
    ...(found.officePlace ? { officePlace: found.officePlace } : {}),
    ...(found.province ? { province: found.province } : {}),
    ...(found.layout ? { layout: found.layout } : {}),
    ...extra,
    errors: errors.slice(0, MAX_ERRORS),
  });
  const read = await readFile(ctx, options, found);
  if ('errors' in read) return result(read.errors);
  const keyed = keyRows(read.rows);
  const fresh = await notImported(ctx, keyed);
  const written = await writeFile(ctx, options, read, fresh);
  const receipts = written.receipts.length ? { receipts: written.receipts } : {};
  if (written.errors.length) return result(written.errors, { skipped: keyed.length - fresh.length, ...receipts });
  return result([], {
    ...receipts,
    added: fresh.length,
    skipped: keyed.length - fresh.length,
    newDonors: written.newDonors,
    ...(written.newItems.length ? { newItems: written.newItems } : {}),
    ...(fresh.length ? { rowDays: rowDays(fresh) } : {}),
  });
}

/** The days the rows added fall on, in order, with how many each: a receipt's day received, else its pledge date. */
function rowDays(rows: ParsedRow[]): RowDay[] {
  const days = new Map<string, number>();
  for (const r of rows) {
    const date = r.receipt?.date ?? r.date;
    days.set(date, (days.get(date) ?? 0) + 1);
  }
  return [...days].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, rows: count }));
}

/** The file read and every row checked; `found` learns the office and the layout as they are found. */
async function readFile(ctx: Ctx, options: ImportOptions, found: Found): Promise<ReadFile | { errors: ImportIssue[] }> {
  const sheet = await readSheet(options.fileName, options.bytes);
  if ('problem' in sheet) return { errors: [sheet.problem] };
  const search = await findHeader(ctx, sheet, options.mapping);
  found.layout = search.layout;
  if ('problem' in search) return { errors: [search.problem] };
  const { header } = search;
  // The list's kind as the import says, else as its layout was remembered.
  const receipts = { read: options.receiptsList ?? search.receipts, remembered: search.receipts };
  const missing = missingColumns(header, receipts.read);
  if (missing.length) return { errors: missing };

  const places = options.places ?? (await PlaceIndex.load(ctx));
  const office = findOfficePlace(places, options.placeId, sheet, header.row);
  if ('problem' in office) return { errors: [office.problem] };
  found.officePlace = office.officePlace;
  const province = await checkListProvince(ctx, places, sheet, header, found.officePlace);
  found.province = province.province;
  if (province.problem) return { errors: [province.problem] };
  // Carried from the workbook written before with the same checks: it holds the donors that one added, as a new
  // reading would (each new donor's folded name, which is its key).
  if (options.checks) options.checks.donorIds ??= knownDonors(ctx);
  const donorIds = options.checks?.donorIds ?? knownDonors(ctx);
  const { rows, errors } = await readLines(sheet, header, {
    ctx,
    columns: header.columns,
    places,
    officePlaceId: found.officePlace?.id ?? null,
    donorIds,
    receiptsList: receipts.read,
  });
  if (errors.length) return { errors };
  if (rows.length === 0)
    return {
      errors: [
        fileIssue(`Trang "${sheet.name}" không có dòng dữ liệu nào`, `The sheet "${sheet.name}" has no data rows`),
      ],
    };
  return { sheet, header, rows, donorIds, receipts };
}

/**
 * The fresh rows written in a savepoint (unless the caller holds one for many files), kept only if every row was
 * written and the import is not a check; a layout the user mapped, or said anew whether its lists are receipts, is
 * remembered with it.
 */
async function writeFile(
  ctx: Ctx,
  options: ImportOptions,
  { sheet, header, rows, donorIds, receipts }: ReadFile,
  fresh: KeyedRow[],
): Promise<Written> {
  const isolated = options.isolated ?? true;
  if (options.dryRun && !isolated) throw new Error('a check of a workbook is rolled back in its own savepoint');
  const start = savepointIf(ctx, 'spreadsheet_import', isolated);
  let written: Written;
  try {
    written = await writeLines(ctx, fresh, rows, donorIds, options);
  } catch (error) {
    if (options.checks) delete options.checks.donorIds;
    await start.undo();
    await start.keep();
    throw error;
  }
  const { errors } = written;
  // Undone, the donors the file added are no longer in the ledger: the next workbook reads them anew.
  if ((errors.length || options.dryRun) && options.checks) delete options.checks.donorIds;
  const mappedNow = header.layout.read.some((c) => c.from === 'chosen');
  if (!errors.length && !options.dryRun && (mappedNow || receipts.read !== receipts.remembered))
    await rememberLayout(ctx, sheet.rowTexts(header.row), header.layout, {
      fileName: options.fileName,
      receipts: receipts.read,
    });
  if (errors.length || options.dryRun) await start.undo();
  await start.keep();
  return written;
}
