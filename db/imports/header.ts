/**
 * A sheet's header row found, and what stands above it: of the top rows (under letterheads, titles and notes), the
 * one naming most known columns, and the office whose list it is. A mapping the user chose is remembered for the
 * layout, and whether its lists are lists of receipts. `layout.ts` reads the texts of one row; this file reads them
 * from the sheet.
 */
import type { ImportIssue, ImportResult } from '../../contract';
import type { ColumnMapping, ImportLayout } from '../../contract/imports';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import type { PlaceIndex } from '../places/match';
import { HEADER_OF } from './cell-values';
import { type ColumnKey, TEMPLATE_COLUMNS } from './columns';
import {
  HEADER_SEARCH_ROWS,
  type HeaderColumns,
  type HeaderMapping,
  headerScore,
  layoutKey,
  MONEY_FIELDS,
  mappingKey,
  readHeaderRow,
} from './layout';
import { type MoneyUnit, moneyUnit } from './money-units';
import { letterheadOffice, letterheadUnits } from './letterhead';
import { loadedSheetJs } from './libraries';
import { fileIssue, type Sheet } from './sheet';

const RECEIPT_COLUMNS: ColumnKey[] = ['receivedDate', 'receivedAmount', 'receivedQuantity'];
/** A required column a list of receipts does without: the description, or the date beside a receipt date. */
const receiptNeedsNot = (key: ColumnKey, fields: Map<ColumnKey, number>) =>
  key === 'description' || (key === 'date' && fields.has('receivedDate'));

// The kind may come from the list's section rows ("I. NHÀ Ở"), the place from columns named by unit type ("Xã").
const REQUIRED: ColumnKey[] = ['date', 'donor', 'description'];

/** The header's columns as the sheet numbers them. */
export interface SheetColumns {
  fields: Map<ColumnKey, number>;
  places: { column: number; unitType: string | null }[];
  stt: number | null;
  /** The currency the amount headers state ("Thành tiền (USD)"), when they do. */
  currency: string | null;
  /** The unit each money column's header (or the table's "ĐVT: triệu đồng" above it) states, by field. */
  units: Map<ColumnKey, MoneyUnit>;
  /** A text field read from several columns, each with its header. */
  joined: Map<ColumnKey, { column: number; header: string }[]>;
}

export interface Header {
  /** The header row (from 0, as SheetJS numbers rows). */
  row: number;
  /** The columns as the header row names them, counted from the sheet's first column. */
  layout: HeaderColumns;
  columns: SheetColumns;
}

export type OfficePlace = NonNullable<ImportResult['officePlace']>;

/**
 * The header row: of the top rows, the one naming most known columns, at least three — by their own words, the
 * mapping chosen now, or the one remembered for a row of the same headers. Without one, the file is refused and the
 * row of most headers is proposed for the mapping step.
 */
export async function findHeader(
  ctx: Ctx,
  sheet: Sheet,
  chosenMapping: ColumnMapping | undefined,
): Promise<
  { header: Header; layout: ImportLayout; receipts: boolean } | { problem: ImportIssue; layout: ImportLayout | null }
> {
  const { range, rowTexts } = sheet;
  const remembered = await rememberedLayouts(ctx);
  const chosen: HeaderMapping = new Map(
    (chosenMapping ?? []).map((m) => [mappingKey(m.header), { field: m.field, from: 'chosen' as const }]),
  );
  let headerRow = -1;
  let layout: HeaderColumns | null = null;
  let proposed: { row: number; columns: HeaderColumns; texts: number } | null = null;
  let rememberedLayout: RememberedLayout | undefined;
  for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + HEADER_SEARCH_ROWS - 1); r++) {
    const texts = rowTexts(r);
    const earlier = remembered.get(layoutKey(texts));
    const mapping: HeaderMapping = new Map([
      ...(earlier?.mapping ?? []).map(
        (m) => [mappingKey(m.header), { field: m.field, from: 'remembered' as const }] as const,
      ),
      ...chosen,
    ]);
    const found = readHeaderRow(texts, mapping);
    if (headerScore(found) >= 3 && (!layout || headerScore(found) > headerScore(layout)))
      [headerRow, layout, rememberedLayout] = [r, found, earlier];
    // Without one, the row of most headers is proposed for the mapping step.
    const filled = texts.filter((x) => x !== '').length;
    if (filled >= 3 && (!proposed || filled > proposed.texts)) proposed = { row: r, columns: found, texts: filled };
  }
  if (headerRow < 0 || !layout) {
    return {
      layout: proposed ? describeLayout(sheet, proposed.row, proposed.columns, false) : null,
      problem: fileIssue(
        `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu (${TEMPLATE_COLUMNS.map((c) => c.header).join(' | ')}); hãy ghép cột`,
        `No header row found in the first ${HEADER_SEARCH_ROWS} rows (${TEMPLATE_COLUMNS.map((c) => c.header).join(' | ')}); map the columns`,
      ),
    };
  }
  const units = withTableUnit(layout, tableUnit(sheet, headerRow));
  const columns: SheetColumns = {
    fields: new Map([...layout.fields].map(([key, c]) => [key, c + range.s.c])),
    places: layout.places.map((p) => ({ ...p, column: p.column + range.s.c })),
    stt: layout.stt === null ? null : layout.stt + range.s.c,
    currency: layout.currency ?? [...units.values()][0]?.currency ?? null,
    units,
    joined: new Map(
      [...layout.joined].map(([key, cs]) => [key, cs.map((c) => ({ ...c, column: c.column + range.s.c }))]),
    ),
  };
  const receipts = rememberedLayout?.receipts ?? false;
  return {
    header: { row: headerRow, layout, columns },
    layout: {
      ...describeLayout(sheet, headerRow, layout, rememberedLayout !== undefined),
      ...(receipts ? { receipts } : {}),
    },
    receipts,
  };
}

/**
 * The money unit a table states for all its amounts, above its header row as official tables write it ("ĐVT: triệu
 * đồng", "Đơn vị tính: 1.000 đồng"), if any.
 */
function tableUnit(sheet: Sheet, headerRow: number): MoneyUnit | null {
  for (let r = sheet.range.s.r; r < headerRow; r++) {
    for (const text of sheet.rowTexts(r)) {
      const folded = foldText(text);
      const note = /(?:^|[\s(])(?:don vi tinh|don vi|dvt)\s*:\s*([^)]+)/.exec(folded);
      if (!note) continue;
      // The unit as written, for messages, where folding kept the text's length.
      const end = note.index + note[0].length;
      const unit = moneyUnit(folded.length === text.length ? text.slice(end - note[1]!.length, end) : note[1]!);
      if (unit) return unit;
    }
  }
  return null;
}

/** The header's money units, with the table's unit for a money column whose header states none. */
function withTableUnit(layout: HeaderColumns, unit: MoneyUnit | null): Map<ColumnKey, MoneyUnit> {
  const units = new Map(layout.units);
  if (unit) for (const key of layout.fields.keys()) if (MONEY_FIELDS.has(key) && !units.has(key)) units.set(key, unit);
  return units;
}

/** A layout as remembered: the columns mapped, and whether its lists are lists of receipts. */
interface RememberedLayout {
  mapping: ColumnMapping;
  receipts: boolean;
}

/**
 * An entry of the stored mapping that names no column (no header matches an empty one) and holds the layout's own
 * settings: a release that reads only columns' entries reads the rest of the mapping as before, and a mapping stored
 * before has none (not a list of receipts).
 */
type LayoutEntry = { header: ''; field: 'ignore'; receipts: true };
const RECEIPTS_ENTRY: LayoutEntry = { header: '', field: 'ignore', receipts: true };

/** The mappings remembered from earlier imports, by the signature of their header rows. */
async function rememberedLayouts(ctx: Ctx): Promise<Map<string, RememberedLayout>> {
  const stored = await ctx.db.selectFrom('importLayouts').select(['layoutKey', 'mapping']).execute();
  return new Map(
    stored.map((l) => {
      const entries = JSON.parse(l.mapping) as (ColumnMapping[number] | LayoutEntry)[];
      const mapping = entries.filter((e): e is ColumnMapping[number] => e.header !== '');
      return [l.layoutKey, { mapping, receipts: entries.some((e) => 'receipts' in e && e.receipts === true) }];
    }),
  );
}

/** A header row as the mapping step shows it: each header, the field it was read as, and a few of its values. */
function describeLayout(sheet: Sheet, row: number, columns: HeaderColumns, isRemembered: boolean): ImportLayout {
  const { range, cellAt } = sheet;
  return {
    headerRow: row + 1,
    remembered: isRemembered,
    columns: columns.read.map((c) => ({
      header: c.header,
      field: c.field,
      from: c.from,
      ...(c.field === null ? { could: c.could ?? [] } : {}),
      // As the sheet shows them (a date cell as a date, not its serial number).
      samples: Array.from({ length: Math.min(3, range.e.r - row) }, (_, i) => cellAt(row + 1 + i, c.column + range.s.c))
        .map((cell) =>
          (cell && cell.v !== undefined && cell.v !== null ? loadedSheetJs().utils.format_cell(cell) : '').trim(),
        )
        .filter((x) => x !== ''),
    })),
  };
}

/**
 * The columns a list cannot be read without, each an issue on the header row. A list of receipts (a receipt column,
 * or `receiptsList`) needs a date of either kind and what was received; its pledges' descriptions only for new ones.
 */
export function missingColumns(header: Header, receiptsList = false): ImportIssue[] {
  const { fields, places } = header.columns;
  const receipts = receiptsList || RECEIPT_COLUMNS.some((k) => fields.has(k));
  const missing = REQUIRED.filter((k) => !fields.has(k) && !(receipts && receiptNeedsNot(k, fields)));
  if (!fields.has('place') && !places.length) missing.push('place');
  const received =
    receipts && (fields.has('receivedAmount') || fields.has('receivedQuantity') || fields.has('quantity'));
  if (!received && !fields.has('amount') && !(fields.has('quantity') && fields.has('unitValue')))
    missing.push('amount');
  const unread = header.layout.read.filter((c) => c.field === null);
  return missing.map((k) => {
    const could = unread.filter((c) => c.could?.includes(k)).map((c) => `"${c.header}"`);
    const others = unread.map((c) => `"${c.header}"`);
    const issue = {
      row: header.row + 1,
      column: HEADER_OF[k],
      message: 'thiếu cột này ở dòng tiêu đề',
      messageEn: 'this column is missing from the header row',
    };
    if (could.length) {
      issue.message += `; có thể là cột ${could.join(', ')}: hãy ghép cột`;
      issue.messageEn += `; it may be the column ${could.join(', ')}: map the columns`;
    } else if (others.length) {
      issue.message += `; cột chưa đọc được: ${others.join(', ')}: hãy ghép cột`;
      issue.messageEn += `; columns not read: ${others.join(', ')}: map the columns`;
    }
    return issue;
  });
}

/**
 * The office whose file it is: the one chosen, or the unit its letterhead names above the header row — the lowest,
 * when it names several levels.
 */
export function findOfficePlace(
  places: PlaceIndex,
  placeId: string | null | undefined,
  sheet: Sheet,
  headerRow: number,
): { officePlace: OfficePlace | null } | { problem: ImportIssue } {
  if (placeId) {
    const chosen = places.get(placeId);
    if (!chosen)
      return {
        problem: fileIssue(
          'Không có địa bàn đã chọn cho đơn vị gửi tệp',
          'The chosen place of the sending office does not exist',
        ),
      };
    return { officePlace: { id: chosen.id, name: chosen.displayName, from: 'chosen' } };
  }
  const texts: string[] = [];
  for (let r = sheet.range.s.r; r < headerRow; r++) texts.push(...sheet.rowTexts(r));
  const office = letterheadOffice(places, letterheadUnits(texts));
  return { officePlace: office ? { id: office.id, name: office.displayName, from: 'letterhead' } : null };
}

/**
 * A layout mapped by the user, or read as a list of receipts, is remembered with the import, so the office's next file
 * goes straight through, read the same way. One with nothing left to remember is forgotten.
 */
export async function rememberLayout(
  ctx: Ctx,
  headers: string[],
  layout: HeaderColumns,
  { fileName, receipts }: { fileName: string; receipts: boolean },
) {
  const mapped: (ColumnMapping[number] | LayoutEntry)[] = layout.read
    .filter((c) => c.from === 'chosen' || c.from === 'remembered')
    .map((c) => ({ header: c.header, field: c.field as ColumnKey | 'ignore' }));
  if (!mapped.length && !receipts) {
    await ctx.db.deleteFrom('importLayouts').where('layoutKey', '=', layoutKey(headers)).execute();
    return;
  }
  if (receipts) mapped.push(RECEIPTS_ENTRY);
  await ctx.db
    .insertInto('importLayouts')
    .values({
      layoutKey: layoutKey(headers),
      headers: JSON.stringify(headers.filter(Boolean)),
      mapping: JSON.stringify(mapped),
      fileName,
      savedAt: ctx.now,
    })
    .onConflict((oc) =>
      oc.column('layoutKey').doUpdateSet({ mapping: JSON.stringify(mapped), fileName, savedAt: ctx.now }),
    )
    .execute();
}
