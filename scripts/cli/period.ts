/** The report period options: --quarter, --half or --year, and --cutoff (the rule its dates are cut by). */
import { REPORT_CUTOFFS, type ReportCutoff } from '../../contract/reports';
import { UsageError } from './args';
import { text } from './options';

export const PERIOD_OPTIONS = { quarter: text, half: text, year: text, cutoff: text };

interface PeriodValues {
  quarter?: string | undefined;
  half?: string | undefined;
  year?: string | undefined;
  cutoff?: string | undefined;
}

/** The one period given, by --quarter, --half or --year, checked for its form; none when `optional` and none given. */
export function periodOf(values: PeriodValues, optional = false): string | undefined {
  const periods = [values.quarter, values.half, values.year].filter(Boolean) as string[];
  if (optional && periods.length === 0) return undefined;
  if (periods.length !== 1)
    throw new UsageError(
      'Chọn đúng một kỳ: --quarter 2022-Q3 | --half 2022-H2 | --year 2022 / Give exactly one period',
    );
  const period = periods[0]!;
  const ok = values.quarter ? /^\d{4}-Q[1-4]$/i : values.half ? /^\d{4}-H[12]$/i : /^\d{4}$/;
  if (!ok.test(period)) throw new UsageError(`Kỳ báo cáo không hợp lệ / Invalid period: ${period}`);
  return period;
}

/** The rule --cutoff names (undefined: the department's, from Cài đặt). */
export function cutoffOf(values: PeriodValues): ReportCutoff | undefined {
  if (values.cutoff === undefined) return undefined;
  if (!(REPORT_CUTOFFS as readonly string[]).includes(values.cutoff))
    throw new UsageError(
      `--cutoff phải là calendar (kỳ dương lịch) hoặc statutory (chốt số liệu theo Nghị định 09/2019) / --cutoff must be calendar or statutory: ${values.cutoff}`,
    );
  return values.cutoff as ReportCutoff;
}

export const CUTOFF_USAGE =
  '--cutoff calendar|statutory: kỳ dương lịch hoặc chốt số liệu 15–14 theo Nghị định 09/2019 (mặc định: Cài đặt) / calendar dates or the Decree 09/2019 cut-off (default: the department setting)';
