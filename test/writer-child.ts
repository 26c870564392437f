/**
 * Another program on the same ledger, for `writer.test.ts` (bundled and started by it):
 *   hold FILE             takes the writer's lock, says so, and keeps it until killed;
 *   write FILE TAG N MS   opens the ledger without the lock (as an earlier release does) and, once told to go, creates
 *                         N donors, one call after another, with a busy timeout of MS; prints each answer's code.
 */
import { acquireWriterLock } from '../db/core/lock';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';

const [mode, file, tag, count, timeout] = process.argv.slice(2) as [string, string, string, string, string];

if (mode === 'hold') {
  const attempt = acquireWriterLock(file);
  process.stdout.write(`${JSON.stringify({ ok: attempt.ok, pid: process.pid })}\n`);
  setInterval(() => {}, 60_000);
} else {
  const ledger = await openLedger(file, { busyTimeoutMs: Number(timeout) });
  const service = createLedgerService(ledger);
  process.send?.('ready');
  await new Promise((resolve) => process.once('message', resolve));
  const codes: Record<string, number> = {};
  for (let i = 0; i < Number(count); i++) {
    const answer = await service.call('donors.create', { name: `${tag} ${i}`, kind: 'foreign_ngo' });
    const code = answer.ok ? 'done' : answer.error.code;
    codes[code] = (codes[code] ?? 0) + 1;
    if (!answer.ok && answer.error.code === 'internal') process.stderr.write(`${answer.error.message.en}\n`);
  }
  await ledger.close();
  process.send?.(codes);
  process.disconnect?.();
}
