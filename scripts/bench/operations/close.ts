/**
 * The quarter's close, for `npm run bench -- --only close`: a province ledger with ten years of history receives one
 * quarter's files from 56 offices — half of them bundles from the offices' own ledgers, half workbooks (the template,
 * and lists in an office's own layout), about 40 rows each, and a few lists of households that received pledges the
 * pass records — merges them in one call and writes the quarter's report, through the app's own path. The floor, in the
 * same run: the same bundles' rows, the workbooks' rows and the receipts as deliveries inserted with raw prepared
 * statements, and the bare exceljs writer writing the report's cells.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import type { Report } from '../../../contract';
import { type Ledger, openLedger } from '../../../db/core/open';
import { createLedgerService } from '../../../db/service';
import { BUNDLE_TABLES } from '../../../db/sync/contents';
import { decodeBundle } from '../../../db/sync/format';
import type { BenchOperation, Line } from '../operation';
import { type CloseFixture, closeFixture, PERIOD } from './close-fixture';
import { writeReportCellsBare } from './report-cells';

/**
 * Copies of the province's ledger, made ahead of the runs that open them: `refill`, the line's untimed step after
 * each run, removes the copy the run used and copies the next, so that copying is not timed.
 */
function provinceCopies(work: string, fixture: CloseFixture) {
  let copies = 0;
  const pool: string[] = [];
  const used: string[] = [];
  const refill = () => {
    for (const file of used.splice(0)) for (const end of ['', '-wal', '-shm']) rmSync(file + end, { force: true });
    while (pool.length < 2) {
      const file = join(work, `close-run-${copies++}.sqlite`);
      copyFileSync(fixture.province, file);
      pool.push(file);
    }
  };
  refill();
  const nextCopy = () => {
    const file = pool.shift()!;
    used.push(file);
    return file;
  };
  return { nextCopy, refill };
}

/** The floor's merge: the bundles' rows and the workbooks' rows inserted as they are, in one transaction. */
function insertAsTheyAre(ledger: Ledger, fixture: CloseFixture): void {
  const db = ledger.sqlite;
  const now = new Date().toISOString();
  const places = new Map(
    (db.prepare(`SELECT id, name FROM places WHERE level = 'district'`).all() as { id: string; name: string }[]).map(
      (p) => [p.name, p.id],
    ),
  );
  ledger.tracking.applying = true;
  db.transaction(() => {
    for (const bytes of fixture.bundles) {
      const bundle = decodeBundle(bytes);
      for (const [table] of BUNDLE_TABLES) {
        const rows = bundle.records[table];
        if (!rows.length) continue;
        const columns = Object.keys(rows[0]!);
        const insert = db.prepare(
          `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insert.run(...columns.map((c) => row[c] as never));
      }
    }
    // The workbooks: read, then their rows inserted as they are.
    for (const file of fixture.files.filter((f) => f.fileName.endsWith('.xlsx')))
      XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
    const donors = new Map<string, string>();
    const insertDonor = db.prepare(
      `INSERT INTO donors (id, name, name_key, country, kind, created_at, updated_at) VALUES (?, ?, ?, ?, 'foreign_ngo', ?, ?)`,
    );
    const insertPledge =
      db.prepare(`INSERT INTO pledges (id, donor_id, place_id, kind, description, amount_minor, currency, rate, vnd_equivalent, pledge_date, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'VND', '1', ?, ?, 'pledged', ?, ?)`);
    const pledgeIds: string[] = [];
    for (const r of fixture.sheetRows) {
      let donor = donors.get(r.donor);
      if (!donor) {
        donor = crypto.randomUUID();
        insertDonor.run(donor, r.donor, r.donor.toLowerCase(), r.country, now, now);
        donors.set(r.donor, donor);
      }
      pledgeIds.push(crypto.randomUUID());
      insertPledge.run(
        pledgeIds.at(-1)!,
        donor,
        places.get(r.place)!,
        r.kind,
        r.description,
        r.amount,
        r.amount,
        r.date,
        now,
        now,
      );
    }
    const insertDelivery =
      db.prepare(`INSERT INTO deliveries (id, pledge_id, delivery_date, amount_minor, currency, rate,
        vnd_equivalent, recipient, village, created_at, updated_at) VALUES (?, ?, ?, ?, 'VND', '1', ?, ?, ?, ?, ?)`);
    for (const x of fixture.receiptRows)
      insertDelivery.run(
        crypto.randomUUID(),
        pledgeIds[x.pledge]!,
        x.date,
        x.amount,
        x.amount,
        x.recipient,
        x.village,
        now,
        now,
      );
  })();
  ledger.tracking.applying = false;
}

/** The close's line: every run starts from the same province ledger. */
async function closeLine(work: string, fixture: CloseFixture): Promise<Line> {
  const { nextCopy, refill } = provinceCopies(work, fixture);

  const ours = async () => {
    const ledger = await openLedger(nextCopy());
    const service = createLedgerService(ledger);
    const merged = await service.invoke('imports.files', { files: fixture.files });
    if (!merged.written) throw new Error(`close: refused ${JSON.stringify(merged.files.find((f) => f.errors.length))}`);
    await service.invoke('reports.xlsx', { period: PERIOD.key });
    await ledger.close();
  };

  // The report as the app built it after the merge, for the floor's writer.
  const preview = await openLedger(nextCopy());
  const previewService = createLedgerService(preview);
  const merged = await previewService.invoke('imports.files', { files: fixture.files });
  // Each receipt finds its pledge, by donor, place and kind.
  const receipts = merged.files.flatMap((f) => f.receipts ?? []);
  if (receipts.length !== fixture.receiptRows.length || receipts.some((m) => m.outcome !== 'place'))
    throw new Error(`close: receipts not matched ${JSON.stringify(receipts.find((m) => m.outcome !== 'place'))}`);
  const built: Report = await previewService.invoke('reports.preview', { period: PERIOD.key });
  await preview.close();
  refill();

  const floor = async () => {
    const ledger = await openLedger(nextCopy());
    insertAsTheyAre(ledger, fixture);
    await writeReportCellsBare(built);
    await ledger.close();
  };
  return {
    name: `close: one quarter's files from ${fixture.offices} offices (${fixture.records} records) merged in one call, and its report written`,
    ours,
    floor,
    untimed: refill,
  };
}

/** The quarter's close: the offices' files merged in one call and the quarter's report written. */
export const quarterClose: BenchOperation = {
  only: 'close',
  target: { ratio: 1.5, ms: 5000 },
  maxReps: 3,
  ledger: 'own',
  // It generates its own province ledger (a tenth of `--rows`), not the bench's.
  ownFiles: true,
  async *lines({ work, rows, offices, log }) {
    // A province's ledger: ten years of history, a tenth of the rows (at most 100,000 pledges).
    const fixture = await closeFixture(work, Math.min(rows, Math.max(1_000, Math.round(rows / 10))), offices, log);
    yield await closeLine(work, fixture);
  },
};
