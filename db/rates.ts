/** Exchange rates to VND: kept per currency and month or day, used to propose the rate a pledge or delivery records. */
import type { ExchangeRate, ParsedInput, RateProposal } from '../contract';
import { canonicalRate } from '../contract/money';
import { recordAudit } from './audit';
import { invalid } from './core/errors';
import { dayText } from '../contract/dates';
import type { Ctx } from './core/context';

export async function listRates(ctx: Ctx, input: ParsedInput<'rates.list'>): Promise<ExchangeRate[]> {
  let query = ctx.db.selectFrom('exchangeRates').selectAll();
  if (input.currency) query = query.where('currency', '=', input.currency);
  return query.orderBy('currency').orderBy('validOn', 'desc').execute();
}

export async function setRate(ctx: Ctx, input: ParsedInput<'rates.set'>): Promise<ExchangeRate> {
  if (input.currency === 'VND') {
    throw invalid('currency', { vi: 'tỷ giá VND luôn là 1', en: 'the VND rate is always 1' });
  }
  const rate = canonicalRate(input.rate);
  const before = await ctx.db
    .selectFrom('exchangeRates')
    .selectAll()
    .where('currency', '=', input.currency)
    .where('validOn', '=', input.validOn)
    .executeTakeFirst();
  if (before) {
    await ctx.db
      .updateTable('exchangeRates')
      .set({ rate, source: input.source, updatedAt: ctx.now })
      .where('id', '=', before.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('exchangeRates')
      .values({
        id: ctx.newId(),
        currency: input.currency,
        validOn: input.validOn,
        rate,
        source: input.source,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .execute();
  }
  const after = await ctx.db
    .selectFrom('exchangeRates')
    .selectAll()
    .where('currency', '=', input.currency)
    .where('validOn', '=', input.validOn)
    .executeTakeFirstOrThrow();
  await recordAudit(ctx, {
    action: before ? 'update' : 'create',
    entity: 'exchange_rate',
    entityId: after.id,
    before: before ?? null,
    after,
  });
  return after;
}

/**
 * The rate to propose for a date: the latest one valid on or before it. A month ("2022-08")
 * sorts before its days ("2022-08-01"), so a day's rate wins over its month's.
 */
export async function proposeRate(ctx: Ctx, currency: string, date: string): Promise<RateProposal | null> {
  if (currency === 'VND') return { currency, rate: '1', validOn: date, source: 'VND' };
  const row = await ctx.db
    .selectFrom('exchangeRates')
    .select(['currency', 'rate', 'validOn', 'source'])
    .where('currency', '=', currency)
    .where('validOn', '<=', date)
    .orderBy('validOn', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export interface RecordedRate {
  rate: string;
  rateDate: string | null;
  rateSource: string | null;
}

/** The rate a pledge or delivery records: VND is 1; a typed rate is kept; otherwise the proposal, or an error. */
export async function resolveRate(
  ctx: Ctx,
  currency: string,
  date: string,
  given: { rate?: string | null; rateDate?: string | null; rateSource?: string | null },
): Promise<RecordedRate> {
  if (currency === 'VND') return { rate: '1', rateDate: null, rateSource: null };
  if (given.rate) {
    return { rate: canonicalRate(given.rate), rateDate: given.rateDate ?? date, rateSource: given.rateSource || null };
  }
  const proposal = await proposeRate(ctx, currency, date);
  if (!proposal) {
    throw invalid(
      'rate',
      {
        vi: `chưa có tỷ giá ${currency} cho ngày ${dayText(date)}; hãy nhập tỷ giá`,
        en: `no ${currency} rate on or before ${date}; enter the rate`,
      },
      'rate_missing',
    );
  }
  return {
    rate: proposal.rate,
    rateDate: proposal.validOn.length === 7 ? `${proposal.validOn}-01` : proposal.validOn,
    rateSource: proposal.source,
  };
}
