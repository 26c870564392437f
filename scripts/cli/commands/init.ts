import { existsSync, rmSync } from 'node:fs';
import { CAO_BANG_CODE } from '../../../db/places/catalogue';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { placeIdOf, withLedger } from '../ledger';
import { text } from '../options';
import { out } from '../output';

export const initCommand = defineCommand({
  name: 'init',
  options: { db: text, province: text, site: text, role: text, place: text },
  usage: [
    'init   --db FILE [--province NAME_OR_CODE|all] [--site NAME] [--role province|district] [--place CODE_OR_NAME]',
    `${DESCRIPTION}tạo sổ mới với danh mục địa bàn của tỉnh (mặc định Cao Bằng; all: cả nước)`,
    `${DESCRIPTION}/ create a ledger with a province's units (default Cao Bằng; all: the country)`,
  ],
  async run({ values }) {
    const file = requireDb(values);
    if (values.role && values.role !== 'province' && values.role !== 'district')
      throw new UsageError('--role phải là province hoặc district / --role must be province or district');
    if (values.role === 'district' && !values.place)
      throw new UsageError('Văn phòng huyện cần --place / A district office needs --place');
    // A ledger this command was to create is not left behind, half made, when it fails.
    const created = !existsSync(file);
    const added = await withLedger(file, true, values.site, async (ledger) => {
      const service = createLedgerService(ledger);
      const before = await service.invoke('places.setup', {});
      // Cao Bằng when no province is named, as the first releases did, so scripts keep working.
      const chosen =
        values.province || !before.hasPlaces
          ? await service.invoke('places.choose', { province: values.province ?? CAO_BANG_CODE })
          : null;
      const placeId = values.place ? await placeIdOf(ledger, values.place, null) : undefined;
      await service.invoke('settings.update', {
        ...(values.site ? { siteName: values.site } : {}),
        ...(values.role ? { siteRole: values.role as 'province' | 'district' } : {}),
        ...(placeId ? { sitePlaceId: placeId } : {}),
      });
      return chosen && chosen.province !== before.province ? chosen.units : 0;
    }).catch((error: unknown) => {
      if (created) for (const suffix of ['', '-wal', '-shm', '.lock']) rmSync(`${file}${suffix}`, { force: true });
      throw error;
    });
    out(
      added
        ? `Đã tạo sổ ${file} với ${added} đơn vị hành chính / Created ${file} with ${added} places`
        : `Sổ ${file} đã có sẵn / ${file} already initialised`,
    );
    return 0;
  },
});
