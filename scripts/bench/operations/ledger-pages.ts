import type { Ledger } from '../../../db/core/open';
import { createLedgerService } from '../../../db/service';
import type { BenchOperation, Line } from '../operation';
import { pageOfRows, searchFloor, searchWords } from './ledger-page-floor';

type Service = ReturnType<typeof createLedgerService>;

/** The searches measured: a broad one (a district's name, found in about one pledge in twelve) and a donor's short name. */
const SEARCHES = [
  {
    name: "ledger page: filter + search 'Bảo Lạc' + sort, 100 rows, with count",
    filter: {
      from: '2018-01-01',
      to: '2023-12-31',
      kinds: ['house', 'gift'] as ('house' | 'gift')[],
      text: 'Bảo Lạc',
    },
    sort: { by: 'vndEquivalent' as const, dir: 'desc' as const },
    words: ['bao', 'lac'],
    where: `p.pledge_date >= '2018-01-01' AND p.pledge_date <= '2023-12-31' AND p.kind IN ('house', 'gift')`,
    key: 'p.vnd_equivalent',
  },
  {
    name: "ledger page: search 'TC54' + sort by date, 100 rows, with count",
    filter: { text: 'TC54' },
    sort: { by: 'pledgeDate' as const, dir: 'desc' as const },
    words: ['tc54'],
    where: '1',
    key: 'p.pledge_date',
  },
];

type Page = { total: number | null; rows: { id: string }[] };

/** Both sides must return the same page: the same rows in the same order, and the same count. */
function checkSame(name: string, mine: Page, theirs: Page): void {
  if (mine.total !== theirs.total || mine.rows.map((r) => r.id).join() !== theirs.rows.map((r) => r.id).join()) {
    throw new Error(`${name}: rows or count differ from the floor's`);
  }
}

/** The page the ledger screen opens on: every pledge, newest first. */
async function firstPage(service: Service, ledger: Ledger): Promise<Line> {
  const db = ledger.sqlite;
  const name = 'ledger page: no filter, newest first, 100 rows, with count';
  const ours = () =>
    service.invoke('pledges.list', {
      sort: { by: 'pledgeDate', dir: 'desc' },
      page: { offset: 0, limit: 100 },
      withTotal: true,
    });
  // The count, as the app reads it for a filter the monthly totals are keyed by.
  const count = db.prepare(`SELECT sum(n) AS n FROM pledge_totals_by_kind`);
  const page = db.prepare(
    pageOfRows(
      `SELECT rowid AS page_rowid FROM pledges ORDER BY pledge_date DESC, rowid DESC LIMIT 100`,
      'p.pledge_date',
    ),
  );
  const floor = async () => ({ rows: page.all() as { id: string }[], total: (count.get() as { n: number }).n });
  checkSame(name, await ours(), await floor());
  return { name, ours, floor };
}

/** A search's page, against the same page found by hand. */
async function searchPage(
  c: (typeof SEARCHES)[number],
  service: Service,
  floor: () => Promise<unknown>,
  log: (text: string) => void,
): Promise<Line> {
  const ours = () =>
    service.invoke('pledges.list', {
      filter: c.filter,
      sort: c.sort,
      page: { offset: 0, limit: 100 },
      withTotal: true,
    });
  const mine = (await ours()) as Page;
  const theirs = (await floor()) as Page;
  log(`${c.name}: ${mine.total} matching`);
  checkSame(c.name, mine, theirs);
  return { name: c.name, ours, floor };
}

/**
 * Ledger page: filter, accent-insensitive search, sort, 100 rows with the total count. The page the ledger opens on,
 * then two searches.
 */
export const ledgerPages: BenchOperation = {
  only: 'ledger',
  target: { ratio: 1.3, ms: 20 },
  ledger: 'shared',
  async *lines({ log }, ledger) {
    const service = createLedgerService(ledger);
    const words = searchWords(ledger.sqlite);
    yield await firstPage(service, ledger);
    for (const c of SEARCHES) yield await searchPage(c, service, searchFloor(ledger.sqlite, words, c), log);
  },
};
