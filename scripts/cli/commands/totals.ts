import { rollUpPlace, TOTALS_GROUPINGS, type TotalsGrouping, type TotalsResult } from '../../../contract';
import { formatAmount } from '../../../contract/money';
import { cutoffText, periodDatesLine, type ReportCutoff } from '../../../contract/reports';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { flag, ITEM_SCOPE_OPTIONS, itemScopeOf, text } from '../options';
import { out } from '../output';
import { CUTOFF_USAGE, cutoffOf, PERIOD_OPTIONS, periodOf } from '../period';
import { parsePeriod } from '../../../db/reports/period';

/** The period's dates and rule, when the totals are of a report period. */
type PeriodAsked = { from: string; to: string; cutoff: ReportCutoff } | null;

/**
 * The totals as one JSON line: the currency, each group's sums, the whole's, and what could not be converted; with
 * the period's dates and rule when one was given.
 */
function printJson(result: TotalsResult, period: PeriodAsked): void {
  out(
    JSON.stringify({
      ...(period ? { period } : {}),
      currency: result.currency,
      groups: result.groups.map((g) => ({
        key: g.key,
        label: g.label,
        pledged: g.pledged,
        delivered: g.delivered,
      })),
      total: { pledged: result.total.pledged, delivered: result.total.delivered },
      ...(result.unconverted ? { unconverted: result.unconverted } : {}),
    }),
  );
}

/** The totals as a table: a row per group and the whole, the amounts right-aligned. */
function printTable(result: TotalsResult): void {
  const money = (v: number) => formatAmount(v, result.currency, 'vi');
  const width = Math.max(10, ...result.groups.map((g) => g.label.length));
  out(`${''.padEnd(width)}  ${'Cam kết'.padStart(20)}  ${'Đã giao'.padStart(20)}   (${result.currency})`);
  for (const g of result.groups)
    out(`${g.label.padEnd(width)}  ${money(g.pledged).padStart(20)}  ${money(g.delivered).padStart(20)}`);
  out(
    `${'Tổng cộng'.padEnd(width)}  ${money(result.total.pledged).padStart(20)}  ${money(result.total.delivered).padStart(20)}`,
  );
}

export const totalsCommand = defineCommand({
  name: 'totals',
  options: {
    db: text,
    by: text,
    from: text,
    to: text,
    ...PERIOD_OPTIONS,
    usd: flag,
    json: flag,
    place: text,
    'units-of': text,
    ...ITEM_SCOPE_OPTIONS,
  },
  usage: [
    'totals --db FILE --by place|donor|kind|quarter|currency|item|sector|modality|stage [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
    '       [--usd] [--json] [--place NAME_OR_CODE] [--units-of YYYY-MM-DD] [--sector S] [--modality M] [--stage S]',
    '       [--quarter 2022-Q3 | --half 2022-H2 | --year 2022] [--cutoff calendar|statutory]',
    `${DESCRIPTION}tổng cam kết và đã giao / pledged and delivered totals`,
    `${DESCRIPTION}--units-of: theo đơn vị hành chính tại ngày đó / in the units of that date`,
    `${DESCRIPTION}--quarter, --half, --year: thay cho --from/--to / instead of --from/--to; ${CUTOFF_USAGE}`,
  ],
  async run({ values }) {
    const by = values.by as TotalsGrouping | undefined;
    if (!by || !TOTALS_GROUPINGS.includes(by))
      throw new UsageError(`--by phải là / must be: ${TOTALS_GROUPINGS.join('|')}`);
    const unitsOf = values['units-of'];
    const period = periodOf(values, true);
    const cutoff = cutoffOf(values);
    if (period && (values.from || values.to))
      throw new UsageError('Chọn một kỳ hoặc --from/--to, không cả hai / Give a period or --from/--to, not both');
    if (cutoff && !period)
      throw new UsageError('--cutoff cần một kỳ: --quarter, --half hoặc --year / --cutoff needs a period');
    let asked = null as PeriodAsked;
    const result = await withLedger(
      requireDb(values),
      false,
      undefined,
      async (ledger) => {
        const service = createLedgerService(ledger);
        // A period's dates by the rule given, or the department's.
        const dates = period
          ? parsePeriod(period, cutoff ?? (await service.invoke('settings.get', {})).reportCutoff)
          : { from: values.from, to: values.to };
        if ('cutoff' in dates) asked = { from: dates.from, to: dates.to, cutoff: dates.cutoff };
        const filter = {
          ...(dates.from ? { from: dates.from } : {}),
          ...(dates.to ? { to: dates.to } : {}),
          ...(unitsOf ? { unitsOf } : {}),
          ...itemScopeOf(values),
        };
        // A place named for today's units is one that exists on that date; otherwise one valid in the period's end.
        const placeId = values.place ? await placeIdOf(ledger, values.place, unitsOf ?? dates.to ?? null) : undefined;
        // By place, the groups the dashboard's chart shows for the same filter: units directly under the place
        // chosen, or under the ledger's province (a former commune's 2022 pledge in its former district).
        const rollUpUnder = by === 'place' ? rollUpPlace(placeId, await service.invoke('places.list', {})) : undefined;
        return service.invoke('totals', {
          by,
          filter: { ...filter, ...(placeId ? { placeId } : {}) },
          in: values.usd ? 'USD' : 'VND',
          ...(rollUpUnder ? { rollUpUnder } : {}),
        });
      },
      'read',
    );
    if (values.json) printJson(result, asked);
    else {
      if (asked) out(`${periodDatesLine(asked, 'vi')} (${cutoffText(asked.cutoff, 'vi')})`);
      printTable(result);
    }
    return 0;
  },
});
