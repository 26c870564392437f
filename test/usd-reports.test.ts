/**
 * USD in reports: every line converted once, at its own date's rate, so every total of one report agrees to the cent —
 * the summary, each table by sector, modality and donor country, the paragraph, the totals, and each sheet's totals
 * row read back with exceljs and through LibreOffice. Lines with no USD rate are named, never counted as 0.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTALS_GROUPINGS, type MissingRates, type Report } from '../contract';
import { formatAmount } from '../contract/money';
import { sheetsAsCsv } from './libreoffice';
import { tempLedger, type TestLedger } from './helpers';
import { randomFor, SEED } from './random';

/** A line as the test reckons it: its date, currency, amount, VND value. */
interface Line {
  side: 'pledge' | 'delivery';
  date: string;
  currency: string;
  amountMinor: number | null;
  vnd: number;
}

interface Rate {
  validOn: string;
  rate: string;
}

/** The rule, written again apart from the ledger: the latest USD rate on or before the day, half up to the cent. */
function expectedUsd(lines: Line[], rates: Rate[]) {
  let pledged = 0n;
  let delivered = 0n;
  const unconverted = { pledgedVnd: 0, deliveredVnd: 0, pledgeCount: 0, deliveryCount: 0, months: new Set<string>() };
  for (const line of lines) {
    let cents: bigint | null;
    if (line.currency === 'USD' && line.amountMinor !== null) cents = BigInt(line.amountMinor);
    else {
      const rate = rates.filter((r) => r.validOn <= line.date).sort((a, b) => (a.validOn < b.validOn ? 1 : -1))[0];
      if (!rate) cents = null;
      else {
        const [whole, fraction = ''] = rate.rate.split('.');
        const d = BigInt(whole! + fraction);
        const n = BigInt(line.vnd) * 100n * 10n ** BigInt(fraction.length);
        cents = (2n * n + d) / (2n * d);
      }
    }
    if (cents === null) {
      if (line.side === 'pledge') {
        unconverted.pledgedVnd += line.vnd;
        unconverted.pledgeCount++;
      } else {
        unconverted.deliveredVnd += line.vnd;
        unconverted.deliveryCount++;
      }
      unconverted.months.add(line.date.slice(0, 7));
    } else if (line.side === 'pledge') pledged += cents;
    else delivered += cents;
  }
  return {
    pledged: Number(pledged),
    delivered: Number(delivered),
    unconverted: { ...unconverted, months: [...unconverted.months].sort() },
  };
}

/** Every line of a year as the ledger holds it, read back through the contract. */
async function linesOf(t: TestLedger, from: string, to: string): Promise<Line[]> {
  const { rows } = await t.service.invoke('pledges.list', { page: { offset: 0, limit: 500 } });
  const lines: Line[] = [];
  for (const p of rows) {
    if (p.status === 'cancelled') continue;
    if (p.pledgeDate >= from && p.pledgeDate <= to)
      lines.push({
        side: 'pledge',
        date: p.pledgeDate,
        currency: p.currency,
        amountMinor: p.amountMinor,
        vnd: p.vndEquivalent,
      });
    for (const d of (await t.service.invoke('pledges.get', { id: p.id })).deliveries) {
      if (d.deliveryDate >= from && d.deliveryDate <= to)
        lines.push({
          side: 'delivery',
          date: d.deliveryDate,
          currency: d.currency,
          amountMinor: d.amountMinor,
          vnd: d.vndEquivalent,
        });
    }
  }
  return lines;
}

const YEAR = { from: '2026-01-01', to: '2026-12-31' };

/** Every USD total of one report, and of the totals the dashboard reads, against the lines summed one by one. */
async function expectAgreement(t: TestLedger, report: Report, expected: ReturnType<typeof expectedUsd>) {
  const statutory = report.statutory!;
  const { summary } = statutory;
  expect(summary.committed.USD).toBe(expected.pledged);
  expect(summary.disbursed.USD).toBe(expected.delivered);
  expect(summary.unconverted).toEqual(expected.unconverted);
  for (const table of [statutory.bySector, statutory.byModality, statutory.byCountry]) {
    expect(table.reduce((s, r) => s + r.committed.USD, 0)).toBe(expected.pledged);
    expect(table.reduce((s, r) => s + r.disbursed.USD, 0)).toBe(expected.delivered);
    expect(table.reduce((s, r) => s + (r.unconverted?.pledgeCount ?? 0), 0)).toBe(expected.unconverted.pledgeCount);
  }
  expect(summary.bySector.reduce((s, r) => s + r.committed.USD, 0)).toBe(expected.pledged);
  for (const by of TOTALS_GROUPINGS) {
    const usd = await t.service.invoke('totals', { by, filter: YEAR, in: 'USD' });
    expect(usd.total.pledged, by).toBe(expected.pledged);
    expect(usd.total.delivered, by).toBe(expected.delivered);
    expect(
      usd.groups.reduce((s, g) => s + g.pledged, 0),
      by,
    ).toBe(expected.pledged);
    expect(usd.unconverted, by).toEqual(expected.unconverted);
  }
  expect(summary.paragraph).toContain(
    `tổng giá trị cam kết ${formatAmount(expected.pledged, 'USD', 'vi')} USD (${formatAmount(summary.committed.VND, 'VND', 'vi')} đồng), giải ngân ${formatAmount(expected.delivered, 'USD', 'vi')} USD`,
  );
}

describe('USD in the annual report of a ledger with months with and without rates', () => {
  let t: TestLedger;
  const ids: Record<string, string> = {};
  const rates: Rate[] = [];

  const rate = async (validOn: string, value: string) => {
    await t.service.invoke('rates.set', {
      currency: 'USD',
      validOn,
      rate: value,
      source: `Tỷ giá hạch toán ngoại tệ tháng ${validOn.slice(5, 7)}/${validOn.slice(0, 4)} — Kho bạc Nhà nước`,
    });
    rates.push({ validOn, rate: value });
  };
  const pledge = (fields: Record<string, unknown>) =>
    t.service.invoke('pledges.create', {
      placeId: ids.place,
      kind: 'other',
      description: 'Hỗ trợ',
      quantity: null,
      ...fields,
    } as never);

  beforeAll(async () => {
    t = await tempLedger();
    const places = await t.service.invoke('places.list', {});
    ids.place = places.find((p) => p.name === 'Cao Bằng')!.id;
    for (const [key, country] of [
      ['korea', 'Hàn Quốc'],
      ['japan', 'Nhật Bản'],
      ['none', null],
    ] as const)
      ids[key] = (await t.service.invoke('donors.create', { name: `Tổ chức ${key}`, kind: 'foreign_ngo', country })).id;
    const item = (name: string, sector: string, modality: 'project' | 'non_project', donor: string) =>
      t.service.invoke('items.create', { name, sector, modality, donorId: ids[donor]! });
    ids.health = (await item('Trạm y tế', 'health', 'project', 'korea')).id;
    ids.school = (await item('Trường học', 'education', 'non_project', 'japan')).id;
    // No USD rate before March 2026: January's and February's VND lines cannot be converted.
    await rate('2026-03', '25122');
    await rate('2026-05', '25000');
    await rate('2026-06-10', '25300.5');
    const first = await pledge({
      donorId: ids.korea,
      itemId: ids.health,
      amountMinor: 100_000_000,
      currency: 'VND',
      pledgeDate: '2026-01-14',
    });
    await pledge({
      donorId: ids.japan,
      itemId: ids.school,
      amountMinor: 50_000_000,
      currency: 'VND',
      pledgeDate: '2026-02-20',
    });
    const usd = await pledge({
      donorId: ids.korea,
      itemId: ids.health,
      amountMinor: 1_000_001,
      currency: 'USD',
      rate: '25000',
      pledgeDate: '2026-02-25',
    });
    await pledge({
      donorId: ids.korea,
      itemId: ids.health,
      amountMinor: 100_000_001,
      currency: 'VND',
      pledgeDate: '2026-03-05',
    });
    // April has no rate of its own: converted at March's, and listed as a month to enter.
    await pledge({
      donorId: ids.korea,
      amountMinor: 100_000,
      currency: 'EUR',
      rate: '29428',
      pledgeDate: '2026-04-02',
    });
    // Half a cent each at 25,000: a cent each, line by line (converted together they would make one).
    await pledge({ donorId: ids.none, amountMinor: 125, currency: 'VND', pledgeDate: '2026-05-03' });
    await pledge({ donorId: ids.none, amountMinor: 125, currency: 'VND', pledgeDate: '2026-05-04' });
    const june = await pledge({
      donorId: ids.korea,
      itemId: ids.health,
      amountMinor: 300_000_000,
      currency: 'VND',
      pledgeDate: '2026-06-15',
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: first.id,
      deliveryDate: '2026-02-01',
      amountMinor: 40_000_000,
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: june.id,
      deliveryDate: '2026-06-20',
      amountMinor: 100_000_000,
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: usd.id,
      deliveryDate: '2026-03-20',
      amountMinor: 500_000,
      rate: '25122',
    });
  });
  afterAll(() => t.close());

  it('lists the months whose USD rate is missing, with the lines and VND they hold', async () => {
    const missing = await t.service.invoke('rates.missing', { period: '2026' });
    expect(missing).toEqual({
      usd: true,
      from: '2026-01-01',
      to: '2026-12-31',
      months: [
        { month: '2026-01', lines: 1, vnd: 100_000_000, usedRate: null },
        { month: '2026-02', lines: 2, vnd: 90_000_000, usedRate: null },
        {
          month: '2026-04',
          lines: 1,
          vnd: 29_428_000,
          usedRate: {
            currency: 'USD',
            rate: '25122',
            validOn: '2026-03',
            source: 'Tỷ giá hạch toán ngoại tệ tháng 03/2026 — Kho bạc Nhà nước',
          },
        },
      ],
      unconverted: { lines: 3, vnd: 190_000_000 },
    } satisfies MissingRates);
    // A quarter's report and a district's give no USD figures: nothing to ask.
    expect(await t.service.invoke('rates.missing', { period: '2026-Q1' })).toMatchObject({ usd: false, months: [] });
    // The scope of the report is the lines read: the education sector's line of February only.
    const school = await t.service.invoke('rates.missing', { period: '2026', sectors: ['education'] });
    expect(school.months).toEqual([{ month: '2026-02', lines: 1, vnd: 50_000_000, usedRate: null }]);
  });

  it('refuses a report input that is not one, naming the field', async () => {
    const envelope = await t.service.call('rates.missing', { period: '2026-Q5' });
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.field).toBe('period');
  });

  it('agrees to the cent in every table, total and the paragraph, and names the lines left unconverted', async () => {
    const expected = expectedUsd(await linesOf(t, YEAR.from, YEAR.to), rates);
    // The two half-cent lines count a cent each.
    const none = (await t.service.invoke('totals', { by: 'donor', filter: YEAR, in: 'USD' })).groups.find(
      (g) => g.key === ids.none,
    )!;
    expect(none.pledged).toBe(2);
    expect(expected.unconverted).toEqual({
      pledgedVnd: 150_000_000,
      deliveredVnd: 40_000_000,
      pledgeCount: 2,
      deliveryCount: 1,
      months: ['2026-01', '2026-02'],
    });
    const report = await t.service.invoke('reports.preview', { period: '2026' });
    await expectAgreement(t, report, expected);
    expect(report.statutory!.summary.paragraph).toContain(
      'Chưa quy đổi được 3 dòng, 190.000.000 đồng (cam kết 150.000.000 đồng, giải ngân 40.000.000 đồng), do chưa có tỷ giá USD các tháng 01/2026, 02/2026; các số USD chưa gồm các dòng này.',
    );
    const english = await t.service.invoke('items.summary', { year: 2026, lang: 'en' });
    expect(english.paragraph).toContain('In 2026 (01/01/2026 to 31/12/2026)');
    expect(english.paragraph).toContain('3 line(s), VND 190,000,000');
  });

  it('writes the workbook whose every totals row agrees, read with exceljs and through LibreOffice, and marks it', async () => {
    const report = await t.service.invoke('reports.preview', { period: '2026' });
    const { summary } = report.statutory!;
    const file = await t.service.invoke('reports.xlsx', { period: '2026' });
    const path = join(t.dir, 'nam-2026.xlsx');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    expect(file.sent.unconvertedLines).toBe(3);
    expect((await t.service.invoke('reports.list', {}))[0]!.unconvertedLines).toBe(3);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Khoản viện trợ')!;
    const dollars = (cents: number) => cents / 100;
    let tables = 0;
    const notes: string[] = [];
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row) => rows.push(row));
    for (const row of rows) {
      const label = row.getCell(2).value;
      const first = row.getCell(1).value;
      if (typeof first === 'string' && first.startsWith('(*) ')) notes.push(first);
      if (first === 'Tổng cộng') {
        tables++;
        const committed = row.getCell(4);
        const disbursed = row.getCell(5);
        expect((committed.value as ExcelJS.CellFormulaValue).result).toBe(dollars(summary.committed.USD));
        expect((disbursed.value as ExcelJS.CellFormulaValue).result).toBe(dollars(summary.disbursed.USD));
        expect(committed.numFmt).toBe('#,##0.00"*"');
      }
      // The education sector, its modality and Japan hold only February's VND line: never 0.00 USD.
      if (label === 'Giáo dục và đào tạo' || label === 'Nhật Bản' || label === 'Phi dự án')
        expect(row.getCell(4).value, String(label)).toBe('chưa quy đổi');
    }
    expect(tables).toBe(3);
    expect(notes).toHaveLength(3);
    for (const note of notes) expect(note).toContain('Chưa quy đổi được 3 dòng, 190.000.000 đồng');

    // LibreOffice shows the same totals in every table, computing the SUMs itself once the cached values are dropped.
    for (const cell of rows.flatMap((r) => [r.getCell(4), r.getCell(5)])) {
      const value = cell.value as ExcelJS.CellFormulaValue | null;
      if (value && typeof value === 'object' && 'formula' in value) cell.value = { formula: value.formula } as never;
    }
    const uncached = join(t.dir, 'nam-2026-uncached.xlsx');
    await workbook.xlsx.writeFile(uncached);
    for (const source of [path, uncached]) {
      const shown = sheetsAsCsv(source, t.dir)['Khoản viện trợ']!;
      const totals = shown.filter((r) => r[0] === 'Tổng cộng');
      expect(totals).toHaveLength(3);
      for (const r of totals) {
        expect(r[3]).toBe(`${formatAmount(summary.committed.USD, 'USD', 'en')}*`);
        expect(r[4]).toBe(`${formatAmount(summary.disbursed.USD, 'USD', 'en')}*`);
      }
      expect(shown.flat().filter((c) => c === 'chưa quy đổi').length).toBeGreaterThanOrEqual(3);
      expect(shown.flat().some((c) => c.includes(summary.paragraph))).toBe(true);
    }
  }, 120_000);

  it('converts every line once the missing months have their rates, and the report is no longer marked', async () => {
    await rate('2026-01', '25050');
    await rate('2026-02', '25080');
    const missing = await t.service.invoke('rates.missing', { period: '2026' });
    expect(missing.months.map((m) => m.month)).toEqual(['2026-04']);
    expect(missing.unconverted).toEqual({ lines: 0, vnd: 0 });
    const expected = expectedUsd(await linesOf(t, YEAR.from, YEAR.to), rates);
    expect(expected.unconverted.pledgeCount + expected.unconverted.deliveryCount).toBe(0);
    const report = await t.service.invoke('reports.preview', { period: '2026' });
    await expectAgreement(t, report, expected);
    expect(report.statutory!.summary.paragraph).not.toContain('Chưa quy đổi');
    const file = await t.service.invoke('reports.xlsx', { period: '2026' });
    expect(file.sent.unconvertedLines).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const texts: unknown[] = [];
    workbook.getWorksheet('Khoản viện trợ')!.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).not.toContain('chưa quy đổi');
    expect(texts.some((v) => typeof v === 'string' && v.startsWith('(*)'))).toBe(false);
  });
});

describe('USD of a randomised ledger (fixed seed)', () => {
  it('sums the lines converted one by one, the same under every grouping and in every table', async () => {
    const random = randomFor('usd-ledger');
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const day = (month: number) =>
      `2026-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const t = await tempLedger({ ids: 'usd-random' });
    const described: unknown[] = [];
    try {
      const province = (await t.service.invoke('places.list', {})).find((p) => p.name === 'Cao Bằng')!.id;
      const donors = [];
      for (const [i, country] of ['Hàn Quốc', 'Nhật Bản', 'Úc', null].entries())
        donors.push(
          (await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo', country })).id,
        );
      const items: (string | null)[] = [null];
      for (const [i, sector] of ['health', 'education', 'social', 'environment'].entries())
        items.push(
          (
            await t.service.invoke('items.create', {
              name: `Khoản ${i}`,
              sector,
              modality: pick(['programme', 'project', 'non_project'] as const),
              donorId: donors[i]!,
            })
          ).id,
        );
      const rates: Rate[] = [];
      for (let month = 1; month <= 12; month++) {
        const roll = random();
        const validOn = roll < 0.3 ? null : roll < 0.8 ? `2026-${String(month).padStart(2, '0')}` : day(month);
        if (!validOn) continue;
        const value =
          random() < 0.5
            ? String(24_000 + Math.floor(random() * 2_000))
            : `${24_000 + Math.floor(random() * 2_000)}.${1 + Math.floor(random() * 99)}`;
        await t.service.invoke('rates.set', { currency: 'USD', validOn, rate: value, source: 'Kho bạc Nhà nước' });
        rates.push({ validOn, rate: value });
      }
      described.push({ rates });
      for (let i = 0; i < 60; i++) {
        const month = 1 + Math.floor(random() * 12);
        const currency = pick(['VND', 'VND', 'VND', 'USD', 'EUR'] as const);
        const amountMinor =
          currency === 'VND'
            ? pick([125, 12_561, 1 + Math.floor(random() * 5_000_000_000)])
            : 1 + Math.floor(random() * 10_000_000);
        const itemId = pick(items);
        const fields = {
          placeId: province,
          donorId: pick(donors),
          kind: 'other',
          description: `Dòng ${i}`,
          quantity: null,
          amountMinor,
          currency,
          pledgeDate: day(month),
          ...(currency === 'VND' ? {} : { rate: `${25_000 + Math.floor(random() * 5_000)}` }),
          ...(itemId ? { itemId } : {}),
        };
        const created = await t.service.invoke('pledges.create', fields as never);
        described.push(fields);
        if (random() < 0.4 && month < 12) {
          const delivery = {
            pledgeId: created.id,
            deliveryDate: day(month + 1),
            amountMinor: Math.max(1, Math.floor(amountMinor * random())),
            ...(currency === 'VND' ? {} : { rate: `${25_000 + Math.floor(random() * 5_000)}` }),
          };
          await t.service.invoke('deliveries.create', delivery as never);
          described.push(delivery);
        }
      }
      const expected = expectedUsd(await linesOf(t, YEAR.from, YEAR.to), rates);
      await expectAgreement(t, await t.service.invoke('reports.preview', { period: '2026' }), expected);
    } catch (error) {
      console.error(`USD ledger of seed ${SEED} (replay: AIDLEDGER_SEED=${SEED}):\n${JSON.stringify(described)}`);
      throw error;
    } finally {
      await t.close();
    }
  }, 120_000);
});
