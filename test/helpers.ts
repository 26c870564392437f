/** Test helpers: every test gets a real SQLite file in its own temporary folder, with the real migrations. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contextFor } from '../db/context';
import { openLedger, type Ledger } from '../db/open';
import { seedPlaces } from '../db/seed';
import { createLedgerService, type LedgerService } from '../db/service';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURE = resolve(ROOT, 'db/fixtures/seed-aid-events.json');

export interface TestLedger {
  dir: string;
  file: string;
  ledger: Ledger;
  service: LedgerService;
  close(): Promise<void>;
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'aid-ledger-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function tempLedger(options: { seed?: boolean; siteName?: string } = {}): Promise<TestLedger> {
  const { dir, remove } = tempDir();
  const file = join(dir, 'ledger.sqlite');
  const ledger = await openLedger(file, { create: true, siteName: options.siteName ?? 'Máy thử nghiệm' });
  if (options.seed !== false) await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
  return {
    dir,
    file,
    ledger,
    service: createLedgerService(ledger),
    async close() {
      await ledger.close();
      remove();
    },
  };
}

/** Counts of every ledger table, to show a failed call changed nothing. */
export function tableCounts(ledger: Ledger): Record<string, number> {
  const tables = ['places', 'place_successors', 'donors', 'pledges', 'deliveries', 'exchange_rates', 'audit_log', 'settings'];
  return Object.fromEntries(
    tables.map((t) => [t, (ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}
