import type { AppInfo } from '../contract';
import type { Ctx } from './core/context';
import { newestVersion, readClock } from './sync/clock-reading';

export const APP_NAME = 'Aid Ledger — Sổ theo dõi viện trợ';
export const APP_VERSION = '0.1.0';

export async function appInfo(ctx: Ctx): Promise<AppInfo> {
  const count = async (table: 'places' | 'donors' | 'pledges' | 'deliveries' | 'exchangeRates') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    name: APP_NAME,
    version: APP_VERSION,
    schemaVersion: ctx.schemaVersion,
    databasePath: ctx.file,
    site: ctx.site,
    access: ctx.access,
    counts: {
      places: await count('places'),
      donors: await count('donors'),
      pledges: await count('pledges'),
      deliveries: await count('deliveries'),
      rates: await count('exchangeRates'),
    },
    // Read again at every call: a machine's date put right while the app runs is seen at once.
    clock: readClock(newestVersion(ctx.sqlite), Date.parse(ctx.now)),
  };
}
