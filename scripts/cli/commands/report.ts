import { periodDatesLine } from '../../../contract/reports';
import { parsePeriod } from '../../../db/reports/period';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { ITEM_SCOPE_OPTIONS, itemScopeOf, text } from '../options';
import { out, writeOutputFile } from '../output';
import { CUTOFF_USAGE, cutoffOf, PERIOD_OPTIONS, periodOf } from '../period';

export const reportCommand = defineCommand({
  name: 'report',
  options: {
    db: text,
    ...PERIOD_OPTIONS,
    place: text,
    'units-of': text,
    ...ITEM_SCOPE_OPTIONS,
    number: text,
    to: text,
    out: text,
  },
  usage: [
    'report --db FILE (--quarter 2022-Q3 | --half 2022-H2 | --year 2022) [--cutoff calendar|statutory]',
    '       [--place CODE_OR_NAME] [--units-of YYYY-MM-DD] [--sector S] [--modality M] [--stage S]',
    '       [--number N] [--to "Kính gửi…"] --out FILE.xlsx',
    `${DESCRIPTION}báo cáo Excel theo mẫu (chỉ các khoản viện trợ đã chọn, nếu có)`,
    `${DESCRIPTION}/ the Excel report (of the chosen aid items only, if any)`,
    `${DESCRIPTION}${CUTOFF_USAGE}`,
    `${DESCRIPTION}--number: số văn bản (mặc định: số tiếp theo của năm) / the document number (default: the next of the year)`,
    `${DESCRIPTION}--to: nơi nhận "Kính gửi", mỗi nơi một dòng (mặc định: Cài đặt) / the addressees, one a line (default: Cài đặt)`,
  ],
  async run({ values }) {
    const period = periodOf(values)!;
    const cutoff = cutoffOf(values);
    if (!values.out) throw new UsageError('Thiếu --out FILE.xlsx / Missing --out FILE.xlsx');
    const documentNumber = values.number === undefined ? undefined : Number(values.number);
    if (documentNumber !== undefined && !(/^\d{1,5}$/.test(values.number!) && documentNumber >= 1))
      throw new UsageError(`--number phải là số từ 1 đến 99999 / --number must be 1 to 99999: ${values.number}`);
    const outFile = values.out;
    const written = await withLedger(requireDb(values), false, undefined, async (ledger) => {
      // A place named as it was at the period's end: "Bảo Lạc" in a 2022 report is the district of that time.
      // In today's units, a place named as it is on that date.
      const unitsOf = values['units-of'];
      const service = createLedgerService(ledger);
      const rule = cutoff ?? (await service.invoke('settings.get', {})).reportCutoff;
      const placeId = values.place
        ? await placeIdOf(ledger, values.place, unitsOf ?? parsePeriod(period, rule).to)
        : undefined;
      const file = await service.invoke('reports.xlsx', {
        period,
        cutoff: rule,
        ...(placeId ? { placeId } : {}),
        ...(unitsOf ? { unitsOf } : {}),
        ...itemScopeOf(values),
        ...(documentNumber ? { documentNumber } : {}),
        ...(values.to ? { addressee: values.to.replaceAll('\\n', '\n') } : {}),
      });
      writeOutputFile(outFile, Buffer.from(file.base64, 'base64'));
      return { fileName: file.fileName, period: parsePeriod(period, rule) };
    });
    const { from, to } = written.period;
    out(
      `Đã ghi báo cáo ${outFile} / Report written: ${outFile} (${written.fileName}; ${periodDatesLine({ from, to }, 'vi')} / ${periodDatesLine({ from, to }, 'en')})`,
    );
    return 0;
  },
});
