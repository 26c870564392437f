import { IMPORT_FIELDS, type ImportField } from '../../contract/imports';
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
