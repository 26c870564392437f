import { writeFileSync, readFileSync, copyFileSync, existsSync } from 'node:fs';
import { contextFor } from './db/context';
import { openLedger } from './db/open';
import { createLedgerService } from './db/service';
import { exportBundle } from './db/sync/bundle';
import { generateLedger } from './db/synthetic';
const mode = process.argv[2];
if (mode === 'make') {
  const source = await openLedger('/tmp/imp-src.sqlite', { create: true, siteName: 'Huyện' });
  await generateLedger(source, { rows: 62798, seed: 99, donors: 300 });
  const { bytes } = await source.db.transaction().execute((trx) => exportBundle(contextFor(source, trx), { all: true }));
  writeFileSync('/tmp/imp.bundle', bytes);
  await source.close();
  await (await openLedger('/tmp/imp-empty.sqlite', { create: true, siteName: 'Tỉnh' })).close();
} else {
  copyFileSync('/tmp/imp-empty.sqlite', '/tmp/imp-t.sqlite');
  for (const s of ['-wal', '-shm']) if (existsSync('/tmp/imp-t.sqlite' + s)) copyFileSync('/dev/null', '/tmp/imp-t.sqlite' + s);
  const before = process.memoryUsage().rss;
  const target = await openLedger('/tmp/imp-t.sqlite');
  const base64 = readFileSync('/tmp/imp.bundle').toString('base64');
  const t0 = performance.now();
  await createLedgerService(target).invoke('sync.import', { fileName: 'x', base64 });
  console.log('ms', performance.now() - t0, 'rss before', before / 1e6, 'maxRSS', process.resourceUsage().maxRSS / 1e3, 'heap', process.memoryUsage().heapUsed / 1e6);
  await target.close();
}
