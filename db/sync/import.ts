/**
 * Merging a bundle: its rows, then its deletions, then donors entered twice made one, the search words and the
 * history; the totals are folded once, in bulk, at the end. A bundle that would leave the ledger broken is refused.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { BundleMerge, MergeCounts } from '../../contract';
import { prepared } from '../core/statements';
import { savepointIf } from '../core/undo';
import type { Ctx } from '../core/context';
import { settleDonorMerges } from '../donors';
import { refreshSearchText, setSearchTextOf } from '../search';
import { withTotalsDeferred } from '../totals-bulk';
import { type Bundle, refuse, type Row, type Table } from './contents';
import { logSync } from './log';
import { mergeDeletions } from './merge-deletions';
import { checkSumsAfterMerge } from '../pledges/sums';
import { mergeRecords } from './merge-records';
import { readBundle } from './read';
import {
  bundleMerge,
  newReceipt,
  type Receipt,
  refuseUnconfirmedDeletions,
  writeReceivedHistory,
} from './received/receipt';
import { brokenReferences, placeUnderItself } from './references';
import { vetProvince } from './vet/province';
import { vetScope } from './vet/scope';
import { vetSender } from './vet/sender';
import { vetClock } from './vet/clock';
import { vetRules } from './vet/rules';

export type { BundleMerge, MergeCounts };

/**
 * Applies a bundle; with dryRun the same work is done and rolled back, so the preview is exact. Deletions that need
 * the user's confirmation refuse the bundle (nothing written) unless `allowDeletions`; a preview lists them.
 */
export async function importBundle(ctx: Ctx, bytes: Buffer, options: BundleImportOptions = {}): Promise<BundleMerge> {
  const isolated = options.isolated ?? true;
  if (options.dryRun && !isolated) throw new Error('a check of a bundle is rolled back in its own savepoint');
  // Who sent it, and whether it may change what it carries; then its clock, and every record against the forms' rules:
  // all refused whole, before anything is written.
  const { bundle, signer } = await readBundle(ctx, bytes, options);
  vetSender(ctx, bundle, signer);
  const from = await vetProvince(ctx, bundle, signer);
  options.from?.({ office: signer.name, province: from.province });
  if (from.refusal) throw from.refusal;
  vetScope(ctx, bundle, signer);
  const sender = { id: signer.siteId, name: signer.name };
  vetClock(bundle, sender, Date.parse(ctx.now));
  vetRules(ctx, bundle, sender);
  const counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0, conflicts: 0, deleted: 0, donorsMerged: 0 };
  const receipt = newReceipt(ctx, signer, bytes);
  const start = savepointIf(ctx, 'bundle_import', isolated);
  // Rows may point at rows later in the bundle (a donor merged into another); references are checked at the end.
  await sql`PRAGMA defer_foreign_keys = ON`.execute(ctx.db);
  ctx.tracking.applying = true;
  try {
    await withTotalsDeferred(ctx.sqlite, ctx.tracking, () =>
      mergeBundle(ctx, bundle, counts, receipt, options.fileName ?? ''),
    );
    if (!options.dryRun && !options.allowDeletions) refuseUnconfirmedDeletions(receipt);
  } catch (error) {
    ctx.tracking.applying = false;
    await start.undo();
    await start.keep();
    throw error;
  }
  ctx.tracking.applying = false;
  if (options.dryRun) await start.undo();
  else await logSync(ctx, 'import', bundle.site, options.fileName ?? '', counts, receipt);
  await start.keep();
  return bundleMerge(counts, receipt);
}

export interface BundleImportOptions {
  /** Merge, count, and roll back. */
  dryRun?: boolean;
  fileName?: string;
  /** The user confirmed the bundle's deletions (see `deletionsNeedConfirmation`). */
  allowDeletions?: boolean;
  /**
   * In a savepoint of its own (the default), so that a bundle refused halfway leaves nothing. False: the caller rolls
   * back everything itself if the bundle is refused (a quarter's pass, see `importFiles`).
   */
  isolated?: boolean;
  /** Take a bundle of an earlier release (unsigned) from an office recorded as on that release. */
  acceptUnsigned?: boolean;
  /** Told, once its signature is checked, who sent the bundle and the province of its ledger (refused or not). */
  from?: (from: { office: string; province: string | null }) => void;
}

/** The history columns a bundle's entries may carry (others, from newer releases, are left out). */
const AUDIT_COLUMNS = [
  'id',
  'at',
  'site_id',
  'action',
  'entity',
  'entity_id',
  'parent_id',
  'before',
  'after',
  'note',
  'user_name',
  'site_name',
];

/** Writes a bundle's rows, deletions and audit entries into the ledger, counting what happened. */
async function mergeBundle(
  ctx: Ctx,
  bundle: Bundle,
  counts: MergeCounts,
  receipt: Receipt,
  fileName: string,
): Promise<void> {
  const { written, touchedPledges, renamed } = await mergeRecords(ctx, bundle, counts, receipt);
  const deletedIds = await mergeDeletions(ctx, bundle, counts, receipt);
  observeVersions(ctx, bundle);
  // Donors entered twice under one name at different offices become one, as a local edit every office repeats alike.
  ctx.tracking.applying = false;
  counts.donorsMerged = await settleDonorMerges(ctx);
  ctx.tracking.applying = true;
  await setSearchTextOf(ctx, touchedPledges);
  for (const [scope, id] of renamed) await refreshSearchText(ctx, scope, id);
  await takeDepartmentName(ctx, bundle);
  writeAudit(ctx, bundle.audit ?? []);
  writeReceivedHistory(receipt);
  refuseBrokenLedger(ctx, written, deletedIds);
  await checkSumsAfterMerge(ctx, fileName, touchedPledges);
}

/**
 * The next local edit (a donor merge below, or any later one) orders after every version the bundle brought, none far
 * ahead (`vetClock`). Undone with the merge when it is previewed, refused or rolled back (`db/core/undo.ts`).
 */
function observeVersions(ctx: Ctx, bundle: Bundle): void {
  for (const rows of Object.values(bundle.records)) for (const row of rows) ctx.tracking.clock.observe(row.version);
  for (const tomb of bundle.tombstones) ctx.tracking.clock.observe(tomb.version);
}

/** A district takes the province's department name for its reports. */
async function takeDepartmentName(ctx: Ctx, bundle: Bundle): Promise<void> {
  const ownRole = (await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'site.role'`.execute(ctx.db))
    .rows[0]?.value;
  if (bundle.reference?.departmentName && ownRole === 'district') {
    await sql`INSERT INTO settings (key, value, updated_at) VALUES ('department.name', ${bundle.reference.departmentName}, ${ctx.now})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(ctx.db);
  }
}

function writeAudit(ctx: Ctx, audit: Record<string, unknown>[]): void {
  // Entries of one release hold the same columns: one statement for all of them, looked up once per set of columns.
  const inserts = new Map<string, { columns: string[]; insert: BetterSqlite3.Statement }>();
  for (const entry of audit) {
    // The person and installation name come with entries from installations that know them (and are absent before).
    const columns = AUDIT_COLUMNS.filter((c) => Object.hasOwn(entry, c));
    if (!columns.length) continue;
    const key = columns.join(', ');
    let write = inserts.get(key);
    if (!write) {
      const text = `INSERT OR IGNORE INTO audit_log (${key}) VALUES (${columns.map(() => '?').join(', ')})`;
      write = { columns, insert: prepared(ctx.sqlite, text) };
      inserts.set(key, write);
    }
    write.insert.run(...write.columns.map((c) => entry[c] as never));
  }
}

/** Refuses the bundle if the merge left rows pointing at nothing or a place under itself. */
function refuseBrokenLedger(ctx: Ctx, written: Map<Table, Row[]>, deletedIds: Map<Table, string[]>): void {
  const broken = brokenReferences(ctx, written, deletedIds);
  if (broken) {
    throw refuse(
      `gói tham chiếu tới danh mục (địa bàn, nhà tài trợ) chưa có ở đây (${broken} bản ghi); hãy nhập gói danh mục của tỉnh trước`,
      `it refers to places or donors this ledger does not have (${broken} rows); import the province's reference bundle first`,
    );
  }
  const looped = placeUnderItself(ctx, written.get('places') ?? []);
  if (looped) {
    throw refuse(
      `địa bàn "${looped}" sẽ nằm dưới chính nó (các đơn vị cấp trên tạo thành vòng lặp); hãy sửa đơn vị cấp trên ở nơi gửi rồi gửi lại`,
      `the place "${looped}" would lie under itself (its parent units form a loop); fix the parent unit where the bundle was made and send it again`,
    );
  }
}
