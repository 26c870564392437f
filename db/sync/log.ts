/** The exchange log: every bundle made or merged here, with whom, and what it counted. */
import { sql } from 'kysely';
import type { Ctx } from '../core/context';

export async function logSync(
  ctx: Ctx,
  direction: 'export' | 'import',
  site: { id: string; name: string },
  fileName: string,
  counts: object,
  /** A bundle received: the id its merged changes refer to, and the file's SHA-256. */
  received?: { id: string; sha256: string },
) {
  await sql`INSERT INTO sync_log (id, at, direction, peer_site_id, peer_site_name, file_name, counts, sha256)
    VALUES (${received?.id ?? ctx.newId()}, ${ctx.now}, ${direction}, ${site.id}, ${site.name}, ${fileName}, ${JSON.stringify(counts)}, ${received?.sha256 ?? null})`.execute(
    ctx.db,
  );
}
