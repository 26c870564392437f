import { openLedger } from './db/open';
import { createLedgerService } from './db/service';
const l = await openLedger('/tmp/proto.sqlite');
const svc = createLedgerService(l);
const orig = l.sqlite.prepare.bind(l.sqlite);
(l.sqlite as any).prepare = (s: string) => { const st = orig(s); for (const m of ['all','get','run']) { const f = (st as any)[m].bind(st); (st as any)[m] = (...a: unknown[]) => { const t0 = performance.now(); const r = f(...a); const ms = performance.now()-t0; if (ms > 5) { console.log(ms.toFixed(1), s); console.log(orig('EXPLAIN QUERY PLAN ' + s).all(...a).map((x: any) => x.detail).join('\n')); } return r; }; } return st; };
await svc.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'desc' }, page: { offset: 0, limit: 100 }, withTotal: false });
await l.close();
