/**
 * An aid item approved in a period with no pledge line yet: listed in the report's "Danh sách khoản viện trợ" with its
 * decision and its value as approved, counted in the summary and in each table by sector, modality and country, and
 * the totals still the sums of the rows.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, readFixture } from '../db/samples/demo';
import { FIXTURE, tempLedger, type TestLedger } from './helpers';

type Formula = { formula: string; result?: number };

/** A totals cell's cached value (a cached 0 is written as none). */
const cached = (value: ExcelJS.CellValue): number => ((value as Formula).result ?? 0) as number;

describe('an item approved in the period with no lines yet', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger();
    await loadDemo(t.ledger, readFixture(FIXTURE));
    const donor = await t.service.invoke('donors.create', {
      name: 'Quỹ Nhi đồng Thử nghiệm',
      kind: 'foreign_ngo',
      country: 'Na Uy',
    });
    const base = { modality: 'project', sector: 'health', donorId: donor.id } as const;
    await t.service.invoke('items.create', {
      ...base,
      name: 'Dự án trạm y tế xã',
      valueMinor: 250_000_00,
      valueCurrency: 'USD',
      approvalNumber: '123/QĐ-UBND',
      approvalDate: '2022-06-10',
      stage: 'approved',
    });
    // Neither one approved in another year nor one only proposed counts in 2022.
    await t.service.invoke('items.create', {
      ...base,
      name: 'Dự án phê duyệt năm trước',
      approvalNumber: '9/QĐ-UBND',
      approvalDate: '2021-03-01',
      stage: 'approved',
    });
    await t.service.invoke('items.create', { ...base, name: 'Dự án mới đề xuất', stageDate: '2022-05-01' });
  });
  afterAll(() => t.close());

  it('counts in the summary, its sector and its donor, at nought', async () => {
    const summary = await t.service.invoke('items.summary', { year: 2022 });
    expect(summary.items).toEqual({ programme: 0, project: 1, nonProject: 4 });
    expect(summary.donors).toBe(5);
    expect(summary.bySector.find((s) => s.sector === 'Y tế')).toMatchObject({
      items: 1,
      committed: { VND: 0, USD: 0 },
      disbursed: { VND: 0, USD: 0 },
    });
    expect(summary.bySector.reduce((n, s) => n + s.items, 0)).toBe(5);
    expect(summary.paragraph).toMatch(
      /: 5 chương trình, dự án, phi dự án \(0 chương trình, 1 dự án, 4 phi dự án\) của 5/,
    );
    // Not in the year before its decision.
    expect((await t.service.invoke('items.summary', { year: 2021 })).items.project).toBe(1);
    expect((await t.service.invoke('items.summary', { year: 2023 })).items.project).toBe(0);
  });

  it("is listed in the year's workbook with its decision and value, the totals the sums of the rows", async () => {
    const file = await t.service.invoke('reports.xlsx', { period: '2022' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const list = workbook.getWorksheet('Danh sách khoản viện trợ')!;
    const rows: ExcelJS.Row[] = [];
    let totals: ExcelJS.Row | undefined;
    list.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') rows.push(row);
      if (row.getCell(1).value === 'Tổng cộng') totals = row;
    });
    const names = rows.map((r) => String(r.getCell(2).value));
    expect(names).toContain('Dự án trạm y tế xã');
    expect(names).not.toContain('Dự án phê duyệt năm trước');
    expect(names).not.toContain('Dự án mới đề xuất');
    const approved = rows.find((r) => r.getCell(2).value === 'Dự án trạm y tế xã')!;
    expect(approved.getCell(3).value).toBe('Dự án');
    expect(approved.getCell(4).value).toBe('Y tế');
    expect(approved.getCell(6).value).toBe('Na Uy');
    expect(approved.getCell(7).value).toBe('123/QĐ-UBND');
    expect(approved.getCell(8).value).toEqual(new Date('2022-06-10T00:00:00Z'));
    expect(approved.getCell(9).value).toBe('Đã phê duyệt');
    expect(approved.getCell(10).value).toBe(0);
    expect(approved.getCell(11).value).toBe(0);
    expect(approved.getCell(12).value).toBe(250_000);
    expect(approved.getCell(12).numFmt).toBe('#,##0.00');
    expect(approved.getCell(13).value).toBe('USD');
    // The totals add the rows' figures (the values approved, in several currencies, are not added).
    for (const column of [10, 11]) {
      const sum = rows.reduce((s, r) => s + Number(r.getCell(column).value), 0);
      expect(cached(totals!.getCell(column).value)).toBe(sum);
    }
    expect(totals!.getCell(12).value).toBeNull();
    const summary = await t.service.invoke('items.summary', { year: 2022 });
    expect(cached(totals!.getCell(10).value)).toBe(summary.committed.VND);

    // Each table of the items sheet counts as many items as the list holds.
    const groups = workbook.getWorksheet('Khoản viện trợ')!;
    const counted: number[] = [];
    const health: unknown[] = [];
    groups.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng') counted.push(cached(row.getCell(3).value));
      if (row.getCell(2).value === 'Y tế' || row.getCell(2).value === 'Na Uy') health.push(row.getCell(3).value);
    });
    expect(counted).toEqual([rows.length, rows.length, rows.length]);
    expect(health).toEqual([1, 1]);
  });
});
