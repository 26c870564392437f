/** The folded search column of pledges, kept in step by the same transaction as every write that changes its words. */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from './context';

/**
 * The folded words a pledge is found by: its own text, its place's name, and the names and country of its donor,
 * of the donor that one was merged into, and of the other donors merged into that one.
 */
const PLEDGE_SEARCH_TEXT = sql`fold_text(
  coalesce(pledges.description, '') || ' ' || coalesce(pledges.unit, '') || ' ' || coalesce(pledges.notes, '') || ' ' ||
  coalesce(pledges.approval_number, '') || ' ' ||
  coalesce((SELECT group_concat(d.name || ' ' || coalesce(d.short_name, '') || ' ' || coalesce(d.country, ''), ' ') FROM donors d
    WHERE d.id = pledges.donor_id OR d.id = own.merged_into OR d.merged_into = coalesce(own.merged_into, own.id)), '') || ' ' ||
  coalesce((SELECT pl.name FROM places pl WHERE pl.id = pledges.place_id), ''))`;

const SCOPES = {
  pledge: (id: string) => sql`pledges.id = ${id}`,
  // A donor's words are also in the pledges of donors merged into it.
  donor: (id: string) => sql`pledges.donor_id IN (SELECT m.id FROM donors m WHERE m.id = ${id} OR m.merged_into = ${id})`,
  place: (id: string) => sql`pledges.place_id = ${id}`,
};

/** Recomputes the search text of one pledge, or of every pledge of a donor or place. */
export async function refreshSearchText(ctx: Ctx, scope: keyof typeof SCOPES, id: string): Promise<void> {
  await updateSearchText(ctx, SCOPES[scope](id));
}

/** Recomputes the search text of many pledges in one statement. */
export async function refreshSearchTextOf(ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length) await updateSearchText(ctx, sql`pledges.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
}

async function updateSearchText(ctx: Ctx, which: RawBuilder<unknown>): Promise<void> {
  await sql`UPDATE pledges SET search_text = ${PLEDGE_SEARCH_TEXT} FROM donors own WHERE own.id = pledges.donor_id AND ${which}`.execute(ctx.db);
}
