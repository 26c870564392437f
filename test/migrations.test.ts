import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openLedger } from '../db/open';
import { createLedgerService } from '../db/service';
import { generateLedger } from '../db/synthetic';
import { readAllRows } from '../db/totals';
import { tempDir } from './helpers';

const dirs: { remove(): void }[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));
function fresh() {
  const d = tempDir();
  dirs.push(d);
  return join(d.dir, 'ledger.sqlite');
}

describe('migrations', () => {
  it('have zero-padded names in order', () => {
    const names = MIGRATIONS.map((m) => m.name);
    expect(names.every((n) => /^\d{4}_[a-z0-9_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
    expect(SCHEMA_VERSION).toBe(names.length);
  });

  it('build the schema from an empty file, with WAL and foreign keys on', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    const tables = ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(['audit_log', 'deliveries', 'delivery_totals_by_donor', 'delivery_totals_by_kind', 'delivery_totals_by_place', 'donors', 'exchange_rates', 'imported_rows', 'place_successors', 'places', 'pledge_totals_by_donor', 'pledge_totals_by_kind', 'pledge_totals_by_place', 'pledges', 'schema_migrations', 'settings', 'sync_conflicts', 'sync_log', 'sync_marks', 'tombstones']);
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => ledger.sqlite.prepare(`INSERT INTO deliveries (id, pledge_id, delivery_date, amount_minor, currency, rate, vnd_equivalent, created_at, updated_at) VALUES ('d', 'missing', '2022-01-01', 1, 'VND', '1', 1, 'x', 'x')`).run()).toThrow(/FOREIGN KEY/);
    await ledger.close();
    // Opening again applies nothing and keeps the installation's identity.
    const again = await openLedger(file);
    expect(again.site).toEqual(ledger.site);
    expect(await migrate(again.db)).toEqual([]);
    await again.close();
  });

  it('refuse a database written by a newer app, and leave it untouched', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    ledger.sqlite.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')`).run();
    await ledger.close();
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'schema_too_new', bilingual: { vi: expect.stringContaining('phiên bản mới hơn') } });
    const reopened = (await import('better-sqlite3')).default(file);
    expect(reopened.prepare(`SELECT count(*) AS n FROM schema_migrations`).get()).toEqual({ n: SCHEMA_VERSION + 1 });
    reopened.close();
  });

  it('run each migration in a transaction: a failing one leaves no trace', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    const broken = [
      ...MIGRATIONS,
      {
        name: '9000_broken',
        async up(db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) {
          await sql`CREATE TABLE half_done (id TEXT)`.execute(db);
          await sql`THIS IS NOT SQL`.execute(db);
        },
      },
    ];
    await expect(migrate(ledger.db, broken)).rejects.toThrow();
    expect(ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    expect(ledger.sqlite.prepare(`SELECT name FROM schema_migrations WHERE name = '9000_broken'`).get()).toBeUndefined();
    await ledger.close();
  });

  it('refuse a missing file unless asked to create it, and a file that is not a database', async () => {
    const file = fresh();
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'not_found' });
    expect(existsSync(file)).toBe(false);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is a spreadsheet, not a ledger'.repeat(200));
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('fill the monthly totals from the rows already in a ledger when they are added', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    await generateLedger(ledger, { rows: 3_000, seed: 3, donors: 20 });
    // As a ledger written before 0005: without its tables and triggers.
    for (const name of ledger.sqlite.prepare(`SELECT type, name FROM sqlite_master WHERE name LIKE '%totals%'`).all() as { type: string; name: string }[]) {
      ledger.sqlite.exec(`DROP ${name.type.toUpperCase()} IF EXISTS ${name.name}`);
    }
    ledger.sqlite.prepare(`DELETE FROM schema_migrations WHERE name = '0005_monthly_totals'`).run();
    expect(await migrate(ledger.db)).toEqual(['0005_monthly_totals']);
    const service = createLedgerService(ledger);
    for (const by of ['place', 'donor', 'kind', 'quarter', 'currency'] as const) {
      const input = { by, filter: { from: '2019-01-01', to: '2023-06-30' } };
      readAllRows.value = true;
      const fromRows = await service.invoke('totals', input);
      readAllRows.value = false;
      expect(await service.invoke('totals', input)).toEqual(fromRows);
      expect(fromRows.total.pledged).toBeGreaterThan(0);
    }
    await ledger.close();
  });
});
