/** The first start's question before the province is made, and Cài đặt's province and example, in both languages. */
import { describe, expect, it } from 'vitest';
import type { PlacesSetup } from '../../contract';
import { confirmationText, provinceOptions } from '../../renderer/src/components/provinceChoice';
import { initI18n } from '../../renderer/src/i18n';
import { departmentExample, ledgerProvinceName } from '../../renderer/src/screens/settingsProvince';

const i18n = initI18n('vi');
const vi = i18n.getFixedT('vi');
const en = i18n.getFixedT('en');
const provinces = [
  { code: '04', name: 'Cao Bằng', type: 'Tỉnh', merged: [], units: 180 },
  { code: '08', name: 'Tuyên Quang', type: 'Tỉnh', merged: ['Hà Giang'], units: 400 },
  { code: '01', name: 'Hà Nội', type: 'Thành phố', merged: [], units: 700 },
];
const setup = (province: string | null): PlacesSetup => ({ province, hasPlaces: province !== null, provinces });
const defaults = {
  reportGoverningBody: 'UBND TỈNH CAO BẰNG',
  reportOffice: 'SỞ NGOẠI VỤ',
  reportSymbol: 'SNgV',
  reportPlace: 'Cao Bằng',
  addresseeQuarter: '',
  addresseeHalf: '',
  addresseeYear: '',
};

describe('the question before the province is made', () => {
  it('names the province and says it is for good, in both languages', () => {
    expect(confirmationText('08', provinceOptions(provinces, vi), vi)).toBe(
      'Sổ sẽ thuộc Tỉnh Tuyên Quang; không đổi được sau này. Xác nhận?',
    );
    expect(confirmationText('08', provinceOptions(provinces, en), en)).toBe(
      'The ledger will belong to Tỉnh Tuyên Quang; this cannot be changed later. Confirm?',
    );
    expect(confirmationText('all', provinceOptions(provinces, vi), vi)).toMatch(
      /^Sổ sẽ tổng hợp cả nước .*Xác nhận\?$/,
    );
  });
});

describe('Cài đặt', () => {
  it('names the ledger’s province and makes the example department from it, whatever the form’s defaults', () => {
    expect(ledgerProvinceName(setup('08'), vi)).toBe('Tỉnh Tuyên Quang');
    expect(ledgerProvinceName(setup('01'), en)).toBe('Thành phố Hà Nội');
    expect(ledgerProvinceName(setup('all'), vi)).toBe('Cả nước (cơ quan tổng hợp các tỉnh)');
    expect(ledgerProvinceName(setup(null), vi)).toBeNull();
    expect(departmentExample(setup('08'), defaults)).toBe('VĂN PHÒNG UBND TỈNH TUYÊN QUANG');
    expect(departmentExample(setup('01'), defaults)).toBe('VĂN PHÒNG UBND THÀNH PHỐ HÀ NỘI');
    // A ledger of an earlier release that never chose: the province its form defaults to.
    expect(departmentExample({ ...setup(null), hasPlaces: true }, defaults)).toBe('VĂN PHÒNG UBND TỈNH CAO BẰNG');
    expect(departmentExample(setup('all'), { ...defaults, reportGoverningBody: '', reportOffice: 'ỦY BAN' })).toBe(
      'ỦY BAN',
    );
  });
});
