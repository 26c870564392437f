import { createLedgerService } from '../../../db/service';
import { requireDb } from '../args';
import { defineCommand } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out } from '../output';
import { printClock } from './clock';

export const infoCommand = defineCommand({
  name: 'info',
  options: { db: text, json: flag },
  usage: ['info   --db FILE [--json]             thông tin sổ / ledger information'],
  async run({ values }) {
    const info = await withLedger(
      requireDb(values),
      false,
      undefined,
      (ledger) => createLedgerService(ledger).invoke('app.info', {}),
      'read',
    );
    if (values.json) out(JSON.stringify(info));
    else {
      out(`${info.name} ${info.version} — lược đồ/schema ${info.schemaVersion}`);
      out(`Tệp/File: ${info.databasePath}`);
      out(`Cài đặt/Installation: ${info.site.name} (${info.site.id})`);
      const c = info.counts;
      out(
        `Địa bàn/places ${c.places} · nhà tài trợ/donors ${c.donors} · cam kết/pledges ${c.pledges} · giao/deliveries ${c.deliveries} · tỷ giá/rates ${c.rates}`,
      );
      printClock(info.clock);
    }
    return 0;
  },
});
