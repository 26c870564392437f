import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { openLedger } from '../../db/core/open';
import { generateLedger } from '../../db/samples/synthetic';

/**
 * The synthetic ledger of `rows` pledges in `file`, generated once per row count and seed: a ledger already there is
 * kept when it holds as many pledges and everything the operations measure.
 */
export async function benchLedgerFile(file: string, rows: number, log: (text: string) => void): Promise<string> {
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM pledges').get() as { n: number }).n;
    // A ledger generated before former communes had heirs cannot measure figures in today's units.
    const links = (db.prepare('SELECT count(*) AS n FROM place_successors').get() as { n: number }).n;
    // Nor one generated before aid items existed, figures by item.
    const hasItems =
      (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'aid_items'`).get() as { n: number }).n > 0 &&
      (db.prepare('SELECT count(*) AS n FROM aid_items').get() as { n: number }).n > 0;
    db.close();
    if (n === rows && links > 0 && hasItems) return file;
    rmSync(file);
  }
  log(`generating ${rows} pledges…`);
  const ledger = await openLedger(file, { create: true, siteName: 'Bench' });
  await generateLedger(ledger, { rows, onProgress: (done) => log(`… ${done}`) });
  ledger.sqlite.pragma('optimize');
  await ledger.close();
  return file;
}
