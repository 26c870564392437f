/**
 * The report's official form (Decree 30/2020/NĐ-CP, Mẫu 1.4 and 2.1) read back from the workbook: the governing body
 * over the issuing office, "Số: …/BC-…", "Kính gửi", the letterhead and the signature once, every other sheet an
 * appendix referring to the report, the totals in words; the Điều chỉnh sheet in words; English dates dd/mm/yyyy.
 */
import ExcelJS from 'exceljs';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../contract';
import { defaultForm, writeReport } from '../db/reports/excel';
import { dongInWords } from '../db/reports/words';
import { runCli } from './cli-run';
import type { TestLedger } from './helpers';
import { LONG_ITEM, reportLedger } from './report-ledger';

let t: TestLedger;
beforeAll(async () => {
  ({ t } = await reportLedger());
}, 120_000);
/** The command line's test opens the file itself: the ledger is closed for it. */
let closed = false;
afterAll(() => (closed ? rmSync(t.dir, { recursive: true, force: true }) : t.close()));

/** Every sheet's texts, in order, each merged cell once. */
async function sheetTexts(base64: string | Buffer): Promise<Map<string, string[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((typeof base64 === 'string' ? Buffer.from(base64, 'base64') : base64) as never);
  const sheets = new Map<string, string[]>();
  for (const sheet of workbook.worksheets) {
    const texts: string[] = [];
    sheet.eachRow((row) => {
      let last: unknown;
      row.eachCell((cell) => {
        if (typeof cell.value === 'string' && cell.value !== last) texts.push(cell.value);
        last = cell.value;
      });
    });
    sheets.set(sheet.name, texts);
  }
  return sheets;
}

const everywhere = (sheets: Map<string, string[]>, text: string) =>
  [...sheets].filter(([, texts]) => texts.includes(text)).map(([name]) => name);

describe('the form of a report', () => {
  it('defaults to the Văn phòng UBND of the ledger’s province, numbered the next of the year', async () => {
    const settings = await t.service.invoke('settings.get', {});
    expect(settings.reportForm.reportOffice).toBe('');
    expect(settings.reportFormDefaults).toMatchObject({
      reportGoverningBody: 'UBND TỈNH TUYÊN QUANG',
      reportOffice: 'VĂN PHÒNG',
      reportSymbol: 'VP',
      reportPlace: 'Tuyên Quang',
      addresseeQuarter: 'Ủy ban nhân dân tỉnh Tuyên Quang',
    });
    const before = (await t.service.invoke('reports.list', {})).length;
    const file = await t.service.invoke('reports.xlsx', { period: '2026-Q3' });
    const sheets = await sheetTexts(file.base64);
    const report = sheets.get('Tổng hợp')!;
    expect(report.slice(0, 4)).toEqual([
      'UBND TỈNH TUYÊN QUANG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'VĂN PHÒNG',
      'Độc lập - Tự do - Hạnh phúc',
    ]);
    expect(report[4]).toBe(`Số: ${String(before + 1).padStart(2, '0')}/BC-VP`);
    expect(report).toContain('Kính gửi: Ủy ban nhân dân tỉnh Tuyên Quang');
    expect(report).toContain('CHÁNH VĂN PHÒNG');
    expect(everywhere(sheets, 'Phụ lục I')).toEqual(['Chi tiết']);
    expect(sheets.get('Chi tiết')!.find((s) => s.startsWith('(Kèm theo'))).toMatch(
      /^\(Kèm theo Báo cáo số \d{2}\/BC-VP ngày \d{2} tháng (0[12]|[3-9]|1[012]) năm 2026 của Văn phòng UBND tỉnh Tuyên Quang\)$/,
    );
  });

  it('prints the office, symbol, number and addressees set, the letterhead and signature once, and appendices', async () => {
    await t.service.invoke('settings.update', {
      reportOffice: 'SỞ NGOẠI VỤ',
      reportSymbol: 'SNgV',
      addresseeYear: 'Bộ Ngoại giao\nỦy ban nhân dân tỉnh Tuyên Quang',
    });
    const file = await t.service.invoke('reports.xlsx', { period: '2026', documentNumber: 5 });
    const sheets = await sheetTexts(file.base64);
    const names = [...sheets.keys()];
    expect(names).toEqual([
      'Tổng hợp',
      'Chi tiết',
      'Theo nhà tài trợ',
      'Điều chỉnh',
      'Khoản viện trợ',
      'Danh sách khoản viện trợ',
      'Tổ chức PCPNN',
    ]);
    const report = sheets.get('Tổng hợp')!;
    expect(report.slice(0, 5)).toEqual([
      'UBND TỈNH TUYÊN QUANG',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'SỞ NGOẠI VỤ',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/BC-SNgV',
    ]);
    expect(report[5]).toMatch(/^Tuyên Quang, ngày \d{2} tháng/);
    expect(report.slice(6, 8)).toEqual(['BÁO CÁO', 'Tình hình tiếp nhận viện trợ phi chính phủ nước ngoài năm 2026']);
    // Two addressees: one a line, after a dash, the last ending the list.
    const to = report.indexOf('Kính gửi:');
    expect(report.slice(to, to + 3)).toEqual(['Kính gửi:', '- Bộ Ngoại giao;', '- Ủy ban nhân dân tỉnh Tuyên Quang.']);
    // The letterhead and the signature once, on the report's sheet.
    expect(everywhere(sheets, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual(['Tổng hợp']);
    expect(everywhere(sheets, 'Nơi nhận:')).toEqual(['Tổng hợp']);
    expect(everywhere(sheets, 'GIÁM ĐỐC')).toEqual(['Tổng hợp']);
    // Every other sheet an appendix, numbered, titled in capitals, referring to the report.
    const attached =
      /^\(Kèm theo Báo cáo số 05\/BC-SNgV ngày \d{2} tháng \S+ năm 2026 của Sở Ngoại vụ tỉnh Tuyên Quang\)$/;
    ['I', 'II', 'III', 'IV', 'V'].forEach((numeral, i) => {
      const texts = sheets.get(names[i + 1]!)!;
      expect(texts[0]).toBe(`Phụ lục ${numeral}`);
      expect(texts[1]).toBe(texts[1]!.toLocaleUpperCase('vi'));
      expect(texts[2]).toMatch(attached);
      expect(report.join('\n')).toContain(`Phụ lục ${numeral} – `);
    });
    expect(sheets.get('Khoản viện trợ')![1]).toBe(
      'CÁC KHOẢN VIỆN TRỢ THEO LĨNH VỰC, HÌNH THỨC VÀ QUỐC GIA CỦA NHÀ TÀI TRỢ',
    );
    // The totals in words.
    const preview = await t.service.invoke('reports.preview', { period: '2026' });
    expect(report).toContain(`Bằng chữ (cam kết trong kỳ): ${dongInWords(preview.summaryTotal.pledgedVnd)}.`);
    expect(dongInWords(preview.summaryTotal.pledgedVnd)).toMatch(/^Chín trăm hai mươi sáu tỷ .* đồng$/);
    expect(sheets.get('Khoản viện trợ')!.some((s) => s.startsWith('Bằng chữ (tổng giá trị cam kết): '))).toBe(true);
    // A typed addressee for this report only.
    const once = await t.service.invoke('reports.xlsx', { period: '2026-Q3', addressee: 'Bộ Ngoại giao' });
    expect((await sheetTexts(once.base64)).get('Tổng hợp')).toContain('Kính gửi: Bộ Ngoại giao');
  });

  it('maps the older department name to the office under the province, and refuses a symbol with spaces', async () => {
    await t.service.invoke('settings.update', { reportOffice: '', reportSymbol: '' });
    await t.service.invoke('settings.update', { departmentName: 'Sở Ngoại vụ tỉnh Tuyên Quang' });
    const settings = await t.service.invoke('settings.get', {});
    expect(settings.reportFormDefaults).toMatchObject({ reportOffice: 'SỞ NGOẠI VỤ', reportSymbol: 'SNgV' });
    const sheets = await sheetTexts((await t.service.invoke('reports.xlsx', { period: '2026-Q3' })).base64);
    expect(sheets.get('Tổng hợp')!.slice(2, 3)).toEqual(['SỞ NGOẠI VỤ']);
    expect(sheets.get('Chi tiết')![2]).toContain('của Sở Ngoại vụ tỉnh Tuyên Quang)');
    const refused = await t.service.invoke('settings.update', { reportSymbol: 'S Ng V' }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_input', field: 'reportSymbol' });
    expect((refused as { bilingual: { vi: string } }).bilingual.vi).toMatch(/^Ký hiệu cơ quan: chỉ gồm chữ và số/);
    expect((await t.service.invoke('settings.get', {})).reportForm.reportSymbol).toBe('');
  });
});

describe('the Điều chỉnh sheet', () => {
  it('says every change in words: a line attached to an aid item names the item', async () => {
    const preview = await t.service.invoke('reports.preview', { period: '2026' });
    expect(preview.changes.length).toBeGreaterThanOrEqual(2);
    for (const change of preview.changes) {
      expect(change.changes).not.toBe('');
      expect(change.donor).not.toBe('');
      expect(change.description).toBe('Thiết bị y tế');
    }
    expect(preview.changes.map((c) => c.changes)).toContain(`Gắn vào khoản viện trợ: ${LONG_ITEM}`);
    const english = await t.service.invoke('reports.preview', { period: '2026', lang: 'en' });
    expect(english.changes.map((c) => c.changes)).toContain(`Attached to aid item: ${LONG_ITEM}`);
  });
});

describe('English', () => {
  it('writes dates dd/mm/yyyy: the paragraph, a changed date, the appendix reference', async () => {
    const summary = await t.service.invoke('items.summary', { year: 2026, half: 'H2', lang: 'en' });
    expect(summary.paragraph).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(summary.paragraph).toMatch(/\(\d{2}\/\d{2}\/2026 to \d{2}\/\d{2}\/2026\)/);
    const { rows } = await t.service.invoke('pledges.list', { filter: { text: 'thiet bi y te' } });
    const line = rows.find((r) => r.description === 'Thiết bị y tế')!;
    await t.service.invoke('pledges.update', { id: line.id, pledgeDate: '2026-08-04', reason: 'Sai ngày' });
    const english: Report = await t.service.invoke('reports.preview', { period: '2026', lang: 'en' });
    expect(english.changes.map((c) => c.changes)).toContain('Pledge date: 03/08/2026 → 04/08/2026');
    const sheets = await sheetTexts(await writeReport(english, defaultForm(english, 'en')));
    const texts = [...sheets.values()].flat().join('\n');
    expect(texts).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(sheets.get('Chi tiết')![2]).toMatch(/^\(Attached to Report No\. 01\/BC-SNgV of \d{2}\/\d{2}\/\d{4} of /);
    // The amount in words is the Vietnamese document's: an English report leaves it out.
    expect(texts).not.toContain('Bằng chữ');
  });
});

describe('the command line', () => {
  it('takes its number and addressees from the command line, and refuses a number that is none', async () => {
    // The command line opens the file itself: the ledger is closed for it (and for the tests after it).
    await t.ledger.close();
    closed = true;
    const out = `${t.dir}/cli-report.xlsx`;
    const made = runCli(
      'report',
      '--db',
      t.file,
      '--quarter',
      '2026-Q3',
      '--number',
      '7',
      '--to',
      'Bộ Ngoại giao\\nSở Tài chính',
      '--out',
      out,
    );
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    const report = (await sheetTexts(readFileSync(out))).get('Tổng hợp')!;
    expect(report.find((text) => text.startsWith('Số: '))).toMatch(/^Số: 07\/BC-/);
    const to = report.indexOf('Kính gửi:');
    expect(report.slice(to, to + 3)).toEqual(['Kính gửi:', '- Bộ Ngoại giao;', '- Sở Tài chính.']);
    const bad = runCli('report', '--db', t.file, '--quarter', '2026-Q3', '--number', '7a', '--out', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--number');
  });
});
