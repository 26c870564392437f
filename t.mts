import { openLedger } from './db/open';
import { createLedgerService } from './db/service';
const l = await openLedger('/tmp/proto.sqlite');
const svc = createLedgerService(l);
const time = async (label: string, input: any) => { await svc.invoke('pledges.list', input); const s = performance.now(); for (let i = 0; i < 5; i++) await svc.invoke('pledges.list', input); console.log(label, ((performance.now() - s) / 5).toFixed(1)); };
for (const by of ['pledgeDate', 'vndEquivalent', 'donor', 'place', 'kind', 'status', 'updatedAt']) {
  await time(`${by} first page, count`, { sort: { by, dir: 'desc' }, page: { offset: 0, limit: 100 }, withTotal: true });
  await time(`${by} first page`, { sort: { by, dir: 'asc' }, page: { offset: 0, limit: 100 }, withTotal: false });
}
await time('date, page 500,000', { sort: { by: 'pledgeDate', dir: 'desc' }, page: { offset: 500000, limit: 100 }, withTotal: true });
await time('date, last page', { sort: { by: 'pledgeDate', dir: 'desc' }, page: { offset: 999900, limit: 100 }, withTotal: true });
await time('place filter + text', { filter: { text: 'nha' }, sort: { by: 'pledgeDate', dir: 'desc' }, page: { offset: 0, limit: 100 }, withTotal: true });
await l.close();
