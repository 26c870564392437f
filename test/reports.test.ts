/** The quarterly report: its rows, the workbook read back, and LibreOffice opening it and computing its totals. */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import { loadDemo, readFixture } from '../db/demo';
import { parsePeriod } from '../db/reports/period';
import { rowsThroughLibrary, writeReport } from '../db/reports/excel';
import * as XLSX from 'xlsx';
import { readAllRows } from '../db/totals';
import { FIXTURE, tempLedger, type TestLedger } from './helpers';
import { displayedNumber, sheetsAsCsv } from './libreoffice';

let t: TestLedger;
let report: Report;
let file: string;

beforeAll(async () => {
  t = await tempLedger({ seed: false });
  await loadDemo(t.ledger, readFixture(FIXTURE));
  await t.service.invoke('settings.update', { departmentName: 'Sở Ngoại vụ tỉnh Cao Bằng' });
  const { rows } = await t.service.invoke('pledges.list', { filter: { text: 'tzu chi lam nha' } });
  await t.service.invoke('deliveries.create', { pledgeId: rows[0]!.id, deliveryDate: '2022-09-15', amountMinor: 440_000_000, quantity: '10' });
  const vcf = (await t.service.invoke('pledges.list', { filter: { text: 'vinacapital' } })).rows[0]!;
  await t.service.invoke('deliveries.create', { pledgeId: vcf.id, deliveryDate: '2022-10-20', amountMinor: 1_000_000, rate: '23500' });
  report = await t.service.invoke('reports.preview', { period: '2022-Q3' });
  const xlsx = await t.service.invoke('reports.xlsx', { period: '2022-Q3' });
  file = join(t.dir, xlsx.fileName);
  writeFileSync(file, Buffer.from(xlsx.base64, 'base64'));
});
afterAll(() => t.close());

describe('report periods', () => {
  it('read quarters, halves and years', () => {
    expect(parsePeriod('2022-Q3')).toMatchObject({ from: '2022-07-01', to: '2022-09-30', label: 'QUÝ III NĂM 2022' });
    expect(parsePeriod('2024-q1')).toMatchObject({ from: '2024-01-01', to: '2024-03-31', label: 'QUÝ I NĂM 2024' });
    expect(parsePeriod('2022-H2')).toMatchObject({ from: '2022-07-01', to: '2022-12-31', label: '6 THÁNG CUỐI NĂM 2022' });
    expect(parsePeriod('2022')).toMatchObject({ from: '2022-01-01', to: '2022-12-31', label: 'NĂM 2022' });
    expect(() => parsePeriod('2022-Q5')).toThrow();
  });
});

describe('the report rows', () => {
  it('add up to the ledger\'s totals for the period, to the đồng', async () => {
    const q3 = { from: '2022-07-01', to: '2022-09-30' };
    const ledger = await t.service.invoke('totals', { by: 'kind', filter: q3 });
    expect(report.summaryTotal.pledgedVnd).toBe(ledger.total.pledged);
    expect(report.summaryTotal.deliveredVnd).toBe(ledger.total.delivered);
    expect(report.summaryTotal.pledgedVnd).toBe(3_700_000_000);
    expect(report.summaryTotal.deliveredVnd).toBe(440_000_000);
    expect(report.donorTotal).toEqual(report.summaryTotal);
    expect(report.summary.reduce((s, r) => s + r.pledgedVnd, 0)).toBe(report.summaryTotal.pledgedVnd);
    expect(report.pledges.reduce((s, r) => s + r.vnd, 0)).toBe(report.summaryTotal.pledgedVnd);
    expect(report.deliveries.map((d) => d.vnd)).toEqual([440_000_000]);
    expect(report.title).toBe('BÁO CÁO TÌNH HÌNH TIẾP NHẬN VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI QUÝ III NĂM 2022');
    const scholarships = report.summary.find((r) => r.kind === 'scholarship')!;
    expect(scholarships.original).toBe('20.000,00 USD');
    expect(report.donors.find((d) => d.donor === 'Tổ chức Tzu Chi')).toMatchObject({ country: 'Đài Loan (Trung Quốc)', pledgedVnd: 1_880_000_000, deliveredVnd: 440_000_000, remainingVnd: 1_440_000_000 });
  });

  it('carry cumulative deliveries into later periods and list the changes made in the period', async () => {
    const q4 = await t.service.invoke('reports.preview', { period: '2022-Q4' });
    // 10,000.00 USD delivered at its own rate of 23,500.
    expect(q4.summaryTotal).toEqual({ pledgedVnd: 0, deliveredVnd: 235_000_000, cumulativeDeliveredVnd: 675_000_000, remainingVnd: 3_700_000_000 - 675_000_000 });
    // The demo's amendments were recorded today, so they belong to today's quarter.
    const today = new Date().toISOString().slice(0, 10);
    const current = await t.service.invoke('reports.preview', { period: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}` });
    expect(current.changes).toHaveLength(2);
    expect(current.changes.map((c) => c.changes).join(' ')).toContain('Thành tiền: 700.000.000 → 880.000.000');
    expect(report.changes).toEqual([]);
  });

  it('narrow to a district and everything under it', async () => {
    const places = await t.service.invoke('places.list', {});
    const nguyenBinh = places.find((p) => p.name === 'Nguyên Bình')!;
    const district = await t.service.invoke('reports.preview', { period: '2022-Q3', placeId: nguyenBinh.id });
    expect(district.summaryTotal.pledgedVnd).toBe(1_000_000_000);
    expect(district.placeName).toBe('Nguyên Bình');
  });
});

describe('figures to date', () => {
  it('follow a pledge and its deliveries when it moves place, kind or donor, or is cancelled', async () => {
    const own = await tempLedger();
    try {
      const s = own.service;
      const places = await s.invoke('places.list', {});
      const [a, b] = places.filter((p) => p.level === 'district');
      const donor = await s.invoke('donors.create', { name: 'Quỹ Thử', kind: 'foreign_ngo' });
      const other = await s.invoke('donors.create', { name: 'Quỹ Khác', kind: 'foreign_ngo' });
      const pledge = await s.invoke('pledges.create', { donorId: donor.id, placeId: a!.id, kind: 'house', description: 'Nhà', amountMinor: 100_000_000, currency: 'VND', pledgeDate: '2022-01-05', status: 'pledged' });
      await s.invoke('deliveries.create', { pledgeId: pledge.id, deliveryDate: '2022-02-01', amountMinor: 40_000_000 });
      const second = await s.invoke('pledges.create', { donorId: other.id, placeId: b!.id, kind: 'gift', description: 'Quà', amountMinor: 5_000_000, currency: 'VND', pledgeDate: '2022-03-01', status: 'pledged' });
      await s.invoke('deliveries.create', { pledgeId: second.id, deliveryDate: '2022-03-02', amountMinor: 5_000_000 });
      const steps = [
        () => s.invoke('pledges.update', { id: pledge.id, placeId: b!.id, reason: 'chuyển xã' }),
        () => s.invoke('pledges.update', { id: pledge.id, kind: 'gift', reason: 'đổi loại' }),
        () => s.invoke('pledges.update', { id: pledge.id, donorId: other.id, reason: 'đổi nhà tài trợ' }),
        () => s.invoke('pledges.update', { id: pledge.id, status: 'cancelled', reason: 'hủy' }),
      ];
      for (const step of steps) {
        await step();
        for (const input of [{ period: '2022-Q3' }, { period: '2022-Q1', placeId: b!.id }]) {
          readAllRows.value = true;
          const fromRows = await s.invoke('reports.preview', input);
          readAllRows.value = false;
          expect(await s.invoke('reports.preview', input)).toEqual(fromRows);
        }
      }
      const after = await s.invoke('reports.preview', { period: '2022-Q3' });
      expect(after.summary).toEqual([expect.objectContaining({ kind: 'gift', placeName: b!.name, cumulativeDeliveredVnd: 5_000_000, remainingVnd: 0 })]);
    } finally {
      readAllRows.value = false;
      await own.close();
    }
  });
});

describe('the workbook', () => {
  it('has the Decree 30 form, Times New Roman, #,##0, A4 landscape, repeated headers and SUM totals', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Chi tiết', 'Theo nhà tài trợ', 'Điều chỉnh']);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    // Merged cells repeat their text in every cell they cover.
    const texts = (row: number) => [...new Set((sheet.getRow(row).values as unknown[]).filter((v) => typeof v === 'string'))];
    expect(texts(1)).toEqual(['SỞ NGOẠI VỤ TỈNH CAO BẰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(texts(2)).toEqual(['Độc lập - Tự do - Hạnh phúc']);
    expect(sheet.getCell('D1').font).toMatchObject({ name: 'Times New Roman', bold: true });
    expect(sheet.getCell('D2').font).toMatchObject({ bold: true });
    expect(String(sheet.getCell('D3').value)).toMatch(/^Cao Bằng, ngày \d{2} tháng \d{2} năm \d{4}$/);
    expect(sheet.getCell('A5').value).toBe(report.title);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '8:8' });
    const totalRow = 9 + report.summary.length;
    expect(sheet.getCell(`A${totalRow}`).value).toBe('Tổng cộng');
    const total = sheet.getCell(`D${totalRow}`).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(D9:D${totalRow - 1})`);
    expect(total.result).toBe(report.summaryTotal.pledgedVnd);
    expect(sheet.getCell(`D${totalRow}`).numFmt).toBe('#,##0');
    expect(sheet.getCell('D9').numFmt).toBe('#,##0');
    expect(sheet.getCell('D9').font.name).toBe('Times New Roman');
    const signature = texts(totalRow + 3);
    expect(signature).toEqual(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG CƠ QUAN']);
  });

  it('writes its detail rows as the XML the spreadsheet library writes for them, escapes included', async () => {
    const awkward = { ...report.pledges[0]!, description: `Nhà "tình thương" <A&B> 'x'\u0001\u0008\ttab\nline\u007F`, unit: null, quantity: null };
    const variant: Report = { ...report, pledges: [...report.pledges, awkward], deliveries: [...report.deliveries, { ...awkward, currency: 'USD', rate: '25410.5' }] };
    const parts = async (throughLibrary: boolean) => {
      rowsThroughLibrary.value = throughLibrary;
      try {
        const zip = XLSX.CFB.read(await writeReport(variant), { type: 'buffer' });
        return Object.fromEntries(
          zip.FullPaths.filter((path: string) => /xl\/(worksheets\/sheet\d+|styles)\.xml$/.test(path)).map((path: string) => [path, Buffer.from(XLSX.CFB.find(zip, path)!.content as Uint8Array).toString('utf8')]),
        );
      } finally {
        rowsThroughLibrary.value = false;
      }
    };
    const ours = await parts(false);
    const library = await parts(true);
    expect(Object.keys(ours).length).toBe(5);
    expect(ours).toEqual(library);
    expect(Object.values(ours).join()).toContain('Nhà &quot;tình thương&quot; &lt;A&amp;B&gt; &apos;x&apos;\ttab\nline<');
  });

  it('opens in LibreOffice, whose computed totals equal the ledger\'s', async () => {
    // Drop the cached values so LibreOffice has to compute every SUM itself.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        const value = cell.value as { formula?: string } | null;
        if (value && typeof value === 'object' && 'formula' in value && value.formula) cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
      }));
    }
    const uncached = join(t.dir, 'uncached.xlsx');
    await workbook.xlsx.writeFile(uncached);
    for (const source of [file, uncached]) {
      const sheets = sheetsAsCsv(source, t.dir);
      const summary = sheets['Tổng hợp']!;
      expect(summary[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const totalRow = summary.find((r) => r[0] === 'Tổng cộng')!;
      expect(totalRow.slice(3, 7).map(displayedNumber)).toEqual([
        report.summaryTotal.pledgedVnd, report.summaryTotal.deliveredVnd, report.summaryTotal.cumulativeDeliveredVnd, report.summaryTotal.remainingVnd,
      ]);
      const detail = sheets['Chi tiết']!;
      expect(displayedNumber(detail.find((r) => r[0] === 'Cộng A')!.at(-1)!)).toBe(3_700_000_000);
      expect(displayedNumber(detail.find((r) => r[0] === 'Cộng B')!.at(-1)!)).toBe(440_000_000);
      const donors = sheets['Theo nhà tài trợ']!;
      expect(displayedNumber(donors.find((r) => r[0] === 'Tổng cộng')![3]!)).toBe(report.donorTotal.pledgedVnd);
    }
  }, 120_000);
});
