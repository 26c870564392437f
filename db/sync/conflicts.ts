/**
 * How a received version relates to the one here (versions come from the hybrid logical clock, see `clock.ts`), and
 * the conflicts a merge keeps beside the ledger: two edits made without seeing each other, or an edit and a deletion.
 */
import { sql } from 'kysely';
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import { CATALOGUE_VERSIONS } from '../places/catalogue';
import { SEED_VERSION } from '../seed';
import type { Bundle, Row, Table, Tombstone } from './contents';
import { rowOf } from './rows';

const siteOfVersion = (version: string) => version.split('-').slice(2).join('-');

/** Whether a deletion had seen this version of the row: it deleted that version, or a later one from the same office. */
export function deletionSaw(tomb: Tombstone, row: Pick<Row, 'version'>): boolean {
  const base = tomb.base_version ?? '';
  if (!base || base === row.version) return true;
  return siteOfVersion(base) === siteOfVersion(row.version) && base > row.version;
}

const REFERENCE_VERSIONS = new Set<string>([SEED_VERSION, ...CATALOGUE_VERSIONS]);

type Relation = 'same' | 'theirs-newer' | 'ours-newer' | 'concurrent';

/** How a remote version relates to ours: the same, built on ours, ours built on it, or made without seeing each other. */
export function relate(
  ours: Pick<Row, 'version' | 'origin_site' | 'base_version'>,
  theirs: Pick<Row, 'version' | 'origin_site' | 'base_version'>,
): Relation {
  if (ours.version === theirs.version) return 'same';
  // Reference data as a release shipped it (the first releases' seed, then the official catalogue) is nobody's edit:
  // any later version of the record supersedes it. An office not yet upgraded sends its seeded districts; an upgraded
  // one has them as the catalogue's, and neither is a conflict.
  if (REFERENCE_VERSIONS.has(ours.version) && theirs.version > ours.version) return 'theirs-newer';
  if (REFERENCE_VERSIONS.has(theirs.version) && ours.version > theirs.version) return 'ours-newer';
  if (theirs.base_version === ours.version) return 'theirs-newer';
  if (ours.base_version === theirs.version) return 'ours-newer';
  if (ours.origin_site === theirs.origin_site) return theirs.version > ours.version ? 'theirs-newer' : 'ours-newer';
  return 'concurrent';
}

/** Columns that differ between two copies of the same content: when and where it was written. */
const BOOKKEEPING = new Set(['version', 'origin_site', 'base_version', 'updated_at', 'search_text']);

/** Two versions that say the same thing (two offices made the same change, such as merging the same donor). */
export function sameContent(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !BOOKKEEPING.has(k)));
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** Rows a conflict's other version needs to be put back (a delivery's pledge deleted here). */
export type ConflictContext = Partial<Record<Table, Row[]>>;

export async function recordConflict(
  ctx: Ctx,
  entity: string,
  id: string,
  kept: Row | null,
  other: Row | null,
  keptVersion: string,
  otherVersion: string,
  context?: ConflictContext,
): Promise<boolean> {
  // A version already set against this record is no new conflict when the same bundle comes again, even if the row
  // kept here has since changed version (a donor merge re-versions its pledges).
  if (
    prepared(
      ctx.sqlite,
      `SELECT 1 FROM sync_conflicts WHERE entity = ? AND record_id = ? AND other_version = ? LIMIT 1`,
    ).get(entity, id, otherVersion)
  )
    return false;
  const result =
    await sql`INSERT INTO sync_conflicts (id, entity, record_id, kept_version, other_version, kept, other, detected_at, context)
    VALUES (${ctx.newId()}, ${entity}, ${id}, ${keptVersion}, ${otherVersion}, ${kept ? JSON.stringify(kept) : null}, ${other ? JSON.stringify(other) : null}, ${ctx.now}, ${context ? JSON.stringify(context) : null})
    ON CONFLICT (entity, record_id, kept_version, other_version) DO NOTHING`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** What putting a delivery back needs besides itself: its pledge, as this bundle or this ledger last had it. */
export async function restoreContext(
  ctx: Ctx,
  bundle: Bundle,
  table: Table,
  row: Row,
): Promise<ConflictContext | undefined> {
  if (table !== 'deliveries') return undefined;
  const pledgeId = String(row.pledge_id);
  const pledge =
    (bundle.records.pledges ?? []).find((r) => r.id === pledgeId) ?? (await rowOf(ctx, 'pledges', pledgeId));
  if (!pledge) return undefined;
  const { search_text: _search, ...stored } = pledge;
  return { pledges: [stored as Row] };
}
