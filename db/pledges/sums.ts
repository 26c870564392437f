/**
 * The ledger's sums kept within exact range. Every total the ledger keeps or reports (by pledge, donor, place, kind,
 * item, the province's, a report's cells) is a sum of pledges' VND equivalents, of their amounts in one currency, or
 * of deliveries, which never exceed their pledges — all of them non-negative. So while the whole ledger's VND
 * equivalents, and its amounts in each currency, add up to no more than Number.MAX_SAFE_INTEGER, every one of those
 * totals is an integer a number holds exactly, whichever way it is added up. A write that would take the ledger past
 * that is refused, naming the row; a reading that finds it past (a ledger written before this rule) is refused too,
 * rather than rounded (`exactSum`).
 */
import { sql } from 'kysely';
import { formatAmount } from '../../contract/money';
import { LedgerError } from '../../contract/errors';
import type { Ctx } from '../core/context';
import { invalid } from '../core/errors';
import { prepared } from '../core/statements';
import { totalsDeferral } from '../totals-bulk';

/** The largest total the ledger keeps exact: JavaScript numbers are exact integers up to 2^53 − 1. */
export const MAX_EXACT_TOTAL = Number.MAX_SAFE_INTEGER;
const MAX = BigInt(MAX_EXACT_TOTAL);

/** The whole ledger's pledged VND equivalents, and its pledged amounts by currency (in minor units). */
export interface LedgerSums {
  vnd: bigint;
  byCurrency: Map<string, bigint>;
}

/**
 * The sums as the pledges hold them, read from the monthly totals by kind (kept with every pledge by triggers) and
 * the changes a bulk write has logged but not yet folded into them: a few thousand rows rather than every pledge, read
 * before each file of an import. While a bulk write defers the totals they do not change, so their part is read once
 * for it and only the log, its own rows, again. The integer `sum()` is exact; past 2^63 it stops on an overflow, and
 * the pledges are then added up themselves.
 */
export async function ledgerSums(ctx: Ctx): Promise<LedgerSums> {
  try {
    const deferral = totalsDeferral(ctx.tracking);
    if (!deferral) return sumsOf(prepared(ctx.sqlite, FROM_TOTALS_AND_LOG).all() as CurrencySums[]);
    let kept = keptTotals.get(deferral);
    if (!kept) {
      kept = exactRows(ctx, FROM_TOTALS);
      keptTotals.set(deferral, kept);
    }
    return sumsOfBoth(kept, exactRows(ctx, FROM_LOG));
  } catch (error) {
    if (!(error instanceof Error && /integer overflow/i.test(error.message))) throw error;
    return pledgedSums(ctx);
  }
}

/** A currency's pledges: how many, their amounts, their VND equivalents. */
interface CurrencySums {
  currency: string;
  n: number;
  amount: number;
  vnd: number;
}
type ExactSums = { [K in keyof CurrencySums]: K extends 'currency' ? string : bigint };

const FROM_TOTALS = `SELECT currency, sum(n) AS n, sum(amount) AS amount, sum(vnd) AS vnd FROM pledge_totals_by_kind
  GROUP BY currency`;
const FROM_LOG = `SELECT currency, sum(sign) AS n, sum(sign * amount) AS amount, sum(sign * vnd) AS vnd
  FROM totals_changes WHERE side = 'pledge' GROUP BY currency`;
const FROM_TOTALS_AND_LOG = `SELECT currency, sum(n) AS n, sum(amount) AS amount, sum(vnd) AS vnd
  FROM (SELECT currency, n, amount, vnd FROM pledge_totals_by_kind
    UNION ALL SELECT currency, sign, sign * amount, sign * vnd FROM totals_changes WHERE side = 'pledge')
  GROUP BY currency HAVING sum(n) > 0`;

/** The totals' part kept for the bulk write deferring them (`totalsDeferral`). */
const keptTotals = new WeakMap<object, ExactSums[]>();

/** A query's sums as the integers SQLite added up, not rounded to numbers. */
function exactRows(ctx: Ctx, text: string): ExactSums[] {
  const statement = prepared(ctx.sqlite, text);
  try {
    return statement.safeIntegers(true).all() as ExactSums[];
  } finally {
    statement.safeIntegers(false);
  }
}

/** The totals' sums and the log's together, as the one query over both gives them. */
function sumsOfBoth(totals: ExactSums[], log: ExactSums[]): LedgerSums {
  const both = new Map<string, ExactSums>();
  for (const r of [...totals, ...log]) {
    const was = both.get(r.currency);
    both.set(r.currency, was ? { ...r, n: was.n + r.n, amount: was.amount + r.amount, vnd: was.vnd + r.vnd } : r);
  }
  const exact = (value: bigint) => (value > MAX || value < -MAX ? MAX + 1n : value);
  const byCurrency = new Map<string, bigint>();
  let vnd = 0n;
  for (const r of [...both.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1))) {
    if (r.n <= 0n) continue;
    byCurrency.set(r.currency, exact(r.amount));
    vnd += exact(r.vnd);
  }
  return { vnd, byCurrency };
}

/**
 * The sums added up from the pledges. `total()` adds in floating point, which is exact while the sum stays within
 * range and, past it, still lands past it; the integer `sum()` would stop on an overflow instead.
 */
export async function pledgedSums(ctx: Ctx): Promise<LedgerSums> {
  return sumsOf(
    (
      await sql<{ currency: string; amount: number; vnd: number }>`SELECT currency, total(amount_minor) AS amount,
        total(vnd_equivalent) AS vnd FROM pledges GROUP BY currency`.execute(ctx.db)
    ).rows,
  );
}

function sumsOf(rows: Omit<CurrencySums, 'n'>[]): LedgerSums {
  const exact = (value: number) => (Number.isSafeInteger(value) ? BigInt(value) : MAX + 1n);
  const byCurrency = new Map<string, bigint>();
  let vnd = 0n;
  for (const r of rows) {
    byCurrency.set(r.currency, exact(r.amount));
    vnd += exact(r.vnd);
  }
  return { vnd, byCurrency };
}

export interface PledgeFigures {
  currency: string;
  amountMinor: number;
  vndEquivalent: number;
}

const grouped = (value: bigint, currency: string) =>
  value > MAX ? `> ${formatAmount(MAX_EXACT_TOTAL, currency, 'vi')}` : formatAmount(Number(value), currency, 'vi');
const groupedEn = (value: bigint, currency: string) =>
  value > MAX ? `> ${formatAmount(MAX_EXACT_TOTAL, currency, 'en')}` : formatAmount(Number(value), currency, 'en');

/**
 * `sums` with a pledge added (and, for an edit, its earlier figures taken away), or a refusal on its amount when the
 * ledger's total would pass the exact range. `sums` is updated only when the pledge fits.
 */
export function addToSums(sums: LedgerSums, added: PledgeFigures, removed?: PledgeFigures): void {
  const vnd = sums.vnd + BigInt(added.vndEquivalent) - BigInt(removed?.vndEquivalent ?? 0);
  const inCurrency =
    (sums.byCurrency.get(added.currency) ?? 0n) +
    BigInt(added.amountMinor) -
    BigInt(removed?.currency === added.currency ? removed.amountMinor : 0);
  const limit = formatAmount(MAX_EXACT_TOTAL, 'VND', 'vi');
  const limitEn = formatAmount(MAX_EXACT_TOTAL, 'VND', 'en');
  if (vnd > MAX)
    throw invalid(
      'amountMinor',
      {
        vi: `tổng giá trị quy đổi các cam kết của sổ sẽ là ${grouped(vnd, 'VND')} đồng, vượt giới hạn tính chính xác ${limit} đồng (sổ đang có ${grouped(sums.vnd, 'VND')} đồng, dòng này ${formatAmount(added.vndEquivalent, 'VND', 'vi')} đồng)`,
        en: `the ledger's pledges would total ${groupedEn(vnd, 'VND')} VND, past the exact range of ${limitEn} VND (the ledger holds ${groupedEn(sums.vnd, 'VND')} VND, this one ${formatAmount(added.vndEquivalent, 'VND', 'en')} VND)`,
      },
      'too_large',
    );
  if (inCurrency > MAX)
    throw invalid(
      'amountMinor',
      {
        vi: `tổng các cam kết bằng ${added.currency} của sổ sẽ vượt giới hạn tính chính xác ${grouped(MAX, added.currency)} ${added.currency}`,
        en: `the ledger's pledges in ${added.currency} would total past the exact range of ${groupedEn(MAX, added.currency)} ${added.currency}`,
      },
      'too_large',
    );
  sums.vnd = vnd;
  sums.byCurrency.set(added.currency, inCurrency);
}

/** A bundle's merge refused when it leaves the ledger's sums past the exact range, naming its largest pledge. */
export async function checkSumsAfterMerge(ctx: Ctx, fileName: string, pledgeIds: Iterable<string>): Promise<void> {
  const sums = await ledgerSums(ctx);
  const over = sums.vnd > MAX || [...sums.byCurrency.values()].some((v) => v > MAX);
  if (!over) return;
  const ids = [...pledgeIds];
  const largest = ids.length
    ? await ctx.db
        .selectFrom('pledges')
        .select(['id', 'description', 'vndEquivalent'])
        .where('id', 'in', ids.slice(0, 30_000))
        .orderBy('vndEquivalent', 'desc')
        .executeTakeFirst()
    : undefined;
  const named = largest
    ? {
        vi: `; cam kết lớn nhất của gói: "${largest.description}" (${formatAmount(largest.vndEquivalent, 'VND', 'vi')} đồng)`,
        en: `; its largest pledge: "${largest.description}" (${formatAmount(largest.vndEquivalent, 'VND', 'en')} VND)`,
      }
    : { vi: '', en: '' };
  throw new LedgerError('too_large', {
    vi: `Gói ${fileName} sẽ làm tổng giá trị các cam kết của sổ vượt giới hạn tính chính xác ${formatAmount(MAX_EXACT_TOTAL, 'VND', 'vi')}${named.vi}. Không có gì được ghi.`,
    en: `The bundle ${fileName} would take the ledger's pledges past the exact range of ${formatAmount(MAX_EXACT_TOTAL, 'VND', 'en')}${named.en}. Nothing was written.`,
  });
}

/** The refusal of a figure that cannot be exact: the report or totals are not given rather than given wrong. */
export function notExact(): LedgerError {
  return new LedgerError('too_large', {
    vi: `Không thể tính chính xác: một tổng vượt quá ${formatAmount(MAX_EXACT_TOTAL, 'VND', 'vi')}, giới hạn tính chính xác. Báo cáo không được lập.`,
    en: `Cannot be computed exactly: a total passes ${formatAmount(MAX_EXACT_TOTAL, 'VND', 'en')}, the exact range. The report was not made.`,
  });
}

/** a + b, refused (`notExact`) past the exact range, so a sum is never rounded. */
export function exactSum(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum)) throw notExact();
  return sum;
}

/** SQLite's integer `sum()` stops on an overflow: that is a figure that cannot be exact, not an internal error. */
export async function refusingOverflow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && /integer overflow/i.test(error.message)) throw notExact();
    throw error;
  }
}
