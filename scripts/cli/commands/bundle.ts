import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { type CommandInput, DESCRIPTION, defineCommand } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out, writeOutputFile } from '../output';
import {
  DELETION_OPTIONS,
  listDeletions,
  printDeletions,
  undoDeletion,
  withConfirmationHint,
} from './bundle-deletions';

const BUNDLE_OPTIONS = { out: text, all: flag, 'dry-run': flag, 'accept-unsigned': flag, ...DELETION_OPTIONS };
type BundleInput = CommandInput<typeof BUNDLE_OPTIONS>;

/** `bundle export`: this site's changes (or, with --all, every record) written as a bundle. */
async function exportBundle({ values }: BundleInput): Promise<number> {
  if (!values.out) throw new UsageError('Thiếu --out FILE / Missing --out FILE');
  const outFile = values.out;
  const file = await withLedger(requireDb(values), false, undefined, (ledger) =>
    createLedgerService(ledger).invoke('sync.export', { all: values.all }),
  );
  writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
  out(`Đã ghi gói ${outFile}: ${file.records} bản ghi / Bundle written: ${outFile} (${file.records} records)`);
  return 0;
}

/** `bundle import PATH`: a bundle merged (or, with --dry-run, only previewed). */
async function importBundle({ values, positionals }: BundleInput): Promise<number> {
  const path = positionals[1];
  if (!path) throw new UsageError('Thiếu đường dẫn gói / Missing the bundle to import');
  if (!existsSync(path)) throw new UsageError(`Không thấy tệp ${path} / File not found: ${path}`);
  const input = {
    fileName: basename(path),
    base64: readFileSync(path).toString('base64'),
    // A bundle of an earlier release, from an office recorded as on that release (`office accept-legacy`).
    acceptUnsigned: values['accept-unsigned'],
    allowDeletions: values['allow-deletions'],
  };
  const counts = await withLedger(requireDb(values), false, undefined, (ledger) =>
    createLedgerService(ledger).invoke(values['dry-run'] ? 'sync.preview' : 'sync.import', input),
  ).catch((error: unknown) => {
    throw withConfirmationHint(error);
  });
  if (values.json)
    out(
      JSON.stringify({
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        conflicts: counts.conflicts,
        // What a bundle deletes here, when it deletes anything.
        ...(counts.deletions.length
          ? {
              deleted: counts.deleted,
              deletions: counts.deletions,
              needsConfirmation: counts.deletionsNeedConfirmation,
            }
          : {}),
      }),
    );
  else {
    printDeletions(counts.deletions, values['dry-run'] && counts.deletionsNeedConfirmation);
    out(
      `Thêm ${counts.inserted}, cập nhật ${counts.updated}, không đổi ${counts.unchanged}, xung đột ${counts.conflicts}, xóa ${counts.deleted} / inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged}, conflicts ${counts.conflicts}, deleted ${counts.deleted}`,
    );
  }
  return 0;
}

/** The bundle command's actions, by the word after `bundle`. */
const ACTIONS = new Map([
  ['export', exportBundle],
  ['import', importBundle],
  ['deletions', listDeletions],
  ['undo-deletion', undoDeletion],
]);

export const bundleCommand = defineCommand({
  name: 'bundle',
  options: BUNDLE_OPTIONS,
  usage: [
    'bundle export --db FILE --out FILE [--all]',
    `${DESCRIPTION}gói dữ liệu thay đổi để gửi tỉnh / this site's changes as a bundle`,
    'bundle import --db FILE PATH [--dry-run] [--json] [--allow-deletions] [--accept-unsigned]',
    `${DESCRIPTION}nhập gói dữ liệu / merge a bundle; --allow-deletions: xác nhận việc xóa`,
    `${DESCRIPTION}(gói xóa trên 5 bản ghi, hoặc bản ghi do đơn vị này tạo) / confirms its deletions`,
    `${DESCRIPTION}(more than 5 records, or any made by this office)`,
    `${DESCRIPTION}--accept-unsigned: nhận gói của phiên bản cũ / take bundles of an earlier release`,
    'bundle deletions --db FILE [--json]',
    `${DESCRIPTION}các bản ghi gói đã xóa ở đây / the records bundles deleted here`,
    'bundle undo-deletion --db FILE ID',
    `${DESCRIPTION}hoàn tác một việc xóa (bản ghi về lại, gửi đi như một lần sửa) / undo one (the`,
    `${DESCRIPTION}record comes back as an edit that travels in bundles)`,
  ],
  async run(input) {
    const run = ACTIONS.get(input.positionals[0] ?? '');
    if (!run) {
      throw new UsageError(
        'Dùng: bundle export | import | deletions | undo-deletion / Use: bundle export | import | deletions | undo-deletion',
      );
    }
    return run(input);
  },
});
