import { join } from 'node:path';
import { openLedger } from '../../../db/core/open';
import { seedPlaces } from '../../../db/seed';
import { contextFor } from '../../../db/core/context';
import { createLedgerService, type LedgerService } from '../../../db/service';
import {
  bundleBomb,
  claimedDimensionXlsx,
  declaredBombXlsx,
  fakeEndRecordXlsx,
  GOOD_ROW,
  HEADER_TEXTS,
  honestBombXlsx,
  loopingXls,
  mergesXlsx,
  rowXml,
  xlsxOf,
} from '../hostile-files';
import type { BenchOperation } from '../operation';

/** What a call answered, in a word: the refusal's reason (its English message) or what it did. */
function outcome(envelope: { ok: boolean; result?: unknown; error?: { message: { en: string } } }): string {
  if (!envelope.ok) return envelope.error!.message.en;
  const files = (envelope.result as { files?: { errors: { messageEn: string }[]; added: number }[] }).files;
  const file = files?.[0];
  if (!file) return 'accepted';
  return file.errors.length ? file.errors[0]!.messageEn : `accepted (${file.added} row)`;
}

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * How far the process's resident memory rose above where it stood while `work` ran, in MB: sampled every 5 ms, which
 * the main thread can do while the cage's worker reads.
 */
async function growthDuring(work: () => Promise<unknown>): Promise<number> {
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.round((Math.max(peak, process.memoryUsage().rss) - start) / 1e6);
}

/**
 * The hostile files that hung or exhausted the machine, each through the call that reads it (a check of an import, or
 * an office learned from a bundle), against the same check of an honest two-row workbook. Each must be answered in
 * under 5 s. Its peak memory in the table is the process's resident memory while it ran, the cage's worker included (a
 * thread of the same process); the log gives how far that rose above where it stood as each reading began. Not in
 * the whole run: `--only hostile`.
 */
export const hostile: BenchOperation = {
  only: 'hostile',
  target: { ratio: 1_000, ms: 5_000 },
  maxReps: 3,
  ledger: 'own',
  ownFiles: true,
  onlyWhenNamed: true,
  async *lines({ work, log }) {
    const ledger = await openLedger(join(work, 'hostile.sqlite'), { create: true, siteName: 'Bench' });
    await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
    const service: LedgerService = createLedgerService(ledger);
    const preview = (fileName: string, bytes: Buffer) => {
      const base64 = bytes.toString('base64');
      return () => service.call('imports.files', { files: [{ fileName, base64 }], dryRun: true });
    };
    const honest = preview('tot.xlsx', xlsxOf(rowXml(1, HEADER_TEXTS) + rowXml(2, GOOD_ROW)));
    const bundle = (await bundleBomb()).toString('base64');
    const cases: [string, Buffer, () => Promise<{ ok: boolean }>][] = [];
    const sheet = async (name: string, fileName: string, bytes: Buffer) =>
      cases.push([name, bytes, preview(fileName, bytes)]);
    await sheet('a second zip end record in the comment', 'gia.xlsx', await fakeEndRecordXlsx());
    await sheet('the same payload listed honestly', 'thuc.xlsx', await honestBombXlsx());
    await sheet('one merge over the whole sheet', 'gop.xlsx', mergesXlsx(1));
    await sheet('1,000 merges over the whole sheet', 'gop.xlsx', mergesXlsx(1_000));
    await sheet('a sheet unpacking to 268 MB', 'bom.xlsx', await declaredBombXlsx());
    await sheet('one row claiming A1:XFD1048576', 'mot-dong.xlsx', claimedDimensionXlsx());
    await sheet('an .xls looping its reader', 'vong.xls', await loopingXls());
    cases.push([
      'a bundle of 500 MB of lines (offices.admit)',
      Buffer.from(bundle, 'base64'),
      () => service.call('offices.admit', { fileName: 'b.aidledger', base64: bundle, role: 'district', placeId: null }),
    ]);
    log(`hostile: the process's resident memory before the cases ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
    try {
      for (const [name, bytes, call] of cases) {
        log(`hostile: ${name}: ${outcome((await call()) as never)}`);
        const grown = { mb: 0 };
        const ours = async () => {
          grown.mb = Math.max(grown.mb, await growthDuring(call));
        };
        yield { name: `hostile: ${name}, ${sizeText(bytes.length)}`, ours, floor: honest };
        log(`hostile: ${name}: the process grew by at most ${grown.mb} MB while it was read (worker and main thread)`);
      }
    } finally {
      await ledger.close();
    }
  },
};
