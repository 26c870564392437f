/** The places every new ledger starts with: Cao Bằng and its city and nine districts as they were until 30/06/2025. */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Ctx } from './core/context';
import { createPlace } from './places';

export const CAO_BANG = {
  province: { name: 'Cao Bằng', code: '04' },
  /** District-level units, valid until the district level was abolished on 01/07/2025. */
  districts: [
    'Thành phố Cao Bằng',
    'Bảo Lâm',
    'Bảo Lạc',
    'Hà Quảng',
    'Hạ Lang',
    'Hòa An',
    'Nguyên Bình',
    'Quảng Hòa',
    'Thạch An',
    'Trùng Khánh',
  ],
  districtsValidTo: '2025-06-30',
};

/**
 * The seeded units are the same records in every installation: their ids come from their names and their
 * version is fixed, so ledgers seeded apart still merge without duplicates or conflicts.
 */
export const SEED_VERSION = '0000000000000000-000000-seed';

export function seedId(name: string): string {
  const hex = createHash('sha256').update(`aid-ledger-seed:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Seeds the places when the ledger has none; returns how many were added. */
export async function seedPlaces(ctx: Ctx): Promise<number> {
  const existing = await ctx.db.selectFrom('places').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const province = await createPlace(
    ctx,
    { name: CAO_BANG.province.name, code: CAO_BANG.province.code, level: 'province' },
    seedId(CAO_BANG.province.name),
  );
  for (const name of CAO_BANG.districts) {
    await createPlace(
      ctx,
      { name, level: 'district', parentId: province.id, validTo: CAO_BANG.districtsValidTo },
      seedId(name),
    );
  }
  await sql`UPDATE places SET version = ${SEED_VERSION}, origin_site = 'seed', base_version = '', created_at = '2025-01-01T00:00:00.000Z', updated_at = '2025-01-01T00:00:00.000Z'`.execute(
    ctx.db,
  );
  return 1 + CAO_BANG.districts.length;
}
