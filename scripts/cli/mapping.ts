import { IMPORT_FIELD_HEADERS, IMPORT_FIELDS, type ImportedFile, type ImportField } from '../../contract/imports';
import { foldText } from '../../contract/text';
import { TEMPLATE_COLUMNS } from '../../db/imports/columns';
import { UsageError } from './args';

/**
 * `--map "Giá trị quy đổi=amount;Mã hồ sơ=ignore"`: a list's columns by header, each a field (its key or the
 * template's header) or ignore / bỏ qua. Checked again at the contract.
 */
export function parseMapping(text: string): { header: string; field: ImportField | 'ignore' }[] {
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

/**
 * For a workbook with columns its headers did not name: a line naming them with the fields each could be, and the
 * `--map` that reads them (each as the first field it could be that no other column holds, else left out).
 */
export function mappingHint(file: ImportedFile): string | null {
  const columns = file.layout?.columns ?? [];
  const unread = columns.filter((c) => c.field === null);
  if (!unread.length) return null;
  const taken = new Set<string>(columns.map((c) => c.field ?? ''));
  const named = unread.map((c) =>
    c.could?.length
      ? `"${c.header}" (${c.could.map((f) => `${f} = ${IMPORT_FIELD_HEADERS[f]}`).join(', ')})`
      : `"${c.header}"`,
  );
  const pairs = unread.map((c) => {
    const field = c.could?.find((f) => !taken.has(f)) ?? 'ignore';
    taken.add(field);
    return `${c.header.replace(/[;=\s]+/g, ' ').trim()}=${field}`;
  });
  return [
    `${file.fileName}: cột chưa đọc được / columns not read: ${named.join(', ')}`,
    `  ghép cột bằng / map them with: --map "${pairs.join(';')}"`,
  ].join('\n');
}
