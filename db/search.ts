/** The folded search column of pledges, kept in step by the same transaction as every write that changes its words. */
import { sql } from 'kysely';
import type { Ctx } from './context';

/** The folded words a pledge is found by: its own text, its donor's names and country, and its place's name. */
const PLEDGE_SEARCH_TEXT = sql`fold_text(
  coalesce(pledges.description, '') || ' ' || coalesce(pledges.unit, '') || ' ' || coalesce(pledges.notes, '') || ' ' ||
  coalesce(pledges.approval_number, '') || ' ' ||
  coalesce((SELECT d.name || ' ' || coalesce(d.short_name, '') || ' ' || coalesce(d.country, '') FROM donors d WHERE d.id = pledges.donor_id), '') || ' ' ||
  coalesce((SELECT pl.name FROM places pl WHERE pl.id = pledges.place_id), ''))`;

const COLUMNS = { pledge: 'id', donor: 'donor_id', place: 'place_id' } as const;

/** Recomputes the search text of one pledge, or of every pledge of a donor or place. */
export async function refreshSearchText(ctx: Ctx, scope: keyof typeof COLUMNS, id: string): Promise<void> {
  await sql`UPDATE pledges SET search_text = ${PLEDGE_SEARCH_TEXT} WHERE ${sql.raw(COLUMNS[scope])} = ${id}`.execute(ctx.db);
}
