/**
 * Reports as sent. Every workbook saved is kept in the ledger — its period, place, time, who made it, its totals and
 * the file itself — so the report a ministry received can be opened again exactly as it was sent. A report made again
 * for a period already reported tells what changed in that period's pledges since: added, amended, deleted.
 */
import { sql } from 'kysely';
import {
  AUTO_STATUS_NOTE,
  type ExcelFile,
  type ParsedInput,
  type PledgeChangedSince,
  type Report,
  type SentReport,
  type SinceLastReport,
} from '../../contract';
import { LedgerError } from '../../contract/errors';
import type { ItemScope } from '../../contract/items';
import type { ReportCutoff } from '../../contract/reports';
import type { Ctx } from '../core/context';
import { itemsInScope, normalScope } from '../items/scope';
import { placesUnder } from '../pledges/filter';
import type { ReportsSentTable } from '../core/schema';
import { buildReport } from './build';
import { reportFileName, writeReport } from './excel';
import { reportForm } from './form';
import { parsePeriod } from './period';
import { cutoffOf } from './rules';

type SentRow = Omit<ReportsSentTable, 'file'>;

function fromRow(row: SentRow): SentReport {
  const totals = JSON.parse(row.totals) as { pledgedVnd: number; deliveredVnd: number; unconvertedLines?: number };
  return {
    id: row.id,
    period: row.period,
    cutoff: row.cutoff === 'statutory' ? 'statutory' : 'calendar',
    placeId: row.placeId,
    placeName: row.placeName ?? '',
    madeAt: row.madeAt,
    userName: row.userName,
    siteName: row.siteName,
    fileName: row.fileName,
    pledgedVnd: totals.pledgedVnd,
    deliveredVnd: totals.deliveredVnd,
    pledgeCount: row.pledgeCount,
    itemScope: row.itemScope ? (JSON.parse(row.itemScope) as ItemScope) : null,
    unconvertedLines: totals.unconvertedLines ?? 0,
  };
}

const SENT_COLUMNS = [
  'id',
  'period',
  'placeId',
  'placeName',
  'madeAt',
  'userName',
  'siteName',
  'fileName',
  'totals',
  'pledgeCount',
  'itemScope',
  'cutoff',
] as const;

/** The workbook of a period and place, written in Vietnamese (the document sent), and kept in the list. */
export async function saveReport(
  ctx: Ctx,
  input: ParsedInput<'reports.xlsx'>,
): Promise<ExcelFile & { sent: SentReport }> {
  const scope = normalScope(input);
  const cutoff = await cutoffOf(ctx, input.cutoff);
  const since =
    input.changes === 'sinceLastReport'
      ? await lastSentReport(ctx, input.period, cutoff, input.placeId ?? null, scope)
      : null;
  const report = await buildReport(ctx, { ...input, cutoff, lang: 'vi' }, since?.madeAt);
  const bytes = await writeReport(report, await reportForm(ctx, input, report.period.kind, report.dated));
  const fileName = reportFileName(report);
  const row: ReportsSentTable = {
    id: ctx.newId(),
    period: report.period.key,
    placeId: input.placeId ?? null,
    placeName: input.placeId ? report.placeName : '',
    madeAt: ctx.now,
    userName: ctx.site.userName || null,
    siteName: ctx.site.name,
    fileName,
    // A report written with lines its USD figures leave out (no USD rate for their dates) says so in the list.
    totals: JSON.stringify({ ...report.summaryTotal, unconvertedLines: unconvertedLines(report) }),
    pledgeCount: report.pledges.length,
    file: bytes,
    itemScope: scope ? JSON.stringify(scope) : null,
    cutoff,
  };
  await ctx.db.insertInto('reportsSent').values(row).execute();
  return { fileName, base64: bytes.toString('base64'), sent: fromRow(row) };
}

function unconvertedLines(report: Report): number {
  const u = report.statutory?.summary.unconverted;
  return u ? u.pledgeCount + u.deliveryCount : 0;
}

export async function listSentReports(ctx: Ctx, input: ParsedInput<'reports.list'>): Promise<SentReport[]> {
  let query = ctx.db
    .selectFrom('reportsSent')
    .select([...SENT_COLUMNS])
    .orderBy('madeAt', 'desc')
    .orderBy('id');
  if (input.period) query = query.where('period', '=', parsePeriod(input.period).key);
  return (await query.execute()).map(fromRow);
}

export async function sentReportFile(ctx: Ctx, input: ParsedInput<'reports.file'>): Promise<ExcelFile> {
  const row = await ctx.db
    .selectFrom('reportsSent')
    .select(['fileName', 'file'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!row)
    throw new LedgerError('not_found', { vi: 'Không tìm thấy báo cáo đã gửi này', en: 'No such report sent' }, 'id');
  return { fileName: row.fileName, base64: Buffer.from(row.file).toString('base64') };
}

/**
 * The latest report sent for a period and rule, place (the province as a whole when no place) and scope of aid items
 * (every line when none): a report of the health sector is compared only with earlier ones of the health sector, one
 * cut by Decree 09's 15th–14th only with earlier ones cut so.
 */
export async function lastSentReport(
  ctx: Ctx,
  period: string,
  cutoff: ReportCutoff,
  placeId: string | null,
  scope: ItemScope | null,
): Promise<SentReport | null> {
  let query = ctx.db
    .selectFrom('reportsSent')
    .select([...SENT_COLUMNS])
    .where('period', '=', parsePeriod(period).key)
    .where('cutoff', '=', cutoff);
  query = placeId ? query.where('placeId', '=', placeId) : query.where('placeId', 'is', null);
  query = scope ? query.where('itemScope', '=', JSON.stringify(scope)) : query.where('itemScope', 'is', null);
  const row = await query.orderBy('madeAt', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return row ? fromRow(row) : null;
}

interface AuditRow {
  entityId: string;
  action: 'create' | 'update' | 'delete';
  at: string;
  before: string | null;
  after: string | null;
  userName: string | null;
  siteName: string | null;
}

/**
 * The period's pledges touched since a report was sent, each once: added (even if amended since), deleted (unless
 * it was also added since, and so never reported), or else amended. A status the ledger moved itself is no amendment.
 */
export async function changedSince(ctx: Ctx, sent: SentReport): Promise<SinceLastReport> {
  const period = parsePeriod(sent.period, sent.cutoff);
  const row = sql`coalesce(a.after, a.before)`;
  const items = sent.itemScope ? itemsInScope(sent.itemScope) : null;
  const rows = await sql<AuditRow>`
    SELECT a.entity_id, a.action, a.at, a.before, a.after, a.user_name, a.site_name FROM audit_log a
    WHERE a.entity = 'pledge' AND a.at > ${sent.madeAt} AND a.note IS NOT ${AUTO_STATUS_NOTE}
      AND json_extract(${row}, '$.pledgeDate') BETWEEN ${period.from} AND ${period.to}
      ${sent.placeId ? sql`AND json_extract(${row}, '$.placeId') IN ${placesUnder(sent.placeId)}` : sql``}
      ${items ? sql`AND json_extract(${row}, '$.itemId') IN ${items}` : sql``}
    ORDER BY a.rowid`.execute(ctx.db);
  const donors = new Map(
    (await ctx.db.selectFrom('donors').select(['id', 'name']).execute()).map((d) => [d.id, d.name]),
  );
  const touched = new Map<string, { first: AuditRow; last: AuditRow; created: boolean; deleted: boolean }>();
  for (const r of rows.rows) {
    const seen = touched.get(r.entityId) ?? { first: r, last: r, created: false, deleted: false };
    seen.last = r;
    if (r.action === 'create') seen.created = true;
    if (r.action === 'delete') seen.deleted = true;
    touched.set(r.entityId, seen);
  }
  const entry = (id: string, r: AuditRow): PledgeChangedSince => {
    const pledge = JSON.parse((r.after ?? r.before)!) as {
      pledgeDate: string;
      donorId: string;
      description: string;
      vndEquivalent: number;
    };
    return {
      id,
      at: r.at,
      pledgeDate: pledge.pledgeDate,
      donor: donors.get(pledge.donorId) ?? '',
      description: pledge.description,
      vnd: pledge.vndEquivalent,
      by: r.userName ? `${r.userName} — ${r.siteName ?? ''}` : (r.siteName ?? ''),
    };
  };
  const result: SinceLastReport = { report: sent, added: [], amended: [], deleted: [] };
  for (const [id, seen] of touched) {
    if (seen.created && seen.deleted) continue;
    if (seen.created) result.added.push(entry(id, seen.last));
    else if (seen.deleted) result.deleted.push(entry(id, seen.last));
    else result.amended.push(entry(id, seen.last));
  }
  return result;
}

/** The preview, with what changed since the period's last report sent. */
export async function previewReport(
  ctx: Ctx,
  input: ParsedInput<'reports.preview'>,
): Promise<Report & { sinceLast: SinceLastReport | null }> {
  const cutoff = await cutoffOf(ctx, input.cutoff);
  const sent = await lastSentReport(ctx, input.period, cutoff, input.placeId ?? null, normalScope(input));
  const report = await buildReport(
    ctx,
    { ...input, cutoff },
    input.changes === 'sinceLastReport' ? sent?.madeAt : undefined,
  );
  return { ...report, sinceLast: sent ? await changedSince(ctx, sent) : null };
}
