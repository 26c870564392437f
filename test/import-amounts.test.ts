/**
 * Amounts at the ends of what the ledger holds: one that would round to nothing (0,001 × 1 đồng, 0,001 đồng, a cent of
 * a currency worth less than a đồng) is refused naming its row and column, in a file as in the form, never stored as 0;
 * one past the limit is refused naming the limit, 10^15 minor units.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportedFile } from '../contract';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
let donorId: string;
let placeId: string;
beforeEach(async () => {
  t = await tempLedger();
  donorId = (
    await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', country: 'Đài Loan', kind: 'foreign_ngo' })
  ).id;
  placeId = (await t.service.invoke('places.list', {})).find((p) => p.name === 'Bảo Lạc')!.id;
});
afterEach(() => t.close());

const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header).slice(0, 15);

/** A row of the template: quantity, unit value, amount, currency and rate as given. */
const row = (quantity: string, unitValue: string, amount: string, currency = 'VND', rate = '') =>
  [
    '05/09/2022',
    'Tổ chức Tzu Chi',
    '',
    'Bảo Lạc',
    'Quà',
    'Quà',
    quantity,
    'suất',
    unitValue,
    amount,
    currency,
    rate,
    '',
    '',
    '',
  ]
    .map((v) => (v.includes(',') ? `"${v}"` : v))
    .join(',');

async function importRows(...rows: string[]): Promise<ImportedFile> {
  const csv = [HEADERS.join(','), ...rows].join('\r\n');
  const answer = await t.service.invoke('imports.files', {
    files: [{ fileName: 'so-tien.csv', base64: Buffer.from(csv).toString('base64') }],
    dryRun: false,
  });
  return answer.files[0]!;
}

const pledges = () => (t.ledger.sqlite.prepare('SELECT count(*) AS n FROM pledges').get() as { n: number }).n;

describe('an amount that would round to nothing', () => {
  it('in a file is refused naming the row and the column', async () => {
    const result = await importRows(
      row('0,001', '1', ''),
      row('0,4', '1', ''),
      row('', '', '0,001'),
      row('', '', '0,004', 'USD', '23.000'),
      row('0,001', '1', '0'),
    );
    expect(result.added).toBe(0);
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Thành tiền', 'Số lượng × Đơn giá = 0,001 × 1 VND làm tròn thành 0 VND'],
      [3, 'Thành tiền', 'Số lượng × Đơn giá = 0,4 × 1 VND làm tròn thành 0 VND'],
      [4, 'Thành tiền', '0,001 không hợp lệ cho VND: lẻ hơn đơn vị nhỏ nhất (1 VND)'],
      [5, 'Thành tiền', '0,004 không hợp lệ cho USD: lẻ hơn đơn vị nhỏ nhất (0,01 USD)'],
      [6, 'Thành tiền', 'Số lượng × Đơn giá = 0,001 × 1 VND làm tròn thành 0 VND'],
    ]);
    expect(result.errors[0]!.messageEn).toBe(
      'quantity × unit value (Số lượng × Đơn giá) = 0.001 × 1 VND rounds to 0 VND',
    );
    // Rows read clean, the ledger refuses what it would hold as 0 đồng: a cent of a currency worth half a đồng.
    const worthless = await importRows(row('', '', '1.000', 'LAK', '50'), row('', '', '0,01', 'LAK', '0,5'));
    expect(worthless.errors).toEqual([
      {
        row: 3,
        column: 'Thành tiền',
        message: 'Thành tiền: 0,01 LAK theo tỷ giá 0,5 quy đổi ra VND làm tròn thành 0 đồng',
        messageEn: expect.stringContaining('0.01 LAK at the rate 0.5 comes to 0 đồng'),
      },
    ]);
    expect(pledges()).toBe(0);
  });

  it('but one that rounds to a đồng or more, and a quantity of nothing, are kept as before', async () => {
    const result = await importRows(row('0,5', '1', ''), row('0', '1.000', ''), row('', '', '0,01', 'LAK', '50'));
    expect(result.errors).toEqual([]);
    const stored = t.ledger.sqlite
      .prepare('SELECT amount_minor AS amount, vnd_equivalent AS vnd FROM pledges ORDER BY rowid')
      .all();
    expect(stored).toEqual([
      { amount: 1, vnd: 1 },
      { amount: 0, vnd: 0 },
      { amount: 1, vnd: 1 },
    ]);
  });

  it('in the form is refused naming the field', async () => {
    const pledge = { donorId, placeId, kind: 'gift' as const, description: 'Quà', pledgeDate: '2022-09-05' };
    await expect(
      t.service.invoke('pledges.create', { ...pledge, quantity: '0.001', unitValueMinor: 1, currency: 'VND' }),
    ).rejects.toMatchObject({ field: 'quantity', bilingual: { vi: expect.stringContaining('làm tròn thành 0 VND') } });
    await expect(
      t.service.invoke('pledges.create', { ...pledge, amountMinor: 1, currency: 'KWD', rate: '0.4' }),
    ).rejects.toMatchObject({
      field: 'amountMinor',
      bilingual: { vi: expect.stringContaining('làm tròn thành 0 đồng') },
    });
    expect(pledges()).toBe(0);
  });
});

describe('an amount past the limit', () => {
  it('is refused naming the limit, 10^15 minor units, in the currency', async () => {
    const result = await importRows(
      row('', '', '1.000.000.000.000.001'),
      row('', '', '10.000.000.000.000,01', 'USD', '23.000'),
      row('1.001', '1.000.000.000.000', ''),
    );
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([
      [2, '1.000.000.000.000.001 quá lớn: tối đa 1.000.000.000.000.000 VND (10^15 đơn vị nhỏ nhất)'],
      [3, '10.000.000.000.000,01 quá lớn: tối đa 10.000.000.000.000,00 USD (10^15 đơn vị nhỏ nhất)'],
      [4, 'Số lượng × Đơn giá quá lớn: tối đa 1.000.000.000.000.000 VND (10^15 đơn vị nhỏ nhất)'],
    ]);
    expect(result.errors[1]!.messageEn).toBe(
      '10000000000000.01 is too large: at most 10,000,000,000,000.00 USD (10^15 minor units)',
    );
    expect((await importRows(row('', '', '1.000.000.000.000.000'))).added).toBe(1);
  });
});
