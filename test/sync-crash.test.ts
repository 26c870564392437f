/**
 * A bundle merge killed (SIGKILL) at points spread over its work leaves the ledger intact, exactly as before or
 * holding the whole merge, every time. AIDLEDGER_LONG=N kills N times as many merges.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../db/core/context';
import { openLedger } from '../db/core/open';
import { seedPlaces } from '../db/seed';
import { createLedgerService } from '../db/service';
import { generateLedger } from '../db/samples/synthetic';
import {
  copyLedger,
  expectBeforeOrAfter,
  held,
  killRuns,
  killSummary,
  ledgerState,
  LONG,
  removeLedger,
  timeWholeRun,
} from './crash';
import { introduce, tempDir } from './helpers';
import { seedFor } from './random';

const ROWS = 5_000;
const TABLES = [
  'pledges',
  'deliveries',
  'donors',
  'places',
  'audit_log',
  'sync_log',
  'sync_marks',
  'sync_conflicts',
  'tombstones',
];

const dir = tempDir();
const pristine = join(dir.dir, 'province.sqlite');
const bundle = join(dir.dir, 'district.aidledger');

beforeAll(async () => {
  const province = await openLedger(pristine, { create: true, siteName: 'Sở Ngoại vụ' });
  await province.db.transaction().execute((trx) => seedPlaces(contextFor(province, trx)));
  await createLedgerService(province).invoke('settings.update', { siteRole: 'province' });
  const district = await openLedger(join(dir.dir, 'district.sqlite'), { create: true, siteName: 'Huyện' });
  await introduce(createLedgerService(province), createLedgerService(district));
  await province.close();
  await generateLedger(district, { rows: ROWS, seed: seedFor('sync-crash: ledger') });
  const file = await createLedgerService(district).invoke('sync.export', { all: true });
  writeFileSync(bundle, Buffer.from(file.base64, 'base64'));
  await district.close();
}, 120_000);
afterAll(() => dir.remove());

describe('a merge that is killed', () => {
  it(
    'leaves the ledger as before or holding the whole merge, every time',
    async () => {
      const startedAt = performance.now();
      const before = await ledgerState(pristine, TABLES);
      expect(before).toMatchObject({ integrity: 'ok', foreignKeys: 0, counts: { pledges: 0 } });
      const wholeFile = copyLedger(pristine, join(dir.dir, 'whole.sqlite'));
      const wholeRun = await timeWholeRun(['bundle', 'import', '--db', wholeFile, bundle, '--json']);
      expect(wholeRun.stderr).toBe('');
      expect(JSON.parse(wholeRun.stdout)).toMatchObject({ conflicts: 0 });
      const after = await ledgerState(wholeFile, TABLES);
      expect(after).toMatchObject({ integrity: 'ok', foreignKeys: 0, counts: { pledges: ROWS } });

      const runFile = (run: number) => join(dir.dir, `run-${run}.sqlite`);
      let whole = 0;
      let interrupted = 0;
      const kills = await killRuns({
        whole: wholeRun,
        kills: 4,
        seed: seedFor('sync-crash: kill points'),
        args: (run) => ['bundle', 'import', '--db', copyLedger(pristine, runFile(run)), bundle, '--json'],
        check: async (kill) => {
          const file = runFile(kill.run);
          const state = await expectBeforeOrAfter(file, TABLES, before, after);
          const cutOff = held(kill, file);
          removeLedger(file);
          if (state.counts.pledges) {
            whole++;
            return 'after';
          }
          // Killed while it held the ledger open and before it committed: a merge cut off part-way.
          if (!cutOff) return 'before';
          interrupted++;
          return 'inside';
        },
      });
      const inWork = kills.filter((k) => held(k, runFile(k.run))).length;
      console.log(
        killSummary('bundle merge', wholeRun, kills, inWork, startedAt) +
          `; ${interrupted} cut off part-way, ${whole} whole`,
      );
      expect(kills.length).toBeGreaterThanOrEqual(4 * LONG);
      // Holds by construction: killRuns aims further kills at the work until one lands inside it.
      expect(interrupted).toBeGreaterThan(0);
    },
    240_000 * LONG,
  );
});
