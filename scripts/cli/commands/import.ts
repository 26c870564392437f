import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ImportFilesResult, ReceiptChoice } from '../../../contract/imports';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { mappingHint, parseMapping } from '../mapping';
import { flag, text } from '../options';
import { out } from '../output';

/** The files to import: each path a workbook or a bundle; a folder: the workbooks and bundles in it. */
function importPaths(positionals: string[]): string[] {
  if (!positionals.length) throw new UsageError('Thiếu đường dẫn tệp / Missing the file to import');
  const paths = positionals.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`Không thấy tệp ${path} / File not found: ${path}`);
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => /\.(xlsx|xls|ods|csv|aidledger)$/i.test(name))
      .sort()
      .map((name) => join(path, name));
  });
  if (!paths.length) throw new UsageError('Thư mục không có tệp nào để nhập / The folder holds no file to import');
  return paths;
}

/** The result as one JSON line: the totals, whether it was written, every problem with its file, and each file. */
function printJson(result: ImportFilesResult): void {
  const { totals } = result;
  out(
    JSON.stringify({
      added: totals.added,
      skipped: totals.skipped,
      inserted: totals.inserted,
      updated: totals.updated,
      unchanged: totals.unchanged,
      conflicts: totals.conflicts,
      written: result.written,
      errors: result.files.flatMap((f) => f.errors.map((e) => ({ file: f.fileName, ...e }))),
      files: result.files,
    }),
  );
}

/** `--match "12=<pledge id>;13=new"`: the pledge each receipt row fulfils, or a new one. */
function parseMatches(text: string): ReceiptChoice[] {
  return text
    .split(';')
    .filter((part) => part.trim())
    .map((part) => {
      const found = /^\s*(\d+)\s*=\s*(\S+)\s*$/.exec(part);
      if (!found)
        throw new UsageError(
          `--match: "${part.trim()}" không có dạng DÒNG=MÃ_CAM_KẾT hoặc DÒNG=new / is not ROW=PLEDGE_ID or ROW=new`,
        );
      return { row: Number(found[1]), pledgeId: found[2]!.toLowerCase() === 'new' ? null : found[2]! };
    });
}

/** How a file's receipt rows were matched, counted: to a pledge, as new pledges, waiting for a choice. */
function receiptCounts(f: ImportFilesResult['files'][number]): string | null {
  if (!f.receipts?.length) return null;
  const count = (...outcomes: string[]) => f.receipts!.filter((m) => outcomes.includes(m.outcome)).length;
  const [matched, fresh, waiting] = [count('item', 'place', 'chosen'), count('new'), count('ambiguous')];
  return `  ${f.fileName}: đã nhận/receipts: khớp cam kết/matched ${matched}, cam kết mới/new pledges ${fresh}${waiting ? `, cần chọn/to choose ${waiting} (--match)` : ''}`;
}

/** The result for a reader: the problems on stderr; on stdout each file (if more than one, or a bundle), then the sums. */
function printText(result: ImportFilesResult): void {
  const { totals } = result;
  for (const f of result.files) {
    for (const e of f.errors) {
      const column = (word: string) => (e.column ? `, ${word} "${e.column}"` : '');
      process.stderr.write(
        `${f.fileName}: dòng ${e.row}${column('cột')}: ${e.message}\n  ${f.fileName}: row ${e.row}${column('column')}: ${e.messageEn}\n`,
      );
    }
    const hint = mappingHint(f);
    if (hint) process.stderr.write(`${hint}\n`);
  }
  for (const f of result.files) {
    const counts = receiptCounts(f);
    if (counts) out(counts);
  }
  if (result.files.length > 1 || result.files[0]!.kind === 'bundle') {
    for (const f of result.files) {
      const what =
        f.kind === 'bundle'
          ? `gói/bundle: mới/new ${f.merge?.inserted ?? 0}, cập nhật/updated ${f.merge?.updated ?? 0}, xung đột/conflicts ${f.merge?.conflicts ?? 0}`
          : `thêm/added ${f.added}, bỏ qua/skipped ${f.skipped}`;
      out(`  ${f.fileName}: ${f.errors.length ? `${f.errors.length} lỗi/errors` : what}`);
    }
  }
  out(
    totals.refusedFiles
      ? `Bị từ chối: ${totals.refusedFiles} tệp có ${totals.errors} lỗi, không ghi gì / Refused: ${totals.refusedFiles} file(s) with ${totals.errors} error(s), nothing written`
      : `${result.dryRun ? 'Xem trước' : 'Đã nhập'}: thêm ${totals.added}, bỏ qua ${totals.skipped} (đã có)${totals.inserted + totals.updated ? `, gói: mới ${totals.inserted}, cập nhật ${totals.updated}` : ''} / ${result.dryRun ? 'Preview' : 'Imported'}: ${totals.added} added, ${totals.skipped} skipped${totals.inserted + totals.updated ? `, bundles: ${totals.inserted} new, ${totals.updated} updated` : ''}`,
  );
}

export const importCommand = defineCommand({
  name: 'import',
  options: {
    db: text,
    place: text,
    map: text,
    'dry-run': flag,
    json: flag,
    'accept-unsigned': flag,
    'allow-deletions': flag,
    receipts: flag,
    match: text,
  },
  usage: [
    'import --db FILE [--place NAME_OR_CODE] [--map "Tiêu đề=trường;…"] PATH... [--dry-run] [--json]',
    `${DESCRIPTION}[--allow-deletions]`,
    `${DESCRIPTION}nhập các tệp .xlsx/.xls/.ods/.csv và gói .aidledger (hoặc một thư mục) cùng lúc:`,
    `${DESCRIPTION}tất cả hoặc không tệp nào / import workbooks and bundles (or a folder) at once:`,
    `${DESCRIPTION}all of them or none; --place: đơn vị gửi tệp / the sending office's unit;`,
    `${DESCRIPTION}--accept-unsigned: nhận gói của phiên bản cũ / take bundles of an earlier release`,
    `${DESCRIPTION}--allow-deletions: xác nhận việc xóa của các gói / confirms the bundles' deletions`,
    `${DESCRIPTION}--receipts: ngày duy nhất của danh sách là ngày nhận / a list's only date is the day received;`,
    `${DESCRIPTION}--match "DÒNG=MÃ_CAM_KẾT;DÒNG=new": cam kết mà dòng đã nhận thực hiện / the pledge a receipt row`,
    `${DESCRIPTION}fulfils (new: a new pledge); --json: each receipt row's match (files[].receipts)`,
  ],
  async run({ values, positionals }) {
    const paths = importPaths(positionals);
    const mapping = values.map === undefined ? undefined : parseMapping(values.map);
    const matches = values.match === undefined ? undefined : parseMatches(values.match);
    const files = paths.map((path) => ({
      fileName: basename(path),
      base64: readFileSync(path).toString('base64'),
      ...(mapping ? { mapping } : {}),
      ...(matches ? { matches } : {}),
    }));
    const result = await withLedger(requireDb(values), false, undefined, async (ledger) => {
      const placeId = values.place ? await placeIdOf(ledger, values.place, null) : undefined;
      return createLedgerService(ledger).invoke('imports.files', {
        files,
        dryRun: Boolean(values['dry-run']),
        acceptUnsigned: Boolean(values['accept-unsigned']),
        allowDeletions: values['allow-deletions'],
        ...(values.receipts ? { receipts: true } : {}),
        ...(placeId ? { placeId } : {}),
      });
    });
    if (values.json) printJson(result);
    else printText(result);
    if (!values.json && result.files.some((f) => f.deletionsNeedConfirmation && f.errors.length))
      out('Thêm --allow-deletions để xác nhận việc xóa / Add --allow-deletions to confirm the deletions');
    return result.totals.refusedFiles ? 1 : 0;
  },
});
