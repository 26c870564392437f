/**
 * Command line for batch work over the same contract the app uses:
 *   npm run --silent cli -- <command> --db FILE ...
 * Results go to stdout; errors go to stderr in Vietnamese and English with a non-zero exit.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LedgerError } from '../contract/errors';
import { formatAmount } from '../contract/money';
import { TOTALS_GROUPINGS, type TotalsGrouping } from '../contract';
import type { AidModality, AidStage } from '../contract/items';
import { IMPORT_FIELDS, type ImportField } from '../contract/imports';
import { foldText } from '../contract/text';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { contextFor } from '../db/context';
import { loadDemo, readFixture } from '../db/demo';
import { openLedger, type Ledger } from '../db/open';
import { CAO_BANG_CODE } from '../db/places/catalogue';
import { findPlace } from '../db/places/match';
import { parsePeriod } from '../db/reports/period';
import { generateLedger } from '../db/synthetic';
import { createLedgerService } from '../db/service';
import { backupLedger, checkLedgerFile, latestGoodBackup, restoreLedger } from '../db/backup';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The public Cao Bằng 2022 aid events, shipped with the app as its demo data. */
export const DEFAULT_FIXTURE = resolve(ROOT, 'db/fixtures/seed-aid-events.json');

/**
 * `--map "Giá trị quy đổi=amount;Mã hồ sơ=ignore"`: a list's columns by header, each a field (its key or the
 * template's header) or ignore / bỏ qua. Checked again at the contract.
 */
function parseMapping(text: string): { header: string; field: ImportField | 'ignore' }[] {
  return text
    .split(';')
    .filter((part) => part.trim())
    .map((part) => {
      const at = part.lastIndexOf('=');
      if (at <= 0) throw new UsageError(`--map: "${part}" cần dạng Tiêu đề=trường / needs Header=field`);
      const [header, name] = [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      const folded = foldText(name);
      const field =
        folded === 'ignore' || folded === 'bo qua'
          ? 'ignore'
          : (IMPORT_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase()) ??
            TEMPLATE_COLUMNS.find((c) => foldText(c.header) === folded)?.key);
      if (!field)
        throw new UsageError(
          `--map: không có trường "${name}" / no field "${name}" (${IMPORT_FIELDS.join(', ')}, ignore)`,
        );
      return { header, field };
    });
}

/** The aid items chosen by --sector, --modality and --stage (checked at the contract, like any input). */
function itemScopeOf(values: {
  sector?: string | undefined;
  modality?: string | undefined;
  stage?: string | undefined;
}) {
  return {
    ...(values.sector ? { sectors: [values.sector] } : {}),
    ...(values.modality ? { modalities: [values.modality as AidModality] } : {}),
    ...(values.stage ? { stages: [values.stage as AidStage] } : {}),
  };
}

const USAGE = `Sổ theo dõi viện trợ — dòng lệnh / Aid Ledger command line

  init   --db FILE [--province NAME_OR_CODE|all] [--site NAME] [--role province|district] [--place CODE_OR_NAME]
                                        tạo sổ mới với danh mục địa bàn của tỉnh (mặc định Cao Bằng; all: cả nước)
                                        / create a ledger with a province's units (default Cao Bằng; all: the country)
  demo   --db FILE [--fixture PATH]     nạp dữ liệu mẫu Cao Bằng 2022 / load the Cao Bằng 2022 demo data
  info   --db FILE [--json]             thông tin sổ / ledger information
  generate --db FILE [--rows N] [--seed S]  sổ mô phỏng để thử tải / a synthetic ledger for scale tests
  report --db FILE (--quarter 2022-Q3 | --half 2022-H2 | --year 2022) [--place CODE_OR_NAME] [--units-of YYYY-MM-DD]
         [--sector S] [--modality M] [--stage S] --out FILE.xlsx
                                        báo cáo Excel theo mẫu (chỉ các khoản viện trợ đã chọn, nếu có)
                                        / the Excel report (of the chosen aid items only, if any)
  template --db FILE --place CODE_OR_NAME --out FILE.xlsx
                                        mẫu nhập liệu cho huyện / the data-entry workbook for a district
  import --db FILE [--place NAME_OR_CODE] [--map "Tiêu đề=trường;…"] PATH... [--dry-run] [--json]
                                        nhập các tệp .xlsx/.xls/.ods/.csv và gói .aidledger (hoặc một thư mục) cùng lúc:
                                        tất cả hoặc không tệp nào / import workbooks and bundles (or a folder) at once:
                                        all of them or none; --place: đơn vị gửi tệp / the sending office's unit
  bundle export --db FILE --out FILE [--all]
                                        gói dữ liệu thay đổi để gửi tỉnh / this site's changes as a bundle
  bundle import --db FILE PATH [--dry-run] [--json]
                                        nhập gói dữ liệu / merge a bundle
  totals --db FILE --by place|donor|kind|quarter|currency|item|sector|modality|stage [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--usd] [--json] [--place NAME_OR_CODE] [--units-of YYYY-MM-DD] [--sector S] [--modality M] [--stage S]
                                        tổng cam kết và đã giao / pledged and delivered totals
                                        --units-of: theo đơn vị hành chính tại ngày đó / in the units of that date
  summary --db FILE --year YYYY [--half H1|H2] [--json] [--lang vi|en]
                                        số khoản viện trợ, tổ chức, cam kết và giải ngân / items, NGOs, committed, disbursed
  backup --db FILE --out FILE           sao lưu (sổ có thể đang mở) / back up (the ledger may be open)
  restore --db FILE --from FILE         khôi phục từ bản sao lưu đã kiểm tra; giữ lại tệp bị thay
                                        / restore from a checked backup; the replaced file is kept
  check --db FILE                       kiểm tra toàn vẹn / integrity check
`;

class UsageError extends Error {}

function options(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      site: { type: 'string' },
      fixture: { type: 'string' },
      json: { type: 'boolean', default: false },
      by: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'units-of': { type: 'string' },
      sector: { type: 'string' },
      modality: { type: 'string' },
      stage: { type: 'string' },
      lang: { type: 'string' },
      usd: { type: 'boolean', default: false },
      rows: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '20221231' },
      quarter: { type: 'string' },
      half: { type: 'string' },
      year: { type: 'string' },
      place: { type: 'string' },
      map: { type: 'string' },
      province: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      role: { type: 'string' },
      all: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

type Options = ReturnType<typeof options>['values'];

function requireDb(values: Options): string {
  if (!values.db) throw new UsageError('Thiếu --db FILE / Missing --db FILE');
  return values.db;
}

async function withLedger<T>(
  file: string,
  create: boolean,
  site: string | undefined,
  run: (ledger: Ledger) => Promise<T>,
): Promise<T> {
  const ledger = await openLedger(file, { create, ...(site ? { siteName: site } : {}) });
  try {
    return await run(ledger);
  } finally {
    await ledger.close();
  }
}

const out = (text: string) => process.stdout.write(`${text}\n`);

/**
 * Writes an output file whole or not at all: into `<file>.partial`, flushed to disk, then renamed over the name. A crash
 * or a full disk part-way never leaves a truncated file under the name, and an earlier file there stays whole until then.
 */
export function writeOutputFile(file: string, bytes: Uint8Array): void {
  const partial = `${file}.partial`;
  try {
    const fd = openSync(partial, 'w');
    try {
      writeFileSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  // Flushing the folder makes the rename itself last through a power cut (Windows cannot open a folder to flush it).
  let folder: number | undefined;
  try {
    folder = openSync(dirname(resolve(file)), 'r');
    fsyncSync(folder);
  } catch {
    // The file is whole under its name either way.
  } finally {
    if (folder !== undefined) closeSync(folder);
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const { values, positionals } = options(rest);
  switch (command) {
    case 'init': {
      const file = requireDb(values);
      if (values.role && values.role !== 'province' && values.role !== 'district')
        throw new UsageError('--role phải là province hoặc district / --role must be province or district');
      if (values.role === 'district' && !values.place)
        throw new UsageError('Văn phòng huyện cần --place / A district office needs --place');
      const added = await withLedger(file, true, values.site, async (ledger) => {
        const service = createLedgerService(ledger);
        const before = await service.invoke('places.setup', {});
        // Cao Bằng when no province is named, as the first releases did, so scripts keep working.
        const chosen =
          values.province || !before.hasPlaces
            ? await service.invoke('places.choose', { province: values.province ?? CAO_BANG_CODE })
            : null;
        const placeId = values.place
          ? await ledger.db
              .transaction()
              .execute(async (trx) => (await findPlace(contextFor(ledger, trx), values.place!, null)).id)
          : undefined;
        await service.invoke('settings.update', {
          ...(values.site ? { siteName: values.site } : {}),
          ...(values.role ? { siteRole: values.role as 'province' | 'district' } : {}),
          ...(placeId ? { sitePlaceId: placeId } : {}),
        });
        return chosen && chosen.province !== before.province ? chosen.units : 0;
      });
      out(
        added
          ? `Đã tạo sổ ${file} với ${added} đơn vị hành chính / Created ${file} with ${added} places`
          : `Sổ ${file} đã có sẵn / ${file} already initialised`,
      );
      return 0;
    }
    case 'demo': {
      const file = requireDb(values);
      const fixturePath = values.fixture ?? DEFAULT_FIXTURE;
      if (!existsSync(fixturePath))
        throw new UsageError(`Không thấy tệp dữ liệu mẫu ${fixturePath} / Demo file not found: ${fixturePath}`);
      const summary = await withLedger(file, true, values.site, (ledger) => loadDemo(ledger, readFixture(fixturePath)));
      out(
        `Đã nạp ${summary.donors} nhà tài trợ, ${summary.pledges} cam kết, ${summary.amendments} điều chỉnh, ${summary.items} khoản viện trợ / Loaded ${summary.donors} donors, ${summary.pledges} pledges, ${summary.amendments} amendments, ${summary.items} aid items`,
      );
      return 0;
    }
    case 'generate': {
      const rows = Number(values.rows);
      if (!Number.isInteger(rows) || rows < 0)
        throw new UsageError('--rows phải là số nguyên / --rows must be an integer');
      const started = Date.now();
      const result = await withLedger(requireDb(values), true, values.site, (ledger) =>
        generateLedger(ledger, {
          rows,
          seed: Number(values.seed),
          onProgress: (done) => process.stderr.write(`… ${done}\n`),
        }),
      );
      out(
        `Đã tạo ${result.pledges} cam kết, ${result.deliveries} lần giao trong ${((Date.now() - started) / 1000).toFixed(1)} giây / Generated ${result.pledges} pledges and ${result.deliveries} deliveries`,
      );
      return 0;
    }
    case 'report': {
      const periods = [values.quarter, values.half, values.year].filter(Boolean) as string[];
      if (periods.length !== 1)
        throw new UsageError(
          'Chọn đúng một kỳ: --quarter 2022-Q3 | --half 2022-H2 | --year 2022 / Give exactly one period',
        );
      const period = periods[0]!;
      const ok = values.quarter ? /^\d{4}-Q[1-4]$/i : values.half ? /^\d{4}-H[12]$/i : /^\d{4}$/;
      if (!ok.test(period)) throw new UsageError(`Kỳ báo cáo không hợp lệ / Invalid period: ${period}`);
      if (!values.out) throw new UsageError('Thiếu --out FILE.xlsx / Missing --out FILE.xlsx');
      const outFile = values.out;
      const written = await withLedger(requireDb(values), false, undefined, async (ledger) => {
        const service = createLedgerService(ledger);
        // A place named as it was at the period's end: "Bảo Lạc" in a 2022 report is the district of that time.
        // In today's units, a place named as it is on that date.
        const unitsOf = values['units-of'];
        const placeId = values.place
          ? await ledger.db
              .transaction()
              .execute(
                async (trx) =>
                  (await findPlace(contextFor(ledger, trx), values.place!, unitsOf ?? parsePeriod(period).to)).id,
              )
          : undefined;
        const file = await service.invoke('reports.xlsx', {
          period,
          ...(placeId ? { placeId } : {}),
          ...(unitsOf ? { unitsOf } : {}),
          ...itemScopeOf(values),
        });
        writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
        return file;
      });
      out(`Đã ghi báo cáo ${outFile} / Report written: ${outFile} (${written.fileName})`);
      return 0;
    }
    case 'template': {
      if (!values.place) throw new UsageError('Thiếu --place CODE_OR_NAME / Missing --place');
      if (!values.out) throw new UsageError('Thiếu --out FILE.xlsx / Missing --out FILE.xlsx');
      const outFile = values.out;
      await withLedger(requireDb(values), false, undefined, async (ledger) => {
        const placeId = await ledger.db
          .transaction()
          .execute(async (trx) => (await findPlace(contextFor(ledger, trx), values.place!, null)).id);
        const file = await createLedgerService(ledger).invoke('imports.template', { placeId });
        writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
      });
      out(`Đã ghi mẫu nhập liệu ${outFile} / Template written: ${outFile}`);
      return 0;
    }
    case 'import': {
      if (!positionals.length) throw new UsageError('Thiếu đường dẫn tệp / Missing the file to import');
      // Each path a workbook or a bundle; a folder: the workbooks and bundles in it.
      const paths = positionals.flatMap((path) => {
        if (!existsSync(path)) throw new UsageError(`Không thấy tệp ${path} / File not found: ${path}`);
        if (!statSync(path).isDirectory()) return [path];
        return readdirSync(path)
          .filter((name) => /\.(xlsx|xls|ods|csv|aidledger)$/i.test(name))
          .sort()
          .map((name) => join(path, name));
      });
      if (!paths.length) throw new UsageError('Thư mục không có tệp nào để nhập / The folder holds no file to import');
      const mapping = values.map === undefined ? undefined : parseMapping(values.map);
      const files = paths.map((path) => ({
        fileName: basename(path),
        base64: readFileSync(path).toString('base64'),
        ...(mapping ? { mapping } : {}),
      }));
      const result = await withLedger(requireDb(values), false, undefined, async (ledger) => {
        const placeId = values.place
          ? await ledger.db
              .transaction()
              .execute(async (trx) => (await findPlace(contextFor(ledger, trx), values.place!, null)).id)
          : undefined;
        return createLedgerService(ledger).invoke('imports.files', {
          files,
          dryRun: Boolean(values['dry-run']),
          ...(placeId ? { placeId } : {}),
        });
      });
      const { totals } = result;
      if (values.json) {
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
      } else {
        for (const f of result.files) {
          for (const e of f.errors) {
            const column = (word: string) => (e.column ? `, ${word} "${e.column}"` : '');
            process.stderr.write(
              `${f.fileName}: dòng ${e.row}${column('cột')}: ${e.message}\n  ${f.fileName}: row ${e.row}${column('column')}: ${e.messageEn}\n`,
            );
          }
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
      return totals.refusedFiles ? 1 : 0;
    }
    case 'bundle': {
      const [action, path] = positionals;
      if (action === 'export') {
        if (!values.out) throw new UsageError('Thiếu --out FILE / Missing --out FILE');
        const outFile = values.out;
        const file = await withLedger(requireDb(values), false, undefined, (ledger) =>
          createLedgerService(ledger).invoke('sync.export', { all: values.all }),
        );
        writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
        out(`Đã ghi gói ${outFile}: ${file.records} bản ghi / Bundle written: ${outFile} (${file.records} records)`);
        return 0;
      }
      if (action === 'import') {
        if (!path) throw new UsageError('Thiếu đường dẫn gói / Missing the bundle to import');
        if (!existsSync(path)) throw new UsageError(`Không thấy tệp ${path} / File not found: ${path}`);
        const input = { fileName: basename(path), base64: readFileSync(path).toString('base64') };
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
      throw new UsageError('Dùng: bundle export | bundle import / Use: bundle export | bundle import');
    }
    case 'info': {
      const info = await withLedger(requireDb(values), false, undefined, (ledger) =>
        createLedgerService(ledger).invoke('app.info', {}),
      );
      if (values.json) out(JSON.stringify(info));
      else {
        out(`${info.name} ${info.version} — lược đồ/schema ${info.schemaVersion}`);
        out(`Tệp/File: ${info.databasePath}`);
        out(`Cài đặt/Installation: ${info.site.name} (${info.site.id})`);
        const c = info.counts;
        out(
          `Địa bàn/places ${c.places} · nhà tài trợ/donors ${c.donors} · cam kết/pledges ${c.pledges} · giao/deliveries ${c.deliveries} · tỷ giá/rates ${c.rates}`,
        );
      }
      return 0;
    }
    case 'totals': {
      const by = values.by as TotalsGrouping | undefined;
      if (!by || !TOTALS_GROUPINGS.includes(by))
        throw new UsageError(`--by phải là / must be: ${TOTALS_GROUPINGS.join('|')}`);
      const unitsOf = values['units-of'];
      const filter = {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(unitsOf ? { unitsOf } : {}),
        ...itemScopeOf(values),
      };
      const result = await withLedger(requireDb(values), false, undefined, async (ledger) => {
        // A place named for today's units is one that exists on that date; otherwise one valid in the period's end.
        const placeId = values.place
          ? await ledger.db
              .transaction()
              .execute(
                async (trx) =>
                  (await findPlace(contextFor(ledger, trx), values.place!, unitsOf ?? values.to ?? null)).id,
              )
          : undefined;
        return createLedgerService(ledger).invoke('totals', {
          by,
          filter: { ...filter, ...(placeId ? { placeId } : {}) },
          in: values.usd ? 'USD' : 'VND',
        });
      });
      if (values.json) {
        out(
          JSON.stringify({
            currency: result.currency,
            groups: result.groups.map((g) => ({
              key: g.key,
              label: g.label,
              pledged: g.pledged,
              delivered: g.delivered,
            })),
            total: { pledged: result.total.pledged, delivered: result.total.delivered },
            ...(result.unconverted ? { unconverted: result.unconverted } : {}),
          }),
        );
      } else {
        const money = (v: number) => formatAmount(v, result.currency, 'vi');
        const width = Math.max(10, ...result.groups.map((g) => g.label.length));
        out(`${''.padEnd(width)}  ${'Cam kết'.padStart(20)}  ${'Đã giao'.padStart(20)}   (${result.currency})`);
        for (const g of result.groups)
          out(`${g.label.padEnd(width)}  ${money(g.pledged).padStart(20)}  ${money(g.delivered).padStart(20)}`);
        out(
          `${'Tổng cộng'.padEnd(width)}  ${money(result.total.pledged).padStart(20)}  ${money(result.total.delivered).padStart(20)}`,
        );
      }
      return 0;
    }
    case 'summary': {
      const year = Number(values.year);
      if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('Thiếu --year YYYY / Missing --year YYYY');
      const half = values.half?.toUpperCase();
      if (half !== undefined && half !== 'H1' && half !== 'H2') throw new UsageError('--half phải là / must be: H1|H2');
      const lang = values.lang === 'en' ? 'en' : 'vi';
      const result = await withLedger(requireDb(values), false, undefined, (ledger) =>
        createLedgerService(ledger).invoke('items.summary', { year, ...(half ? { half } : {}), lang }),
      );
      if (values.json) {
        out(
          JSON.stringify({
            items: result.items,
            donors: result.donors,
            committed: result.committed,
            disbursed: result.disbursed,
            bySector: result.bySector,
            linesWithoutItem: result.linesWithoutItem,
            unconvertedVnd: result.unconvertedVnd,
          }),
        );
      } else {
        out(result.paragraph);
        for (const row of result.bySector) {
          out(
            `  ${row.sector}: ${row.items} — ${formatAmount(row.committed.USD, 'USD', lang)} USD / ${formatAmount(row.committed.VND, 'VND', lang)} VND; ${formatAmount(row.disbursed.USD, 'USD', lang)} USD / ${formatAmount(row.disbursed.VND, 'VND', lang)} VND`,
          );
        }
      }
      return 0;
    }
    case 'backup': {
      const file = requireDb(values);
      if (!values.out) throw new UsageError('Thiếu --out FILE / Missing --out FILE');
      const target = resolve(values.out);
      await withLedger(file, false, undefined, (ledger) => backupLedger(ledger, target));
      out(`Đã sao lưu vào ${target} / Backed up to ${target}`);
      return 0;
    }
    case 'restore': {
      const file = requireDb(values);
      if (!values.from) throw new UsageError('Thiếu --from FILE / Missing --from FILE');
      const { replacedKeptAt } = restoreLedger(resolve(file), resolve(values.from));
      out(`Đã khôi phục ${file} từ ${values.from} / Restored ${file} from ${values.from}`);
      if (replacedKeptAt) out(`Tệp cũ được giữ tại ${replacedKeptAt} / The replaced file is kept at ${replacedKeptAt}`);
      return 0;
    }
    case 'check': {
      const file = requireDb(values);
      const check = checkLedgerFile(file);
      if (check.ok) {
        out(`Toàn vẹn, lược đồ ${check.schemaVersion} / Intact, schema ${check.schemaVersion}`);
        return 0;
      }
      process.stderr.write(`Lỗi: tệp bị hỏng / Error: the file is damaged\n${check.problems.join('\n')}\n`);
      const good = latestGoodBackup(resolve(file));
      if (good) process.stderr.write(`Bản sao lưu tốt gần nhất / Latest good backup: ${good.file} (${good.at})\n`);
      return 1;
    }
    default:
      throw new UsageError(`Lệnh không hợp lệ: ${command} / Unknown command: ${command}\n\n${USAGE}`);
  }
}

function report(error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof LedgerError) {
    const shape = error.toShape();
    process.stderr.write(`Lỗi: ${shape.message.vi}\nError: ${shape.message.en}\n`);
    return 1;
  }
  if (error instanceof Error && 'code' in error && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  process.stderr.write(`Lỗi / Error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** Runs `argv` as the `cli` script does: errors reported, the process ends with the command's exit status. */
export function runAsScript(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (error: unknown) => process.exit(report(error)),
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runAsScript(process.argv.slice(2));
