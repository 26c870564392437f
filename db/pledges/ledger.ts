/** The ledger's list of pledges: a page of rows in the chosen order, how many match, and what they add up to. */
import { sql, type RawBuilder } from 'kysely';
import type { ParsedInput, PledgeList } from '../../contract';
import { readRows } from '../core/statements';
import type { Ctx } from '../core/context';
import { textParts } from '../search';
import { countFromTotals } from '../totals';
import { filterConditions, whereClause } from './filter';
import { DONOR_JOIN, fromRaw, PLACE_JOIN, ROW_COLUMNS, type RawRow } from './rows';

export { summarizePledges } from './summary';

const SORT_COLUMNS = {
  pledgeDate: 'p.pledge_date',
  vndEquivalent: 'p.vnd_equivalent',
  donor: 'd.name_key',
  place: 'pl.name_folded',
  kind: 'p.kind',
  status: 'p.status',
  updatedAt: 'p.updated_at',
} as const;

/** The joins a sort needs to reach its key before the page's rows are read in full. */
const SORT_JOINS: Partial<Record<keyof typeof SORT_COLUMNS, RawBuilder<unknown>>> = {
  donor: DONOR_JOIN,
  place: PLACE_JOIN,
};

/** Past this offset, counting first is cheap next to walking the index, and may let us walk it from the other end. */
const FAR_OFFSET = 20_000;

export async function listPledges(ctx: Ctx, input: ParsedInput<'pledges.list'>): Promise<PledgeList> {
  const filters = filterConditions(input.filter);
  // One branch per part of the search (one in all without words); the parts are disjoint, so their rows add up.
  const branches = ((await textParts(ctx, input.filter.text)) ?? [[]]).map((part) =>
    whereClause([...filters, ...part]),
  );
  const { offset, limit } = input.page;
  const countRows = async () =>
    (await countFromTotals(ctx, input.filter)) ??
    readRows<{ n: number | null }>(
      ctx,
      sql`SELECT sum(n) AS n FROM (${sql.join(
        branches.map((where) => sql`SELECT count(*) AS n FROM pledges p ${where}`),
        sql` UNION ALL `,
      )})`,
    )[0]?.n ??
    0;
  const counted = offset > FAR_OFFSET ? await countRows() : null;
  // A page near the end is read in the opposite order from the end, so the last page is as quick as the first.
  const fromEnd = counted !== null && offset > counted / 2;
  const asc = (input.sort.dir === 'asc') !== fromEnd;
  const dir = sql.raw(asc ? 'ASC' : 'DESC');
  const column = sql.raw(SORT_COLUMNS[input.sort.by]);
  const start = fromEnd ? Math.max(0, counted - offset - limit) : offset;
  const take = fromEnd ? Math.max(0, Math.min(limit, counted - offset)) : limit;
  // The page is chosen on the sort key alone (ties in the order rows were stored); only its rows are then read in
  // full, with their delivered sums, instead of every matching row.
  const joins = SORT_JOINS[input.sort.by] ?? sql``;
  // One branch is ordered in place, so an index on the sort key gives the page without reading the rest; several are
  // ordered together.
  const page =
    branches.length === 1
      ? sql`SELECT p.rowid AS page_rowid FROM pledges p ${joins} ${branches[0]!} ORDER BY ${column} ${dir}, p.rowid ${dir} LIMIT ${take} OFFSET ${start}`
      : sql`SELECT page_rowid FROM (${sql.join(
          branches.map(
            (where) => sql`SELECT p.rowid AS page_rowid, ${column} AS sort_key FROM pledges p ${joins} ${where}`,
          ),
          sql` UNION ALL `,
        )}) ORDER BY sort_key ${dir}, page_rowid ${dir} LIMIT ${take} OFFSET ${start}`;
  // The page drives (CROSS JOIN keeps it first): otherwise the planner may walk every pledge in the sort key's
  // index to meet the ORDER BY, and look each up in the page.
  const rows = readRows<RawRow>(
    ctx,
    sql`WITH page AS (${page})
    SELECT ${ROW_COLUMNS} FROM page CROSS JOIN pledges p ON p.rowid = page.page_rowid ${DONOR_JOIN} ${PLACE_JOIN}
    ORDER BY ${column} ${dir}, p.rowid ${dir}`,
  ).map(fromRaw);
  if (fromEnd) rows.reverse();
  if (!input.withTotal) return { rows, total: null };
  // A first page that is not full holds every matching row.
  return { rows, total: counted ?? (offset === 0 && rows.length < take ? rows.length : await countRows()) };
}
