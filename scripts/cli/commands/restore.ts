import { resolve } from 'node:path';
import { restoreLedger } from '../../../db/backup';
import { requireDb, UsageError } from '../args';
import { DESCRIPTION, defineCommand } from '../command';
import { text } from '../options';
import { withWriterLock } from '../ledger';
import { out } from '../output';

export const restoreCommand = defineCommand({
  name: 'restore',
  options: { db: text, from: text },
  usage: [
    'restore --db FILE --from FILE         khôi phục từ bản sao lưu đã kiểm tra; giữ lại tệp bị thay',
    `${DESCRIPTION}/ restore from a checked backup; the replaced file is kept`,
  ],
  async run({ values }) {
    const file = requireDb(values);
    if (!values.from) throw new UsageError('Thiếu --from FILE / Missing --from FILE');
    const from = resolve(values.from);
    const { replacedKeptAt } = await withWriterLock(resolve(file), () => restoreLedger(resolve(file), from));
    out(`Đã khôi phục ${file} từ ${values.from} / Restored ${file} from ${values.from}`);
    if (replacedKeptAt) out(`Tệp cũ được giữ tại ${replacedKeptAt} / The replaced file is kept at ${replacedKeptAt}`);
    return 0;
  },
});
