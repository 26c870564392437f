/**
 * The report's rows. Queries gather per-group sums; `assembleReport` (pure) turns them into the rows every
 * consumer uses: the in-app preview, the Excel writer and the tests. Figures are VND integers; totals are the
 * sums of the rows.
 */
import type { ParsedInput, Report } from '../../contract';
import type { Ctx } from '../core/context';
import { normalScope } from '../items/scope';
import { statutoryReport } from '../items/summary';
import { registryReportPart } from '../ngo/io-register';
import { refusingOverflow } from '../pledges/sums';
import { assembleReport } from './rows/assemble';
import { gatherReport } from './rows/gather';

/** Every figure exact, or the report refused: a sum past the exact range is never rounded into a cell. */
export function buildReport(ctx: Ctx, input: ParsedInput<'reports.preview'>, changesAfter?: string): Promise<Report> {
  return refusingOverflow(() => reportOf(ctx, input, changesAfter));
}

async function reportOf(ctx: Ctx, input: ParsedInput<'reports.preview'>, changesAfter?: string): Promise<Report> {
  const report = assembleReport(await gatherReport(ctx, input, changesAfter), input.lang);
  // The 6-month and annual report of the whole province also gives its aid items, as the decrees ask.
  const { kind, key } = report.period;
  if (kind === 'quarter' || !report.wholeProvince) return { ...report, statutory: null };
  const half = kind === 'half' ? (key.slice(5) as 'H1' | 'H2') : undefined;
  const statutory = await statutoryReport(
    ctx,
    Number(key.slice(0, 4)),
    half,
    input.lang,
    normalScope(input),
    report.period.cutoff,
  );
  // The NGOs registered for the province, on a sheet of their own, and counted in the paragraph.
  const ngos = await registryReportPart(ctx, statutory.summary.period, input.lang);
  const paragraph = `${statutory.summary.paragraph} ${ngos.sentence}`;
  return { ...report, statutory: { ...statutory, summary: { ...statutory.summary, paragraph }, ngos } };
}
