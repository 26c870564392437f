import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { type CommandInput, DESCRIPTION, defineCommand } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out, writeOutputFile } from '../output';

const BUNDLE_OPTIONS = { db: text, out: text, all: flag, 'dry-run': flag, json: flag, 'accept-unsigned': flag };
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
  };
  const counts = await withLedger(requireDb(values), false, undefined, (ledger) =>
    createLedgerService(ledger).invoke(values['dry-run'] ? 'sync.preview' : 'sync.import', input),
  );
  if (values.json)
    out(
      JSON.stringify({
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        conflicts: counts.conflicts,
      }),
    );
  else
    out(
      `Thêm ${counts.inserted}, cập nhật ${counts.updated}, không đổi ${counts.unchanged}, xung đột ${counts.conflicts}, xóa ${counts.deleted} / inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged}, conflicts ${counts.conflicts}, deleted ${counts.deleted}`,
    );
  return 0;
}

/** The bundle command's actions, by the word after `bundle`. */
const ACTIONS = new Map([
  ['export', exportBundle],
  ['import', importBundle],
]);

export const bundleCommand = defineCommand({
  name: 'bundle',
  options: BUNDLE_OPTIONS,
  usage: [
    'bundle export --db FILE --out FILE [--all]',
    `${DESCRIPTION}gói dữ liệu thay đổi để gửi tỉnh / this site's changes as a bundle`,
    'bundle import --db FILE PATH [--dry-run] [--json] [--accept-unsigned]',
    `${DESCRIPTION}nhập gói dữ liệu / merge a bundle`,
  ],
  async run(input) {
    const run = ACTIONS.get(input.positionals[0] ?? '');
    if (!run) throw new UsageError('Dùng: bundle export | bundle import / Use: bundle export | bundle import');
    return run(input);
  },
});
