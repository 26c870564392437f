/** The quarterly report: its rows, the workbook read back, and LibreOffice opening it and computing its totals. */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import { loadDemo, readFixture } from '../db/samples/demo';
import { parsePeriod } from '../db/reports/period';
import { writeReport } from '../db/reports/excel';
import { rowsThroughLibrary } from '../db/reports/workbook/streamed';
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
  await t.service.invoke('deliveries.create', {
    pledgeId: rows[0]!.id,
    deliveryDate: '2022-09-15',
    amountMinor: 440_000_000,
    quantity: '10',
  });
  const vcf = (await t.service.invoke('pledges.list', { filter: { text: 'vinacapital' } })).rows[0]!;
  await t.service.invoke('deliveries.create', {
    pledgeId: vcf.id,
    deliveryDate: '2022-10-20',
    amountMinor: 1_000_000,
    rate: '23500',
  });
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
    expect(parsePeriod('2022-H2')).toMatchObject({
      from: '2022-07-01',
      to: '2022-12-31',
      label: '6 THÁNG CUỐI NĂM 2022',
    });
    expect(parsePeriod('2022')).toMatchObject({ from: '2022-01-01', to: '2022-12-31', label: 'NĂM 2022' });
    expect(() => parsePeriod('2022-Q5')).toThrow();
  });
});

describe('the report rows', () => {
  it("add up to the ledger's totals for the period, to the đồng", async () => {
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
    expect(report.donors.find((d) => d.donor === 'Tổ chức Tzu Chi')).toMatchObject({
      country: 'Đài Loan (Trung Quốc)',
      pledgedVnd: 1_880_000_000,
      deliveredVnd: 440_000_000,
      remainingVnd: 1_440_000_000,
    });
  });

  it('carry cumulative deliveries into later periods and list the changes made in the period', async () => {
    const q4 = await t.service.invoke('reports.preview', { period: '2022-Q4' });
    // 10,000.00 USD delivered at its own rate of 23,500.
    expect(q4.summaryTotal).toEqual({
      pledgedVnd: 0,
      deliveredVnd: 235_000_000,
      cumulativeDeliveredVnd: 675_000_000,
      remainingVnd: 3_700_000_000 - 675_000_000,
    });
    // The demo's amendments were recorded today, so they belong to today's quarter.
    const today = new Date().toISOString().slice(0, 10);
    const current = await t.service.invoke('reports.preview', {
      period: `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`,
    });
    expect(current.changes).toHaveLength(2);
    expect(current.changes.map((c) => c.changes).join(' ')).toContain('Thành tiền: 700.000.000 → 880.000.000');
    expect(report.changes).toEqual([]);
  });

  it('narrow to a district and everything under it', async () => {
    const places = await t.service.invoke('places.list', {});
    const nguyenBinh = places.find((p) => p.displayName === 'Huyện Nguyên Bình')!;
    const district = await t.service.invoke('reports.preview', { period: '2022-Q3', placeId: nguyenBinh.id });
    expect(district.summaryTotal.pledgedVnd).toBe(1_000_000_000);
    expect(district.placeName).toBe('Huyện Nguyên Bình');
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
      const pledge = await s.invoke('pledges.create', {
        donorId: donor.id,
        placeId: a!.id,
        kind: 'house',
        description: 'Nhà',
        amountMinor: 100_000_000,
        currency: 'VND',
        pledgeDate: '2022-01-05',
        status: 'pledged',
      });
      await s.invoke('deliveries.create', { pledgeId: pledge.id, deliveryDate: '2022-02-01', amountMinor: 40_000_000 });
      const second = await s.invoke('pledges.create', {
        donorId: other.id,
        placeId: b!.id,
        kind: 'gift',
        description: 'Quà',
        amountMinor: 5_000_000,
        currency: 'VND',
        pledgeDate: '2022-03-01',
        status: 'pledged',
      });
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
      expect(after.summary).toEqual([
        expect.objectContaining({
          kind: 'gift',
          // A former district, shown with the day it ended.
          placeName: `${b!.displayName} (trước 01/07/2025)`,
          cumulativeDeliveredVnd: 5_000_000,
          remainingVnd: 0,
        }),
      ]);
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
    const texts = (row: number) => [
      ...new Set((sheet.getRow(row).values as unknown[]).filter((v) => typeof v === 'string')),
    ];
    // The department named "Sở Ngoại vụ tỉnh Cao Bằng" prints its office under the province's committee.
    expect(texts(1)).toEqual(['UBND TỈNH CAO BẰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(texts(2)).toEqual(['SỞ NGOẠI VỤ', 'Độc lập - Tự do - Hạnh phúc']);
    expect(sheet.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(sheet.getCell('A1').font.bold).toBeFalsy();
    expect(sheet.getCell('A2').font).toMatchObject({ bold: true });
    expect(texts(3)[0]).toBe('Số: 01/BC-SNgV');
    expect(texts(3)[1]).toMatch(/^Cao Bằng, ngày \d{2} tháng (0[12]|[3-9]|1[012]) năm \d{4}$/);
    expect(sheet.getCell('A5').value).toBe('BÁO CÁO');
    expect(sheet.getCell('A6').value).toBe('Tình hình tiếp nhận viện trợ phi chính phủ nước ngoài quý III năm 2022');
    expect(sheet.getCell('A9').value).toBe('Kính gửi: Ủy ban nhân dân tỉnh Cao Bằng');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
    // Page numbers centred in the top margin, none on the first page (Decree 30).
    expect(sheet.headerFooter).toMatchObject({ differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&13&P' });
    const header = 11;
    expect(sheet.getCell(`A${header}`).value).toBe('STT');
    const totalRow = header + 1 + report.summary.length;
    expect(sheet.getCell(`A${totalRow}`).value).toBe('Tổng cộng');
    const total = sheet.getCell(`D${totalRow}`).value as { formula: string; result: number };
    expect(total.formula).toBe(`SUM(D${header + 1}:D${totalRow - 1})`);
    expect(total.result).toBe(report.summaryTotal.pledgedVnd);
    expect(sheet.getCell(`D${totalRow}`).numFmt).toBe('#,##0');
    expect(sheet.getCell(`D${header + 1}`).numFmt).toBe('#,##0');
    expect(sheet.getCell(`D${header + 1}`).font.name).toBe('Times New Roman');
    // The appendices repeat their table's header on every page.
    expect(workbook.getWorksheet('Chi tiết')!.pageSetup.printTitlesRow).toBe('6:6');
  });

  it('holds dates as date cells, and quantities, amounts and rates as numbers with formats; long text wraps in a taller row', async () => {
    const long = {
      ...report.pledges[0]!,
      donor: 'Liên hiệp các tổ chức hữu nghị Việt Nam — Quỹ Hòa bình và Phát triển',
      quantity: '2.5',
      unit: 'tấn',
    };
    const usd = { ...report.pledges[0]!, currency: 'USD', amountMinor: 1_234_557, rate: '23070.5', vnd: 284_818_137 };
    const variant: Report = {
      ...report,
      pledges: [long, usd],
      deliveries: [],
      changes: [
        {
          date: '2022-09-20',
          donor: 'Tổ chức Tzu Chi',
          description: 'Nhà',
          changes: 'Thành tiền: 700.000.000 → 880.000.000',
          reason: 'Khảo sát',
          by: 'Nguyễn Văn A — Sở Ngoại vụ, máy 2',
        },
      ],
    };
    const path = join(t.dir, 'typed.xlsx');
    writeFileSync(path, await writeReport(variant));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const detail = workbook.getWorksheet('Chi tiết')!;
    const first = 8; // the appendix's header at 6, the section title at 7
    expect(detail.getCell(`B${first}`).value).toEqual(new Date(`${long.date}T00:00:00.000Z`));
    expect(detail.getCell(`B${first}`).numFmt).toBe('dd/mm/yyyy');
    expect(detail.getCell(`G${first}`).value).toBe(2.5);
    expect(detail.getCell(`G${first}`).numFmt).toBe('#,##0.0');
    expect(detail.getCell(`I${first}`).value).toBe(long.amountMinor);
    expect(detail.getCell(`I${first}`).numFmt).toBe('#,##0');
    expect(detail.getCell(`I${first + 1}`).value).toBe(12_345.57);
    expect(detail.getCell(`I${first + 1}`).numFmt).toBe('#,##0.00');
    expect(detail.getCell(`K${first + 1}`).value).toBe(23_070.5);
    expect(detail.getCell(`K${first + 1}`).numFmt).toBe('#,##0.0');
    expect(detail.getCell(`L${first + 1}`).value).toBe(284_818_137);
    // The long name wraps inside its cell, in a row tall enough for its lines.
    expect(detail.getCell(`C${first}`).alignment).toMatchObject({ wrapText: true });
    expect(detail.getRow(first).height).toBeGreaterThanOrEqual(45);
    const changes = workbook.getWorksheet('Điều chỉnh')!;
    expect(changes.getCell('B7').value).toEqual(new Date('2022-09-20T00:00:00.000Z'));
    expect(changes.getCell('G6').value).toBe('Người điều chỉnh');
    expect(changes.getCell('G7').value).toBe('Nguyễn Văn A — Sở Ngoại vụ, máy 2');
    // SheetJS, the reader of the files people bring, sees numbers too.
    const read = XLSX.read(readFileSync(path), { type: 'buffer' }).Sheets['Chi tiết']!;
    expect(read[`B${first}`]).toMatchObject({ t: 'n', w: '07/07/2022' });
    expect(read[`I${first + 1}`]).toMatchObject({ t: 'n', v: 12_345.57, w: '12,345.57' });
  });

  it('writes its detail rows as the XML the spreadsheet library writes for them, escapes included', async () => {
    const awkward = {
      ...report.pledges[0]!,
      description: `Nhà "tình thương" <A&B> 'x'\u0001\u0008\ttab\nline\u007F`,
      unit: null,
      quantity: null,
    };
    const variant: Report = {
      ...report,
      pledges: [...report.pledges, awkward],
      deliveries: [...report.deliveries, { ...awkward, currency: 'USD', rate: '25410.5' }],
    };
    const parts = async (throughLibrary: boolean) => {
      rowsThroughLibrary.value = throughLibrary;
      try {
        const zip = XLSX.CFB.read(await writeReport(variant), { type: 'buffer' });
        return Object.fromEntries(
          zip.FullPaths.filter((path: string) => /xl\/(worksheets\/sheet\d+|styles)\.xml$/.test(path)).map(
            (path: string) => [path, Buffer.from(XLSX.CFB.find(zip, path)!.content as Uint8Array).toString('utf8')],
          ),
        );
      } finally {
        rowsThroughLibrary.value = false;
      }
    };
    const ours = await parts(false);
    const library = await parts(true);
    expect(Object.keys(ours).length).toBe(5);
    expect(ours).toEqual(library);
    expect(Object.values(ours).join()).toContain(
      'Nhà &quot;tình thương&quot; &lt;A&amp;B&gt; &apos;x&apos;\ttab\nline<',
    );
  });

  it("opens in LibreOffice, whose computed totals equal the ledger's", async () => {
    // Drop the cached values so LibreOffice has to compute every SUM itself.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as { formula?: string } | null;
          if (value && typeof value === 'object' && 'formula' in value && value.formula)
            cell.value = { formula: value.formula } as ExcelJS.CellFormulaValue;
        }),
      );
    }
    const uncached = join(t.dir, 'uncached.xlsx');
    await workbook.xlsx.writeFile(uncached);
    for (const source of [file, uncached]) {
      const sheets = sheetsAsCsv(source, t.dir);
      const summary = sheets['Tổng hợp']!;
      expect(summary[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      const totalRow = summary.find((r) => r[0] === 'Tổng cộng')!;
      expect(totalRow.slice(3, 7).map(displayedNumber)).toEqual([
        report.summaryTotal.pledgedVnd,
        report.summaryTotal.deliveredVnd,
        report.summaryTotal.cumulativeDeliveredVnd,
        report.summaryTotal.remainingVnd,
      ]);
      // The VND column (L), before who received it.
      const detail = sheets['Chi tiết']!;
      expect(displayedNumber(detail.find((r) => r[0] === 'Cộng A')![11]!)).toBe(3_700_000_000);
      expect(displayedNumber(detail.find((r) => r[0] === 'Cộng B')![11]!)).toBe(440_000_000);
      const donors = sheets['Theo nhà tài trợ']!;
      expect(displayedNumber(donors.find((r) => r[0] === 'Tổng cộng')![3]!)).toBe(report.donorTotal.pledgedVnd);
    }
  }, 120_000);
});

describe('reports as sent', () => {
  it('are kept with their period, place, time, who made them, their totals and the file, and open again as sent', async () => {
    const own = await tempLedger({ seed: false });
    try {
      await loadDemo(own.ledger, readFixture(FIXTURE));
      const s = own.service;
      await s.invoke('settings.update', { userName: 'Nguyễn Văn A', siteName: 'Sở Ngoại vụ, máy 2' });
      expect(await s.invoke('reports.list', {})).toEqual([]);
      const first = await s.invoke('reports.xlsx', { period: '2022-Q3' });
      expect(first.sent).toMatchObject({
        period: '2022-Q3',
        placeId: null,
        placeName: '',
        userName: 'Nguyễn Văn A',
        siteName: 'Sở Ngoại vụ, máy 2',
        pledgeCount: 7,
        pledgedVnd: 3_700_000_000,
        fileName: first.fileName,
      });
      const nguyenBinh = (await s.invoke('places.list', {})).find((p) => p.displayName === 'Huyện Nguyên Bình')!;
      const district = await s.invoke('reports.xlsx', { period: '2022-Q3', placeId: nguyenBinh.id });
      expect(district.sent).toMatchObject({
        placeId: nguyenBinh.id,
        placeName: 'Huyện Nguyên Bình',
        pledgedVnd: 1_000_000_000,
      });
      expect((await s.invoke('reports.list', {})).map((r) => r.id)).toEqual([district.sent.id, first.sent.id]);
      expect(await s.invoke('reports.list', { period: '2022-q3' })).toHaveLength(2);
      expect(await s.invoke('reports.list', { period: '2022-Q4' })).toEqual([]);
      // The file as it was sent, byte for byte, whatever happens to the ledger afterwards.
      const pledge = (await s.invoke('pledges.list', { filter: { text: 'vufo nha' } })).rows[0]!;
      await s.invoke('pledges.update', { id: pledge.id, amountMinor: 750_000_000, reason: 'Theo biên bản bàn giao' });
      expect((await s.invoke('reports.file', { id: first.sent.id })).base64).toBe(first.base64);
      const missing = await s.call('reports.file', { id: '00000000-0000-4000-a000-000000000000' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'id' } });
    } finally {
      await own.close();
    }
  });

  it('made again for a period show what changed since the last one: pledges added, amended and deleted', async () => {
    const own = await tempLedger({ seed: false });
    try {
      await loadDemo(own.ledger, readFixture(FIXTURE));
      const s = own.service;
      expect((await s.invoke('reports.preview', { period: '2022-Q3' })).sinceLast).toBeNull();
      const sent = (await s.invoke('reports.xlsx', { period: '2022-Q3' })).sent;
      expect((await s.invoke('reports.preview', { period: '2022-Q3' })).sinceLast).toEqual({
        report: sent,
        added: [],
        amended: [],
        deleted: [],
      });
      const rows = (await s.invoke('pledges.list', {})).rows;
      const amended = rows.find((r) => r.description.startsWith('Quà an sinh'))!;
      const deleted = rows.find((r) => r.description.startsWith('Học bổng cho học sinh nghèo (hỗ trợ'))!;
      await s.invoke('pledges.update', { id: amended.id, amountMinor: 550_000_000, reason: 'Thêm 50 suất' });
      await s.invoke('pledges.delete', { id: deleted.id });
      const added = await s.invoke('pledges.create', {
        donorId: amended.donorId,
        placeId: amended.placeId,
        kind: 'gift',
        description: 'Quà bổ sung',
        amountMinor: 20_000_000,
        currency: 'VND',
        pledgeDate: '2022-09-30',
      });
      // Outside the period: not this report's business.
      await s.invoke('pledges.create', {
        donorId: amended.donorId,
        placeId: amended.placeId,
        kind: 'gift',
        description: 'Quà quý sau',
        amountMinor: 1,
        currency: 'VND',
        pledgeDate: '2022-10-01',
      });
      // Added then deleted since: never reported, not listed.
      const gone = await s.invoke('pledges.create', {
        donorId: amended.donorId,
        placeId: amended.placeId,
        kind: 'gift',
        description: 'Nhập nhầm',
        amountMinor: 1,
        currency: 'VND',
        pledgeDate: '2022-08-01',
      });
      await s.invoke('pledges.delete', { id: gone.id });
      const since = (await s.invoke('reports.preview', { period: '2022-Q3' })).sinceLast!;
      expect(since.report.id).toBe(sent.id);
      expect(since.added.map((p) => [p.id, p.vnd])).toEqual([[added.id, 20_000_000]]);
      expect(since.amended.map((p) => [p.id, p.vnd])).toEqual([[amended.id, 550_000_000]]);
      expect(since.deleted.map((p) => [p.id, p.description])).toEqual([[deleted.id, deleted.description]]);
      // The amendments sheet can list what was changed since that report, rather than within the period.
      const period = await s.invoke('reports.preview', { period: '2022-Q3' });
      expect(period.changes).toEqual([]);
      const sinceLast = await s.invoke('reports.preview', { period: '2022-Q3', changes: 'sinceLastReport' });
      expect(sinceLast.changes.map((c) => [c.description, c.reason])).toEqual([['Quà an sinh xã hội', 'Thêm 50 suất']]);
      expect(sinceLast.changes[0]!.changes).toContain('Thành tiền: 500.000.000 → 550.000.000');
    } finally {
      await own.close();
    }
  });
});
