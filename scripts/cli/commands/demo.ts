import { existsSync } from 'node:fs';
import { loadDemo, readFixture } from '../../../db/samples/demo';
import { requireDb, UsageError } from '../args';
import { defineCommand } from '../command';
import { DEFAULT_FIXTURE } from '../fixture';
import { withLedger } from '../ledger';
import { text } from '../options';
import { out } from '../output';

export const demoCommand = defineCommand({
  name: 'demo',
  options: { db: text, fixture: text, site: text },
  usage: ['demo   --db FILE [--fixture PATH]     nạp dữ liệu mẫu Cao Bằng 2022 / load the Cao Bằng 2022 demo data'],
  async run({ values }) {
    const file = requireDb(values);
    const fixturePath = values.fixture ?? DEFAULT_FIXTURE;
    if (!existsSync(fixturePath))
      throw new UsageError(`Không thấy tệp dữ liệu mẫu ${fixturePath} / Demo file not found: ${fixturePath}`);
    const summary = await withLedger(file, true, values.site, (ledger) => loadDemo(ledger, readFixture(fixturePath)));
    out(
      `Đã nạp ${summary.donors} nhà tài trợ, ${summary.pledges} cam kết, ${summary.amendments} điều chỉnh, ${summary.items} khoản viện trợ / Loaded ${summary.donors} donors, ${summary.pledges} pledges, ${summary.amendments} amendments, ${summary.items} aid items`,
    );
    return 0;
  },
});
