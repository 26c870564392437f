import { resolve } from 'node:path';
import { backupLedger } from '../../../db/backup';
import { requireDb, UsageError } from '../args';
import { defineCommand } from '../command';
import { withLedger } from '../ledger';
import { text } from '../options';
import { out } from '../output';

export const backupCommand = defineCommand({
  name: 'backup',
  options: { db: text, out: text },
  usage: ['backup --db FILE --out FILE           sao lưu (sổ có thể đang mở) / back up (the ledger may be open)'],
  async run({ values }) {
    const file = requireDb(values);
    if (!values.out) throw new UsageError('Thiếu --out FILE / Missing --out FILE');
    const target = resolve(values.out);
    await withLedger(file, false, undefined, (ledger) => backupLedger(ledger, target), 'read');
    out(`Đã sao lưu vào ${target} / Backed up to ${target}`);
    return 0;
  },
});
