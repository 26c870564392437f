import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextFor } from '../../../db/core/context';
import { openLedger } from '../../../db/core/open';
import { generateLedger } from '../../../db/samples/synthetic';
import { createLedgerService } from '../../../db/service';
import { BUNDLE_TABLES } from '../../../db/sync/contents';
import { exportBundle } from '../../../db/sync/export';
import { decodeBundle } from '../../../db/sync/format';
import type { Bench, BenchOperation } from '../operation';

/** The card of the office that made the bundle (`FILE.card.json`): the ledger merging it accepts it first. */
const cardFile = (bundle: string) => `${bundle}.card.json`;

/**
 * Writes the bundle the import merges, of about `records` records: exported from a district ledger generated in
 * `work`, with that office's card. Run by the bench's own script in a process of its own (`--write-bundle FILE`).
 */
export async function writeImportBundle(file: string, work: string, records: number): Promise<void> {
  const source = await openLedger(join(work, 'district.sqlite'), { create: true, siteName: 'Huyện' });
  await generateLedger(source, { rows: Math.round(records / 1.6), seed: 99, donors: 300 });
  const { bytes } = await source.db
    .transaction()
    .execute((trx) => exportBundle(contextFor(source, trx), { all: true }));
  const card = await createLedgerService(source).invoke('offices.card', {});
  await source.close();
  writeFileSync(file, bytes);
  writeFileSync(cardFile(file), JSON.stringify({ card: card.text, officeCode: card.code }));
}

/**
 * The bundle the import merges, made by a process of its own so that making it does not count in this one's memory,
 * and an empty ledger to merge it into.
 */
async function importSetUp({
  work,
  importRecords,
  log,
}: Bench): Promise<{ bytes: Buffer; records: number; empty: string }> {
  const file = join(work, 'district.aidledger');
  execFileSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--write-bundle', file, '--import-rows', String(importRecords)],
    { stdio: 'inherit' },
  );
  const bytes = readFileSync(file);
  const records = Object.values(decodeBundle(bytes).records).reduce((n, rows) => n + rows.length, 0);
  log(`import: a bundle of ${records} records, ${(bytes.length / 1e6).toFixed(1)} MB`);
  const empty = join(work, 'empty.sqlite');
  const target = await openLedger(empty, { create: true, siteName: 'Tỉnh' });
  // The province knows the office whose bundle it merges (its card accepted, with its code).
  await createLedgerService(target).invoke('offices.accept', JSON.parse(readFileSync(cardFile(file), 'utf8')));
  await target.close();
  return { bytes, records, empty };
}

/**
 * Merging a bundle of about `--import-rows` records into an empty ledger, against raw prepared inserts of the same rows
 * (the ledger's per-row triggers fire for them; the import defers its totals and folds them once).
 */
export const bundleImport: BenchOperation = {
  only: 'import',
  target: { ratio: 1.5 },
  maxReps: 3,
  ledger: 'own',
  async *lines(bench) {
    const { bytes, records, empty } = await importSetUp(bench);
    let n = 0;
    const fresh = async () => {
      const file = join(bench.work, `target-${n++}.sqlite`);
      copyFileSync(empty, file);
      return openLedger(file);
    };
    const base64 = bytes.toString('base64');
    const ours = async () => {
      const target = await fresh();
      await createLedgerService(target).invoke('sync.import', { fileName: 'bench.aidledger', base64 });
      await target.close();
    };
    // Both start from the file's bytes: the floor reads the rows out of it and inserts them as they are.
    const floor = async () => {
      const bundle = decodeBundle(bytes);
      const target = await fresh();
      const db = target.sqlite;
      target.tracking.applying = true;
      db.transaction(() => {
        for (const [table] of BUNDLE_TABLES) {
          const rows = bundle.records[table];
          if (!rows.length) continue;
          const columns = Object.keys(rows[0]!);
          const insert = db.prepare(
            `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          for (const row of rows) insert.run(...columns.map((c) => row[c] as never));
        }
      })();
      target.tracking.applying = false;
      await target.close();
    };
    yield { name: `import of a ${records}-record bundle`, ours, floor };
  },
};
