/** Every contract method through the service (the same path IPC, HTTP and the CLI take), with its error paths. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUTO_STATUS_NOTE, METHODS, type Method } from '../contract';
import type { Envelope } from '../contract/errors';
import { mergeAreas, method } from '../contract/method';
import { ROOT, tableCounts, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger();
});
afterEach(async () => {
  await t.close();
});

const call = (method: string, input: unknown) => t.service.call(method, input);

/** Calls a method that must fail and checks it changed nothing. */
async function expectError(method: string, input: unknown, code: string, field?: string) {
  const before = tableCounts(t.ledger);
  const envelope = (await call(method, input)) as Envelope<unknown>;
  if (envelope.ok) throw new Error(`${method} unexpectedly succeeded`);
  expect(envelope.error.code).toBe(code);
  if (field !== undefined) expect(envelope.error.field).toBe(field);
  expect(envelope.error.message.vi.length).toBeGreaterThan(3);
  expect(envelope.error.message.en.length).toBeGreaterThan(3);
  expect(envelope.error.message.vi).not.toBe(envelope.error.message.en);
  expect(tableCounts(t.ledger)).toEqual(before);
  return envelope.error;
}

async function place(name: string) {
  const places = await t.service.invoke('places.list', {});
  return places.find((p) => p.name === name)!;
}

async function donor(name = 'Tổ chức Tzu Chi') {
  return t.service.invoke('donors.create', {
    name,
    kind: 'foreign_ngo',
    country: 'Đài Loan (Trung Quốc)',
    shortName: 'Tzu Chi',
  });
}

async function pledge(overrides: Record<string, unknown> = {}) {
  const d = overrides.donorId ? null : await donor();
  const p = await place('Bảo Lạc');
  return t.service.invoke('pledges.create', {
    donorId: d?.id,
    placeId: p.id,
    kind: 'house',
    description: 'Hỗ trợ làm nhà cho hộ nghèo',
    quantity: '20',
    unit: 'hộ',
    amountMinor: 700_000_000,
    currency: 'VND',
    pledgeDate: '2022-08-01',
    ...overrides,
  } as never);
}

describe('the contract module', () => {
  it('lists every method the service implements, area.verb', () => {
    expect(METHODS).toEqual(
      expect.arrayContaining([
        'app.info',
        'places.list',
        'places.create',
        'places.update',
        'donors.list',
        'donors.create',
        'donors.update',
        'donors.delete',
        'pledges.list',
        'pledges.get',
        'pledges.create',
        'pledges.update',
        'pledges.delete',
        'deliveries.create',
        'deliveries.update',
        'deliveries.delete',
        'rates.list',
        'rates.set',
        'totals',
      ] satisfies Method[]),
    );
    for (const m of METHODS) expect(m).toMatch(/^[a-z]+(\.[a-z][A-Za-z]*)?$/);
  });

  it('merges the areas, refusing a name two areas both declare and naming every one', () => {
    const spec = method<null>()(z.strictObject({}));
    const donors = { 'donors.list': spec, 'donors.get': spec };
    const pledges = { 'pledges.list': spec };
    expect(Object.keys(mergeAreas(donors, pledges))).toEqual(['donors.list', 'donors.get', 'pledges.list']);
    expect(() => mergeAreas(donors, pledges, { 'donors.list': spec })).toThrow(
      'contract methods declared twice: donors.list',
    );
    expect(() => mergeAreas(donors, { 'pledges.list': spec, 'donors.get': spec }, pledges)).toThrow(
      'contract methods declared twice: donors.get, pledges.list',
    );
  });

  it("holds every method of every area's map once", async () => {
    const declared: string[] = [];
    const dir = join(ROOT, 'contract');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts')) {
      const area = (await import(join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(area)) {
        if (name.endsWith('Methods') && value && typeof value === 'object') declared.push(...Object.keys(value));
      }
    }
    expect(declared.length).toBeGreaterThan(0);
    expect(new Set(declared).size, 'a method declared by two areas').toBe(declared.length);
    expect(new Set(METHODS).size).toBe(METHODS.length);
    expect([...METHODS].sort()).toEqual(declared.sort());
  });

  it('refuses unknown methods and malformed input', async () => {
    await expectError('pledges.nuke', {}, 'unknown_method');
    await expectError('__proto__', {}, 'unknown_method');
    await expectError('donors.create', 'not an object', 'invalid_input');
    await expectError('donors.create', { name: 'X', kind: 'foreign_ngo', extra: 1 }, 'invalid_input', 'extra');
  });

  it('validates the input of the read methods too', async () => {
    await expectError('app.info', { verbose: true }, 'invalid_input', 'verbose');
    await expectError('places.list', { validOn: '30/06/2025' }, 'invalid_input', 'validOn');
    await expectError('donors.list', { text: 42 }, 'invalid_input', 'text');
    await expectError('pledges.get', { id: 'not-a-uuid' }, 'invalid_input', 'id');
    await expectError('pledges.list', { filter: { kinds: ['house', 'palace'] } }, 'invalid_input', 'filter.kinds.1');
    await expectError('rates.list', { currency: 'DOGE' }, 'invalid_input', 'currency');
    await expectError('rates.propose', { currency: 'USD' }, 'invalid_input', 'date');
    await expectError('totals', { by: 'kind', in: 'EUR' }, 'invalid_input', 'in');
  });
});

describe('app.info', () => {
  it('describes the ledger and this installation', async () => {
    const info = await t.service.invoke('app.info', {});
    expect(info.schemaVersion).toBe(25);
    expect(info.site.name).toBe('Máy thử nghiệm');
    expect(info.site.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(info.databasePath).toBe(t.file);
    expect(info.counts.places).toBe(11);
  });
});

describe('places', () => {
  it('are seeded with Cao Bằng and its ten district-level units valid until 30/06/2025', async () => {
    const places = await t.service.invoke('places.list', {});
    const province = places.find((p) => p.level === 'province')!;
    expect(province).toMatchObject({ name: 'Cao Bằng', code: '04', parentId: null });
    const districts = places.filter((p) => p.level === 'district');
    expect(districts.map((d) => d.name).sort()).toEqual(
      [
        'Bảo Lạc',
        'Bảo Lâm',
        'Hà Quảng',
        'Hạ Lang',
        'Hòa An',
        'Nguyên Bình',
        'Quảng Hòa',
        'Thành phố Cao Bằng',
        'Thạch An',
        'Trùng Khánh',
      ].sort(),
    );
    expect(districts.every((d) => d.parentId === province.id && d.validTo === '2025-06-30')).toBe(true);
    expect(await t.service.invoke('places.list', { validOn: '2025-07-01' })).toHaveLength(1);
  });

  it('are created and updated with successor links for the 2025 reform', async () => {
    const province = await place('Cao Bằng');
    const baoLac = await place('Bảo Lạc');
    const commune = await t.service.invoke('places.create', {
      name: 'Xã Bảo Lạc',
      level: 'commune',
      parentId: province.id,
      validFrom: '2025-07-01',
      code: '01234',
    });
    const updated = await t.service.invoke('places.update', { id: baoLac.id, successorIds: [commune.id] });
    expect(updated.successorIds).toEqual([commune.id]);
    const renamed = await t.service.invoke('places.update', { id: commune.id, name: 'Xã Bảo Lạc mới' });
    expect(renamed.name).toBe('Xã Bảo Lạc mới');
  });

  it('refuse a wrong shape with the field at fault', async () => {
    const province = await place('Cao Bằng');
    const baoLac = await place('Bảo Lạc');
    await expectError('places.create', { name: 'Xã A', level: 'commune' }, 'invalid_input', 'parentId');
    await expectError(
      'places.create',
      { name: 'Tỉnh B', level: 'province', parentId: province.id },
      'invalid_input',
      'parentId',
    );
    await expectError(
      'places.create',
      { name: 'Huyện C', level: 'district', parentId: baoLac.id },
      'invalid_input',
      'parentId',
    );
    await expectError(
      'places.create',
      { name: 'Xã D', level: 'commune', parentId: crypto.randomUUID() },
      'not_found',
      'parentId',
    );
    await expectError(
      'places.create',
      { name: 'Xã E', level: 'commune', parentId: baoLac.id, validFrom: '2025-01-01', validTo: '2024-01-01' },
      'invalid_input',
      'validTo',
    );
    await expectError(
      'places.create',
      { name: 'Xã F', level: 'commune', parentId: baoLac.id, code: '04' },
      'duplicate',
      'code',
    );
    await expectError('places.create', { name: '', level: 'commune', parentId: baoLac.id }, 'invalid_input', 'name');
    await expectError(
      'places.create',
      { name: 'Xã G', level: 'village', parentId: baoLac.id },
      'invalid_input',
      'level',
    );
    await expectError('places.update', { id: province.id, parentId: baoLac.id, level: 'district' }, 'invalid_input');
    await expectError('places.update', { id: crypto.randomUUID(), name: 'x' }, 'not_found', 'placeId');
    await expectError('places.update', { id: baoLac.id, successorIds: [baoLac.id] }, 'invalid_input', 'successorIds');
  });

  it('refuse names with control characters at the boundary, naming the field', async () => {
    const baoLac = await place('Bảo Lạc');
    for (const name of ['\u0000Xã H', 'Xã\nI', 'Xã\tK', 'Xã\u001fL', 'Xã\u007fM']) {
      const error = await expectError(
        'places.create',
        { name, level: 'commune', parentId: baoLac.id },
        'invalid_input',
        'name',
      );
      expect(error.message.en).toContain('control character');
    }
    await expectError('donors.create', { name: 'Quỹ\u0000A', kind: 'foundation' }, 'invalid_input', 'name');
    await expectError(
      'donors.create',
      { name: 'Quỹ B', shortName: 'B\u0007', kind: 'foundation' },
      'invalid_input',
      'shortName',
    );
    await expectError('settings.update', { siteName: 'Máy\r\n2' }, 'invalid_input', 'siteName');
    // A name with letters from any script and inner spaces is fine.
    expect(
      (await t.service.invoke('donors.create', { name: 'Hội Chữ thập đỏ 日本 — Chi nhánh', kind: 'foundation' })).name,
    ).toBe('Hội Chữ thập đỏ 日本 — Chi nhánh');
  });
});

describe('donors', () => {
  it('are unique by name ignoring case, accents and Unicode normalisation', async () => {
    await donor('Tổ chức Tzu Chi');
    await expectError('donors.create', { name: 'TO CHUC TZU CHI', kind: 'foreign_ngo' }, 'duplicate', 'name');
    await expectError(
      'donors.create',
      { name: 'Tổ chức Tzu Chi'.normalize('NFD'), kind: 'foreign_ngo' },
      'duplicate',
      'name',
    );
    await expectError('donors.create', { name: '  tổ   chức tzu chi ', kind: 'foreign_ngo' }, 'duplicate', 'name');
  });

  it('are listed, searched without accents, updated and deleted', async () => {
    const tzu = await donor();
    await t.service.invoke('donors.create', {
      name: 'Liên hiệp các tổ chức hữu nghị Việt Nam',
      shortName: 'VUFO',
      kind: 'domestic_intermediary',
    });
    expect((await t.service.invoke('donors.list', {})).map((d) => d.shortName)).toEqual(['VUFO', 'Tzu Chi']);
    expect((await t.service.invoke('donors.list', { text: 'lien hiep' })).map((d) => d.shortName)).toEqual(['VUFO']);
    expect((await t.service.invoke('donors.list', { text: 'vufo' })).map((d) => d.shortName)).toEqual(['VUFO']);
    const updated = await t.service.invoke('donors.update', {
      id: tzu.id,
      country: 'Taiwan',
      notes: 'Từ thiện Phật giáo',
    });
    expect(updated).toMatchObject({ name: 'Tổ chức Tzu Chi', country: 'Taiwan', notes: 'Từ thiện Phật giáo' });
    await expectError(
      'donors.update',
      { id: tzu.id, name: 'liên hiệp các tổ chức hữu nghị việt nam' },
      'duplicate',
      'name',
    );
    expect(await t.service.invoke('donors.delete', { id: tzu.id })).toEqual({ id: tzu.id });
    expect(await t.service.invoke('donors.list', {})).toHaveLength(1);
  });

  it('cannot be deleted while pledges refer to them', async () => {
    const p = await pledge();
    const error = await expectError('donors.delete', { id: p.donorId }, 'in_use', 'id');
    expect(error.message.vi).toContain('1 cam kết');
    await expectError('donors.delete', { id: crypto.randomUUID() }, 'not_found', 'id');
  });
});

describe('pledges', () => {
  it('are created with exact money and their VND equivalent', async () => {
    await t.service.invoke('rates.set', {
      currency: 'USD',
      validOn: '2022-08',
      rate: '23000',
      source: 'Thư nhà tài trợ',
    });
    const d = await t.service.invoke('donors.create', { name: 'The VinaCapital Foundation', kind: 'foreign_ngo' });
    const p = await pledge({
      donorId: d.id,
      kind: 'scholarship',
      quantity: null,
      unit: null,
      amountMinor: 1_000_000,
      currency: 'usd',
      pledgeDate: '2022-08-15',
    });
    expect(p).toMatchObject({
      amountMinor: 1_000_000,
      currency: 'USD',
      rate: '23000',
      rateDate: '2022-08-01',
      rateSource: 'Thư nhà tài trợ',
      vndEquivalent: 230_000_000,
    });
    const typed = await pledge({
      donorId: d.id,
      amountMinor: 123_457,
      quantity: null,
      currency: 'USD',
      rate: '23070.50',
      rateSource: 'NHNN',
    });
    expect(typed).toMatchObject({ rate: '23070.5', vndEquivalent: 28_482_147, status: 'pledged' }); // 1,234.57 × 23,070.5 = 28,482,147.185
  });

  it('compute the amount from quantity × unit value, and refuse a total that differs', async () => {
    const p = await pledge({ amountMinor: null, unitValueMinor: 44_000_000 });
    expect(p.amountMinor).toBe(880_000_000);
    const error = await expectError(
      'pledges.create',
      { ...(await pledgeInput()), unitValueMinor: 44_000_000, amountMinor: 700_000_000 },
      'amount_mismatch',
      'amountMinor',
    );
    expect(error.message.vi).toContain('880.000.000');
  });

  async function pledgeInput() {
    const [d] = await t.service.invoke('donors.list', {});
    const p = await place('Bảo Lạc');
    return {
      donorId: d!.id,
      placeId: p.id,
      kind: 'house',
      description: 'Nhà',
      quantity: '20',
      amountMinor: 700_000_000,
      currency: 'VND',
      pledgeDate: '2022-08-01',
    };
  }

  it('refuse bad input naming the field, and change nothing', async () => {
    await donor();
    const base = await pledgeInput();
    await expectError('pledges.create', { ...base, amountMinor: -1 }, 'invalid_input', 'amountMinor');
    await expectError('pledges.create', { ...base, amountMinor: 1.5 }, 'invalid_input', 'amountMinor');
    await expectError('pledges.create', { ...base, amountMinor: '700000000' }, 'invalid_input', 'amountMinor');
    await expectError('pledges.create', { ...base, currency: 'XYZ' }, 'invalid_input', 'currency');
    await expectError('pledges.create', { ...base, pledgeDate: '2022-02-30' }, 'invalid_input', 'pledgeDate');
    await expectError('pledges.create', { ...base, pledgeDate: '05/09/2022' }, 'invalid_input', 'pledgeDate');
    await expectError('pledges.create', { ...base, kind: 'castle' }, 'invalid_input', 'kind');
    await expectError('pledges.create', { ...base, description: '   ' }, 'invalid_input', 'description');
    await expectError('pledges.create', { ...base, quantity: '1,5' }, 'invalid_input', 'quantity');
    await expectError('pledges.create', { ...base, donorId: crypto.randomUUID() }, 'not_found', 'donorId');
    await expectError('pledges.create', { ...base, placeId: crypto.randomUUID() }, 'not_found', 'placeId');
    await expectError(
      'pledges.create',
      { ...base, amountMinor: undefined, quantity: undefined },
      'invalid_input',
      'amountMinor',
    );
    await expectError('pledges.create', { ...base, currency: 'EUR' }, 'rate_missing', 'rate');
    await expectError('pledges.create', { ...base, currency: 'USD', rate: '0' }, 'invalid_input', 'rate');
    const late = await expectError('pledges.create', { ...base, pledgeDate: '2025-08-01' }, 'invalid_input', 'placeId');
    expect(late.message.vi).toContain('30/06/2025');
  });

  it('are listed with filters, accent-insensitive search, sorting, paging and a total count', async () => {
    const tzu = await donor();
    const vufo = await t.service.invoke('donors.create', {
      name: 'Liên hiệp các tổ chức hữu nghị Việt Nam',
      shortName: 'VUFO',
      kind: 'domestic_intermediary',
    });
    const province = await place('Cao Bằng');
    const nguyenBinh = await place('Nguyên Bình');
    const a = await pledge({ donorId: tzu.id, pledgeDate: '2022-08-01' });
    const b = await pledge({
      donorId: tzu.id,
      placeId: nguyenBinh.id,
      kind: 'gift',
      description: 'Quà Tết',
      quantity: null,
      amountMinor: 500_000_000,
      pledgeDate: '2022-09-10',
    });
    const c = await pledge({
      donorId: vufo.id,
      placeId: province.id,
      kind: 'gift',
      description: 'Quà an sinh',
      quantity: null,
      amountMinor: 100_000_000,
      pledgeDate: '2022-07-07',
      status: 'completed',
    });
    const ids = async (input: object) => (await t.service.invoke('pledges.list', input as never)).rows.map((r) => r.id);

    expect(await ids({})).toEqual([b.id, a.id, c.id]); // newest first by default
    expect(await ids({ filter: { text: 'bao lac' } })).toEqual([a.id]);
    expect(await ids({ filter: { text: 'BẢO LẠC' } })).toEqual([a.id]);
    expect(await ids({ filter: { text: 'tzu nguyen' } })).toEqual([b.id]);
    expect(await ids({ filter: { text: 'vufo' } })).toEqual([c.id]);
    expect(await ids({ filter: { text: '100%' } })).toEqual([]);
    expect(await ids({ filter: { placeId: province.id }, sort: { by: 'pledgeDate', dir: 'asc' } })).toEqual([
      c.id,
      a.id,
      b.id,
    ]);
    expect(await ids({ filter: { placeId: nguyenBinh.id } })).toEqual([b.id]);
    expect(await ids({ filter: { donorId: vufo.id } })).toEqual([c.id]);
    expect(await ids({ filter: { kinds: ['gift'] }, sort: { by: 'vndEquivalent', dir: 'desc' } })).toEqual([
      b.id,
      c.id,
    ]);
    expect(await ids({ filter: { statuses: ['completed'] } })).toEqual([c.id]);
    expect(await ids({ filter: { currencies: ['USD'] } })).toEqual([]);
    expect(await ids({ filter: { from: '2022-08-01', to: '2022-08-31' } })).toEqual([a.id]);
    const byDonor = await ids({ sort: { by: 'donor', dir: 'asc' } });
    expect(byDonor[0]).toBe(c.id); // 'Liên hiệp…' sorts before 'Tổ chức…'
    expect(byDonor.slice(1).sort()).toEqual([a.id, b.id].sort());
    expect(await t.service.invoke('pledges.summary', {})).toEqual({
      count: 3,
      pledgedVnd: 1_300_000_000,
      deliveredVnd: 0,
      remainingVnd: 1_300_000_000,
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: c.id,
      deliveryDate: '2022-07-08',
      amountMinor: 40_000_000,
    });
    expect(await t.service.invoke('pledges.summary', { filter: { donorId: vufo.id } })).toEqual({
      count: 1,
      pledgedVnd: 100_000_000,
      deliveredVnd: 40_000_000,
      remainingVnd: 60_000_000,
    });
    await t.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: c.id, status: 'cancelled' });
    expect(await t.service.invoke('pledges.summary', { filter: { donorId: vufo.id } })).toEqual({
      count: 1,
      pledgedVnd: 0,
      deliveredVnd: 0,
      remainingVnd: 0,
    });
    await t.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: c.id, status: 'completed' });
    const page = await t.service.invoke('pledges.list', { page: { offset: 1, limit: 1 } });
    expect(page).toMatchObject({
      total: 3,
      rows: [{ id: a.id, donorName: 'Tổ chức Tzu Chi', placeName: 'Bảo Lạc', remainingAmountMinor: 700_000_000 }],
    });
    expect(
      (await t.service.invoke('pledges.list', { page: { offset: 2, limit: 5 }, withTotal: false })).total,
    ).toBeNull();
    // Pages read from the far end come back in the same order as from the start.
    const all = (await t.service.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'asc' } })).rows.map(
      (r) => r.id,
    );
    for (let offset = 0; offset < 4; offset++) {
      const pageRows = await t.service.invoke('pledges.list', {
        sort: { by: 'pledgeDate', dir: 'asc' },
        page: { offset, limit: 2 },
        withTotal: false,
      });
      expect(pageRows.rows.map((r) => r.id)).toEqual(all.slice(offset, offset + 2));
    }
    await expectError('pledges.list', { page: { offset: 0, limit: 100000 } }, 'invalid_input', 'page.limit');
    await expectError('pledges.list', { sort: { by: 'secret_column', dir: 'asc' } }, 'invalid_input', 'sort.by');
  });

  it('find renamed donors and places by their new names', async () => {
    const p = await pledge();
    await t.service.invoke('donors.update', { id: p.donorId, name: 'Quỹ Từ Tế' });
    expect((await t.service.invoke('pledges.list', { filter: { text: 'tu te' } })).total).toBe(1);
    await t.service.invoke('places.update', { id: p.placeId, name: 'Huyện Bảo Lạc' });
    expect((await t.service.invoke('pledges.list', { filter: { text: 'huyen bao' } })).total).toBe(1);
  });

  it('are amended with the change and its reason kept in the history', async () => {
    const p = await pledge();
    const amended = await t.service.invoke('pledges.update', {
      id: p.id,
      unitValueMinor: 44_000_000,
      amountMinor: 880_000_000,
      reason: 'Sau khảo sát',
    });
    expect(amended.vndEquivalent).toBe(880_000_000);
    const detail = await t.service.invoke('pledges.get', { id: p.id });
    expect(detail.history.map((h) => h.action)).toEqual(['create', 'update']);
    const update = detail.history[1]!;
    expect(update.note).toBe('Sau khảo sát');
    expect(update.siteName).toBe('Máy thử nghiệm');
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'amountMinor', before: 700_000_000, after: 880_000_000 },
        { field: 'vndEquivalent', before: 700_000_000, after: 880_000_000 },
        { field: 'unitValueMinor', before: null, after: 44_000_000 },
      ]),
    );
    // Changing nothing records nothing.
    await t.service.invoke('pledges.update', { id: p.id, description: p.description });
    expect((await t.service.invoke('pledges.get', { id: p.id })).history).toHaveLength(2);
    // A changed quantity re-computes the amount from the unit value.
    expect(
      (await t.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, quantity: '21' })).amountMinor,
    ).toBe(924_000_000);
    await expectError(
      'pledges.update',
      { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 1 },
      'amount_mismatch',
      'amountMinor',
    );
    await expectError('pledges.update', { id: crypto.randomUUID(), notes: 'x' }, 'not_found', 'id');
    await expectError(
      'pledges.update',
      { reason: 'Điều chỉnh thử', id: p.id, status: 'lost' },
      'invalid_input',
      'status',
    );
  });

  it("keep their recorded rate when today's rate changes", async () => {
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-08', rate: '23000', source: 'KBNN' });
    const p = await pledge({ quantity: null, amountMinor: 1_000_000, currency: 'USD' });
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-08', rate: '25000', source: 'KBNN' });
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2026-11', rate: '26300', source: 'KBNN' });
    const amended = await t.service.invoke('pledges.update', { id: p.id, notes: 'Đã ký biên bản' });
    expect(amended).toMatchObject({ rate: '23000', vndEquivalent: 230_000_000 });
    const bigger = await t.service.invoke('pledges.update', {
      reason: 'Điều chỉnh thử',
      id: p.id,
      amountMinor: 2_000_000,
    });
    expect(bigger).toMatchObject({ rate: '23000', vndEquivalent: 460_000_000 });
  });

  it('are deleted with their deliveries, all recorded in the audit log', async () => {
    const p = await pledge();
    await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      amountMinor: 100_000_000,
    });
    expect(await t.service.invoke('pledges.delete', { id: p.id })).toEqual({ id: p.id });
    expect(tableCounts(t.ledger)).toMatchObject({ pledges: 0, deliveries: 0 });
    const actions = t.ledger.sqlite
      .prepare(`SELECT entity, action FROM audit_log WHERE entity IN ('pledge','delivery') ORDER BY rowid`)
      .all();
    expect(actions).toEqual([
      { entity: 'pledge', action: 'create' },
      { entity: 'delivery', action: 'create' },
      // The first delivery moved the pledge to "in progress".
      { entity: 'pledge', action: 'update' },
      { entity: 'delivery', action: 'delete' },
      { entity: 'pledge', action: 'delete' },
    ]);
    await expectError('pledges.get', { id: p.id }, 'not_found', 'id');
    await expectError('pledges.delete', { id: p.id }, 'not_found', 'id');
  });
});

describe('deliveries', () => {
  it('by quantity are worth their share of the amount, alike in the detail, the row and the ledger', async () => {
    // 600 suất worth 300.000.000 with no unit value: 200 delivered are worth 100.000.000.
    const p = await pledge({ quantity: '600', unit: 'suất', amountMinor: 300_000_000, unitValueMinor: null });
    const d = await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      quantity: '200',
    });
    expect(d).toMatchObject({ amountMinor: null, quantity: '200', vndEquivalent: 100_000_000 });
    const detail = await t.service.invoke('pledges.get', { id: p.id });
    expect(detail.remaining).toEqual({ amountMinor: 200_000_000, quantity: '400' });
    const [row] = (await t.service.invoke('pledges.list', {})).rows;
    expect(row).toMatchObject({
      deliveredAmountMinor: 100_000_000,
      deliveredVnd: 100_000_000,
      remainingAmountMinor: 200_000_000,
    });
    expect(await t.service.invoke('pledges.summary', {})).toMatchObject({
      deliveredVnd: 100_000_000,
      remainingVnd: 200_000_000,
    });

    // Money given beside it leaves 50.000.000: 200 more suất (100.000.000) are refused, 100 (50.000.000) complete it.
    await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-02',
      amountMinor: 150_000_000,
    });
    const over = await expectError(
      'deliveries.create',
      { pledgeId: p.id, deliveryDate: '2022-10-03', quantity: '200' },
      'over_delivered',
      'quantity',
    );
    expect(over.message.vi).toContain('50.000.000');
    await t.service.invoke('deliveries.create', { pledgeId: p.id, deliveryDate: '2022-10-03', quantity: '100' });
    const done = await t.service.invoke('pledges.get', { id: p.id });
    expect(done.remaining).toEqual({ amountMinor: 0, quantity: '300' });
    expect(done.pledge.status).toBe('completed');
  });

  it('by quantity are valued at the pledge as it is now, rounded half up in minor units', async () => {
    // USD 10.01 for 3 bộ: one is worth 333.67 cents → 334; the amount cannot go below that, nor the quantity go.
    const p = await pledge({
      quantity: '3',
      unit: 'bộ',
      amountMinor: 1001,
      unitValueMinor: null,
      currency: 'USD',
      rate: '25000',
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      quantity: '1',
      rate: '25000',
    });
    expect((await t.service.invoke('pledges.get', { id: p.id })).remaining).toEqual({
      amountMinor: 667,
      quantity: '2',
    });
    // Halving the amount halves the value of what was delivered: 500 × 1 ÷ 3 = 166.67 → 167.
    await t.service.invoke('pledges.update', { id: p.id, amountMinor: 500, reason: 'Điều chỉnh thử' });
    expect((await t.service.invoke('pledges.get', { id: p.id })).remaining).toEqual({
      amountMinor: 333,
      quantity: '2',
    });
    await expectError(
      'pledges.update',
      { id: p.id, quantity: null, reason: 'Điều chỉnh thử' },
      'invalid_input',
      'quantity',
    );
  });

  it('reduce what remains, and never below zero', async () => {
    const p = await pledge({ amountMinor: null, unitValueMinor: 35_000_000 });
    const d1 = await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      quantity: '5',
      notes: 'Bàn giao 5 căn',
    });
    expect(d1).toMatchObject({
      amountMinor: null,
      quantity: '5',
      currency: 'VND',
      rate: '1',
      vndEquivalent: 175_000_000,
    });
    const d2 = await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-11-01',
      amountMinor: 300_000_000,
    });
    let detail = await t.service.invoke('pledges.get', { id: p.id });
    // 700.000.000 less the 5 houses at 35.000.000 and the 300.000.000 given.
    expect(detail.remaining).toEqual({ amountMinor: 225_000_000, quantity: '15' });
    expect(detail.deliveries.map((d) => d.id)).toEqual([d1.id, d2.id]);
    const over = await expectError(
      'deliveries.create',
      { pledgeId: p.id, deliveryDate: '2022-12-01', amountMinor: 225_000_001 },
      'over_delivered',
      'amountMinor',
    );
    expect(over.message.vi).toContain('225.000.000');
    await expectError(
      'deliveries.create',
      { pledgeId: p.id, deliveryDate: '2022-12-01', quantity: '16' },
      'over_delivered',
      'quantity',
    );
    await expectError('deliveries.update', { id: d2.id, amountMinor: 525_000_001 }, 'over_delivered', 'amountMinor');
    await expectError(
      'pledges.update',
      { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 200_000_000, unitValueMinor: null },
      'over_delivered',
      'amountMinor',
    );
    await expectError(
      'deliveries.create',
      { pledgeId: p.id, deliveryDate: '2022-12-01' },
      'invalid_input',
      'amountMinor',
    );
    await expectError(
      'deliveries.create',
      { pledgeId: p.id, deliveryDate: '2022-12-01', amountMinor: 1, currency: 'USD' },
      'invalid_input',
      'currency',
    );
    await expectError(
      'deliveries.create',
      { pledgeId: crypto.randomUUID(), deliveryDate: '2022-12-01', amountMinor: 1 },
      'not_found',
      'pledgeId',
    );
    const edited = await t.service.invoke('deliveries.update', { id: d2.id, amountMinor: 400_000_000 });
    expect(edited.vndEquivalent).toBe(400_000_000);
    await t.service.invoke('deliveries.delete', { id: d1.id });
    detail = await t.service.invoke('pledges.get', { id: p.id });
    expect(detail.remaining).toEqual({ amountMinor: 300_000_000, quantity: '20' });
    expect(detail.history.map((h) => `${h.entity}:${h.action}`)).toEqual([
      'pledge:create',
      'delivery:create',
      'pledge:update',
      'delivery:create',
      'delivery:update',
      'delivery:delete',
    ]);
    await expectError('deliveries.delete', { id: d1.id }, 'not_found', 'id');
  });

  it('record their own rate, and none on a cancelled pledge', async () => {
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-08', rate: '23000', source: 'KBNN' });
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-12', rate: '23630', source: 'KBNN' });
    const p = await pledge({ quantity: null, amountMinor: 1_000_000, currency: 'USD' });
    const d = await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-12-20',
      amountMinor: 500_000,
    });
    expect(d).toMatchObject({ currency: 'USD', rate: '23630', vndEquivalent: 118_150_000 });
    await t.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, status: 'cancelled' });
    await expectError(
      'deliveries.create',
      { pledgeId: p.id, deliveryDate: '2022-12-21', amountMinor: 1 },
      'invalid_input',
      'pledgeId',
    );
  });
});

describe('exchange rates', () => {
  it('are set per month or day, listed, and proposed for a date', async () => {
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-01', rate: '23070', source: 'NHNN' });
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-12', rate: '23630', source: 'NHNN' });
    await t.service.invoke('rates.set', {
      currency: 'USD',
      validOn: '2022-12-15',
      rate: '23700.5',
      source: 'Vietcombank',
    });
    await t.service.invoke('rates.set', { currency: 'EUR', validOn: '2022-12', rate: '24800', source: 'NHNN' });
    expect((await t.service.invoke('rates.list', { currency: 'USD' })).map((r) => r.validOn)).toEqual([
      '2022-12-15',
      '2022-12',
      '2022-01',
    ]);
    expect(await t.service.invoke('rates.list', {})).toHaveLength(4);
    const propose = (date: string) => t.service.invoke('rates.propose', { currency: 'USD', date });
    expect(await propose('2021-12-31')).toBeNull();
    expect(await propose('2022-06-30')).toMatchObject({ rate: '23070', validOn: '2022-01' });
    expect(await propose('2022-12-01')).toMatchObject({ rate: '23630', validOn: '2022-12' });
    expect(await propose('2022-12-20')).toMatchObject({ rate: '23700.5', source: 'Vietcombank' });
    const replaced = await t.service.invoke('rates.set', {
      currency: 'USD',
      validOn: '2022-12',
      rate: '23640',
      source: 'NHNN',
    });
    expect(replaced.rate).toBe('23640');
    expect(await t.service.invoke('rates.list', {})).toHaveLength(4);
    await expectError(
      'rates.set',
      { currency: 'VND', validOn: '2022-12', rate: '1', source: 'x' },
      'invalid_input',
      'currency',
    );
    await expectError(
      'rates.set',
      { currency: 'USD', validOn: '2022-13', rate: '1', source: 'x' },
      'invalid_input',
      'validOn',
    );
    await expectError(
      'rates.set',
      { currency: 'USD', validOn: '2022-12', rate: '-5', source: 'x' },
      'invalid_input',
      'rate',
    );
    await expectError(
      'rates.set',
      { currency: 'USD', validOn: '2022-12', rate: '23000', source: '' },
      'invalid_input',
      'source',
    );
  });
});

describe('totals', () => {
  it('group pledged and delivered VND, leaving cancelled pledges out', async () => {
    const p1 = await pledge({ pledgeDate: '2022-08-01' });
    const vufo = await t.service.invoke('donors.create', { name: 'VUFO', kind: 'domestic_intermediary' });
    const p2 = await pledge({
      donorId: vufo.id,
      kind: 'gift',
      quantity: null,
      amountMinor: 500_000_000,
      pledgeDate: '2022-10-05',
    });
    await pledge({
      donorId: vufo.id,
      kind: 'cash',
      quantity: null,
      amountMinor: 999,
      pledgeDate: '2022-10-05',
      status: 'cancelled',
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: p1.id,
      deliveryDate: '2022-12-01',
      amountMinor: 100_000_000,
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: p2.id,
      deliveryDate: '2023-01-10',
      amountMinor: 500_000_000,
    });

    const byQuarter = await t.service.invoke('totals', { by: 'quarter' });
    expect(byQuarter.groups).toEqual([
      { key: '2022-Q3', label: 'Quý 3/2022', pledged: 700_000_000, delivered: 0, pledgeCount: 1, quantity: '20' },
      {
        key: '2022-Q4',
        label: 'Quý 4/2022',
        pledged: 500_000_000,
        delivered: 100_000_000,
        pledgeCount: 1,
        quantity: '0',
      },
      { key: '2023-Q1', label: 'Quý 1/2023', pledged: 0, delivered: 500_000_000, pledgeCount: 0, quantity: '0' },
    ]);
    expect(byQuarter.total).toEqual({ pledged: 1_200_000_000, delivered: 600_000_000, pledgeCount: 2 });

    const byKind = await t.service.invoke('totals', { by: 'kind', lang: 'en', filter: { to: '2022-12-31' } });
    expect(byKind.groups.map((g) => [g.label, g.pledged, g.delivered])).toEqual([
      ['Houses', 700_000_000, 100_000_000],
      ['Gifts', 500_000_000, 0],
    ]);
    const cancelled = await t.service.invoke('totals', { by: 'kind', filter: { statuses: ['cancelled'] } });
    expect(cancelled.total.pledged).toBe(999);
    const byPlace = await t.service.invoke('totals', {
      by: 'place',
      filter: { placeId: (await place('Cao Bằng')).id },
    });
    expect(byPlace.groups).toHaveLength(1);
    // The district ended with the reform: it is shown with the day it was no longer in force.
    expect(byPlace.groups[0]).toMatchObject({ label: 'Bảo Lạc (trước 01/07/2025)', pledged: 1_200_000_000 });
    await expectError('totals', { by: 'moon' }, 'invalid_input', 'by');
  });

  it("in USD use each row's own date rate, USD rows exactly, and keep rows without a rate apart", async () => {
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-08', rate: '23000', source: 'KBNN' });
    await pledge({ quantity: null, amountMinor: 230_000_000, pledgeDate: '2022-08-02' }); // 10,000.00 USD at 23,000
    const vcf = await t.service.invoke('donors.create', { name: 'VCF', kind: 'foreign_ngo' });
    await pledge({
      donorId: vcf.id,
      quantity: null,
      amountMinor: 1_000_001,
      currency: 'USD',
      rate: '24000',
      pledgeDate: '2022-08-03',
    });
    await pledge({ donorId: vcf.id, quantity: null, amountMinor: 5_000_000, pledgeDate: '2022-07-01' }); // no USD rate yet
    const usd = await t.service.invoke('totals', { by: 'donor', in: 'USD' });
    expect(usd.currency).toBe('USD');
    expect(usd.groups.find((g) => g.label === 'Tổ chức Tzu Chi')!.pledged).toBe(1_000_000);
    expect(usd.groups.find((g) => g.label === 'VCF')!.pledged).toBe(1_000_001);
    expect(usd.unconverted).toEqual({
      pledgedVnd: 5_000_000,
      deliveredVnd: 0,
      pledgeCount: 1,
      deliveryCount: 0,
      months: ['2022-07'],
    });
    expect(usd.total.pledged).toBe(2_000_001);
  });

  it('roll places up to the units directly under a chosen one', async () => {
    const province = await place('Cao Bằng');
    const baoLac = await place('Bảo Lạc');
    const commune = await t.service.invoke('places.create', {
      name: 'Xã Hưng Đạo',
      level: 'commune',
      parentId: baoLac.id,
      validTo: '2025-06-30',
    });
    const d = await donor();
    await pledge({ donorId: d.id, placeId: commune.id, quantity: '2.5', unit: 'tấn', amountMinor: 100 });
    await pledge({ donorId: d.id, placeId: baoLac.id, quantity: '3', amountMinor: 200 });
    await pledge({ donorId: d.id, placeId: province.id, quantity: null, amountMinor: 400 });
    const byDistrict = await t.service.invoke('totals', { by: 'place', rollUpUnder: province.id });
    expect(byDistrict.groups.map((g) => [g.label, g.pledged, g.quantity])).toEqual([
      ['Cao Bằng', 400, '0'],
      ['Bảo Lạc (trước 01/07/2025)', 300, '5.5'],
    ]);
    const byCommune = await t.service.invoke('totals', {
      by: 'place',
      rollUpUnder: baoLac.id,
      filter: { placeId: baoLac.id },
    });
    expect(byCommune.groups.map((g) => [g.label, g.pledged])).toEqual([
      ['Bảo Lạc (trước 01/07/2025)', 200],
      ['Xã Hưng Đạo (trước 01/07/2025)', 100],
    ]);
  });
});

describe('the NGO registry spreadsheets', () => {
  it('refuse a mapping to no field, a file that is none, and a period backwards, changing nothing', async () => {
    await expectError(
      'ngo.import',
      { files: [{ fileName: 'so.csv', base64: '', mapping: [{ header: 'Giấy tờ', field: 'giay' }] }] },
      'invalid_input',
      'files.0.mapping.0.field',
    );
    const refused = (await call('ngo.import', {
      files: [{ fileName: 'so.csv', base64: Buffer.from('không phải sổ').toString('base64') }],
    })) as Envelope<{ written: boolean; files: { errors: { row: number }[] }[] }>;
    expect(refused.ok && refused.result.written).toBe(false);
    expect(refused.ok && refused.result.files[0]!.errors[0]!.row).toBe(0);
    await expectError('ngo.export', { from: '2026-12-31', to: '2026-01-01' }, 'invalid_input', 'from');
  });
});

describe('settings', () => {
  it('keep the department name, installation name and language', async () => {
    expect(await t.service.invoke('settings.get', {})).toMatchObject({
      departmentName: '',
      siteName: 'Máy thử nghiệm',
      language: 'vi',
    });
    const updated = await t.service.invoke('settings.update', {
      departmentName: 'SỞ NGOẠI VỤ TỈNH CAO BẰNG',
      siteName: 'Phòng HTQT',
      language: 'en',
    });
    expect(updated).toMatchObject({
      departmentName: 'SỞ NGOẠI VỤ TỈNH CAO BẰNG',
      siteName: 'Phòng HTQT',
      language: 'en',
    });
    const p = await pledge();
    expect((await t.service.invoke('pledges.get', { id: p.id })).history[0]!.siteName).toBe('Phòng HTQT');
    await expectError('settings.update', { language: 'fr' }, 'invalid_input', 'language');
    await expectError('settings.update', { siteName: '  ' }, 'invalid_input', 'siteName');
  });
});

describe('amendments', () => {
  it('need a reason when money, quantity, currency, rate, donor, place, kind or status change, and name what changed', async () => {
    const p = await pledge();
    const other = await place('Nguyên Bình');
    for (const change of [
      { amountMinor: 880_000_000 },
      { quantity: '22' },
      { placeId: other.id },
      { kind: 'gift' },
      { status: 'completed' },
      { currency: 'USD', rate: '23000' },
    ]) {
      const error = await expectError('pledges.update', { id: p.id, ...change }, 'invalid_input', 'reason');
      expect(error.message.vi).toMatch(/^Lý do điều chỉnh: cần ghi lý do khi đổi /);
      expect(error.message.en).toMatch(/^Reason for the change: give the reason for changing /);
      await expectError('pledges.update', { id: p.id, ...change, reason: '   ' }, 'invalid_input', 'reason');
    }
    const both = await expectError(
      'pledges.update',
      { id: p.id, amountMinor: 880_000_000, unitValueMinor: 44_000_000 },
      'invalid_input',
      'reason',
    );
    expect(both.message.vi).toMatch(/Đơn giá, Thành tiền|Thành tiền, Đơn giá/);
    expect(both.message.en).toMatch(/Unit value, Amount|Amount, Unit value/);
    // Words alone need none; with a reason, the change is made and the reason kept in the history.
    await t.service.invoke('pledges.update', {
      id: p.id,
      notes: 'Đã ký biên bản',
      description: 'Làm nhà cho 20 hộ nghèo',
    });
    const amended = await t.service.invoke('pledges.update', {
      id: p.id,
      amountMinor: 880_000_000,
      unitValueMinor: 44_000_000,
      reason: 'Tăng sau khảo sát',
    });
    expect(amended.amountMinor).toBe(880_000_000);
    const history = (await t.service.invoke('pledges.get', { id: p.id })).history;
    expect(history.at(-1)).toMatchObject({ action: 'update', note: 'Tăng sau khảo sát' });
  });

  it('name the person and the installation that made them', async () => {
    const p = await pledge();
    // Before a name is given, only the installation is known.
    expect((await t.service.invoke('pledges.get', { id: p.id })).history[0]).toMatchObject({
      userName: null,
      siteName: 'Máy thử nghiệm',
    });
    expect(
      await t.service.invoke('settings.update', { userName: 'Nguyễn Văn A', siteName: 'Sở Ngoại vụ, máy 2' }),
    ).toMatchObject({ userName: 'Nguyễn Văn A', siteName: 'Sở Ngoại vụ, máy 2' });
    await t.service.invoke('pledges.update', {
      id: p.id,
      amountMinor: 800_000_000,
      reason: 'Theo thư của nhà tài trợ',
    });
    const history = (await t.service.invoke('pledges.get', { id: p.id })).history;
    expect(history.at(-1)).toMatchObject({
      userName: 'Nguyễn Văn A',
      siteName: 'Sở Ngoại vụ, máy 2',
      note: 'Theo thư của nhà tài trợ',
    });
    // Earlier entries keep the installation's name of their time.
    expect(history[0]).toMatchObject({ userName: null, siteName: 'Máy thử nghiệm' });
    await expectError('settings.update', { userName: ' ' }, 'invalid_input', 'userName');
    await expectError('settings.update', { userName: 'A\nB' }, 'invalid_input', 'userName');
  });
});

describe("a pledge's status", () => {
  it('follows its deliveries: the first one makes it in progress, the last completed; deleting them turns it back', async () => {
    const p = await pledge();
    const status = async () => (await t.service.invoke('pledges.get', { id: p.id })).pledge;
    expect(await status()).toMatchObject({ status: 'pledged', statusByUser: false });
    const first = await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      amountMinor: 300_000_000,
    });
    expect((await status()).status).toBe('in_progress');
    // The history holds the pledge as it reads after the change, field for field and in the same order.
    const {
      donorName: _d,
      donorShortName: _s,
      placeName: _p,
      todayPlaceName: _t,
      deliveredAmountMinor: _a,
      deliveredVnd: _v,
      remainingAmountMinor: _r,
      ...asRead
    } = await status();
    const entry = t.ledger.sqlite
      .prepare(`SELECT after FROM audit_log WHERE entity_id = ? AND action = 'update' ORDER BY rowid DESC LIMIT 1`)
      .get(p.id) as { after: string };
    expect(entry.after).toBe(JSON.stringify(asRead));
    const second = await t.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-11-01',
      amountMinor: 400_000_000,
    });
    expect((await status()).status).toBe('completed');
    await t.service.invoke('deliveries.update', { id: second.id, amountMinor: 100_000_000 });
    expect((await status()).status).toBe('in_progress');
    await t.service.invoke('deliveries.delete', { id: second.id });
    await t.service.invoke('deliveries.delete', { id: first.id });
    expect(await status()).toMatchObject({ status: 'pledged', statusByUser: false });
    // Every move is in the history, noted as made by the ledger, and the totals by status follow.
    const notes = (await t.service.invoke('pledges.get', { id: p.id })).history.filter(
      (h) => h.entity === 'pledge' && h.action === 'update',
    );
    expect(notes.map((h) => [h.note, h.changes.find((c) => c.field === 'status')?.after])).toEqual([
      [AUTO_STATUS_NOTE, 'in_progress'],
      [AUTO_STATUS_NOTE, 'completed'],
      [AUTO_STATUS_NOTE, 'in_progress'],
      [AUTO_STATUS_NOTE, 'pledged'],
    ]);
    const { stored, fromRows } = totalsAgainstRows(t.ledger);
    expect(stored).toEqual(fromRows);
  });

  it('is completed by the whole quantity too, and left as a person set it', async () => {
    const donorId = (await donor()).id;
    const byQuantity = await pledge({ donorId, amountMinor: null, unitValueMinor: 35_000_000 });
    await t.service.invoke('deliveries.create', {
      pledgeId: byQuantity.id,
      deliveryDate: '2022-10-01',
      quantity: '20',
    });
    expect((await t.service.invoke('pledges.get', { id: byQuantity.id })).pledge.status).toBe('completed');

    const set = await pledge({ donorId });
    await t.service.invoke('pledges.update', { id: set.id, status: 'completed', reason: 'Đã bàn giao theo biên bản' });
    expect((await t.service.invoke('pledges.get', { id: set.id })).pledge).toMatchObject({
      status: 'completed',
      statusByUser: true,
    });
    await t.service.invoke('deliveries.create', {
      pledgeId: set.id,
      deliveryDate: '2022-10-01',
      amountMinor: 100_000_000,
    });
    expect((await t.service.invoke('pledges.get', { id: set.id })).pledge.status).toBe('completed');

    const started = await pledge({ donorId, status: 'in_progress' });
    expect(started.statusByUser).toBe(true);
    const cancelled = await pledge({ donorId });
    await t.service.invoke('pledges.update', { id: cancelled.id, status: 'cancelled', reason: 'Nhà tài trợ rút' });
    await expectError(
      'deliveries.create',
      { pledgeId: cancelled.id, deliveryDate: '2022-10-01', amountMinor: 1 },
      'invalid_input',
      'pledgeId',
    );
  });
});

describe('the NGO registry', () => {
  it('refuses bad input naming the field, and changes nothing', async () => {
    const ngo = await donor();
    const company = await t.service.invoke('donors.create', { name: 'Công ty X', kind: 'company' });
    const cert = {
      donorId: ngo.id,
      kind: 'operation',
      number: '9/BNG-GĐK',
      issuedOn: '2023-01-01',
      validUntil: '2025-12-31',
      provinces: ['04'],
      fields: ['health'],
    };
    await expectError('ngo.addCertificate', { ...cert, donorId: company.id }, 'invalid_input', 'donorId');
    await expectError('ngo.addCertificate', { ...cert, donorId: crypto.randomUUID() }, 'not_found', 'donorId');
    await expectError('ngo.addCertificate', { ...cert, provinces: [] }, 'invalid_input', 'provinces');
    await expectError('ngo.addCertificate', { ...cert, provinces: ['4'] }, 'invalid_input', 'provinces.0');
    await expectError('ngo.addCertificate', { ...cert, validUntil: '2026-01-02' }, 'invalid_input', 'validUntil');
    await expectError('ngo.addCertificate', { ...cert, kind: 'branch' }, 'invalid_input', 'kind');
    await expectError('ngo.addCertificate', { ...cert, number: '' }, 'invalid_input', 'number');
    const made = await t.service.invoke('ngo.addCertificate', cert as never);
    await expectError('ngo.updateCertificate', { id: made.id, notes: 'x' }, 'invalid_input', 'reason');
    await expectError(
      'ngo.updateCertificate',
      { id: made.id, status: 'revoked', reason: 'QĐ' },
      'invalid_input',
      'decisionDate',
    );
    await expectError('ngo.deleteCertificate', { id: crypto.randomUUID(), reason: 'x' }, 'not_found', 'id');
    await expectError('ngo.saveProfile', { donorId: ngo.id, officeCity: '04' }, 'invalid_input', 'officeCity');
    await expectError(
      'ngo.saveProfile',
      { donorId: ngo.id, homeRegistrationUntil: '2024-01-01' },
      'invalid_input',
      'homeRegistrationUntil',
    );
    await expectError('ngo.saveContact', { donorId: ngo.id, name: 'A', email: 'a@' }, 'invalid_input', 'email');
    await expectError('ngo.addPlan', { donorId: ngo.id, receivedOn: '2023-02-30' }, 'invalid_input', 'receivedOn');
    await expectError(
      'ngo.addPlan',
      { donorId: ngo.id, receivedOn: '2023-02-01', placeIds: [crypto.randomUUID()] },
      'not_found',
      'placeIds',
    );
    await expectError(
      'ngo.addYearReport',
      { donorId: ngo.id, year: 1999, receivedOn: '2023-12-01' },
      'invalid_input',
      'year',
    );
    await expectError('ngo.acknowledge', { subject: 'item', id: crypto.randomUUID(), reason: 'x' }, 'not_found', 'id');
    await expectError(
      'ngo.acknowledge',
      { subject: 'item', id: crypto.randomUUID(), reason: ' ' },
      'invalid_input',
      'reason',
    );
    await expectError(
      'ngo.setHolidays',
      { holidays: [{ date: '2025-13-01', name: 'x' }] },
      'invalid_input',
      'holidays.0.date',
    );
    await expectError(
      'ngo.check',
      { donorId: ngo.id, date: '2024-01-01', placeId: crypto.randomUUID() },
      'not_found',
      'placeId',
    );
    await expectError('ngo.get', { id: company.id }, 'invalid_input', 'id');
    // The registry's records of an NGO keep it from being deleted, as its pledges do.
    const error = await expectError('donors.delete', { id: ngo.id }, 'in_use', 'id');
    expect(error.message.en).toContain('the NGO registry still holds 1 record(s) of it');
  });

  it('reads a certificate naming a former province as covering the province of today it became', async () => {
    const ngo = await donor();
    // Hà Giang (02) became part of Tuyên Quang (08) on 01/07/2025; this ledger serves Cao Bằng.
    await t.service.invoke('ngo.addCertificate', {
      donorId: ngo.id,
      kind: 'operation',
      number: '10/BNG-GĐK',
      issuedOn: '2024-03-01',
      validUntil: '2027-02-28',
      provinces: ['02'],
      fields: ['health'],
    });
    const [here] = await t.service.invoke('ngo.check', { donorId: ngo.id, date: '2025-08-01', sector: 'health' });
    expect(here!.reasons).toEqual(['province_not_covered']);
    expect(here!.message.vi).toContain('không gồm địa bàn Tỉnh Cao Bằng');
    const list = await t.service.invoke('ngo.list', {});
    expect(list[0]!.certificate!.provinceNames).toEqual(['Tỉnh Hà Giang']);
    // A ledger of Tuyên Quang: the same certificate covers it.
    const tuyenQuang = await tempLedger({ seed: false });
    try {
      await tuyenQuang.service.invoke('places.choose', { province: '08' });
      const other = await tuyenQuang.service.invoke('donors.create', { name: 'Tổ chức Y', kind: 'foreign_ngo' });
      await tuyenQuang.service.invoke('ngo.addCertificate', {
        donorId: other.id,
        kind: 'operation',
        number: '10/BNG-GĐK',
        issuedOn: '2024-03-01',
        validUntil: '2027-02-28',
        provinces: ['02'],
        fields: ['health'],
      });
      expect(
        await tuyenQuang.service.invoke('ngo.check', { donorId: other.id, date: '2025-08-01', sector: 'health' }),
      ).toEqual([]);
    } finally {
      await tuyenQuang.close();
    }
  });
});
