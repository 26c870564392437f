/**
 * The NGO registry (Decree 58/2022/NĐ-CP): certificates and their rules, the checks of items, pledges and stages, the
 * acknowledgements, the to-dos and the working days across Tết — on a real ledger file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import { DEFAULT_HOLIDAYS } from '../db/ngo/holidays';
import { addWorkingDays } from '../db/ngo/working-days';
import { tempLedger, type TestLedger } from './helpers';

async function refused(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

const holidays = new Set(DEFAULT_HOLIDAYS.map((h) => h.date));

describe('working days', () => {
  it('skip weekends: 5 working days after a Friday is the next Friday', () => {
    expect(addWorkingDays('2025-03-07', 5, new Set())).toBe('2025-03-14');
    expect(addWorkingDays('2025-03-08', 1, new Set())).toBe('2025-03-10');
    expect(addWorkingDays('2025-03-07', 0, new Set())).toBe('2025-03-07');
  });

  it('skip Tết 2025: 45 working days after 10/01/2025 end five working days later than without the holidays', () => {
    const without = addWorkingDays('2025-01-10', 45, new Set());
    const withTet = addWorkingDays('2025-01-10', 45, holidays);
    expect(without).toBe('2025-03-14');
    // Tết 2025: Monday 27 to Friday 31 January off (weekdays), and no other holiday before mid-March.
    expect(withTet).toBe('2025-03-21');
  });

  it('count a holiday on a weekend once: 1/1/2022 (a Saturday) is taken on Monday 3/1', () => {
    expect(holidays.has('2022-01-01')).toBe(true);
    expect(holidays.has('2022-01-03')).toBe(true);
    // From Friday 31/12/2021: Saturday, Sunday, then the day taken instead (Monday) are not worked.
    expect(addWorkingDays('2021-12-31', 1, holidays)).toBe('2022-01-04');
    // A weekend holiday without a day taken instead changes nothing.
    expect(addWorkingDays('2021-12-31', 1, new Set(['2022-01-01']))).toBe('2022-01-03');
  });

  it('hold the statutory days of each year 2022–2027, and the days taken instead of those on a weekend', () => {
    for (let year = 2022; year <= 2027; year++) {
      const of = DEFAULT_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`));
      expect(of.filter((h) => h.name === 'Tết Âm lịch')).toHaveLength(5);
      for (const day of ['01-01', '04-30', '05-01', '09-02']) expect(holidays.has(`${year}-${day}`)).toBe(true);
    }
    // 2023: Giỗ Tổ on Saturday 29/4 and 30/4 on Sunday: Tuesday 2 and Wednesday 3 May taken instead.
    expect(holidays.has('2023-05-02') && holidays.has('2023-05-03')).toBe(true);
  });
});

describe('the registry', () => {
  let t: TestLedger;
  let ngo: string;
  let other: string;
  let commune: string;
  beforeAll(async () => {
    t = await tempLedger({ clock: () => Date.parse('2025-06-01T08:00:00Z') });
    ngo = (await t.service.invoke('donors.create', { name: 'Plan International', kind: 'foreign_ngo', country: 'Anh' }))
      .id;
    other = (await t.service.invoke('donors.create', { name: 'Công ty ABC', kind: 'company' })).id;
    commune = (await t.service.invoke('places.list', {})).find((p) => p.level === 'district')!.id;
  });
  afterAll(() => t.close());

  it('lists every foreign NGO, with or without certificates, and no other donor', async () => {
    const list = await t.service.invoke('ngo.list', {});
    expect(list.map((n) => n.name)).toEqual(['Plan International']);
    expect(list[0]).toMatchObject({ certificate: null, certificateCount: 0, itemCount: 0, country: 'Anh' });
  });

  it('refuses a registry entry for a donor that is not a foreign NGO, naming it', async () => {
    const error = await refused(
      t.service.invoke('ngo.addCertificate', {
        donorId: other,
        kind: 'operation',
        number: '1/BNG',
        issuedOn: '2024-01-01',
        validUntil: '2026-01-01',
        provinces: ['04'],
        fields: ['health'],
      }),
    );
    expect(error.field).toBe('donorId');
    expect(error.bilingual.vi).toContain('Công ty ABC không phải tổ chức phi chính phủ nước ngoài');
  });

  it('holds certificates to Art. 9: at most 3 years (office: 5), not before issue, within the registration at home', async () => {
    const base = {
      donorId: ngo,
      kind: 'operation' as const,
      number: '12/BNG-GĐK',
      provinces: ['04'],
      fields: ['health'],
    };
    const tooLong = await refused(
      t.service.invoke('ngo.addCertificate', { ...base, issuedOn: '2024-01-10', validUntil: '2027-01-11' }),
    );
    expect(tooLong.field).toBe('validUntil');
    expect(tooLong.bilingual.en).toContain('at most 3 years from 10/01/2024, that is to 10/01/2027');
    const backwards = await refused(
      t.service.invoke('ngo.addCertificate', { ...base, issuedOn: '2024-01-10', validUntil: '2024-01-09' }),
    );
    expect(backwards.bilingual.en).toContain('is before the date of issue');
    const unknown = await refused(
      t.service.invoke('ngo.addCertificate', {
        ...base,
        provinces: ['99'],
        issuedOn: '2024-01-10',
        validUntil: '2025-01-10',
      }),
    );
    expect(unknown.field).toBe('provinces');
    await t.service.invoke('ngo.saveProfile', {
      donorId: ngo,
      homeRegistrationUntil: '2026-06-30',
      homeCountry: 'Anh',
    });
    const beyondHome = await refused(
      t.service.invoke('ngo.addCertificate', { ...base, issuedOn: '2024-01-10', validUntil: '2027-01-10' }),
    );
    expect(beyondHome.bilingual.en).toContain("after the NGO's registration at home ends (30/06/2026)");
    const office = await refused(
      t.service.invoke('ngo.addCertificate', {
        ...base,
        kind: 'representative_office',
        officeCity: '04',
        issuedOn: '2024-01-10',
        validUntil: '2026-01-10',
      }),
    );
    expect(office.field).toBe('officeCity');
    expect(await t.service.invoke('ngo.list', {})).toMatchObject([{ certificateCount: 0 }]);
  });

  it('allows one representative office in force at a time', async () => {
    const office = {
      donorId: ngo,
      kind: 'representative_office' as const,
      officeCity: '01',
      provinces: ['01'],
      fields: ['social'],
    };
    const first = await t.service.invoke('ngo.addCertificate', {
      ...office,
      number: 'VP-1',
      issuedOn: '2021-07-01',
      validUntil: '2026-06-30',
    });
    expect(first).toMatchObject({ issuedBy: 'Bộ Ngoại giao', status: 'in_force', inForce: true });
    const second = await refused(
      t.service.invoke('ngo.addCertificate', {
        ...office,
        number: 'VP-2',
        issuedOn: '2025-01-01',
        validUntil: '2026-06-30',
      }),
    );
    expect(second.bilingual.vi).toContain('mỗi tổ chức chỉ có một văn phòng đại diện');
    await t.service.invoke('ngo.deleteCertificate', { id: first.id, reason: 'Nhập nhầm' });
  });

  it('flags an item, a pledge and a stage dated after the certificate expired or outside its province or sector', async () => {
    const certificate = await t.service.invoke('ngo.addCertificate', {
      donorId: ngo,
      kind: 'operation',
      number: '45/BNG-GĐK',
      issuedOn: '2022-03-01',
      validUntil: '2025-02-28',
      // Hà Giang (02), merged into Tuyên Quang, and Cao Bằng.
      provinces: ['02', '04'],
      fields: ['health', 'education'],
    });
    expect(certificate.provinceNames).toEqual(['Tỉnh Hà Giang', 'Tỉnh Cao Bằng']);
    // In force and covering: no warning.
    expect(
      await t.service.invoke('ngo.check', { donorId: ngo, date: '2024-05-01', placeId: commune, sector: 'health' }),
    ).toEqual([]);
    // Another sector.
    const [sector] = await t.service.invoke('ngo.check', { donorId: ngo, date: '2024-05-01', sector: 'agriculture' });
    expect(sector!.reasons).toEqual(['sector_not_covered']);
    expect(sector!.message.vi).toContain('45/BNG-GĐK');
    // Expired.
    const [expired] = await t.service.invoke('ngo.check', { donorId: ngo, date: '2025-03-01', sector: 'health' });
    expect(expired!.reasons).toEqual(['expired']);
    expect(expired!.message.vi).toBe('Giấy đăng ký 45/BNG-GĐK hết hạn 28/02/2025, trước ngày 01/03/2025');
    // Another donor kind is never checked.
    expect(await t.service.invoke('ngo.check', { donorId: other, date: '2030-01-01' })).toEqual([]);

    const item = await t.service.invoke('items.create', {
      name: 'Nước sạch cho trường học',
      modality: 'project',
      sector: 'water',
      donorId: ngo,
      placeIds: [commune],
      approvalNumber: '123/QĐ-UBND',
      approvalDate: '2024-04-01',
      stage: 'approved',
      stageDate: '2024-04-01',
    });
    await t.service.invoke('items.stage', { id: item.id, stage: 'implementing', date: '2025-04-15' });
    const pledge = await t.service.invoke('pledges.create', {
      donorId: ngo,
      placeId: commune,
      kind: 'gift',
      description: 'Bồn nước',
      amountMinor: 10_000_000,
      currency: 'VND',
      pledgeDate: '2024-06-01',
    });
    const warnings = await t.service.invoke('ngo.warnings', {});
    expect(warnings.map((w) => [w.subject, w.date, w.reasons])).toEqual([
      ['item', '2024-04-01', ['sector_not_covered']],
      ['stage', '2025-04-15', ['expired']],
    ]);
    expect(warnings[0]).toMatchObject({
      id: item.id,
      itemId: item.id,
      donorName: 'Plan International',
      acknowledged: null,
    });
    // The pledge is of no item, so its sector is not checked: in force, in Cao Bằng.
    expect(warnings.some((w) => w.id === pledge.id)).toBe(false);
    await t.service.invoke('items.attach', { itemId: item.id, pledgeIds: [pledge.id] });
    const ofItem = await t.service.invoke('ngo.warnings', { itemId: item.id });
    expect(ofItem.map((w) => w.subject).sort()).toEqual(['item', 'pledge', 'stage']);

    // Acknowledged with a reason: recorded, left out, listed when asked.
    const refusedAck = await refused(
      t.service.invoke('ngo.acknowledge', { subject: 'pledge', id: item.id, reason: 'x' }),
    );
    expect(refusedAck.code).toBe('not_found');
    const ack = await t.service.invoke('ngo.acknowledge', {
      subject: 'item',
      id: item.id,
      reason: 'Bộ Ngoại giao đã nhận hồ sơ bổ sung lĩnh vực',
    });
    expect(ack.acknowledged).toMatchObject({ reason: 'Bộ Ngoại giao đã nhận hồ sơ bổ sung lĩnh vực' });
    const after = await t.service.invoke('ngo.warnings', { itemId: item.id });
    expect(after.map((w) => w.subject).sort()).toEqual(['pledge', 'stage']);
    const all = await t.service.invoke('ngo.warnings', { itemId: item.id, includeAcknowledged: true });
    expect(all.find((w) => w.subject === 'item')!.acknowledged!.reason).toContain('hồ sơ bổ sung');

    const detail = await t.service.invoke('ngo.get', { id: ngo });
    expect(detail.warnings).toHaveLength(3);
    expect(detail.summary.warningCount).toBe(2);
    expect(detail.history.map((h) => [h.action, h.entity])).toContainEqual(['create', 'ngo_acknowledgement']);
  });

  it('takes a suspension from its decision: earlier records stand, later ones are flagged', async () => {
    const [cert] = (await t.service.invoke('ngo.get', { id: ngo })).certificates;
    const noDecision = await refused(
      t.service.invoke('ngo.updateCertificate', { id: cert!.id, status: 'suspended', reason: 'QĐ' }),
    );
    expect(noDecision.field).toBe('decisionDate');
    const suspended = await t.service.invoke('ngo.updateCertificate', {
      id: cert!.id,
      status: 'suspended',
      decisionNumber: '99/QĐ-BNG',
      decisionDate: '2024-09-01',
      reason: 'Bộ Ngoại giao đình chỉ',
    });
    expect(suspended.inForce).toBe(false);
    const [on] = await t.service.invoke('ngo.check', { donorId: ngo, date: '2024-10-01', sector: 'health' });
    expect(on!.reasons).toEqual(['suspended']);
    expect(on!.message.en).toBe('Certificate 45/BNG-GĐK suspended from 01/09/2024 (99/QĐ-BNG)');
    expect(await t.service.invoke('ngo.check', { donorId: ngo, date: '2024-08-31', sector: 'health' })).toEqual([]);
    const history = (await t.service.invoke('ngo.get', { id: ngo })).history.filter((h) => h.entityId === cert!.id);
    expect(history.at(-1)).toMatchObject({ action: 'update', note: 'Bộ Ngoại giao đình chỉ' });
    expect(
      history
        .at(-1)!
        .changes.map((c) => c.field)
        .sort(),
    ).toEqual(['decisionDate', 'decisionNumber', 'status']);
    await t.service.invoke('ngo.updateCertificate', {
      id: cert!.id,
      status: 'in_force',
      decisionNumber: null,
      decisionDate: null,
      reason: 'Nhập nhầm',
    });
  });

  it('keeps contacts, plans and yearly reports, on time or late', async () => {
    const contact = await t.service.invoke('ngo.saveContact', {
      donorId: ngo,
      name: 'Nguyễn Văn A',
      role: 'Điều phối',
      email: 'a@plan.org',
    });
    const badMail = await refused(
      t.service.invoke('ngo.saveContact', { donorId: ngo, name: 'B', email: 'không phải thư' }),
    );
    expect(badMail.field).toBe('email');
    await t.service.invoke('ngo.saveContact', { ...contact, phone: '0912 345 678' });
    const [cert] = (await t.service.invoke('ngo.get', { id: ngo })).certificates;
    // Issued 01/03/2022 (a Tuesday): 45 working days, with 30/4–1/5 (weekend, taken on 2–3/5) end on 06/05/2022.
    const onTime = await t.service.invoke('ngo.addPlan', {
      donorId: ngo,
      certificateId: cert!.id,
      receivedOn: '2022-05-06',
      placeIds: [commune],
    });
    expect(onTime.onTime).toBe(true);
    expect(onTime.placeNames).toHaveLength(1);
    const late = await t.service.invoke('ngo.addPlan', {
      donorId: ngo,
      certificateId: cert!.id,
      receivedOn: '2022-05-09',
    });
    expect(late.onTime).toBe(false);
    await t.service.invoke('ngo.deletePlan', { id: late.id });
    expect(
      await t.service.invoke('ngo.addYearReport', { donorId: ngo, year: 2023, receivedOn: '2023-12-18' }),
    ).toMatchObject({ onTime: true });
    expect(
      await t.service.invoke('ngo.addYearReport', { donorId: ngo, year: 2022, receivedOn: '2023-01-05' }),
    ).toMatchObject({ onTime: false });
    const twice = await refused(
      t.service.invoke('ngo.addYearReport', { donorId: ngo, year: 2023, receivedOn: '2023-12-20' }),
    );
    expect(twice.code).toBe('duplicate');
    const detail = await t.service.invoke('ngo.get', { id: ngo });
    expect(detail.contacts).toEqual([
      {
        id: contact.id,
        donorId: ngo,
        name: 'Nguyễn Văn A',
        role: 'Điều phối',
        phone: '0912 345 678',
        email: 'a@plan.org',
      },
    ]);
    expect(detail.reports.map((r) => r.year)).toEqual([2023, 2022]);
    expect(detail.profile.homeCountry).toBe('Anh');
  });

  it('lists to-dos: a certificate expiring within 90 days, a plan missing after 45 working days, a report missing', async () => {
    const todo = await t.service.invoke('ngo.todo', { today: '2025-01-15' });
    expect(todo.expiring.map((e) => [e.certificate.number, e.daysLeft])).toEqual([['45/BNG-GĐK', 44]]);
    // 2024's report was never received: due 18/12/2024.
    expect(todo.reportsMissing).toEqual([
      { donorId: ngo, donorName: 'Plan International', year: 2024, dueOn: '2024-12-18' },
    ]);
    expect(todo.plansMissing).toEqual([]);
    // Extended on 10/01/2025: its plan is due 45 working days later, Tết skipped.
    const [cert] = (await t.service.invoke('ngo.get', { id: ngo })).certificates;
    await t.service.invoke('ngo.updateCertificate', {
      id: cert!.id,
      status: 'extended',
      decisionNumber: '7/QĐ-BNG',
      decisionDate: '2025-01-10',
      validUntil: '2026-06-30',
      reason: 'Gia hạn',
    });
    const later = await t.service.invoke('ngo.todo', { today: '2025-03-24' });
    expect(later.plansMissing.map((p) => [p.certificate.number, p.dueOn])).toEqual([['45/BNG-GĐK', '2025-03-21']]);
    expect(later.expiring).toEqual([]);
    expect((await t.service.invoke('ngo.todo', { today: '2025-03-21' })).plansMissing).toEqual([]);
  });

  it('keeps its own holiday list, editable', async () => {
    const list = await t.service.invoke('ngo.holidays', {});
    expect(list).toEqual(DEFAULT_HOLIDAYS);
    expect(contextFor(t.ledger).sqlite.prepare('SELECT count(*) AS n FROM ngo_holidays').get()).toEqual({ n: 0 });
    const set = await t.service.invoke('ngo.setHolidays', { holidays: [{ date: '2025-02-03', name: 'Nghỉ riêng' }] });
    expect(set).toEqual([{ date: '2025-02-03', name: 'Nghỉ riêng' }]);
    expect(await t.service.invoke('ngo.holidays', {})).toEqual(set);
    // Restored for the other tests.
    await t.service.invoke('ngo.setHolidays', { holidays: [...DEFAULT_HOLIDAYS] });
    const ctx = contextFor(t.ledger);
    expect(ctx.sqlite.prepare('SELECT count(*) AS n FROM ngo_holidays').get()).toEqual({ n: DEFAULT_HOLIDAYS.length });
  });
});
