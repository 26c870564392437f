/**
 * One question, one answer: `cli totals --by place --json` gives the groups the dashboard's chart by place gets from
 * the contract for the same filter — a former commune's 2022 pledge in its former district, today's communes after
 * the reform, with and without "today's units" — and a former unit is shown with the day it ended.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Place, rollUpPlace, type TotalsResult } from '../contract';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { type FilterState, toContractFilter } from '../renderer/src/filters';
import { runCli } from './cli-run';
import { tempDir } from './helpers';

const dir = tempDir();
const file = join(dir.dir, 'cao-bang.sqlite');
/** Tuyên Quang, which took in the former province of Hà Giang. */
const merged = join(dir.dir, 'tuyen-quang.sqlite');
/** The day the dashboard is looked at: "today's units" are those of this day. */
const TODAY = new Date(2026, 11, 4);

/** The contract call the dashboard's chart by place makes for a filter (Dashboard.tsx: filter, place, currency, language). */
async function dashboardByPlace(state: FilterState, db = file): Promise<TotalsResult> {
  const ledger = await openLedger(db);
  try {
    const service = createLedgerService(ledger);
    const places = await service.invoke('places.list', {});
    const rollUpUnder = rollUpPlace(state.placeId, places);
    return await service.invoke('totals', {
      by: 'place',
      filter: toContractFilter(state, TODAY),
      in: 'VND',
      lang: 'vi',
      ...(rollUpUnder ? { rollUpUnder } : {}),
    });
  } finally {
    await ledger.close();
  }
}

/** The command line's answer for the same filter. */
function cliByPlace(state: FilterState, place?: string, db = file): unknown {
  const filter = toContractFilter(state, TODAY);
  const run = runCli(
    'totals',
    '--db',
    db,
    '--by',
    'place',
    '--json',
    ...(filter.from ? ['--from', filter.from] : []),
    ...(filter.to ? ['--to', filter.to] : []),
    ...(filter.unitsOf ? ['--units-of', filter.unitsOf] : []),
    ...(place ? ['--place', place] : []),
  );
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

/** The dashboard's result as the command line prints it. */
const asPrinted = (r: TotalsResult) => ({
  currency: r.currency,
  groups: r.groups.map(({ key, label, pledged, delivered }) => ({ key, label, pledged, delivered })),
  total: { pledged: r.total.pledged, delivered: r.total.delivered },
});

let places: Place[];
let tqPlaces: Place[];
/** The unit of this name, under a unit of that name when given. */
const unitIn = (list: Place[], name: string, under?: string) =>
  list.find((p) => p.displayName === name && (!under || list.find((q) => q.id === p.parentId)?.displayName === under))!;
const unit = (name: string, under?: string) => unitIn(places, name, under);

/** A ledger of the province, with a pledge of each amount at each unit on each day. */
async function ledgerWith(db: string, province: string, pledges: (ps: Place[]) => [Place, string, number][]) {
  expect(runCli('init', '--db', db, '--province', province).status).toBe(0);
  const ledger = await openLedger(db);
  try {
    const service = createLedgerService(ledger);
    const list = await service.invoke('places.list', {});
    const donor = await service.invoke('donors.create', { name: 'Quỹ Hồng Trị', kind: 'foundation' });
    for (const [place, pledgeDate, amountMinor] of pledges(list)) {
      await service.invoke('pledges.create', {
        donorId: donor.id,
        placeId: place.id,
        kind: 'house',
        description: 'Nhà ở',
        amountMinor,
        currency: 'VND',
        pledgeDate,
        status: 'pledged',
      });
    }
    return list;
  } finally {
    await ledger.close();
  }
}

beforeAll(async () => {
  places = await ledgerWith(file, '04', (list) => [
    // Before the reform: a former commune, a former district, the province.
    [unitIn(list, 'Xã Hồng Trị'), '2022-07-07', 900_000_000],
    [unitIn(list, 'Xã Phan Thanh', 'Huyện Nguyên Bình'), '2022-08-01', 300_000_000],
    [unitIn(list, 'Huyện Bảo Lạc'), '2022-09-10', 400_000_000],
    [unitIn(list, 'Tỉnh Cao Bằng'), '2022-09-20', 50_000_000],
    // After it: today's communes.
    [unitIn(list, 'Xã Bảo Lạc'), '2025-09-01', 100_000_000],
    [unitIn(list, 'Phường Thục Phán'), '2025-10-15', 70_000_000],
  ]);
  tqPlaces = await ledgerWith(merged, '08', (list) => [
    // The former province Hà Giang's commune and district, Tuyên Quang's own former district, today's commune.
    [unitIn(list, 'Xã Lũng Cú', 'Huyện Đồng Văn'), '2022-07-07', 200_000_000],
    [unitIn(list, 'Huyện Mèo Vạc'), '2022-08-01', 100_000_000],
    [unitIn(list, 'Tỉnh Hà Giang'), '2022-08-02', 10_000_000],
    [unitIn(list, 'Huyện Na Hang'), '2022-09-01', 40_000_000],
    [unitIn(list, 'Xã Lũng Cú', 'Tỉnh Tuyên Quang'), '2025-09-01', 60_000_000],
  ]);
}, 120_000);
afterAll(() => dir.remove());

const PERIODS: [string, Pick<FilterState, 'from' | 'to'>][] = [
  ['2022-Q3', { from: '2022-07-01', to: '2022-09-30' }],
  ['2022, part of a month', { from: '2022-07-05', to: '2022-12-31' }],
  ['2025-H2', { from: '2025-07-01', to: '2025-12-31' }],
  ['all', {}],
];

describe('totals by place: the command line and the dashboard', () => {
  for (const [ledger, db] of [
    ['Cao Bằng', file],
    ['Tuyên Quang', merged],
  ]) {
    for (const [name, range] of PERIODS) {
      for (const todaysUnits of [false, true]) {
        it(`${ledger}, ${name}, ${todaysUnits ? "in today's units" : 'as recorded'}`, async () => {
          const state: FilterState = {
            ...(range.from || range.to ? { preset: 'custom', ...range } : { preset: 'all' }),
            kinds: [],
            statuses: [],
            text: '',
            ...(todaysUnits ? { todaysUnits } : {}),
          };
          expect(cliByPlace(state, undefined, db)).toEqual(asPrinted(await dashboardByPlace(state, db)));
        });
      }
    }
  }

  it("groups a former province merged into the ledger's under its own former districts", async () => {
    const q3: FilterState = {
      preset: 'custom',
      from: '2022-07-01',
      to: '2022-09-30',
      kinds: [],
      statuses: [],
      text: '',
    };
    const groups = (cliByPlace(q3, undefined, merged) as { groups: { key: string; label: string; pledged: number }[] })
      .groups;
    const tq = (name: string, under?: string) => unitIn(tqPlaces, name, under).id;
    expect(groups.map((g) => [g.key, g.label, g.pledged])).toEqual([
      [tq('Huyện Đồng Văn'), 'Huyện Đồng Văn (trước 01/07/2025)', 200_000_000],
      [tq('Huyện Mèo Vạc'), 'Huyện Mèo Vạc (trước 01/07/2025)', 100_000_000],
      [tq('Huyện Na Hang'), 'Huyện Na Hang (trước 01/07/2025)', 40_000_000],
      [tq('Tỉnh Hà Giang'), 'Tỉnh Hà Giang (trước 01/07/2025)', 10_000_000],
    ]);
    // In today's units Lũng Cú's 2022 pledge is today's Xã Lũng Cú's, beside the district and province now divided.
    const today = (cliByPlace({ ...q3, todaysUnits: true }, undefined, merged) as { groups: { label: string }[] })
      .groups;
    expect(today.map((g) => g.label)).toContain('Xã Lũng Cú');
  });

  it('rolls a former commune up to its former district, marked with the day it ended', async () => {
    const q3: FilterState = {
      preset: 'custom',
      from: '2022-07-01',
      to: '2022-09-30',
      kinds: [],
      statuses: [],
      text: '',
    };
    const labels = (cliByPlace(q3) as { groups: { label: string; pledged: number }[] }).groups;
    expect(labels).toEqual([
      {
        key: unit('Huyện Bảo Lạc').id,
        label: 'Huyện Bảo Lạc (trước 01/07/2025)',
        pledged: 1_300_000_000,
        delivered: 0,
      },
      {
        key: unit('Huyện Nguyên Bình').id,
        label: 'Huyện Nguyên Bình (trước 01/07/2025)',
        pledged: 300_000_000,
        delivered: 0,
      },
      { key: unit('Tỉnh Cao Bằng').id, label: 'Tỉnh Cao Bằng', pledged: 50_000_000, delivered: 0 },
    ]);
    // In today's units Hồng Trị's pledge is Xã Bảo Lạc's; the district's own stays apart, marked as former.
    const today = (cliByPlace({ ...q3, todaysUnits: true }) as { groups: { label: string }[] }).groups;
    expect(today.map((g) => g.label)).toContain('Xã Bảo Lạc');
    expect(today.map((g) => g.label)).toContain('Huyện Bảo Lạc (trước 01/07/2025)');
  });

  it('groups under the place chosen, as the dashboard does when a place is filtered on', async () => {
    const state: FilterState = {
      preset: 'custom',
      from: '2022-01-01',
      to: '2022-12-31',
      placeId: unit('Huyện Bảo Lạc').id,
      kinds: [],
      statuses: [],
      text: '',
    };
    const answer = cliByPlace(state, 'Huyện Bảo Lạc') as { groups: { label: string }[] };
    expect(answer).toEqual(asPrinted(await dashboardByPlace(state)));
    expect(answer.groups.map((g) => g.label).sort()).toEqual(
      ['Huyện Bảo Lạc (trước 01/07/2025)', 'Xã Hồng Trị (trước 01/07/2025)'].sort(),
    );
  });
});
