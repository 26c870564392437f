/**
 * `ngo import` and `ngo export`: the registry read from registers in the department's own layout (all files or none),
 * and the register of a period written as a workbook.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  REGISTRY_FIELD_HEADERS,
  REGISTRY_FIELDS,
  type NgoImportResult,
  type RegistryColumnMapping,
  type RegistryField,
} from '../../../contract/ngo-io';
import { foldText } from '../../../contract/text';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { type CommandInput, DESCRIPTION } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out, writeOutputFile } from '../output';

export const NGO_IO_OPTIONS = {
  db: text,
  map: text,
  'dry-run': flag,
  json: flag,
  from: text,
  to: text,
  out: text,
} as const;
type NgoIoInput = CommandInput<typeof NGO_IO_OPTIONS>;

export const NGO_IO_USAGE = [
  'ngo import --db FILE [--map "Tiêu đề=trường;…"] [--dry-run] PATH... [--json]',
  `${DESCRIPTION}nhập sổ theo dõi tổ chức PCPNN (.xlsx/.xls/.ods/.csv, hoặc một thư mục), mỗi dòng một giấy`,
  `${DESCRIPTION}đăng ký: tất cả hoặc không tệp nào / import registers of foreign NGOs, one certificate a row:`,
  `${DESCRIPTION}all files or none; --map: cột chưa đọc được / columns not read (${REGISTRY_FIELDS.slice(0, 4).join(', ')}, …, ignore)`,
  'ngo export --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] --out FILE.xlsx [--json]',
  `${DESCRIPTION}ghi Sổ theo dõi tổ chức PCPNN hoạt động trên địa bàn (mặc định: từ đầu năm đến nay) /`,
  `${DESCRIPTION}write the register of foreign NGOs working in the province (by default: this year to date)`,
];

/** `--map "Tên NGO=name;Mã=ignore"`: a register's columns by header, each a field (its key or its header) or ignore. */
export function parseRegistryMapping(textGiven: string): RegistryColumnMapping {
  return textGiven
    .split(';')
    .filter((part) => part.trim())
    .map((part) => {
      const at = part.lastIndexOf('=');
      if (at <= 0) throw new UsageError(`--map: "${part}" cần dạng Tiêu đề=trường / needs Header=field`);
      const [header, name] = [part.slice(0, at).trim(), part.slice(at + 1).trim()];
      const folded = foldText(name);
      const field: RegistryField | 'ignore' | undefined =
        folded === 'ignore' || folded === 'bo qua'
          ? 'ignore'
          : (REGISTRY_FIELDS.find((f) => f.toLowerCase() === name.toLowerCase()) ??
            REGISTRY_FIELDS.find((f) => foldText(REGISTRY_FIELD_HEADERS[f]) === folded));
      if (!field)
        throw new UsageError(
          `--map: không có trường "${name}" / no field "${name}" (${REGISTRY_FIELDS.join(', ')}, ignore)`,
        );
      return { header, field };
    });
}

function registerPaths(positionals: string[]): string[] {
  if (!positionals.length) throw new UsageError('Thiếu đường dẫn tệp / Missing the file to import');
  const paths = positionals.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(`Không thấy tệp ${path} / File not found: ${path}`);
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => /\.(xlsx|xls|ods|csv)$/i.test(name))
      .sort()
      .map((name) => join(path, name));
  });
  if (!paths.length) throw new UsageError('Thư mục không có tệp nào để nhập / The folder holds no file to import');
  return paths;
}

function printText(result: NgoImportResult): void {
  for (const f of result.files) {
    for (const e of f.errors) {
      const column = (word: string) => (e.column ? `, ${word} "${e.column}"` : '');
      process.stderr.write(
        `${f.fileName}: dòng ${e.row}${column('cột')}: ${e.message}\n  ${f.fileName}: row ${e.row}${column('column')}: ${e.messageEn}\n`,
      );
    }
    const unread = f.layout?.columns.filter((c) => c.field === null) ?? [];
    if (unread.length)
      process.stderr.write(
        `${f.fileName}: cột chưa đọc được / columns not read: ${unread
          .map((c) => `"${c.header}"${c.could?.length ? ` (${c.could.join(', ')})` : ''}`)
          .join(', ')}\n  ghép cột bằng / map them with: --map "${unread
          .map((c) => `${c.header.replace(/[;=\s]+/g, ' ').trim()}=${c.could?.[0] ?? 'ignore'}`)
          .join(';')}"\n`,
      );
    if (!f.errors.length)
      out(
        `  ${f.fileName}: ${f.rows} dòng/rows; giấy đăng ký/certificates: thêm/added ${f.added}, sửa/updated ${f.updated}, đã có/unchanged ${f.unchanged}; tổ chức mới/new NGOs ${f.newNgos.length}; người liên hệ/contacts ${f.contacts}`,
      );
  }
  const refused = result.files.some((f) => f.errors.length);
  out(
    refused
      ? 'Bị từ chối, không ghi gì / Refused, nothing written'
      : result.dryRun
        ? 'Xem trước, không ghi gì / Preview, nothing written'
        : 'Đã nhập / Imported',
  );
}

/** `ngo import --db FILE PATH…` (the positionals after the action's name). */
export async function ngoImport({ values, positionals }: NgoIoInput): Promise<number> {
  const paths = registerPaths(positionals.slice(1));
  const mapping = values.map === undefined ? undefined : parseRegistryMapping(values.map);
  const files = paths.map((path) => ({
    fileName: basename(path),
    base64: readFileSync(path).toString('base64'),
    ...(mapping ? { mapping } : {}),
  }));
  const result = await withLedger(requireDb(values), false, undefined, (ledger) =>
    createLedgerService(ledger).invoke('ngo.import', { files, dryRun: Boolean(values['dry-run']) }),
  );
  if (values.json)
    out(
      JSON.stringify({
        written: result.written,
        dryRun: result.dryRun,
        errors: result.files.flatMap((f) => f.errors.map((e) => ({ file: f.fileName, ...e }))),
        files: result.files,
      }),
    );
  else printText(result);
  return result.files.some((f) => f.errors.length) ? 1 : 0;
}

/** `ngo export --db FILE --out FILE.xlsx [--from D --to D]` */
export async function ngoExport({ values }: NgoIoInput): Promise<number> {
  if (!values.out) throw new UsageError('Thiếu --out FILE.xlsx / Missing --out FILE.xlsx');
  const file = await withLedger(
    requireDb(values),
    false,
    undefined,
    (ledger) =>
      createLedgerService(ledger).invoke('ngo.export', {
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
      }),
    'read',
  );
  const bytes = Buffer.from(file.base64, 'base64');
  writeOutputFile(values.out, bytes);
  if (values.json) out(JSON.stringify({ out: values.out, fileName: file.fileName, bytes: bytes.length }));
  else out(`Đã ghi sổ theo dõi ${values.out} / Register written: ${values.out}`);
  return 0;
}
