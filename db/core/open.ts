/**
 * Opens (or creates) a ledger file: pragmas, the folding function, migrations, the catalogue of places brought up to
 * date, this installation's identity.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hostname } from 'node:os';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { ReadOnlyReason } from '../../contract/app';
import { LedgerError, type Bilingual } from '../../contract/errors';
import { foldText } from '../../contract/text';
import { migrate, SCHEMA_VERSION } from './migrate';
import type { Migration } from '../migrations';
import { randomIds, type IdSource } from './ids';
import type { Ledger, Site, Tracking } from './ledger';
import { ensureKeys } from '../offices/keys';
import { upgradeCatalogue } from '../places/upgrade';
import { HybridClock } from '../sync/clock';
import { newestVersion, readClock } from '../sync/clock-reading';
import type { DB } from './schema';
import { prepared } from './statements';

export type { Ledger, Site, Tracking } from './ledger';

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise that is an error). */
  create?: boolean;
  /** The name of this installation, used when the file is created. */
  siteName?: string;
  /** The migrations to apply (all by default); fewer give a ledger as an earlier release wrote it, for upgrade tests. */
  migrations?: readonly Migration[];
  /** Where new ids come from (random UUIDs by default; a seeded source replays a test run exactly). */
  ids?: IdSource;
  /** The wall clock (Date.now by default; a test may give one that every ledger of a scenario shares). */
  wallClock?: () => number;
  /**
   * Open read-only, and why (`access.ts` decides): nothing is written, not even an upgrade, and a write is refused with
   * the reason. The file must be of this release's schema.
   */
  readOnly?: ReadOnlyReason;
  /** A lock taken over or another notice to show once (writable ledgers). */
  notice?: Bilingual | null;
  /** The path the user knows the ledger by, when SQLite opens a temporary copy of it. */
  knownAs?: string;
  /** How long a write waits for another program's write to end before it is refused as busy (5 s). */
  busyTimeoutMs?: number;
}

const require = createRequire(import.meta.url);

function loadDriver(): typeof BetterSqlite3 {
  try {
    return require('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    if (error instanceof Error && /NODE_MODULE_VERSION|was compiled against/.test(error.message)) {
      throw new Error(
        'better-sqlite3 is built for another runtime (Electron). Run `npm run native:node` to switch it back to Node.',
      );
    }
    throw error;
  }
}

export async function openLedger(file: string, options: OpenOptions = {}): Promise<Ledger> {
  if (file !== ':memory:' && !existsSync(file) && !options.create) {
    throw new LedgerError('not_found', {
      vi: `Không tìm thấy tệp dữ liệu ${file}. Hãy tạo bằng lệnh init.`,
      en: `Database file ${file} not found. Create it with the init command.`,
    });
  }
  const Driver = loadDriver();
  const readOnly = options.readOnly ?? null;
  const sqlite = readOnly ? new Driver(file, { readonly: true, fileMustExist: true }) : new Driver(file);
  try {
    try {
      if (readOnly) sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      else sqlite.pragma('journal_mode = WAL');
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
        throw new LedgerError('read_only', {
          vi: `Không ghi được vào ${file} hay thư mục của nó (ổ chỉ đọc hoặc không có quyền ghi).`,
          en: `${file} or its folder cannot be written (read-only media, or no permission to write).`,
        });
      }
      throw new LedgerError('invalid_input', {
        vi: `Tệp ${file} không phải là cơ sở dữ liệu SQLite hợp lệ.`,
        en: `${file} is not a valid SQLite database.`,
      });
    }
    sqlite.pragma('foreign_keys = ON');
    // FULL: a committed transaction survives a power cut, not only a process crash.
    if (!readOnly) sqlite.pragma('synchronous = FULL');
    // A write waits this long for another program's write; past it SQLITE_BUSY is answered as `busy` (db/service.ts).
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    sqlite.function('fold_text', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? foldText(text) : '',
    );
    const site: Site = { id: '', name: '', userName: '' };
    const newId = options.ids ?? randomIds;
    const wallClock = options.wallClock ?? Date.now;
    const tracking: Tracking = {
      clock: new HybridClock(() => site.id, wallClock),
      applying: false,
      totalsDeferred: false,
      searchTextDeferred: null,
    };
    sqlite.function('site_id', () => {
      if (!site.id) throw new Error('site id not set');
      return site.id;
    });
    sqlite.function('hlc_next', { deterministic: false }, () => tracking.clock.next());
    sqlite.function('sync_applying', () => (tracking.applying ? 1 : 0));
    sqlite.function('totals_deferred', () => (tracking.totalsDeferred ? 1 : 0));
    // The query builder prepares every query it runs; the same few texts come back for every row a form or an import
    // writes, so they are prepared once per connection (SQLite prepares them again itself if the schema changes).
    const statements = { prepare: (text: string) => prepared(sqlite, text), close: () => sqlite.close() };
    const db = new Kysely<DB>({
      dialect: new SqliteDialect({ database: statements as unknown as BetterSqlite3.Database }),
      plugins: [new CamelCasePlugin()],
    });
    if (readOnly) {
      await checkSchemaReadOnly(sqlite, file, options.migrations?.length ?? SCHEMA_VERSION);
      Object.assign(site, readSite(sqlite));
    } else {
      await migrate(db, options.migrations);
      // What a migration cannot do: it is frozen once released, and the catalogue is code and data of each release.
      await upgradeCatalogue(db, new Date(wallClock()).toISOString());
      Object.assign(site, await ensureSite(db, options.siteName ?? hostname(), newId, wallClock));
      // The key pair that signs this office's bundles and card.
      await ensureKeys(db, new Date(wallClock()).toISOString());
    }
    // The clock starts past every version already in the file; a machine whose clock disagrees with them is told.
    const newest = newestVersion(sqlite);
    if (newest) tracking.clock.observe(newest);
    const clockAtOpen = readClock(newest, wallClock());
    return {
      tracking,
      file: options.knownAs ?? file,
      access: { readOnly, notice: options.notice ?? null },
      sqlite,
      db,
      site,
      schemaVersion: options.migrations?.length ?? SCHEMA_VERSION,
      newId,
      wallClock,
      clockAtOpen,
      close: () => db.destroy(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

async function ensureSite(
  db: Kysely<DB>,
  defaultName: string,
  newId: IdSource,
  wallClock: () => number,
): Promise<Site> {
  const known = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['site.id', 'site.name', 'user.name'])
    .execute();
  const id = known.find((r) => r.key === 'site.id')?.value;
  const name = known.find((r) => r.key === 'site.name')?.value;
  const userName = known.find((r) => r.key === 'user.name')?.value ?? '';
  // Written once, at the first opening; every later opening only reads them.
  if (id && name) return { id, name, userName };
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('key', 'in', ['site.id', 'site.name'])
      .execute();
    const values = new Map(rows.map((r) => [r.key, r.value]));
    const now = new Date(wallClock()).toISOString();
    let id = values.get('site.id');
    let name = values.get('site.name');
    if (!id) {
      id = newId();
      await trx.insertInto('settings').values({ key: 'site.id', value: id, updatedAt: now }).execute();
    }
    if (!name) {
      name = defaultName;
      await trx.insertInto('settings').values({ key: 'site.name', value: name, updatedAt: now }).execute();
    }
    return { id, name, userName };
  });
}

/** A read-only ledger must already be of this release's schema: an upgrade writes. */
async function checkSchemaReadOnly(sqlite: BetterSqlite3.Database, file: string, known: number): Promise<void> {
  const table = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).get();
  const applied = table ? (sqlite.prepare('SELECT count(*) AS n FROM schema_migrations').get() as { n: number }).n : 0;
  if (applied > known) {
    throw new LedgerError('schema_too_new', {
      vi: `Cơ sở dữ liệu này do một phiên bản mới hơn của ứng dụng tạo ra (lược đồ ${applied}, ứng dụng này hỗ trợ đến ${known}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.`,
      en: `This database was written by a newer version of the app (schema ${applied}; this app supports up to ${known}). Update the app; the data was not changed.`,
    });
  }
  if (applied < known) {
    throw new LedgerError('read_only', {
      vi: `Sổ ${file} của phiên bản cũ hơn cần được nâng cấp, mà ở đây sổ chỉ mở được để xem. Hãy mở sổ ở nơi ghi được để nâng cấp.`,
      en: `The ledger ${file} is from an earlier release and needs an upgrade, but here it can only be opened read-only. Open it where it can be written to upgrade it.`,
    });
  }
}

/** This installation's identity as the file records it, read without writing. */
function readSite(sqlite: BetterSqlite3.Database): Site {
  const rows = sqlite
    .prepare(`SELECT key, value FROM settings WHERE key IN ('site.id', 'site.name', 'user.name')`)
    .all() as { key: string; value: string }[];
  const value = (key: string) => rows.find((r) => r.key === key)?.value ?? '';
  return { id: value('site.id'), name: value('site.name'), userName: value('user.name') };
}
