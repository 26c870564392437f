/**
 * One search over the ledger (`search.find`), on real ledger files: Tuyên Quang's, and a national one holding every
 * province. Pledges, aid items, donors, places and report periods are found with accents and case optional, every
 * word typed found in any order; grouped by kind, the best group first, a few of each with how many there are; a
 * place of another province is named with its province; the report phrases name the periods the reports screen
 * offers; bad input is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_COUNT_CAP, type SearchGroup, type SearchHit, type SearchKind, type SearchResults } from '../contract';
import { generateLedger } from '../db/samples/synthetic';
import { tempLedger, type TestLedger } from './helpers';
import { seedFor } from './random';

let tq: TestLedger;
let national: TestLedger;
const TODAY = '2026-12-07';

const ids: Record<string, string> = {};

beforeAll(async () => {
  tq = await tempLedger({ seed: false });
  await tq.service.invoke('places.choose', { province: '08' });
  national = await tempLedger({ seed: false });
  await national.service.invoke('places.choose', { province: 'all' });
  const s = tq.service;
  const places = await s.invoke('places.list', { validOn: TODAY });
  const minhQuang = places.find((p) => p.displayName === 'Xã Minh Quang')!;
  const hamYen = places.find((p) => p.displayName === 'Xã Hàm Yên')!;
  const vision = await s.invoke('donors.create', {
    name: 'Tổ chức Tầm nhìn Thế giới',
    shortName: 'WVI',
    country: 'Hoa Kỳ',
    kind: 'foreign_ngo',
  });
  const lotus = await s.invoke('donors.create', { name: 'Quỹ Hoa Sen', country: 'Hàn Quốc', kind: 'foundation' });
  const twice = await s.invoke('donors.create', { name: 'Quỹ Sen Hồng', kind: 'foundation' });
  await s.invoke('donors.merge', { id: twice.id, intoId: lotus.id });
  ids.vision = vision.id;
  ids.lotus = lotus.id;
  const pledge = (donorId: string, placeId: string, description: string, date: string, extra = {}) =>
    s.invoke('pledges.create', {
      donorId,
      placeId,
      kind: 'house',
      description,
      amountMinor: 60_000_000,
      currency: 'VND',
      pledgeDate: date,
      ...extra,
    });
  ids.house = (await pledge(vision.id, minhQuang.id, 'Nhà ở', '2026-09-01', { approvalNumber: 'QĐ 123/QĐ-UBND' })).id;
  ids.houses = (await pledge(lotus.id, hamYen.id, 'Xây nhà ở cho hộ nghèo', '2025-09-02')).id;
  ids.wells = (await pledge(lotus.id, hamYen.id, 'Giếng nước sạch', '2025-08-09')).id;
  for (let i = 1; i <= 7; i++) await pledge(vision.id, hamYen.id, `Quà Tết đợt ${i}`, `2026-0${i}-15`);
  ids.item = (
    await s.invoke('items.create', {
      name: 'Dự án nước sạch Hàm Yên',
      modality: 'project',
      sector: 'health',
      donorId: lotus.id,
      approvalNumber: 'QĐ 456/QĐ-UBND',
      approvalDate: '2023-06-01',
    })
  ).id;
  ids.minhQuang = minhQuang.id;
}, 180_000);
afterAll(async () => {
  await tq?.close();
  await national?.close();
});

const find = (text: string, t: TestLedger = tq, limit?: number): Promise<SearchResults> =>
  t.service.invoke('search.find', { text, today: TODAY, ...(limit ? { limit } : {}) });
const group = (r: SearchResults, kind: SearchKind): SearchGroup | undefined => r.groups.find((g) => g.kind === kind);
const idsOf = (r: SearchResults, kind: SearchKind) => (group(r, kind)?.hits ?? []).map((h) => ('id' in h ? h.id : ''));
const names = (hits: SearchHit[]) =>
  hits.map((h) =>
    h.kind === 'pledge' ? h.description : h.kind === 'report' ? h.period : h.kind === 'place' ? h.displayName : h.name,
  );

describe('one search', () => {
  it('finds a place, accents and case aside, in any word order, the place named first', async () => {
    for (const text of ['tuyen quang', 'TUYÊN QUANG', 'Tuyên quang', 'quang tuyen']) {
      const r = await find(text);
      expect(r.groups[0]?.kind, text).toBe('place');
      expect(r.groups[0]!.hits[0], text).toMatchObject({ displayName: 'Tỉnh Tuyên Quang', validTo: null });
    }
    // A unit that lies in the province: found with its province named.
    const commune = (await find('minh quang')).groups.find((g) => g.kind === 'place')!.hits[0]!;
    expect(commune).toMatchObject({ id: ids.minhQuang, within: [{ displayName: 'Tỉnh Tuyên Quang' }] });
  });

  it('finds pledges by their words, their decision and their donor, every word needed', async () => {
    const home = await find('nha o');
    expect(idsOf(home, 'pledge')).toEqual([ids.house, ids.houses]);
    // "Nhà ở" itself is the best answer, and the pledges come before anything else.
    expect(home.groups[0]!.kind).toBe('pledge');
    expect(group(await find('o nha'), 'pledge')).toMatchObject({ total: 2 });
    expect(idsOf(await find('qd 123'), 'pledge')).toEqual([ids.house]);
    expect(idsOf(await find('123 QĐ'), 'pledge')).toEqual([ids.house]);
    expect(idsOf(await find('nha o ngheo'), 'pledge')).toEqual([ids.houses]);
    expect(idsOf(await find('nha o hoa sen'), 'pledge')).toEqual([ids.houses]);
    // A word found nowhere: nothing at all.
    expect((await find('nha o khongco')).groups).toEqual([]);
    expect((await find('   ')).groups).toEqual([]);
  });

  it('finds donors by name, short name, country and merged name, each donor once', async () => {
    for (const text of ['tam nhin', 'WVI', 'hoa ky', 'the gioi tam nhin'])
      expect(idsOf(await find(text), 'donor'), text).toEqual([ids.vision]);
    const merged = await find('sen hong');
    expect(idsOf(merged, 'donor')).toEqual([ids.lotus]);
    expect(group(merged, 'donor')!.hits[0]).toMatchObject({ name: 'Quỹ Hoa Sen', country: 'Hàn Quốc', pledgeCount: 2 });
    // The donor itself is the best answer for its own name, before its pledges.
    expect((await find('quỹ hoa sen')).groups.map((g) => g.kind)).toEqual(['donor', 'item', 'pledge']);
  });

  it('finds aid items by name, decision and donor', async () => {
    for (const text of ['nuoc sach ham yen', 'qd 456', 'QĐ-UBND 456', 'hoa sen nuoc'])
      expect(idsOf(await find(text), 'item'), text).toEqual([ids.item]);
    expect(group(await find('du an nuoc sach'), 'item')!.hits[0]).toMatchObject({
      name: 'Dự án nước sạch Hàm Yên',
      donorName: 'Quỹ Hoa Sen',
      approvalNumber: 'QĐ 456/QĐ-UBND',
      stage: 'proposed',
    });
  });

  it('shows a few of each kind, the newest pledges first, with how many there are', async () => {
    const r = await find('qua tet', tq, 3);
    expect(group(r, 'pledge')).toMatchObject({ total: 7, more: false });
    expect(names(group(r, 'pledge')!.hits)).toEqual(['Quà Tết đợt 7', 'Quà Tết đợt 6', 'Quà Tết đợt 5']);
    const places = group(await find('xa', tq, 2), 'place')!;
    expect(places.hits).toHaveLength(2);
    expect(places.total).toBeGreaterThan(100);
    // Numbers are words too.
    expect(names(group(await find('dot 5'), 'pledge')!.hits)).toEqual(['Quà Tết đợt 5']);
  });
});

describe('report periods named', () => {
  const periods = async (text: string, today = TODAY) =>
    names(group(await tq.service.invoke('search.find', { text, today, limit: 20 }), 'report')?.hits ?? []);

  it('reads a quarter, a half year and a year in either language', async () => {
    const cases: [string, string[]][] = [
      ['quý 4 2022', ['2022-Q4']],
      ['q4/2022', ['2022-Q4']],
      ['Q4 2022', ['2022-Q4']],
      ['2022 q4', ['2022-Q4']],
      ['QUÝ IV NĂM 2022', ['2022-Q4']],
      ['báo cáo quý 2 năm 2023', ['2023-Q2']],
      ['quý 2023', ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']],
      ['6 tháng 2023', ['2023-H1', '2023-H2']],
      ['6 tháng đầu năm 2023', ['2023-H1']],
      ['6 thang cuoi nam 2023', ['2023-H2']],
      ['h2/2023', ['2023-H2']],
      ['first half of 2023', ['2023-H1']],
      ['second half 2023', ['2023-H2']],
      ['quarter 2023', ['2023-Q1', '2023-Q2', '2023-Q3', '2023-Q4']],
      ['h1 2023', ['2023-H1']],
      ['năm 2024', ['2024']],
      ['báo cáo năm 2024', ['2024']],
      ['bao cao nam 2024', ['2024']],
      ['annual report 2024', ['2024']],
      ['2024', ['2024']],
    ];
    for (const [text, expected] of cases) expect(await periods(text), text).toEqual(expected);
  });

  it('takes a quarter without its year as the latest one begun, and an unfinished year as the years it begins', async () => {
    expect(await periods('quý 4')).toEqual(['2026-Q4']);
    expect(await periods('quy 4', '2026-02-10')).toEqual(['2025-Q4']);
    expect(await periods('quy 1', '2026-02-10')).toEqual(['2026-Q1']);
    expect(await periods('6 tháng cuối', '2026-03-01')).toEqual(['2025-H2']);
    expect(await periods('quý 4 202')).toEqual(
      ['2027', '2026', '2025', '2024', '2023', '2022', '2021', '2020'].map((y) => `${y}-Q4`),
    );
    expect(await periods('bao ca')).toEqual([]);
  });

  it('names no period for words outside the phrase or years the reports screen does not offer', async () => {
    for (const text of ['nha o 2022', 'quý 5 2022', 'năm 1999', 'năm 2030', 'quý 4 6 tháng 2022', 'quý', 'báo cáo'])
      expect(await periods(text), text).toEqual([]);
  });

  it('puts a report named first, dated by the department’s rule', async () => {
    const r = await find('báo cáo năm 2024');
    expect(r.groups[0]).toMatchObject({
      kind: 'report',
      hits: [{ period: '2024', periodKind: 'year', year: 2024, part: 1, label: 'NĂM 2024', cutoff: 'calendar' }],
    });
    await tq.service.invoke('settings.update', { reportCutoff: 'statutory' });
    try {
      expect(group(await find('quý 4 2022'), 'report')!.hits[0]).toMatchObject({
        label: 'QUÝ IV NĂM 2022',
        labelEn: 'Q4 2022',
        from: '2022-09-15',
        to: '2022-12-14',
        cutoff: 'statutory',
      });
    } finally {
      await tq.service.invoke('settings.update', { reportCutoff: 'calendar' });
    }
  });
});

describe('a national ledger', () => {
  it('names each place found with its province', async () => {
    const r = await find('xa minh quang', national, 20);
    const hits = group(r, 'place')!.hits.filter((h) => h.kind === 'place');
    const provinces = hits.map((h) => h.within.at(-1)?.displayName);
    expect(provinces).toContain('Tỉnh Tuyên Quang');
    expect(provinces).toContain('Thành phố Hà Nội');
    // Today's unit before the former ones of the same name, the name itself before names that begin with it.
    expect(hits[0]).toMatchObject({ displayName: 'Xã Minh Quang', validTo: null });
    const former = hits.filter((h) => h.displayName === 'Xã Minh Quang').map((h) => h.validTo !== null);
    expect(former.indexOf(true)).toBeGreaterThan(former.lastIndexOf(false));
  });

  it('narrows a place by its province’s words', async () => {
    const hits = group(await find('minh quang ha noi', national, 20), 'place')!.hits;
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.kind === 'place' && hit.within.at(-1)?.displayName).toBe('Thành phố Hà Nội');
    const province = (await find('cao bang', national)).groups[0]!;
    expect(province.hits[0]).toMatchObject({ kind: 'place', displayName: 'Tỉnh Cao Bằng', within: [] });
  });
});

describe('bad input', () => {
  it('is refused with the field named, changing nothing', async () => {
    const bad: unknown[] = [
      { text: 'x'.repeat(201) },
      { text: 'nha o', limit: 0 },
      { text: 'nha o', limit: 21 },
      { text: 'nha o', limit: 2.5 },
      { text: 42 },
      {},
      { text: 'nha o', today: '07/12/2026' },
      { text: 'nha o', order: 'date' },
    ];
    for (const input of bad) {
      const answer = await tq.service.call('search.find', input);
      expect(answer.ok, JSON.stringify(input)).toBe(false);
      if (!answer.ok) expect(answer.error.code).toBe('invalid_input');
    }
    expect((await tq.service.call('search.find', { text: 'x'.repeat(200) })).ok).toBe(true);
  });
});

describe('a generated ledger', () => {
  let big: TestLedger;
  beforeAll(async () => {
    big = await tempLedger({ seed: false });
    await generateLedger(big.ledger, { rows: 8_000, seed: seedFor('search: generated ledger'), donors: 30 });
  }, 120_000);
  afterAll(() => big?.close());

  it('finds the pledges the ledger’s own search finds, the newest first, counted the same up to the cap', async () => {
    const texts = [
      'ho tro',
      'nha o',
      'qua tet ngheo',
      'to chuc tai tro so 7',
      'xa',
      'bao lac',
      'hoc bong 2021',
      'khongco',
    ];
    for (const text of texts) {
      const ledger = await big.service.invoke('pledges.list', {
        filter: { text },
        sort: { by: 'pledgeDate', dir: 'desc' },
        page: { offset: 0, limit: 5 },
        withTotal: true,
      });
      const pledges = group(await find(text, big), 'pledge');
      expect(pledges?.hits.map((h) => h.kind === 'pledge' && h.id).sort(), text).toEqual(
        ledger.total ? ledger.rows.map((r) => r.id).sort() : undefined,
      );
      if (!pledges) continue;
      expect(pledges.total, text).toBe(Math.min(ledger.total!, SEARCH_COUNT_CAP));
      expect(pledges.more, text).toBe(ledger.total! > SEARCH_COUNT_CAP);
    }
  });
});
