/** The places every new ledger starts with: Cao Bằng and its city and nine districts as they were until 30/06/2025. */
import type { Ctx } from './context';
import { createPlace } from './places';

export const CAO_BANG = {
  province: { name: 'Cao Bằng', code: '04' },
  /** District-level units, valid until the district level was abolished on 01/07/2025. */
  districts: [
    'Thành phố Cao Bằng', 'Bảo Lâm', 'Bảo Lạc', 'Hà Quảng', 'Hạ Lang',
    'Hòa An', 'Nguyên Bình', 'Quảng Hòa', 'Thạch An', 'Trùng Khánh',
  ],
  districtsValidTo: '2025-06-30',
};

/** Seeds the places when the ledger has none; returns how many were added. */
export async function seedPlaces(ctx: Ctx): Promise<number> {
  const existing = await ctx.db.selectFrom('places').select('id').limit(1).executeTakeFirst();
  if (existing) return 0;
  const province = await createPlace(ctx, { name: CAO_BANG.province.name, code: CAO_BANG.province.code, level: 'province' });
  for (const name of CAO_BANG.districts) {
    await createPlace(ctx, { name, level: 'district', parentId: province.id, validTo: CAO_BANG.districtsValidTo });
  }
  return 1 + CAO_BANG.districts.length;
}
