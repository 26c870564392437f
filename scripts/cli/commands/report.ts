import { parsePeriod } from '../../../db/reports/period';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { ITEM_SCOPE_OPTIONS, itemScopeOf, text } from '../options';
import { out, writeOutputFile } from '../output';

/** The one period given, by --quarter, --half or --year, checked for its form. */
function periodOf(values: { quarter?: string | undefined; half?: string | undefined; year?: string | undefined }) {
  const periods = [values.quarter, values.half, values.year].filter(Boolean) as string[];
  if (periods.length !== 1)
    throw new UsageError(
      'Chọn đúng một kỳ: --quarter 2022-Q3 | --half 2022-H2 | --year 2022 / Give exactly one period',
    );
  const period = periods[0]!;
  const ok = values.quarter ? /^\d{4}-Q[1-4]$/i : values.half ? /^\d{4}-H[12]$/i : /^\d{4}$/;
  if (!ok.test(period)) throw new UsageError(`Kỳ báo cáo không hợp lệ / Invalid period: ${period}`);
  return period;
}

export const reportCommand = defineCommand({
  name: 'report',
  options: {
    db: text,
    quarter: text,
    half: text,
    year: text,
    place: text,
    'units-of': text,
    ...ITEM_SCOPE_OPTIONS,
    out: text,
  },
  usage: [
    'report --db FILE (--quarter 2022-Q3 | --half 2022-H2 | --year 2022) [--place CODE_OR_NAME] [--units-of YYYY-MM-DD]',
    '       [--sector S] [--modality M] [--stage S] --out FILE.xlsx',
    `${DESCRIPTION}báo cáo Excel theo mẫu (chỉ các khoản viện trợ đã chọn, nếu có)`,
    `${DESCRIPTION}/ the Excel report (of the chosen aid items only, if any)`,
  ],
  async run({ values }) {
    const period = periodOf(values);
    if (!values.out) throw new UsageError('Thiếu --out FILE.xlsx / Missing --out FILE.xlsx');
    const outFile = values.out;
    const written = await withLedger(requireDb(values), false, undefined, async (ledger) => {
      // A place named as it was at the period's end: "Bảo Lạc" in a 2022 report is the district of that time.
      // In today's units, a place named as it is on that date.
      const unitsOf = values['units-of'];
      const placeId = values.place
        ? await placeIdOf(ledger, values.place, unitsOf ?? parsePeriod(period).to)
        : undefined;
      const file = await createLedgerService(ledger).invoke('reports.xlsx', {
        period,
        ...(placeId ? { placeId } : {}),
        ...(unitsOf ? { unitsOf } : {}),
        ...itemScopeOf(values),
      });
      writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
      return file;
    });
    out(`Đã ghi báo cáo ${outFile} / Report written: ${outFile} (${written.fileName})`);
    return 0;
  },
});
