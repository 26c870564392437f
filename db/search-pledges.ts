/**
 * The pledges a search finds, as the ledger's text filter finds them (every word in the pledge's search text), the
 * newest first, and how many there are up to `SEARCH_COUNT_CAP` — bounded in the work it asks of a national ledger
 * whatever the words. Words many pledges hold are met at once walking the pledges from the newest (the date index):
 * a window of the newest is read first, and when it holds a page's worth, that is the page (no older pledge comes
 * before them), and a larger window counts them. Rarer words are found through the trigram index (`textParts`), which
 * answers them quickly, and counted through it, each part of the search (disjoint) stopping at the cap.
 */
import { sql } from 'kysely';
import { type PledgeRow, SEARCH_COUNT_CAP } from '../contract';
import { escapeLike } from '../contract/text';
import type { Ctx } from './core/context';
import { readRows } from './core/statements';
import { whereClause } from './pledges/filter';
import { listPledges } from './pledges/ledger';
import { DONOR_JOIN, fromRaw, PLACE_JOIN, ROW_COLUMNS, type RawRow } from './pledges/rows';
import { textParts } from './search';

/** The newest pledges read for a page before the trigram index is asked. */
const PAGE_WINDOW = 5_000;
/** The newest pledges read to count words that many pledges hold, before the trigram index is asked. */
const COUNT_WINDOW = 50_000;

export interface MatchingPledges {
  /** The newest first, at most the limit. */
  rows: PledgeRow[];
  total: number;
  /** More than `total` (the cap) match. */
  more: boolean;
}

/** The newest `n` pledges, in the ledger's order, with their search text (`s`). */
const newest = (n: number) =>
  sql`(SELECT p.rowid AS rid, p.search_text FROM pledges p ORDER BY p.pledge_date DESC, p.rowid DESC LIMIT ${n}) s`;

export async function matchingPledges(
  ctx: Ctx,
  text: string,
  words: string[],
  limit: number,
): Promise<MatchingPledges> {
  const every = sql.join(
    words.map((w) => sql`s.search_text LIKE ${`%${escapeLike(w)}%`} ESCAPE '\\'`),
    sql` AND `,
  );
  const recent = readRows<{ rid: number }>(
    ctx,
    sql`SELECT rid FROM ${newest(PAGE_WINDOW)} WHERE ${every} LIMIT ${limit}`,
  );
  if (recent.length < limit) {
    const page = await listPledges(ctx, {
      filter: { text },
      sort: { by: 'pledgeDate', dir: 'desc' },
      page: { offset: 0, limit },
      withTotal: false,
    });
    return page.rows.length
      ? { rows: page.rows, ...(await countByIndex(ctx, text)) }
      : { rows: [], total: 0, more: false };
  }
  const rows = pledgeRows(
    ctx,
    recent.map((r) => r.rid),
  );
  const inWindow =
    readRows<{ n: number }>(
      ctx,
      sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${newest(COUNT_WINDOW)} WHERE ${every} LIMIT ${SEARCH_COUNT_CAP + 1})`,
    )[0]?.n ?? 0;
  if (inWindow > SEARCH_COUNT_CAP) return { rows, total: SEARCH_COUNT_CAP, more: true };
  // The window held every pledge: its count is the count.
  const ledgerFits =
    (readRows<{ n: number }>(ctx, sql`SELECT count(*) AS n FROM (SELECT 1 FROM pledges LIMIT ${COUNT_WINDOW + 1})`)[0]
      ?.n ?? 0) <= COUNT_WINDOW;
  return ledgerFits ? { rows, total: inWindow, more: false } : { rows, ...(await countByIndex(ctx, text)) };
}

/** Pledges counted through the search's parts (`textParts`), each stopping at the cap. */
async function countByIndex(ctx: Ctx, text: string): Promise<{ total: number; more: boolean }> {
  const parts = (await textParts(ctx, text)) ?? [[]];
  let counted = 0;
  for (const part of parts) {
    if (counted > SEARCH_COUNT_CAP) break;
    counted +=
      readRows<{ n: number }>(
        ctx,
        sql`SELECT count(*) AS n FROM (SELECT 1 FROM pledges p ${whereClause(part)} LIMIT ${SEARCH_COUNT_CAP + 1 - counted})`,
      )[0]?.n ?? 0;
  }
  return { total: Math.min(counted, SEARCH_COUNT_CAP), more: counted > SEARCH_COUNT_CAP };
}

/** The ledger's rows of these pledges, in the order given. */
function pledgeRows(ctx: Ctx, rowids: number[]): PledgeRow[] {
  const rows = readRows<RawRow & { rid: number }>(
    ctx,
    sql`SELECT p.rowid AS rid, ${ROW_COLUMNS} FROM pledges p ${DONOR_JOIN} ${PLACE_JOIN}
      WHERE p.rowid IN (SELECT value FROM json_each(${JSON.stringify(rowids)}))`,
  );
  const byRowid = new Map(rows.map((r) => [r.rid, fromRaw(r)]));
  return rowids.flatMap((rid) => byRowid.get(rid) ?? []);
}
