/** A register's headers read by their words, and its cells read as provinces, fields, kinds, standings and dates. */
import { describe, expect, it } from 'vitest';
import { readRegistryHeader } from '../db/ngo/io-words';
import { readDecision, readFields, readKind, readProvinces, readStatus, readValidity } from '../db/ngo/io-values';
import { catalogueProvinces } from '../db/places/catalogue';

const fieldOf = (header: string) => {
  const read = readRegistryHeader(header);
  return read.meaning?.kind === 'field' ? read.meaning.key : (read.meaning?.kind ?? null);
};

describe('a register header', () => {
  it.each([
    ['Tên tổ chức', 'name'],
    ['Tên tổ chức PCPNN', 'name'],
    ['Tên tổ chức (tiếng Anh)', 'name'],
    ['Tổ chức', 'name'],
    ['Tên viết tắt', 'shortName'],
    ['Quốc tịch', 'country'],
    ['Quốc gia', 'country'],
    ['Số giấy đăng ký', 'number'],
    ['Số GĐK', 'number'],
    ['Số giấy phép', 'number'],
    ['Loại giấy', 'kind'],
    ['Loại giấy đăng ký', 'kind'],
    ['Ngày cấp', 'issuedOn'],
    ['Ngày cấp giấy đăng ký', 'issuedOn'],
    ['Cơ quan cấp', 'issuedBy'],
    ['Thời hạn', 'validUntil'],
    ['Có giá trị đến', 'validUntil'],
    ['Có giá trị đến ngày', 'validUntil'],
    ['Ngày hết hạn', 'validUntil'],
    ['Thời hạn hiệu lực', 'validUntil'],
    ['Địa bàn hoạt động', 'provinces'],
    ['Địa bàn hoạt động được phép', 'provinces'],
    ['Lĩnh vực hoạt động', 'fields'],
    ['Lĩnh vực', 'fields'],
    ['Tình trạng', 'status'],
    ['Người đứng đầu', 'headName'],
    ['Người đứng đầu tổ chức', 'headName'],
    ['Trưởng đại diện', 'headName'],
    ['Trưởng VPĐD', 'headName'],
    ['Địa chỉ văn phòng', 'officeAddress'],
    ['Địa chỉ văn phòng đại diện', 'officeAddress'],
    ['Trụ sở', 'officeAddress'],
    ['Người liên hệ', 'contactName'],
    ['Cán bộ đầu mối liên hệ', 'contactName'],
    ['Chức vụ', 'contactRole'],
    ['Điện thoại', 'phone'],
    ['Số điện thoại', 'phone'],
    ['ĐT', 'phone'],
    ['Email', 'email'],
    ['E-mail', 'email'],
    ['Thư điện tử', 'email'],
    ['Ghi chú', 'notes'],
    ['STT', 'stt'],
    ['TT', 'stt'],
  ])('"%s" is %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('asks about a header naming two fields, or words it does not know, with the fields it could be', () => {
    expect(readRegistryHeader('Số, ngày cấp')).toEqual({ meaning: null, could: ['number', 'issuedOn'] });
    expect(readRegistryHeader('Mã lưu trữ')).toEqual({ meaning: null, could: [] });
    expect(readRegistryHeader('Điện thoại liên hệ của trưởng đại diện').meaning).toBeNull();
  });
});

describe("a register's cells", () => {
  it('reads provinces by name, with their type or not, former ones as written, and the whole country', () => {
    expect(readProvinces('Cao Bằng, Bắc Kạn')).toEqual(['04', '06']);
    expect(readProvinces('tỉnh Hà Giang; Tỉnh Tuyên Quang')).toEqual(['02', '08']);
    expect(readProvinces('TP. Hồ Chí Minh và Thành phố Hà Nội')).toEqual(['79', '01']);
    expect(readProvinces('Bà Rịa - Vũng Tàu')).toEqual(['77']);
    expect(readProvinces('Toàn quốc')).toEqual(catalogueProvinces().map((p) => p.code));
    expect(() => readProvinces('Cao Bằng, Xứ Đoài')).toThrow('no province "Xứ Đoài"');
    expect(() => readProvinces('')).toThrow('is required');
  });

  it('reads fields as standard sectors by their words, and keeps the others as written', () => {
    expect(readFields('Y tế; Giáo dục, đào tạo')).toEqual(['health', 'education']);
    expect(readFields('Phát triển kinh tế - xã hội\nNông nghiệp và phát triển nông thôn')).toEqual([
      'socioeconomic',
      'agriculture',
    ]);
    expect(readFields('Bảo trợ xã hội, Ứng phó biến đổi khí hậu, Rà phá bom mìn')).toEqual([
      'social',
      'environment',
      'Rà phá bom mìn',
    ]);
  });

  it('reads kinds and standings by their words, an empty cell as an operation in force', () => {
    expect(readKind('Giấy đăng ký hoạt động')).toBe('operation');
    expect(readKind('GĐK lập VPĐD')).toBe('representative_office');
    expect(readKind('')).toBe('operation');
    expect(() => readKind('Giấy khai sinh')).toThrow('is not a kind of certificate');
    expect(readStatus('Còn hiệu lực')).toBe('in_force');
    expect(readStatus('Đã gia hạn')).toBe('extended');
    expect(readStatus('Tạm đình chỉ')).toBe('suspended');
    expect(readStatus('Bị thu hồi')).toBe('revoked');
    expect(readStatus('Sửa đổi, bổ sung')).toBe('amended');
  });

  it('reads validity as its last date, a span, or years from issue', () => {
    expect(readValidity('04/03/2026', '2023-03-05')).toBe('2026-03-04');
    expect(readValidity('05/03/2023 - 04/03/2026', null)).toBe('2026-03-04');
    expect(readValidity('đến ngày 4/3/2026', null)).toBe('2026-03-04');
    expect(readValidity('03 năm', '2023-03-05')).toBe('2026-03-05');
    expect(readValidity('3 năm', '2024-02-29')).toBe('2027-02-28');
    expect(() => readValidity('31/02/2026', null)).toThrow('is not a valid date');
    expect(() => readValidity('lâu dài', '2023-03-05')).toThrow('is not a date');
  });

  it('reads a decision as its number and date', () => {
    expect(readDecision('Gia hạn theo QĐ số 45/QĐ-BNG ngày 01/03/2026')).toEqual({
      number: '45/QĐ-BNG',
      date: '2026-03-01',
    });
    expect(readDecision('ngày 01/03/2026')).toEqual({ number: null, date: '2026-03-01' });
    expect(readDecision('')).toEqual({ number: null, date: null });
  });
});
