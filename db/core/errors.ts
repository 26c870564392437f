/** The ledger's refusals, naming the field at fault under the name it has on the form, in both languages. */
import { LedgerError, type Bilingual } from '../../contract/errors';
import { fieldLabel } from '../../contract/validation';

export function notFound(field: string, what: Bilingual): LedgerError {
  const label = fieldLabel(field);
  return new LedgerError(
    'not_found',
    { vi: `${label.vi}: không tìm thấy ${what.vi}`, en: `${label.en}: ${what.en} not found` },
    field,
  );
}

export function invalid(field: string, why: Bilingual, code: LedgerError['code'] = 'invalid_input'): LedgerError {
  const label = fieldLabel(field);
  return new LedgerError(code, { vi: `${label.vi}: ${why.vi}`, en: `${label.en}: ${why.en}` }, field);
}

/** Names are one line of visible text: a control character fails the database's check (NUL) or splits alias lists. */
export function checkNameText(name: string, field = 'name'): void {
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw invalid(field, {
      vi: 'chứa ký tự điều khiển (xuống dòng, tab hoặc ký tự ẩn)',
      en: 'contains a control character (line break, tab or hidden character)',
    });
  }
}
