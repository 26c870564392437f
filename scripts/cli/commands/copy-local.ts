import { resolve } from 'node:path';
import { copyToComputer, defaultLocalCopy } from '../../../db/relocate';
import { requireDb } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { text } from '../options';
import { out } from '../output';
import { withLedger } from '../ledger';

export const copyLocalCommand = defineCommand({
  name: 'copy-local',
  options: { db: text, to: text },
  usage: [
    'copy-local --db FILE [--to FILE]      chép sổ (trên ổ mạng, thư mục đồng bộ, ổ chỉ đọc) về máy này',
    `${DESCRIPTION}/ copy the ledger (on a network drive, synced folder, read-only media) to this computer`,
  ],
  async run({ values }) {
    const file = resolve(requireDb(values));
    const target = resolve(values.to ?? defaultLocalCopy(file));
    await withLedger(file, false, undefined, (ledger) => copyToComputer(ledger, target), 'read');
    out(`Đã chép sổ vào ${target}; hãy làm việc trên bản này / Copied the ledger to ${target}; work on this copy`);
    return 0;
  },
});
