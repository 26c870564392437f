import { generateLedger } from '../../../db/samples/synthetic';
import { requireDb, UsageError } from '../args';
import { defineCommand } from '../command';
import { withLedger } from '../ledger';
import { text } from '../options';
import { out } from '../output';

export const generateCommand = defineCommand({
  name: 'generate',
  options: {
    db: text,
    site: text,
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20221231' },
  },
  usage: ['generate --db FILE [--rows N] [--seed S]  sổ mô phỏng để thử tải / a synthetic ledger for scale tests'],
  async run({ values }) {
    const rows = Number(values.rows);
    if (!Number.isInteger(rows) || rows < 0)
      throw new UsageError('--rows phải là số nguyên / --rows must be an integer');
    const started = Date.now();
    const result = await withLedger(requireDb(values), true, values.site, (ledger) =>
      generateLedger(ledger, {
        rows,
        seed: Number(values.seed),
        onProgress: (done) => process.stderr.write(`… ${done}\n`),
      }),
    );
    out(
      `Đã tạo ${result.pledges} cam kết, ${result.deliveries} lần giao trong ${((Date.now() - started) / 1000).toFixed(1)} giây / Generated ${result.pledges} pledges and ${result.deliveries} deliveries`,
    );
    return 0;
  },
});
