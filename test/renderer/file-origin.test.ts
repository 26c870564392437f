/** Where each file of an import is from, as the preview shows it: its office (a bundle's signer) and its province. */
import { describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../contract/imports';
import { initI18n } from '../../renderer/src/i18n';
import { fileOfficeText, fileOriginText } from '../../renderer/src/screens/importFiles';

const file = (extra: Partial<ImportedFile>): ImportedFile => ({
  fileName: 'danh-sach.xlsx',
  kind: 'workbook',
  added: 1,
  skipped: 0,
  newDonors: [],
  merge: null,
  errors: [],
  ...extra,
});

describe("a file's origin", () => {
  it.each(['vi', 'en'] as const)('names the office and the province, as far as they are known (%s)', (lang) => {
    const t = initI18n(lang).getFixedT(lang);
    const office = { id: 'x', name: 'Xã Mèo Vạc', from: 'letterhead' } as const;
    const words =
      lang === 'vi'
        ? { office: 'Đơn vị', province: 'Tỉnh', letterhead: 'theo tiêu đề tệp', signed: 'ký gói' }
        : { office: 'Office', province: 'Province', letterhead: 'from the letterhead', signed: 'signed the bundle' };
    expect(fileOriginText(file({ officePlace: office, province: 'Tỉnh Tuyên Quang' }), t)).toBe(
      `${words.office}: Xã Mèo Vạc (${words.letterhead}) · ${words.province}: Tỉnh Tuyên Quang`,
    );
    expect(fileOriginText(file({ province: 'Tỉnh Cao Bằng' }), t)).toBe(`${words.province}: Tỉnh Cao Bằng`);
    expect(fileOriginText(file({}), t)).toBe('');
    const bundle = file({ kind: 'bundle', sender: 'Sở Ngoại vụ Cao Bằng', province: 'Tỉnh Cao Bằng' });
    expect(fileOfficeText(bundle, t)).toBe(`Sở Ngoại vụ Cao Bằng (${words.signed})`);
    expect(fileOriginText(bundle, t)).toBe(
      `${words.office}: Sở Ngoại vụ Cao Bằng (${words.signed}) · ${words.province}: Tỉnh Cao Bằng`,
    );
  });
});
