import { mkdirSync } from 'node:fs';
import { backupFolder, backupLedger, newBackupName } from '../../../db/backup';
import { contextFor } from '../../../db/core/context';
import type { Ledger } from '../../../db/core/open';
import { type ClockRepair, repairClock } from '../../../db/sync/clock-repair';
import { explainClock, newestVersion, readClock } from '../../../db/sync/clock-reading';
import { requireDb, UsageError } from '../args';
import { type CommandInput, DESCRIPTION, defineCommand } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out } from '../output';

const CLOCK_OPTIONS = { db: text, 'dry-run': flag, json: flag };

/** The clock's lines, as `info` and `check` print them too. */
export function printClock(reading: ReturnType<typeof readClock>): void {
  const { line, advice } = explainClock(reading);
  out(`${line.vi} / ${line.en}`);
  if (advice) out(`${advice.vi}\n${advice.en}`);
}

/** One pass of the repair in a transaction of its own, kept or rolled back (the clock then back where it was). */
function repairPass(ledger: Ledger, nowMs: number, keep: boolean): ClockRepair {
  const checkpoint = ledger.tracking.clock.checkpoint();
  ledger.sqlite.exec('BEGIN');
  try {
    const done = repairClock(contextFor(ledger), nowMs);
    ledger.sqlite.exec(keep ? 'COMMIT' : 'ROLLBACK');
    if (!keep) ledger.tracking.clock.rewind(checkpoint);
    return done;
  } catch (error) {
    if (ledger.sqlite.inTransaction) ledger.sqlite.exec('ROLLBACK');
    ledger.tracking.clock.rewind(checkpoint);
    throw error;
  }
}

/** `clock repair`: the versions ahead of this machine's clock moved back (see db/sync/clock-repair.ts). */
async function repair(ledger: Ledger, dryRun: boolean, json: boolean): Promise<number> {
  const now = ledger.wallClock();
  const before = readClock(newestVersion(ledger.sqlite), now);
  // What the repair would do, rolled back; when it would change something, a copy is made first, and kept: what is
  // rewritten can be compared with it, or put back with `restore`.
  const found = repairPass(ledger, now, false);
  const needed = found.values > 0 || found.historyTimes > 0;
  const backup = !dryRun && needed ? newBackupName(ledger.file, 'manual', new Date(now)) : null;
  if (backup) {
    mkdirSync(backupFolder(ledger.file), { recursive: true });
    await backupLedger(ledger, backup);
  }
  const done = backup ? repairPass(ledger, now, true) : found;
  if (json) {
    out(JSON.stringify({ dryRun, before: before.state, ...done, backup }));
    return 0;
  }
  if (!needed) {
    out(
      "Không có gì đi trước đồng hồ máy: sổ không bị thay đổi / Nothing is ahead of this computer's clock: the ledger was not changed",
    );
    return 0;
  }
  const verb = dryRun ? { vi: 'Sẽ sửa', en: 'Would put right' } : { vi: 'Đã sửa', en: 'Put right' };
  out(
    `${verb.vi} ${done.versions} phiên bản (${done.values} giá trị) và ${done.historyTimes} thời điểm lịch sử đi trước đồng hồ máy / ` +
      `${verb.en} ${done.versions} versions (${done.values} values) and ${done.historyTimes} history times ahead of this computer's clock`,
  );
  if (done.from) out(`Phiên bản mới / New versions: ${done.from} … ${done.to}`);
  if (backup) out(`Bản sao trước khi sửa / Copy made before: ${backup}`);
  return 0;
}

export const clockCommand = defineCommand({
  name: 'clock',
  options: CLOCK_OPTIONS,
  usage: [
    "clock --db FILE [--json]              đồng hồ máy so với sổ / this computer's clock against the ledger",
    'clock repair --db FILE [--dry-run] [--json]',
    `${DESCRIPTION}sửa phiên bản đi trước đồng hồ máy / put right versions ahead of the clock`,
  ],
  async run({ values, positionals }: CommandInput<typeof CLOCK_OPTIONS>) {
    const action = positionals[0];
    if (action !== undefined && action !== 'repair')
      throw new UsageError('Dùng: clock | clock repair / Use: clock | clock repair');
    return withLedger(requireDb(values), false, undefined, async (ledger) => {
      if (action === 'repair') return repair(ledger, values['dry-run'], values.json);
      const reading = readClock(newestVersion(ledger.sqlite), ledger.wallClock());
      if (values.json) out(JSON.stringify(reading));
      else printClock(reading);
      return reading.state === 'ok' ? 0 : 1;
    });
  },
});
