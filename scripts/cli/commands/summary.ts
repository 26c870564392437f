import type { StatutorySummary } from '../../../contract/items';
import { formatAmount } from '../../../contract/money';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { cutoffOf } from '../period';
import { out } from '../output';

/** The summary as one JSON line: the counts and sums, by sector too, and what is left out of them. */
function printJson(result: StatutorySummary): void {
  out(
    JSON.stringify({
      period: result.period,
      items: result.items,
      donors: result.donors,
      committed: result.committed,
      disbursed: result.disbursed,
      bySector: result.bySector,
      linesWithoutItem: result.linesWithoutItem,
      unconvertedVnd: result.unconvertedVnd,
      unconverted: result.unconverted,
    }),
  );
}

/** The summary's paragraph, then a line per sector with its sums in both currencies. */
function printText(result: StatutorySummary, lang: 'vi' | 'en'): void {
  out(result.paragraph);
  for (const row of result.bySector) {
    out(
      `  ${row.sector}: ${row.items} — ${formatAmount(row.committed.USD, 'USD', lang)} USD / ${formatAmount(row.committed.VND, 'VND', lang)} VND; ${formatAmount(row.disbursed.USD, 'USD', lang)} USD / ${formatAmount(row.disbursed.VND, 'VND', lang)} VND`,
    );
  }
}

export const summaryCommand = defineCommand({
  name: 'summary',
  options: { db: text, year: text, half: text, cutoff: text, json: flag, lang: text },
  usage: [
    'summary --db FILE --year YYYY [--half H1|H2] [--cutoff calendar|statutory] [--json] [--lang vi|en]',
    `${DESCRIPTION}số khoản viện trợ, tổ chức, cam kết và giải ngân / items, NGOs, committed, disbursed`,
  ],
  async run({ values }) {
    const year = Number(values.year);
    if (!values.year || !/^\d{4}$/.test(values.year)) throw new UsageError('Thiếu --year YYYY / Missing --year YYYY');
    const half = values.half?.toUpperCase();
    if (half !== undefined && half !== 'H1' && half !== 'H2') throw new UsageError('--half phải là / must be: H1|H2');
    const lang = values.lang === 'en' ? 'en' : 'vi';
    const cutoff = cutoffOf(values);
    const result = await withLedger(
      requireDb(values),
      false,
      undefined,
      (ledger) =>
        createLedgerService(ledger).invoke('items.summary', {
          year,
          ...(half ? { half } : {}),
          ...(cutoff ? { cutoff } : {}),
          lang,
        }),
      'read',
    );
    if (values.json) printJson(result);
    else printText(result, lang);
    return 0;
  },
});
