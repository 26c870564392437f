/** Aid items: what they hold, the stages they go through, the deadlines the law sets, and the statutory summary. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError } from '../contract/errors';
import { loadDemo, readFixture } from '../db/samples/demo';
import { addMonths } from '../db/items/deadlines';
import { exportBundle } from '../db/sync/export';
import { importBundle } from '../db/sync/import';
import { contextFor } from '../db/core/context';
import { runCli } from './cli-run';
import { FIXTURE, introduce, tempDir, tempLedger, type TestLedger } from './helpers';
import { propertyParams } from './random';

async function refused(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describe('the demo ledger', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger();
    await loadDemo(t.ledger, readFixture(FIXTURE));
  });
  afterAll(() => t.close());

  it("holds the 2022 events as aid items: Tzu Chi's houses and gift packages are one item, their amendments intact", async () => {
    const items = await t.service.invoke('items.list', {});
    expect(items).toHaveLength(4);
    const tzuChi = items.find((i) => i.donorName === 'Tổ chức Tzu Chi')!;
    expect(tzuChi).toMatchObject({ modality: 'non_project', sector: 'social', stage: 'proposed', lineCount: 2 });
    const detail = await t.service.invoke('items.get', { id: tzuChi.id });
    const lines = await Promise.all(detail.pledgeIds.map((id) => t.service.invoke('pledges.get', { id })));
    expect(lines.map((l) => l.pledge.kind).sort()).toEqual(['gift', 'house']);
    // Each line was recorded in the item, and its amendment is in its history as before.
    for (const line of lines) {
      expect(line.history.map((h) => h.action)).toEqual(['create', 'update']);
      expect(line.history[1]!.changes.some((c) => c.field === 'amountMinor')).toBe(true);
      expect(line.pledge.itemId).toBe(tzuChi.id);
    }
    expect(tzuChi.committedVnd).toBe(lines.reduce((sum, l) => sum + l.pledge.vndEquivalent, 0));
  });

  it('gives the summary of 2022 that departments write, equal to the totals', async () => {
    const summary = await t.service.invoke('items.summary', { year: 2022 });
    const vnd = await t.service.invoke('totals', { by: 'kind', filter: { from: '2022-01-01', to: '2022-12-31' } });
    // USD as totals converts it grouped the same way (each line converted at its own date's rate, then added).
    const usd = await t.service.invoke('totals', {
      by: 'sector',
      filter: { from: '2022-01-01', to: '2022-12-31' },
      in: 'USD',
    });
    expect(summary.items).toEqual({ programme: 0, project: 0, nonProject: 4 });
    expect(summary.donors).toBe(4);
    expect(summary.linesWithoutItem).toBe(0);
    expect(summary.committed).toEqual({ VND: vnd.total.pledged, USD: usd.total.pledged });
    expect(summary.disbursed).toEqual({ VND: vnd.total.delivered, USD: usd.total.delivered });
    expect(summary.bySector.map((s) => [s.sector, s.items])).toEqual([
      ['Giải quyết các vấn đề xã hội', 3],
      ['Giáo dục và đào tạo', 1],
    ]);
    expect(summary.bySector.reduce((sum, s) => sum + s.committed.VND, 0)).toBe(summary.committed.VND);
    expect(summary.paragraph).toMatch(
      /^Năm 2022 \(từ 01\/01\/2022 đến 31\/12\/2022\): 4 chương trình, dự án, phi dự án \(0 chương trình, 0 dự án, 4 phi dự án\) của 4 tổ chức; tổng giá trị cam kết [\d.,]+ USD \([\d.]+ đồng\)/,
    );
    const english = await t.service.invoke('items.summary', { year: 2022, lang: 'en' });
    expect(english.paragraph).toMatch(/^In 2022 .*4 programmes, projects and non-project aid .* from 4 organisations/);
    expect(english.bySector[0]!.sector).toBe('Social issues');
  });

  it("puts the items into the year's workbook: the paragraph, tables by sector, modality and country, and the list", async () => {
    const file = await t.service.invoke('reports.xlsx', { period: '2022' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = workbook.getWorksheet('Khoản viện trợ')!;
    const texts: string[] = [];
    sheet.eachRow((row) =>
      row.eachCell((cell) =>
        texts.push(String(cell.value && typeof cell.value === 'object' && 'formula' in cell.value ? '' : cell.value)),
      ),
    );
    const summary = await t.service.invoke('items.summary', { year: 2022 });
    // The items' paragraph, then the sentence counting the foreign NGOs registered for the province.
    const paragraph = texts.find((text) => text.startsWith(summary.paragraph));
    expect(paragraph).toMatch(/ \d+ tổ chức PCPNN/);
    expect(texts).toEqual(
      expect.arrayContaining([
        'I. THEO LĨNH VỰC',
        'II. THEO HÌNH THỨC',
        'III. THEO QUỐC GIA CỦA NHÀ TÀI TRỢ',
        'Phi dự án',
        'Đài Loan (Trung Quốc)',
      ]),
    );
    // Each table's totals are SUM formulas whose cached values equal the rows': VND to the đồng, USD to the cent.
    let totalsRows = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value !== 'Tổng cộng') return;
      totalsRows++;
      for (const column of [3, 4, 5, 6, 7]) {
        // A cached 0 is written as no value: spreadsheets compute it on opening.
        const cell = row.getCell(column).value as { formula: string; result?: number };
        const result = cell.result ?? 0;
        const [, from, to] = /SUM\([A-Z]+(\d+):[A-Z]+(\d+)\)/.exec(cell.formula)!;
        let sum = 0;
        for (let r = Number(from); r <= Number(to); r++) sum += Number(sheet.getRow(r).getCell(column).value);
        expect(result, `row ${n} column ${column}`).toBeCloseTo(sum, 2);
        if (column >= 6)
          expect(result).toBe(
            summary.committed.VND * Number(column === 6) + summary.disbursed.VND * Number(column === 7),
          );
      }
    });
    expect(totalsRows).toBe(3);
    const list = workbook.getWorksheet('Danh sách khoản viện trợ')!;
    const names: string[] = [];
    list.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') {
        names.push(String(row.getCell(2).value));
        expect(row.getCell(9).value).toBe('Đề xuất');
        expect(typeof row.getCell(10).value).toBe('number');
      }
    });
    expect(names.sort()).toEqual((await t.service.invoke('items.list', {})).map((i) => i.name).sort());
    // A quarter's report is the quarterly one, without them.
    const quarter = new ExcelJS.Workbook();
    await quarter.xlsx.load(
      Buffer.from((await t.service.invoke('reports.xlsx', { period: '2022-Q3' })).base64, 'base64') as never,
    );
    expect(quarter.getWorksheet('Khoản viện trợ')).toBeUndefined();
  });

  it('answers totals by sector, modality and stage, and filters by them', async () => {
    const bySector = await t.service.invoke('totals', { by: 'sector' });
    const all = await t.service.invoke('totals', { by: 'kind' });
    expect(bySector.total).toEqual(all.total);
    const education = await t.service.invoke('totals', { by: 'kind', filter: { sectors: ['education'] } });
    expect(education.total.pledged).toBe(bySector.groups.find((g) => g.key === 'education')!.pledged);
    const list = await t.service.invoke('pledges.list', { filter: { sectors: ['education'] } });
    expect(list.rows.map((r) => r.donorShortName)).toEqual(['VCF']);
    expect((await t.service.invoke('totals', { by: 'modality', lang: 'en' })).groups.map((g) => g.label)).toEqual([
      'Non-project aid',
    ]);
  });

  it('reads figures by item, sector, modality and stage, and totals filtered by them, from the monthly totals by item', async () => {
    const someItem = (await t.service.invoke('items.list', {}))[0]!.id;
    const questions = [
      { by: 'item' as const },
      { by: 'sector' as const },
      { by: 'modality' as const, filter: { from: '2022-01-01', to: '2022-12-31' } },
      { by: 'stage' as const },
      { by: 'quarter' as const, filter: { sectors: ['education'] } },
      { by: 'currency' as const, filter: { itemId: someItem } },
    ];
    const before = [];
    for (const q of questions) before.push(await t.service.invoke('totals', q));
    // Ten million đồng more on every kept month: each answer read from them moves by it (in USD too); one read from
    // the lines would not.
    const shift = (by: number) => t.ledger.sqlite.prepare(`UPDATE pledge_totals_by_item SET vnd = vnd + ?`).run(by);
    shift(10_000_000);
    try {
      for (const [i, q] of questions.entries()) {
        const after = await t.service.invoke('totals', q);
        expect(after.total.pledged, JSON.stringify(q)).not.toBe(before[i]!.total.pledged);
      }
    } finally {
      shift(-10_000_000);
    }
    for (const [i, q] of questions.entries()) expect(await t.service.invoke('totals', q)).toEqual(before[i]);
  });
});

describe('a report of some aid items (by sector, modality, stage)', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger();
    await loadDemo(t.ledger, readFixture(FIXTURE));
  });
  afterAll(() => t.close());

  it('covers their lines only, says so in the workbook and its name, and is compared only with reports of the same items', async () => {
    const whole = await t.service.invoke('reports.preview', { period: '2022' });
    const education = await t.service.invoke('reports.preview', { period: '2022', sectors: ['education'] });
    const expected = await t.service.invoke('totals', {
      by: 'kind',
      filter: { from: '2022-01-01', to: '2022-12-31', sectors: ['education'] },
    });
    expect(education.summaryTotal.pledgedVnd).toBe(expected.total.pledged);
    expect(education.summaryTotal.deliveredVnd).toBe(expected.total.delivered);
    expect(education.summaryTotal.pledgedVnd).toBeGreaterThan(0);
    expect(education.summaryTotal.pledgedVnd).toBeLessThan(whole.summaryTotal.pledgedVnd);
    expect(education.pledges.map((p) => p.donor)).toContain('The VinaCapital Foundation');
    expect(new Set(education.pledges.map((p) => p.donor)).size).toBe(1);
    expect(education.scope).toBe('Lĩnh vực: Giáo dục và đào tạo');
    expect(whole.scope).toBe('');
    // Its statutory part counts its items only.
    const educationItems = (await t.service.invoke('items.list', { sectors: ['education'] })).length;
    const counted = education.statutory!.summary.items;
    expect(counted.programme + counted.project + counted.nonProject).toBe(educationItems);
    expect(education.statutory!.summary.committed.VND).toBe(expected.total.pledged);
    // Figures to date (cumulative, remaining) are its lines' too: read from the lines, not the totals of every line.
    expect(education.summaryTotal.remainingVnd).toBeGreaterThan(0);
    expect(education.summaryTotal.remainingVnd).toBeLessThan(whole.summaryTotal.remainingVnd);

    // The whole report is sent first; a report of the education sector is then not "made again" after it.
    await t.service.invoke('reports.xlsx', { period: '2022' });
    expect(
      (await t.service.invoke('reports.preview', { period: '2022', sectors: ['education'] })).sinceLast,
    ).toBeNull();
    const file = await t.service.invoke('reports.xlsx', { period: '2022', sectors: ['education'], modalities: [] });
    expect(file.fileName).toBe('Bao-cao-vien-tro-2022-linh-vuc-giao-duc-va-dao-tao.xlsx');
    expect(file.sent.itemScope).toEqual({ sectors: ['education'] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(String(workbook.getWorksheet('Tổng hợp')!.getCell('A7').value)).toContain('Lĩnh vực: Giáo dục và đào tạo');
    const again = await t.service.invoke('reports.preview', { period: '2022', sectors: ['education'] });
    expect(again.sinceLast?.report.id).toBe(file.sent.id);
    expect((await t.service.invoke('reports.preview', { period: '2022' })).sinceLast?.report.itemScope).toBeNull();
    expect((await t.service.invoke('reports.list', {})).map((r) => r.itemScope)).toEqual([
      { sectors: ['education'] },
      null,
    ]);
    // In English, the scope in English.
    expect(
      (
        await t.service.invoke('reports.preview', {
          period: '2022',
          stages: ['proposed'],
          modalities: ['non_project'],
          lang: 'en',
        })
      ).scope,
    ).toBe('Modality: Non-project aid; Stage: Proposed');
  });
});

/** A ledger with Cao Bằng's official units of today. */
async function caoBang(options: Parameters<typeof tempLedger>[0] = {}): Promise<TestLedger> {
  const t = await tempLedger({ ...options, seed: false });
  await t.service.invoke('places.choose', { province: '04' });
  return t;
}

describe('an aid item', () => {
  let t: TestLedger;
  let donorId: string;
  beforeAll(async () => {
    t = await caoBang();
    donorId = (
      await t.service.invoke('donors.create', { name: 'Plan International', kind: 'foreign_ngo', country: 'Anh' })
    ).id;
  });
  afterAll(() => t.close());

  const create = (over: Record<string, unknown> = {}) =>
    t.service.invoke('items.create', {
      name: 'Nước sạch cho trường học',
      modality: 'project',
      sector: 'health',
      donorId,
      stageDate: '2026-01-10',
      ...over,
    });

  it('goes through its stages, each dated with its document, in order only', async () => {
    const item = await create();
    expect(item.stage).toBe('proposed');
    const wrong = await refused(t.service.invoke('items.stage', { id: item.id, stage: 'settled', date: '2026-02-01' }));
    expect(wrong.field).toBe('stage');
    expect(wrong.bilingual.vi).toContain('chỉ sang: Thẩm định, Đã phê duyệt, Không phê duyệt');
    const early = await refused(
      t.service.invoke('items.stage', { id: item.id, stage: 'appraised', date: '2025-12-31' }),
    );
    expect(early.bilingual.vi).toContain('10/01/2026');
    await t.service.invoke('items.stage', {
      id: item.id,
      stage: 'appraised',
      date: '2026-02-01',
      document: 'Biên bản thẩm định 12/BB-SNgV',
    });
    const approved = await t.service.invoke('items.stage', {
      id: item.id,
      stage: 'approved',
      date: '2026-03-05',
      document: '345/QĐ-UBND',
    });
    expect(approved).toMatchObject({ stage: 'approved', approvalNumber: '345/QĐ-UBND', approvalDate: '2026-03-05' });
    const detail = await t.service.invoke('items.get', { id: item.id });
    expect(detail.stages.map((s) => [s.stage, s.date, s.document])).toEqual([
      ['proposed', '2026-01-10', null],
      ['appraised', '2026-02-01', 'Biên bản thẩm định 12/BB-SNgV'],
      ['approved', '2026-03-05', '345/QĐ-UBND'],
    ]);
    expect(detail.history.map((h) => h.note)).toEqual([null, 'Biên bản thẩm định 12/BB-SNgV', '345/QĐ-UBND']);
  });

  it('entered approved, starts on its decision’s date, and its next stage is dated from that day, not from today', async () => {
    const item = await create({
      name: 'Trạm y tế xã Hưng Đạo',
      stage: 'approved',
      stageDate: undefined,
      approvalNumber: '1234/QĐ-UBND',
      approvalDate: '2022-12-15',
    });
    expect(item).toMatchObject({ stage: 'approved', stageDate: '2022-12-15' });
    const early = await refused(
      t.service.invoke('items.stage', { id: item.id, stage: 'implementing', date: '2022-12-14' }),
    );
    expect(early.field).toBe('date');
    expect(early.bilingual.vi).toContain('15/12/2022');
    // Long before the day it was entered in the ledger, yet after its approval: taken.
    const begun = await t.service.invoke('items.stage', { id: item.id, stage: 'implementing', date: '2023-01-02' });
    expect(begun).toMatchObject({ stage: 'implementing', stageDate: '2023-01-02' });
    const detail = await t.service.invoke('items.get', { id: item.id });
    expect(detail.stages.map((s) => [s.stage, s.date, s.document])).toEqual([
      ['approved', '2022-12-15', '1234/QĐ-UBND'],
      ['implementing', '2023-01-02', null],
    ]);
  });

  it('is approved only with its decision, and changes its money or donor only with a reason', async () => {
    const missing = await refused(create({ stage: 'approved' }));
    expect(missing.field).toBe('approvalNumber');
    const item = await create({
      stage: 'approved',
      approvalNumber: '12/QĐ-UBND',
      approvalDate: '2026-01-10',
      valueMinor: 5_000_000,
      valueCurrency: 'USD',
    });
    const noReason = await refused(t.service.invoke('items.update', { id: item.id, valueMinor: 6_000_000 }));
    expect(noReason.field).toBe('reason');
    expect(noReason.bilingual.vi).toContain('Giá trị viện trợ');
    const changed = await t.service.invoke('items.update', {
      id: item.id,
      valueMinor: 6_000_000,
      reason: 'Phụ lục bổ sung',
    });
    expect(changed.valueMinor).toBe(6_000_000);
    const noCurrency = await refused(t.service.invoke('items.update', { id: item.id, counterpartMinor: 100 }));
    expect(noCurrency.field).toBe('counterpartCurrency');
    const period = await refused(
      t.service.invoke('items.update', { id: item.id, startDate: '2026-05-01', endDate: '2026-04-30' }),
    );
    expect(period.field).toBe('endDate');
    const detail = await t.service.invoke('items.get', { id: item.id });
    expect(detail.history.map((h) => [h.action, h.note, h.changes.filter((c) => c.field === 'valueMinor')])).toEqual([
      ['create', null, [{ field: 'valueMinor', before: null, after: 5_000_000 }]],
      ['update', 'Phụ lục bổ sung', [{ field: 'valueMinor', before: 5_000_000, after: 6_000_000 }]],
    ]);
  });

  it('keeps its donors: a donor of an item is not deleted', async () => {
    const co = await t.service.invoke('donors.create', { name: 'Quỹ đồng tài trợ', kind: 'foundation' });
    await create({ name: 'Có đồng tài trợ', coDonorIds: [co.id] });
    const error = await refused(t.service.invoke('donors.delete', { id: co.id }));
    expect(error.code).toBe('in_use');
    expect(error.bilingual.vi).toContain('"Có đồng tài trợ"');
  });

  it('keeps a donor merged since it was entered, and takes a change of notes without a reason', async () => {
    const twice = await t.service.invoke('donors.create', { name: 'Plan Intl (ghi trùng)', kind: 'foreign_ngo' });
    const co = await t.service.invoke('donors.create', { name: 'Quỹ đồng tài trợ trùng', kind: 'foundation' });
    const item = await create({ name: 'Khoản của nhà tài trợ ghi trùng', donorId: twice.id, coDonorIds: [co.id] });
    await t.service.invoke('donors.merge', { id: twice.id, intoId: donorId });
    await t.service.invoke('donors.merge', { id: co.id, intoId: donorId });
    // Before, every edit re-read the donors through the merge and asked for a reason for a donor change nobody made.
    const edited = await t.service.invoke('items.update', { id: item.id, notes: 'Bổ sung hồ sơ' });
    expect(edited).toMatchObject({ notes: 'Bổ sung hồ sơ', donorId: twice.id, coDonorIds: [co.id] });
    const detail = await t.service.invoke('items.get', { id: item.id });
    const fields = detail.history.at(-1)!.changes.map((c) => c.field);
    expect(fields).toContain('notes');
    expect(fields).not.toContain('donorId');
    expect(fields).not.toContain('coDonorIds');
    // Changing the donors still goes through the merge, with a reason.
    expect(
      (await refused(t.service.invoke('items.update', { id: item.id, donorId: twice.id, coDonorIds: [] }))).field,
    ).toBe('reason');
  });

  it("takes a department's own sector into the list", async () => {
    await create({ sector: 'Phòng chống thiên tai' });
    const sectors = await t.service.invoke('items.sectors', {});
    expect(sectors.slice(0, 7)).toEqual([
      'health',
      'education',
      'social',
      'socioeconomic',
      'agriculture',
      'environment',
      'other',
    ]);
    expect(sectors).toContain('Phòng chống thiên tai');
    // A hostile name is a name like any other.
    const odd = await create({ sector: '__proto__' });
    expect((await t.service.invoke('totals', { by: 'sector', filter: { sectors: ['__proto__'] } })).groups).toEqual([]);
    expect(odd.sector).toBe('__proto__');
  });

  it('holds lines, which can leave it, and is refused for an unknown line, changing nothing', async () => {
    const item = await create({ name: 'Trạm y tế xã' });
    const places = await t.service.invoke('places.list', { validOn: '2026-01-01' });
    const commune = places.find((p) => p.level === 'commune')!;
    const line = await t.service.invoke('pledges.create', {
      donorId,
      placeId: commune.id,
      kind: 'project',
      description: 'Xây trạm',
      amountMinor: 100_000_000,
      currency: 'VND',
      pledgeDate: '2026-03-10',
      itemId: item.id,
    });
    expect(line.itemId).toBe(item.id);
    const other = await t.service.invoke('pledges.create', {
      donorId,
      placeId: commune.id,
      kind: 'equipment',
      description: 'Thiết bị',
      amountMinor: 20_000_000,
      currency: 'VND',
      pledgeDate: '2026-03-10',
    });
    const bad = await refused(
      t.service.invoke('items.attach', {
        itemId: item.id,
        pledgeIds: [other.id, '00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(bad.field).toBe('pledgeIds');
    expect((await t.service.invoke('pledges.get', { id: other.id })).pledge.itemId).toBeNull();
    expect(await t.service.invoke('items.attach', { itemId: item.id, pledgeIds: [other.id, line.id] })).toEqual({
      moved: 1,
    });
    expect((await t.service.invoke('items.get', { id: item.id })).item).toMatchObject({
      lineCount: 2,
      committedVnd: 120_000_000,
    });
    expect(await t.service.invoke('items.attach', { itemId: null, pledgeIds: [other.id] })).toEqual({ moved: 1 });
    const without = await t.service.invoke('totals', { by: 'item', filter: { from: '2026-03-01', to: '2026-03-31' } });
    expect(without.groups.map((g) => [g.label, g.pledged])).toEqual([
      ['Trạm y tế xã', 100_000_000],
      ['Chưa gắn khoản viện trợ', 20_000_000],
    ]);
    const unknown = await refused(
      t.service.invoke('pledges.create', {
        donorId,
        placeId: commune.id,
        kind: 'project',
        description: 'x',
        amountMinor: 1,
        currency: 'VND',
        pledgeDate: '2026-03-10',
        itemId: '00000000-0000-4000-8000-000000000001',
      }),
    );
    expect(unknown.field).toBe('itemId');
  });
});

describe('deadlines', () => {
  it('add six months the way a calendar does', () => {
    expect(addMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonths('2023-08-31', 6)).toBe('2024-02-29');
    expect(addMonths('2026-07-15', 6)).toBe('2027-01-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
  });

  it('list what is due, sorted by date: start or lose the approval, the end report, the annual report', async () => {
    const t = await tempLedger();
    try {
      const donorId = (await t.service.invoke('donors.create', { name: 'Quỹ Hy vọng', kind: 'foundation' })).id;
      const base = { modality: 'project' as const, sector: 'education', donorId };
      await t.service.invoke('items.create', {
        ...base,
        name: 'Đã duyệt chưa làm',
        stage: 'approved',
        approvalNumber: '1/QĐ',
        approvalDate: '2026-03-01',
      });
      const ended = await t.service.invoke('items.create', {
        ...base,
        name: 'Đã xong',
        stage: 'approved',
        approvalNumber: '2/QĐ',
        approvalDate: '2025-01-01',
        endDate: '2026-05-31',
      });
      await t.service.invoke('items.stage', { id: ended.id, stage: 'implementing', date: '2025-02-01' });
      await t.service.invoke('items.stage', { id: ended.id, stage: 'ended', date: '2026-06-15' });
      await t.service.invoke('items.create', { ...base, name: 'Mới đề xuất' });
      const due = await t.service.invoke('items.deadlines', { today: '2026-12-04' });
      expect(due.items.map((d) => [d.kind, d.itemName, d.dueOn, d.overdue])).toEqual([
        ['start_or_revoke', 'Đã duyệt chưa làm', '2026-09-01', true],
        ['end_report', 'Đã xong', '2026-11-30', true],
        ['annual_report', null, '2027-01-15', false],
      ]);
      expect(due.counts).toEqual({ start_or_revoke: 1, end_report: 1, annual_report: 1 });
      expect(due.overdue).toBe(2);
      // Until 15 January the annual report due is last year's.
      const january = await t.service.invoke('items.deadlines', { today: '2027-01-10' });
      expect(january.items.find((d) => d.kind === 'annual_report')).toMatchObject({ year: 2026, dueOn: '2027-01-15' });
    } finally {
      await t.close();
    }
  });
});

describe('the statutory counts (property)', () => {
  it('count each item once per period and add up to the totals, whatever lines and items hold', async () => {
    const t = await caoBang();
    try {
      const places = (await t.service.invoke('places.list', { validOn: '2026-01-01' })).filter(
        (p) => p.level === 'commune',
      );
      const donors: string[] = [];
      for (const name of ['A', 'B', 'C'])
        donors.push((await t.service.invoke('donors.create', { name: `Tổ chức ${name}`, kind: 'foreign_ngo' })).id);
      const modalities = ['programme', 'project', 'non_project'] as const;
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              donor: fc.nat(2),
              item: fc.option(fc.nat(4)),
              month: fc.integer({ min: 1, max: 12 }),
              amount: fc.integer({ min: 1, max: 1_000_000_000 }),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          async (lines) => {
            const year = 2030 + round++;
            const items = [];
            for (let n = 0; n < 5; n++) {
              items.push(
                await t.service.invoke('items.create', {
                  name: `Khoản ${year}-${n}`,
                  modality: modalities[n % 3]!,
                  sector: n % 2 ? 'health' : 'education',
                  donorId: donors[n % 3]!,
                }),
              );
            }
            for (const line of lines) {
              await t.service.invoke('pledges.create', {
                donorId: donors[line.donor]!,
                placeId: places[0]!.id,
                kind: 'cash',
                description: 'x',
                amountMinor: line.amount,
                currency: 'VND',
                pledgeDate: `${year}-${String(line.month).padStart(2, '0')}-15`,
                ...(line.item === null ? {} : { itemId: items[line.item]!.id }),
              });
            }
            const summary = await t.service.invoke('items.summary', { year });
            const used = new Set(lines.filter((l) => l.item !== null).map((l) => l.item!));
            expect(summary.items).toEqual({
              programme: [...used].filter((n) => n % 3 === 0).length,
              project: [...used].filter((n) => n % 3 === 1).length,
              nonProject: [...used].filter((n) => n % 3 === 2).length,
            });
            expect(summary.linesWithoutItem).toBe(lines.filter((l) => l.item === null).length);
            const donorsCounted = new Set([...lines.map((l) => l.donor), ...[...used].map((n) => n % 3)]);
            expect(summary.donors).toBe(donorsCounted.size);
            expect(summary.committed.VND).toBe(lines.reduce((s, l) => s + l.amount, 0));
            expect(summary.bySector.reduce((s, r) => s + r.committed.VND, 0)).toBe(summary.committed.VND);
            expect(summary.bySector.reduce((s, r) => s + r.items, 0)).toBe(used.size);
            const half = await t.service.invoke('items.summary', { year, half: 'H1' });
            expect(half.committed.VND).toBe(lines.filter((l) => l.month <= 6).reduce((s, l) => s + l.amount, 0));
          },
        ),
        propertyParams(15),
      );
    } finally {
      await t.close();
    }
  });
});

describe('items between offices', () => {
  it('travel in bundles with their stages and lines, and two edits made apart are a conflict kept beside', async () => {
    const district = await caoBang({ siteName: 'Huyện' });
    const province = await caoBang({ siteName: 'Tỉnh' });
    try {
      await introduce(province, district);
      const donorId = (await district.service.invoke('donors.create', { name: 'World Vision', kind: 'foreign_ngo' }))
        .id;
      const item = await district.service.invoke('items.create', {
        name: 'Chương trình phát triển vùng',
        modality: 'programme',
        sector: 'socioeconomic',
        donorId,
        stageDate: '2026-01-05',
      });
      await district.service.invoke('items.stage', {
        id: item.id,
        stage: 'appraised',
        date: '2026-02-01',
        document: 'BB 1',
      });
      const places = await district.service.invoke('places.list', { validOn: '2026-01-01' });
      const line = await district.service.invoke('pledges.create', {
        donorId,
        placeId: places.find((p) => p.level === 'commune')!.id,
        kind: 'project',
        description: 'Giai đoạn 1',
        amountMinor: 300_000_000,
        currency: 'VND',
        pledgeDate: '2026-02-10',
        itemId: item.id,
      });
      const send = async (from: TestLedger, to: TestLedger) => {
        const { bytes } = await from.ledger.db
          .transaction()
          .execute((trx) => exportBundle(contextFor(from.ledger, trx)));
        return to.ledger.db.transaction().execute((trx) => importBundle(contextFor(to.ledger, trx), bytes));
      };
      await send(district, province);
      const there = await province.service.invoke('items.get', { id: item.id });
      expect(there.item).toMatchObject({
        name: item.name,
        stage: 'appraised',
        lineCount: 1,
        committedVnd: 300_000_000,
      });
      expect(there.stages.map((s) => s.stage)).toEqual(['proposed', 'appraised']);
      expect(there.pledgeIds).toEqual([line.id]);
      await district.service.invoke('items.update', { id: item.id, name: 'Chương trình phát triển vùng Bảo Lạc' });
      await province.service.invoke('items.update', { id: item.id, name: 'Chương trình ADP Bảo Lạc' });
      const counts = await send(district, province);
      expect(counts.conflicts).toBe(1);
      const status = await province.service.invoke('sync.status', {});
      expect(status.conflicts.map((c) => c.entity)).toEqual(['aid_item']);
    } finally {
      await district.close();
      await province.close();
    }
  });
});

describe('the command line', () => {
  it('prints the summary as JSON, VND in đồng and USD in cents', async () => {
    const dir = tempDir();
    try {
      const db = join(dir.dir, 'so.db');
      const cli = (...args: string[]) => {
        const run = runCli(...args);
        if (run.status !== 0) throw new Error(`cli ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
        return run.stdout;
      };
      cli('init', '--db', db);
      cli('demo', '--db', db);
      const json = JSON.parse(cli('summary', '--db', db, '--year', '2022', '--json')) as Record<string, unknown>;
      expect(json).toMatchObject({ items: { programme: 0, project: 0, nonProject: 4 }, donors: 4 });
      const totals = JSON.parse(
        cli('totals', '--db', db, '--by', 'sector', '--from', '2022-01-01', '--to', '2022-12-31', '--usd', '--json'),
      ) as { total: { pledged: number } };
      expect((json.committed as { USD: number }).USD).toBe(totals.total.pledged);
      expect(cli('summary', '--db', db, '--year', '2022')).toMatch(/^Năm 2022 .* 4 phi dự án\) của 4 tổ chức/);
      const bySector = JSON.parse(cli('totals', '--db', db, '--by', 'kind', '--sector', 'education', '--json')) as {
        total: { pledged: number };
      };
      expect(bySector.total.pledged).toBeGreaterThan(0);
    } finally {
      dir.remove();
    }
  });
});
