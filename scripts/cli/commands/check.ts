import { resolve } from 'node:path';
import { checkLedgerFile, latestGoodBackup } from '../../../db/backup';
import { readFileClock } from '../../../db/sync/clock-file';
import { requireDb } from '../args';
import { defineCommand } from '../command';
import { text } from '../options';
import { out } from '../output';
import { printClock } from './clock';

export const checkCommand = defineCommand({
  name: 'check',
  options: { db: text },
  usage: ['check --db FILE                       kiểm tra toàn vẹn / integrity check'],
  async run({ values }) {
    const file = requireDb(values);
    const check = checkLedgerFile(file);
    if (check.ok) {
      out(`Toàn vẹn, lược đồ ${check.schemaVersion} / Intact, schema ${check.schemaVersion}`);
      // The file is read as it is (no migration): a clock set wrong is told, the file still intact.
      printClock(readFileClock(file, Date.now()));
      return 0;
    }
    process.stderr.write(`Lỗi: tệp bị hỏng / Error: the file is damaged\n${check.problems.join('\n')}\n`);
    const good = latestGoodBackup(resolve(file));
    if (good) process.stderr.write(`Bản sao lưu tốt gần nhất / Latest good backup: ${good.file} (${good.at})\n`);
    return 1;
  },
});
