/**
 * The NGO registry in bundles: carried whole to another office, edits made without seeing each other kept as a
 * conflict at both, the same ledger whatever order bundles arrive in, a district's change to it refused, a bundle of
 * an earlier release (no registry) still merged, and a certificate's deletion kept and undone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextFor } from '../db/core/context';
import type { Ledger } from '../db/core/open';
import { exportBundle } from '../db/sync/export';
import { decodeBundle } from '../db/sync/format';
import { importBundle, type MergeCounts } from '../db/sync/import';
import { contentOf, forgeBundle, keyOf } from './forge';
import { introduce, tempLedger, type TestLedger } from './helpers';

const NGO_TABLES = [
  'ngo_profiles',
  'ngo_certificates',
  'ngo_contacts',
  'ngo_plans',
  'ngo_year_reports',
  'ngo_acknowledgements',
];

let province: TestLedger;
let office: TestLedger;
let ngo: string;

async function exportFrom(t: TestLedger, all = true): Promise<Buffer> {
  return t.ledger.db
    .transaction()
    .execute(async (trx) => (await exportBundle(contextFor(t.ledger, trx), { all })).bytes);
}
async function importInto(t: TestLedger, bytes: Buffer, allowDeletions = false): Promise<MergeCounts> {
  return t.ledger.db
    .transaction()
    .execute((trx) => importBundle(contextFor(t.ledger, trx), bytes, { dryRun: false, allowDeletions }));
}
/** The registry's rows as stored, bookkeeping included. */
function registry(ledger: Ledger) {
  return Object.fromEntries(
    NGO_TABLES.map((table) => [table, ledger.sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).all()]),
  );
}
const certificate = (donorId: string, number: string) => ({
  donorId,
  kind: 'operation' as const,
  number,
  issuedOn: '2023-03-01',
  validUntil: '2026-02-28',
  provinces: ['04'],
  fields: ['health', 'education'],
});

beforeEach(async () => {
  province = await tempLedger({ siteName: 'Sở Ngoại vụ' });
  // Another office of the province (its People's Committee's office), keeping the registry too.
  office = await tempLedger({ seed: false, siteName: 'Văn phòng UBND tỉnh' });
  await introduce(province, office, { aAs: { role: 'province' }, bAs: { role: 'province' } });
  ngo = (await province.service.invoke('donors.create', { name: 'CARE International', kind: 'foreign_ngo' })).id;
  await importInto(office, await exportFrom(province));
});
afterEach(async () => {
  await province.close();
  await office.close();
});

describe('the NGO registry in bundles', () => {
  it('travels whole to another office: profile, certificate, contact, plan, report, acknowledgement and history', async () => {
    await province.service.invoke('ngo.saveProfile', { donorId: ngo, homeCountry: 'Hoa Kỳ', headName: 'Jane Doe' });
    const cert = await province.service.invoke('ngo.addCertificate', certificate(ngo, '101/BNG-GĐK'));
    await province.service.invoke('ngo.saveContact', { donorId: ngo, name: 'Trần Thị B', phone: '024 1234 5678' });
    await province.service.invoke('ngo.addPlan', { donorId: ngo, certificateId: cert.id, receivedOn: '2023-04-20' });
    await province.service.invoke('ngo.addYearReport', { donorId: ngo, year: 2023, receivedOn: '2023-12-15' });
    const item = await province.service.invoke('items.create', {
      name: 'Sinh kế cho phụ nữ',
      modality: 'project',
      sector: 'agriculture',
      donorId: ngo,
      stageDate: '2024-01-10',
    });
    await province.service.invoke('ngo.acknowledge', { subject: 'item', id: item.id, reason: 'Đang bổ sung lĩnh vực' });
    const counts = await importInto(office, await exportFrom(province, false));
    expect(counts.conflicts).toBe(0);
    expect(registry(office.ledger)).toEqual(registry(province.ledger));
    const there = await office.service.invoke('ngo.get', { id: ngo });
    const here = await province.service.invoke('ngo.get', { id: ngo });
    expect(there.certificates).toEqual(here.certificates);
    expect(there.warnings).toEqual(here.warnings);
    expect(there.warnings[0]!.acknowledged!.reason).toBe('Đang bổ sung lĩnh vực');
    expect(there.history.map((h) => [h.entity, h.action])).toEqual(here.history.map((h) => [h.entity, h.action]));
  });

  it('keeps two edits of one certificate made without seeing each other as a conflict at both offices', async () => {
    const cert = await province.service.invoke('ngo.addCertificate', certificate(ngo, '102/BNG-GĐK'));
    await importInto(office, await exportFrom(province, false));
    await province.service.invoke('ngo.updateCertificate', {
      id: cert.id,
      validUntil: '2025-12-31',
      reason: 'Sửa theo bản gốc',
    });
    await office.service.invoke('ngo.updateCertificate', {
      id: cert.id,
      fields: ['health'],
      reason: 'Bỏ lĩnh vực giáo dục',
    });
    const fromOffice = await exportFrom(office, false);
    const fromProvince = await exportFrom(province, false);
    expect(await importInto(province, fromOffice)).toMatchObject({ conflicts: 1 });
    expect(await importInto(office, fromProvince)).toMatchObject({ conflicts: 1 });
    expect(registry(office.ledger).ngo_certificates).toEqual(registry(province.ledger).ngo_certificates);
    const [conflict] = (await province.service.invoke('sync.status', {})).conflicts;
    expect(conflict).toMatchObject({ entity: 'ngo_certificate', recordId: cert.id });
    expect([conflict!.kept?.valid_until, conflict!.other?.valid_until].sort()).toEqual(['2025-12-31', '2026-02-28']);
    // Keeping the other version puts it in the ledger, as for any record.
    await province.service.invoke('sync.resolve', { conflictId: conflict!.id, keep: 'other' });
    const after = (await province.service.invoke('ngo.get', { id: ngo })).certificates[0]!;
    expect(after.validUntil === '2025-12-31' || after.fields.join() === 'health').toBe(true);
  });

  it('gives the same registry whatever order the bundles are merged in', async () => {
    const shared = await province.service.invoke('ngo.addCertificate', certificate(ngo, '103/BNG-GĐK'));
    await importInto(office, await exportFrom(province, false));
    await province.service.invoke('ngo.updateCertificate', {
      id: shared.id,
      status: 'suspended',
      decisionNumber: '5/QĐ-BNG',
      decisionDate: '2024-05-01',
      reason: 'Đình chỉ',
    });
    await province.service.invoke('ngo.addYearReport', { donorId: ngo, year: 2023, receivedOn: '2023-12-20' });
    const other = (await office.service.invoke('donors.create', { name: 'World Vision', kind: 'foreign_ngo' })).id;
    await office.service.invoke('ngo.addCertificate', certificate(other, '104/BNG-GĐK'));
    await office.service.invoke('ngo.saveContact', { donorId: ngo, name: 'Lê Văn C' });
    await office.service.invoke('ngo.updateCertificate', { id: shared.id, notes: 'Bản sao', reason: 'Ghi chú' });
    const bundles = [await exportFrom(province), await exportFrom(office)];
    const one = await tempLedger({ seed: false });
    const two = await tempLedger({ seed: false });
    try {
      for (const receiver of [one, two]) for (const sender of [province, office]) await introduce(sender, receiver);
      for (const b of bundles) await importInto(one, b);
      for (const b of [...bundles].reverse()) await importInto(two, b);
      expect(registry(one.ledger)).toEqual(registry(two.ledger));
      expect(registry(one.ledger).ngo_certificates).toHaveLength(2);
      expect((await one.service.invoke('ngo.warnings', {})).length).toBe(
        (await two.service.invoke('ngo.warnings', {})).length,
      );
    } finally {
      await one.close();
      await two.close();
    }
  });

  it("refuses a district office's change to the registry, naming it", async () => {
    const district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
    try {
      const place = (await province.service.invoke('places.list', {})).find((p) => p.name === 'Bảo Lạc')!;
      await introduce(province, district, { bAs: { role: 'district', placeId: place.id } });
      await importInto(district, await exportFrom(province));
      await district.service.invoke('ngo.addCertificate', certificate(ngo, '105/BNG-GĐK'));
      const error = await importInto(province, await exportFrom(district, false)).then(
        () => null,
        (e: Error & { bilingual?: { vi: string } }) => e,
      );
      expect(error?.bilingual?.vi).toContain('sổ theo dõi tổ chức PCPNN chỉ tỉnh thay đổi');
      expect(registry(province.ledger).ngo_certificates).toEqual([]);
    } finally {
      await district.close();
    }
  });

  it('merges a bundle of an earlier release, which carries no registry', async () => {
    await office.service.invoke('donors.create', { name: 'Quỹ cũ', kind: 'foundation' });
    const bundle = decodeBundle(await exportFrom(office, false));
    const content = contentOf({ ...bundle, schemaVersion: 23 });
    content.lines = content.lines.filter((line) => !String(line[1]).startsWith('ngo_'));
    const earlier = forgeBundle(content, { signWith: keyOf(office.ledger) });
    expect(await importInto(province, earlier)).toMatchObject({ inserted: 1, conflicts: 0 });
    expect((await province.service.invoke('donors.list', {})).some((d) => d.name === 'Quỹ cũ')).toBe(true);
  });

  it('carries a certificate deleted, kept among the deletions, and brings it back when the deletion is undone', async () => {
    const cert = await province.service.invoke('ngo.addCertificate', certificate(ngo, '106/BNG-GĐK'));
    await importInto(office, await exportFrom(province, false));
    await province.service.invoke('ngo.deleteCertificate', { id: cert.id, reason: 'Nhập trùng' });
    expect(await importInto(office, await exportFrom(province, false), true)).toMatchObject({ deleted: 1 });
    expect(registry(office.ledger).ngo_certificates).toEqual([]);
    const [deletion] = (await province.service.invoke('deletions.list', {})).filter(
      (d) => d.entity === 'ngo_certificate',
    );
    expect(deletion!.what.vi).toContain('106/BNG-GĐK');
    await province.service.invoke('deletions.undo', { id: deletion!.id, reason: 'Xóa nhầm' });
    expect((await province.service.invoke('ngo.get', { id: ngo })).certificates.map((c) => c.number)).toEqual([
      '106/BNG-GĐK',
    ]);
    expect(await importInto(office, await exportFrom(province, false))).toMatchObject({ conflicts: 0 });
    expect(registry(office.ledger).ngo_certificates).toEqual(registry(province.ledger).ngo_certificates);
  });
});
