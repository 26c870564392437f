/**
 * The NGO registry as its screens show it: a certificate's standing, the to-dos in words, what a form asks the
 * registry, the certificate and holiday forms' values as the contract takes them, and a certificate's history in
 * words, in both languages.
 */
import { describe, expect, it } from 'vitest';
import type { Certificate, RegistryTodo, RegistryWarning, SyncConflict } from '../../contract';
import type { Lang } from '../../contract/labels';
import { changeLine, type HistoryWords } from '../../renderer/src/components/history';
import {
  certificateFields,
  certificateStanding,
  checkInputs,
  distinctWarnings,
  holidayRows,
  holidaysInput,
  holidayYears,
  rowsOfYear,
  initialCertificateValues,
  registryTodoLines,
  statusChangeInput,
} from '../../renderer/src/components/ngoFacts';
import { initI18n } from '../../renderer/src/i18n';
import { conflictRows, conflictTitle, storedValueText } from '../../renderer/src/screens/syncConflicts';

const i18n = initI18n('vi');

const certificate = (patch: Partial<Certificate> = {}): Certificate => ({
  id: 'c-1',
  donorId: 'd-1',
  kind: 'operation',
  number: '45/BNG-GĐK',
  issuedBy: 'Bộ Ngoại giao',
  issuedOn: '2025-03-10',
  validUntil: '2028-03-09',
  status: 'in_force',
  decisionNumber: null,
  decisionDate: null,
  provinces: ['04', '01'],
  provinceNames: ['Tỉnh Cao Bằng', 'Thành phố Hà Nội'],
  fields: ['health'],
  officeCity: null,
  notes: null,
  inForce: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});

describe("a certificate's standing", () => {
  it('reads expired once an in-force certificate is past its date; suspended and revoked as decided', async () => {
    await i18n.changeLanguage('vi');
    const t = i18n.t;
    expect(certificateStanding(certificate(), t)).toEqual({ text: 'Còn hiệu lực', color: 'green' });
    expect(certificateStanding(certificate({ status: 'extended' }), t).text).toBe('Đã gia hạn');
    expect(certificateStanding(certificate({ inForce: false }), t)).toEqual({ text: 'Hết hạn', color: 'red' });
    expect(certificateStanding(certificate({ status: 'suspended', inForce: false }), t).text).toBe('Bị đình chỉ');
    expect(certificateStanding(certificate({ status: 'revoked', inForce: false }), t).text).toBe('Bị thu hồi');
    await i18n.changeLanguage('en');
    expect(certificateStanding(certificate({ inForce: false }), i18n.t).text).toBe('Expired');
    await i18n.changeLanguage('vi');
  });
});

describe("the registry's to-dos", () => {
  it('says each certificate expiring, plan missing and report missing in one line', () => {
    const todo: RegistryTodo = {
      expiring: [{ certificate: certificate({ validUntil: '2027-01-05' }), donorName: 'VCF', daysLeft: 29 }],
      plansMissing: [{ certificate: certificate(), donorName: 'BDCF', dueOn: '2025-05-19' }],
      reportsMissing: [{ donorId: 'd-2', donorName: 'Tzu Chi', year: 2025, dueOn: '2025-12-18' }],
    };
    const lines = registryTodoLines(todo, i18n.t);
    expect(lines.map((l) => l.text)).toEqual([
      'Giấy 45/BNG-GĐK của VCF hết hạn 05/01/2027 (còn 29 ngày)',
      'Chưa nhận kế hoạch hoạt động của BDCF theo giấy 45/BNG-GĐK (hạn 19/05/2025, 45 ngày làm việc)',
      'Chưa nhận báo cáo năm 2025 của Tzu Chi (hạn 18/12/2025)',
    ]);
    expect(lines[0]!.color).toBe('red');
    expect(registryTodoLines(undefined, i18n.t)).toEqual([]);
  });
});

describe('what a form asks the registry', () => {
  it('asks nothing until a donor and a valid day are there; then once for each place chosen', () => {
    expect(checkInputs(undefined, '10/01/2025', [], 'health')).toEqual([]);
    expect(checkInputs('d-1', '31/02/2025', [], 'health')).toEqual([]);
    expect(checkInputs('d-1', '10/01/2025', [], 'health')).toEqual([
      { donorId: 'd-1', date: '2025-01-10', placeId: null, sector: 'health' },
    ]);
    expect(checkInputs('d-1', '2025-01-10', ['p-1', undefined, 'p-2'], undefined)).toEqual([
      { donorId: 'd-1', date: '2025-01-10', placeId: 'p-1' },
      { donorId: 'd-1', date: '2025-01-10', placeId: 'p-2' },
    ]);
  });

  it('says a warning two places give once', () => {
    const warning = (vi: string, reasons: RegistryWarning['reasons']): RegistryWarning => ({
      subject: 'item',
      id: '',
      itemId: null,
      donorId: 'd-1',
      donorName: 'VCF',
      label: '',
      date: '2025-01-10',
      reasons,
      message: { vi, en: vi },
      acknowledged: null,
    });
    const expired = warning('Giấy đăng ký 120/BNG-GĐK hết hạn 31/12/2021', ['expired']);
    const province = warning('Giấy đăng ký không có Tỉnh Lạng Sơn', ['province_not_covered']);
    expect(distinctWarnings([[expired], [expired, province]])).toEqual([expired, province]);
  });
});

describe("the certificate form's values", () => {
  it('reads back what it shows, dates typed dd/mm/yyyy; an office city only for an office', () => {
    const values = initialCertificateValues(certificate({ officeCity: '01' }));
    expect(values).toMatchObject({ issuedOn: '10/03/2025', validUntil: '09/03/2028', provinces: ['04', '01'] });
    expect(certificateFields(values)).toEqual({
      kind: 'operation',
      number: '45/BNG-GĐK',
      issuedBy: 'Bộ Ngoại giao',
      issuedOn: '2025-03-10',
      validUntil: '2028-03-09',
      provinces: ['04', '01'],
      fields: ['health'],
      officeCity: null,
      notes: null,
    });
    expect(certificateFields({ ...values, kind: 'representative_office' }).officeCity).toBe('01');
    expect(initialCertificateValues(undefined)).toMatchObject({ kind: 'operation', issuedBy: 'Bộ Ngoại giao' });
  });

  it('names a change of standing by its decision and reason', () => {
    expect(
      statusChangeInput('c-1', {
        kind: 'operation',
        status: 'suspended',
        decisionNumber: ' 12/QĐ-BNG ',
        decisionDate: '01/06/2026',
        reason: 'Đình chỉ theo quyết định',
      }),
    ).toEqual({
      id: 'c-1',
      status: 'suspended',
      decisionNumber: '12/QĐ-BNG',
      decisionDate: '2026-06-01',
      reason: 'Đình chỉ theo quyết định',
    });
  });
});

describe('the holidays editor', () => {
  it('keeps the rows typed, sorted by day, and drops the empty ones', () => {
    const rows = holidayRows([{ date: '2026-09-02', name: 'Quốc khánh' }]);
    expect(rows).toEqual([{ key: 'h0', date: '02/09/2026', name: 'Quốc khánh' }]);
    expect(holidaysInput([...rows, { key: 'n', date: '01/01/2026', name: 'Tết Dương lịch' }, { key: 'e' }])).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
  });

  it("shows one year's rows at a time, with the rows still being typed", () => {
    const rows = [
      { key: 'a', date: '01/01/2025', name: 'Tết Dương lịch' },
      { key: 'b', date: '02/09/2026', name: 'Quốc khánh' },
      { key: 'c', date: '15/0', name: '' },
    ];
    expect(holidayYears(rows, '2027')).toEqual(['2027', '2026', '2025']);
    expect(rowsOfYear(rows, '2026').map((r) => r.key)).toEqual(['b', 'c']);
  });
});

describe("a certificate's history in words", () => {
  const words = (lang: Lang): HistoryWords => ({
    lang,
    currency: 'VND',
    provinces: (code) => ({ '04': 'Tỉnh Cao Bằng', '01': 'Thành phố Hà Nội' })[code],
  });
  it('names its fields and values in both languages', () => {
    const cases: [string, unknown, unknown, string, string][] = [
      ['status', 'in_force', 'extended', 'Tình trạng: Còn hiệu lực → Đã gia hạn', 'Status: In force → Extended'],
      [
        'validUntil',
        '2025-03-09',
        '2028-03-09',
        'Có hiệu lực đến: 09/03/2025 → 09/03/2028',
        'Valid until: 09/03/2025 → 09/03/2028',
      ],
      [
        'provinces',
        ['04'],
        ['04', '01'],
        'Địa bàn được phép: Tỉnh Cao Bằng → Tỉnh Cao Bằng, Thành phố Hà Nội',
        'Provinces permitted: Tỉnh Cao Bằng → Tỉnh Cao Bằng, Thành phố Hà Nội',
      ],
      [
        'fields',
        ['health'],
        ['health', 'education'],
        'Lĩnh vực được phép: Y tế → Y tế, Giáo dục và đào tạo',
        'Fields permitted: Health → Health, Education and training',
      ],
      [
        'kind',
        'operation',
        'representative_office',
        'Loại giấy: Giấy đăng ký hoạt động → Giấy đăng ký lập Văn phòng đại diện',
        'Kind: Operation registration certificate → Representative office registration certificate',
      ],
    ];
    for (const [field, before, after, vi, en] of cases) {
      expect(changeLine({ field, before, after }, words('vi'), 'ngo_certificate')).toBe(vi);
      expect(changeLine({ field, before, after }, words('en'), 'ngo_certificate')).toBe(en);
    }
  });
});

describe("a certificate's conflict between two offices", () => {
  it('shows the two versions in words: dates, standing, provinces and fields by name', () => {
    const stored = {
      id: 'c-1',
      donor_id: 'd-1',
      kind: 'operation',
      number: '45/BNG-GĐK',
      issued_on: '2025-03-10',
      valid_until: '2028-03-09',
      status: 'in_force',
      provinces: '["04"]',
      fields: '["health"]',
      version: '1',
    };
    const conflict: SyncConflict = {
      id: 'x',
      entity: 'ngo_certificate',
      recordId: 'c-1',
      detectedAt: '2026-12-01T08:00:00.000Z',
      kept: stored,
      other: { ...stored, status: 'extended', valid_until: '2030-03-09', provinces: '["04","01"]', version: '2' },
      keptSite: 's-1',
      otherSite: 's-2',
    };
    const names = {
      donors: new Map([['d-1', 'Tổ chức Tzu Chi']]),
      places: new Map<string, string>(),
      sites: new Map<string, string>(),
      provinces: new Map([
        ['04', 'Tỉnh Cao Bằng'],
        ['01', 'Thành phố Hà Nội'],
      ]),
    };
    const rows = conflictRows(conflict, 'vi');
    expect(rows.map((r) => r.key).sort()).toEqual(['provinces', 'status', 'valid_until']);
    const shown = (key: string, lang: string) =>
      rows
        .filter((r) => r.key === key)
        .map((r) => [
          storedValueText(key, r.kept, conflict.kept!, names, lang),
          storedValueText(key, r.other, conflict.other!, names, lang),
        ])[0];
    expect(shown('status', 'vi')).toEqual(['Còn hiệu lực', 'Đã gia hạn']);
    expect(shown('status', 'en')).toEqual(['In force', 'Extended']);
    expect(shown('valid_until', 'vi')).toEqual(['09/03/2028', '09/03/2030']);
    expect(shown('provinces', 'vi')).toEqual(['Tỉnh Cao Bằng', 'Tỉnh Cao Bằng, Thành phố Hà Nội']);
    expect(storedValueText('fields', '["health","education"]', stored, names, 'en')).toBe(
      'Health, Education and training',
    );
    expect(conflictTitle(conflict, 'Giấy đăng ký')).toContain('Giấy đăng ký · 45/BNG-GĐK');
  });
});
