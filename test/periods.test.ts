/**
 * Report periods by the calendar and by Decree 09/2019's cut-off (15th to 14th), checked against a hand count: a ledger
 * with a pledge and a delivery on the 1st, 14th, 15th and last day of every month of 2025 and 2026, each of its own
 * amount, and every period of both years under both rules counted here by a rule of its own — a day from the 15th on
 * counts in the next month's figures — not by the code under test. Then the rule kept with each report sent, "changes
 * since the last report" by the same dates, the department's default and deadlines in Cài đặt, the next reports due,
 * the CLI's --cutoff, and a ledger of schema 21 whose reports sent read as made by the calendar.
 */
import Database from 'better-sqlite3';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError, type ReportCutoff } from '../contract';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { runCli } from './cli-run';
import { ROOT, tempDir, tempLedger, type TestLedger } from './helpers';

const YEARS = [2025, 2026];

/** Each sheet's text, its cells joined. */
async function sheetTexts(file: string): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
    return cells.join('\n');
  });
}
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

interface Line {
  date: string;
  vnd: number;
}

/** The 1st, 14th, 15th and last day of every month of the two years, each with an amount no other has. */
function linesOfTwoYears(base: number): Line[] {
  const lines: Line[] = [];
  for (const y of YEARS)
    for (let m = 1; m <= 12; m++)
      for (const d of [1, 14, 15, lastDayOf(y, m)])
        lines.push({ date: day(y, m, d), vnd: base + lines.length * 1_000 });
  return lines;
}

/**
 * The month (year × 12 + month − 1) whose figures a day counts in: its own by the calendar; by the cut-off, from the
 * 15th on, the next month's (15/12/2025 counts in January 2026).
 */
function countedMonth(date: string, cutoff: ReportCutoff): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y * 12 + (m - 1) + (cutoff === 'statutory' && d >= 15 ? 1 : 0);
}

/** A period's first and last counted month, by hand: quarter n, half n or the year. */
function monthsOf(key: string): [number, number] {
  const [y, part] = key.split('-') as [string, string | undefined];
  const start = Number(y) * 12;
  if (!part) return [start, start + 11];
  const n = Number(part.slice(1));
  return part[0] === 'Q'
    ? [start + (n - 1) * 3, start + n * 3 - 1]
    : n === 1
      ? [start, start + 5]
      : [start + 6, start + 11];
}

const PERIODS = YEARS.flatMap((y) => [`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}-H1`, `${y}-H2`, String(y)]);
const sum = (lines: Line[]) => lines.reduce((s, l) => s + l.vnd, 0);

let t: TestLedger;
let now = Date.parse('2025-01-01T08:00:00Z');
/** The command line's tests open the file themselves: the ledger is closed for them. */
let closed = false;
const pledges: (Line & { id: string })[] = [];
let deliveries: Line[] = [];
/** The pledge the deliveries are made on, a year before the others. */
const FIRST = { date: '2024-06-01', vnd: 900_000_000_000 };

beforeAll(async () => {
  t = await tempLedger({ clock: () => now });
  const province = (await t.service.invoke('places.list', {})).find((p) => p.level === 'province')!;
  const donor = await t.service.invoke('donors.create', { name: 'Quỹ Kỳ Hạn', kind: 'foreign_ngo' });
  const pledge = (line: Line, description: string) =>
    t.service.invoke('pledges.create', {
      donorId: donor.id,
      placeId: province.id,
      kind: 'cash',
      description,
      amountMinor: line.vnd,
      currency: 'VND',
      pledgeDate: line.date,
    });
  const first = await pledge(FIRST, 'Khoản đầu');
  for (const line of linesOfTwoYears(1_000_000)) pledges.push({ ...line, id: (await pledge(line, line.date)).id });
  deliveries = linesOfTwoYears(7);
  for (const line of deliveries)
    await t.service.invoke('deliveries.create', { pledgeId: first.id, deliveryDate: line.date, amountMinor: line.vnd });
});
afterAll(() => (closed ? rmSync(t.dir, { recursive: true, force: true }) : t.close()));

describe('a period under each rule', () => {
  it('has the dates Decree 09/2019, Art. 12 gives, or the calendar', async () => {
    const dates = async (period: string, cutoff: ReportCutoff) => {
      const { from, to } = (await t.service.invoke('reports.preview', { period, cutoff })).period;
      return `${from} ${to}`;
    };
    expect(await dates('2026-Q1', 'statutory')).toBe('2025-12-15 2026-03-14');
    expect(await dates('2026-Q2', 'statutory')).toBe('2026-03-15 2026-06-14');
    expect(await dates('2026-Q4', 'statutory')).toBe('2026-09-15 2026-12-14');
    expect(await dates('2026-H1', 'statutory')).toBe('2025-12-15 2026-06-14');
    expect(await dates('2026-H2', 'statutory')).toBe('2026-06-15 2026-12-14');
    expect(await dates('2026', 'statutory')).toBe('2025-12-15 2026-12-14');
    expect(await dates('2026-Q1', 'calendar')).toBe('2026-01-01 2026-03-31');
    expect(await dates('2024-H1', 'calendar')).toBe('2024-01-01 2024-06-30');
  });

  it.each(PERIODS.flatMap((period) => (['calendar', 'statutory'] as const).map((cutoff) => [period, cutoff] as const)))(
    '%s by the %s rule holds what a hand count finds',
    async (period, cutoff) => {
      const [first, last] = monthsOf(period);
      const inIt = (l: Line) => countedMonth(l.date, cutoff) >= first && countedMonth(l.date, cutoff) <= last;
      const toEnd = (l: Line) => countedMonth(l.date, cutoff) <= last;
      const report = await t.service.invoke('reports.preview', { period, cutoff });
      expect(report.period.cutoff).toBe(cutoff);
      expect(report.pledges.map((p) => p.date).sort()).toEqual(pledges.filter(inIt).map((l) => l.date));
      expect(report.deliveries.length).toBe(deliveries.filter(inIt).length);
      const pledgedToDate = FIRST.vnd + sum(pledges.filter(toEnd));
      expect(report.summaryTotal).toEqual({
        pledgedVnd: sum(pledges.filter(inIt)),
        deliveredVnd: sum(deliveries.filter(inIt)),
        cumulativeDeliveredVnd: sum(deliveries.filter(toEnd)),
        remainingVnd: pledgedToDate - sum(deliveries.filter(toEnd)),
      });
      expect(report.donorTotal).toEqual(report.summaryTotal);
    },
  );
});

describe("the aid items' summary under each rule", () => {
  it.each(
    ['2025', '2026-H1', '2026-H2', '2026'].flatMap((key) =>
      (['calendar', 'statutory'] as const).map((c) => [key, c] as const),
    ),
  )('%s by the %s rule commits what a hand count finds, in the summary and in the report', async (key, cutoff) => {
    const [first, last] = monthsOf(key);
    const inIt = (l: Line) => countedMonth(l.date, cutoff) >= first && countedMonth(l.date, cutoff) <= last;
    const [year, half] = key.split('-') as [string, 'H1' | 'H2' | undefined];
    const summary = await t.service.invoke('items.summary', { year: Number(year), ...(half ? { half } : {}), cutoff });
    const report = await t.service.invoke('reports.preview', { period: key, cutoff });
    expect(summary.period).toEqual({ from: report.period.from, to: report.period.to });
    expect(summary.committed.VND).toBe(sum(pledges.filter(inIt)));
    expect(summary.disbursed.VND).toBe(sum(deliveries.filter(inIt)));
    // The report's paragraph is the items' one, then the sentence counting the foreign NGOs registered.
    expect({ ...report.statutory?.summary, paragraph: '' }).toEqual({ ...summary, paragraph: '' });
    expect(report.statutory?.summary.paragraph.startsWith(`${summary.paragraph} `)).toBe(true);
  });
});

describe('reports sent and what changed since', () => {
  it('keep the rule each used, and compare a report only with those of its rule', async () => {
    now = Date.parse('2026-03-16T08:00:00Z');
    const sent = await t.service.invoke('reports.xlsx', { period: '2026-Q1', cutoff: 'statutory' });
    expect(sent.sent).toMatchObject({ period: '2026-Q1', cutoff: 'statutory' });
    now = Date.parse('2026-03-17T08:00:00Z');
    // One pledge on the statutory quarter's last day, one on the next day (the calendar quarter holds both).
    const on14 = pledges.find((p) => p.date === '2026-03-14')!;
    const on15 = pledges.find((p) => p.date === '2026-03-15')!;
    for (const p of [on14, on15])
      await t.service.invoke('pledges.update', { id: p.id, reason: 'Sửa số tiền', amountMinor: p.vnd + 1 });
    const statutory = await t.service.invoke('reports.preview', {
      period: '2026-Q1',
      cutoff: 'statutory',
      changes: 'sinceLastReport',
    });
    expect(statutory.sinceLast?.report.id).toBe(sent.sent.id);
    expect(statutory.sinceLast?.amended.map((p) => p.pledgeDate)).toEqual(['2026-03-14']);
    expect(statutory.changes.map((c) => c.description)).toEqual(['2026-03-14']);
    // No calendar report of the quarter was sent: nothing to compare with.
    const calendar = await t.service.invoke('reports.preview', { period: '2026-Q1', cutoff: 'calendar' });
    expect(calendar.sinceLast).toBeNull();
    // Amendments made within the period: the calendar quarter's days hold 17/03, the statutory quarter's do not.
    expect(calendar.changes.map((c) => c.description).sort()).toEqual(['2026-03-14', '2026-03-15']);
    expect((await t.service.invoke('reports.preview', { period: '2026-Q1', cutoff: 'statutory' })).changes).toEqual([]);
    const second = await t.service.invoke('reports.xlsx', { period: '2026-Q1', cutoff: 'calendar' });
    const list = await t.service.invoke('reports.list', { period: '2026-Q1' });
    expect(list.map((r) => [r.id, r.cutoff])).toEqual([
      [second.sent.id, 'calendar'],
      [sent.sent.id, 'statutory'],
    ]);
    for (const p of [on14, on15])
      await t.service.invoke('pledges.update', { id: p.id, reason: 'Trả lại', amountMinor: p.vnd });
  });
});

describe('the department default and deadlines', () => {
  it('are the calendar and 5 days after the period unless set; a report follows the default unless it chooses', async () => {
    const settings = await t.service.invoke('settings.get', {});
    expect(settings.reportCutoff).toBe('calendar');
    expect(settings.reportDeadlines).toEqual({
      quarter: { rule: 'daysAfter', day: 5 },
      half: { rule: 'daysAfter', day: 5 },
      year: { rule: 'daysAfter', day: 5 },
    });
    expect((await t.service.invoke('reports.preview', { period: '2026-H1' })).period.from).toBe('2026-01-01');
    await t.service.invoke('settings.update', {
      reportCutoff: 'statutory',
      reportDeadlines: { year: { rule: 'dayOfMonth', day: 20 } },
    });
    const saved = await t.service.invoke('settings.get', {});
    expect(saved.reportCutoff).toBe('statutory');
    expect(saved.reportDeadlines.year).toEqual({ rule: 'dayOfMonth', day: 20 });
    expect(saved.reportDeadlines.quarter).toEqual({ rule: 'daysAfter', day: 5 });
    const byDefault = await t.service.invoke('reports.preview', { period: '2026-H1' });
    expect([byDefault.period.from, byDefault.period.to, byDefault.period.cutoff]).toEqual([
      '2025-12-15',
      '2026-06-14',
      'statutory',
    ]);
    expect((await t.service.invoke('reports.preview', { period: '2026-H1', cutoff: 'calendar' })).period.to).toBe(
      '2026-06-30',
    );
  });

  it('refuses a deadline that is no day, naming the field, and keeps what was set', async () => {
    const error = await t.service
      .invoke('settings.update', { reportDeadlines: { quarter: { rule: 'dayOfMonth', day: 32 } } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(LedgerError);
    expect((error as LedgerError).toShape().message.vi).toBe('Hạn gửi báo cáo (ngày): vượt quá giới hạn 31');
    expect((error as LedgerError).field).toBe('reportDeadlines.quarter.day');
    const refusedRule = await t.service.invoke('settings.update', { reportCutoff: 'lunar' as 'calendar' }).then(
      () => null,
      (e: unknown) => e as LedgerError,
    );
    expect(refusedRule?.field).toBe('reportCutoff');
    expect((await t.service.invoke('settings.get', {})).reportDeadlines.quarter).toEqual({ rule: 'daysAfter', day: 5 });
  });
});

describe('the next reports due', () => {
  it('are the first periods whose deadline is today or later, by the department rule, with whether one is made', async () => {
    // Statutory by now (above); the annual report due on the 20th of the month after 14/12.
    const due = async (today: string) =>
      (await t.service.invoke('reports.due', { today })).map((d) => [
        d.period.key,
        d.period.from,
        d.period.to,
        d.dueOn,
        d.made,
      ]);
    expect(await due('2026-03-16')).toEqual([
      ['2026-Q1', '2025-12-15', '2026-03-14', '2026-03-19', true],
      ['2026-H1', '2025-12-15', '2026-06-14', '2026-06-19', false],
      ['2026', '2025-12-15', '2026-12-14', '2026-12-20', false],
    ]);
    expect((await due('2026-03-20'))[0]).toEqual(['2026-Q2', '2026-03-15', '2026-06-14', '2026-06-19', false]);
    expect((await due('2026-12-21'))[2]).toEqual(['2027', '2026-12-15', '2027-12-14', '2027-12-20', false]);
    await t.service.invoke('settings.update', {
      reportCutoff: 'calendar',
      reportDeadlines: { quarter: { rule: 'dayOfMonth', day: 10 } },
    });
    // By the calendar, the quarter ended 31/03 is due on 10/04 (its calendar report was made above).
    expect((await due('2026-04-02'))[0]).toEqual(['2026-Q1', '2026-01-01', '2026-03-31', '2026-04-10', true]);
    expect((await due('2026-04-11'))[0]).toEqual(['2026-Q2', '2026-04-01', '2026-06-30', '2026-07-10', false]);
    expect((await due('2026-12-31'))[2]).toEqual(['2026', '2026-01-01', '2026-12-31', '2027-01-20', false]);
    // Near the last year a date can be written in, a report due after it (the year 9999's, due in January 10000) is
    // not listed, nor are periods past it.
    expect((await due('9999-12-31')).map(([key]) => key)).toEqual([]);
    expect((await due('9999-06-01')).map(([key]) => key)).toEqual(['9999-Q2', '9999-H1']);
  });
});

describe('the command line', () => {
  beforeAll(async () => {
    await t.ledger.close();
    closed = true;
  });

  it('report, totals take --cutoff; a report made so is kept with its rule', async () => {
    const out = join(t.dir, 'q1.xlsx');
    const report = runCli('report', '--db', t.file, '--quarter', '2026-Q1', '--cutoff', 'statutory', '--out', out);
    expect(report.stderr).toBe('');
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('Số liệu từ ngày 15/12/2025 đến ngày 14/03/2026');
    // Every sheet's subtitle prints the dates and the rule that cut them.
    const sheets = await sheetTexts(out);
    expect(sheets.length).toBeGreaterThan(1);
    for (const text of sheets)
      expect(text).toContain(
        'Số liệu từ ngày 15/12/2025 đến ngày 14/03/2026 (thời gian chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP)',
      );
    const totals = (cutoff: string) =>
      JSON.parse(
        runCli('totals', '--db', t.file, '--by', 'kind', '--half', '2026-H2', '--cutoff', cutoff, '--json').stdout,
      ) as { period: { from: string; to: string }; total: { pledged: number; delivered: number } };
    for (const cutoff of ['calendar', 'statutory'] as const) {
      const [first, last] = monthsOf('2026-H2');
      const inIt = (l: Line) => countedMonth(l.date, cutoff) >= first && countedMonth(l.date, cutoff) <= last;
      const answer = totals(cutoff);
      expect(answer.total).toEqual({ pledged: sum(pledges.filter(inIt)), delivered: sum(deliveries.filter(inIt)) });
    }
    expect(totals('statutory').period).toEqual({ from: '2026-06-15', to: '2026-12-14', cutoff: 'statutory' });
    // Without --cutoff, the department's rule (calendar by now).
    const byDefault = JSON.parse(runCli('totals', '--db', t.file, '--by', 'kind', '--year', '2025', '--json').stdout);
    expect(byDefault.period).toEqual({ from: '2025-01-01', to: '2025-12-31', cutoff: 'calendar' });
    const summary = JSON.parse(
      runCli('summary', '--db', t.file, '--year', '2026', '--half', 'H1', '--cutoff', 'statutory', '--json').stdout,
    );
    expect(summary.period).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    const bad = runCli('report', '--db', t.file, '--quarter', '2026-Q1', '--cutoff', 'lunar', '--out', out);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--cutoff phải là calendar .* statutory/);
    expect(runCli('totals', '--db', t.file, '--by', 'kind', '--cutoff', 'statutory').status).toBe(2);
    expect(runCli('totals', '--db', t.file, '--by', 'kind', '--year', '2025', '--from', '2025-01-01').status).toBe(2);
    const db = new Database(t.file, { readonly: true });
    try {
      expect(
        db.prepare(`SELECT period, cutoff FROM reports_sent ORDER BY made_at DESC, rowid DESC LIMIT 1`).get(),
      ).toEqual({ period: '2026-Q1', cutoff: 'statutory' });
    } finally {
      db.close();
    }
  });
});

describe('a ledger of schema 21', () => {
  it('reads its reports sent as made by the calendar', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'schema-21.sqlite');
      writeFileSync(file, gunzipSync(readFileSync(join(ROOT, 'test/fixtures/schemas/schema-21.sqlite.gz'))));
      const old = new Database(file);
      old
        .prepare(
          `INSERT INTO reports_sent (id, period, place_id, place_name, made_at, user_name, site_name, file_name, totals, pledge_count, file)
           VALUES ('00000000-0000-4000-8000-000000000001', '2022-Q3', NULL, '', '2022-10-05T01:00:00.000Z', NULL, 'Sở', 'a.xlsx', '{"pledgedVnd":1,"deliveredVnd":0}', 1, x'00')`,
        )
        .run();
      old.close();
      const ledger = await openLedger(file);
      try {
        const list = await createLedgerService(ledger).invoke('reports.list', {});
        expect(list.map((r) => [r.period, r.cutoff])).toEqual([['2022-Q3', 'calendar']]);
      } finally {
        await ledger.close();
      }
    } finally {
      dir.remove();
    }
  });
});
