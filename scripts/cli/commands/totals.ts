import { rollUpPlace, TOTALS_GROUPINGS, type TotalsGrouping, type TotalsResult } from '../../../contract';
import { formatAmount } from '../../../contract/money';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { flag, ITEM_SCOPE_OPTIONS, itemScopeOf, text } from '../options';
import { out } from '../output';

/** The totals as one JSON line: the currency, each group's sums, the whole's, and what could not be converted. */
function printJson(result: TotalsResult): void {
  out(
    JSON.stringify({
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
    usd: flag,
    json: flag,
    place: text,
    'units-of': text,
    ...ITEM_SCOPE_OPTIONS,
  },
  usage: [
    'totals --db FILE --by place|donor|kind|quarter|currency|item|sector|modality|stage [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
    '       [--usd] [--json] [--place NAME_OR_CODE] [--units-of YYYY-MM-DD] [--sector S] [--modality M] [--stage S]',
    `${DESCRIPTION}tổng cam kết và đã giao / pledged and delivered totals`,
    `${DESCRIPTION}--units-of: theo đơn vị hành chính tại ngày đó / in the units of that date`,
  ],
  async run({ values }) {
    const by = values.by as TotalsGrouping | undefined;
    if (!by || !TOTALS_GROUPINGS.includes(by))
      throw new UsageError(`--by phải là / must be: ${TOTALS_GROUPINGS.join('|')}`);
    const unitsOf = values['units-of'];
    const filter = {
      ...(values.from ? { from: values.from } : {}),
      ...(values.to ? { to: values.to } : {}),
      ...(unitsOf ? { unitsOf } : {}),
      ...itemScopeOf(values),
    };
    const result = await withLedger(
      requireDb(values),
      false,
      undefined,
      async (ledger) => {
        // A place named for today's units is one that exists on that date; otherwise one valid in the period's end.
        const placeId = values.place ? await placeIdOf(ledger, values.place, unitsOf ?? values.to ?? null) : undefined;
        const service = createLedgerService(ledger);
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
    if (values.json) printJson(result);
    else printTable(result);
    return 0;
  },
});
