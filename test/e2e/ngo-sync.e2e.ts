/**
 * A certificate changed at two of the province's offices keeping the registry (the Department of Foreign Affairs and
 * the People's Committee's office) between bundles: the conflict on the department's sync screen, in words (the
 * certificate by its number, its standing and dates, the office that made each version), resolved for the other.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleFile, Certificate, Donor, NgoDetail } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { browserApp, cli, demoLedger } from './fixture';
import { introduceServed, type Served, servedCall } from './serve';
import { ledgerCall } from './ui';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => {
    const departmentDb = join(folder, 'department.sqlite');
    const officeDb = join(folder, 'office.sqlite');
    cli('init', '--db', departmentDb, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
    cli('init', '--db', officeDb, '--site', 'Văn phòng UBND tỉnh', '--role', 'province');
    return [demoLedger(departmentDb), officeDb];
  },
});
let department: Served;
let office: Served;
let page: Page;

beforeAll(async () => {
  [department, office] = app.servedAll as [Served, Served];
  ({ page } = app);
  await introduceServed(department, office, { role: 'province' });
  // The office starts from the department's ledger.
  await send(department, office, true);
});

/** One office's changes since its last bundle (or everything), merged at the other as its sync screen would. */
async function send(from: Served, to: Served, all = false): Promise<void> {
  const bundle = await servedCall<BundleFile>(from, 'sync.export', { all });
  await servedCall(to, 'sync.import', { fileName: bundle.fileName, base64: bundle.base64 });
}

describe('a certificate changed at two offices', () => {
  it('is shown as a conflict in words, and the other version taken', async () => {
    const donors = await servedCall<Donor[]>(department, 'donors.list', {});
    const vcf = donors.find((d) => d.shortName === 'VCF')!.id;
    const made = await servedCall<Certificate>(department, 'ngo.addCertificate', {
      donorId: vcf,
      kind: 'operation',
      number: '120/BNG-GĐK',
      issuedOn: '2024-01-02',
      validUntil: '2026-12-31',
      provinces: ['04'],
      fields: ['health'],
    });
    await send(department, office);

    // Each office records the Ministry's decision its own way before the next bundle.
    await servedCall(department, 'ngo.updateCertificate', {
      id: made.id,
      status: 'extended',
      validUntil: '2029-11-19',
      decisionNumber: '30/QĐ-BNG',
      decisionDate: '2026-11-20',
      reason: 'Gia hạn theo quyết định của Bộ Ngoại giao',
    });
    await servedCall(office, 'ngo.updateCertificate', {
      id: made.id,
      status: 'suspended',
      decisionNumber: '31/QĐ-BNG',
      decisionDate: '2026-11-25',
      reason: 'Đình chỉ theo quyết định của Bộ Ngoại giao',
    });
    await send(office, department);

    await page.goto(`${department.url}#sync`);
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('Giấy đăng ký của tổ chức PCPNN · 120/BNG-GĐK');
    expect(text).toContain('Đã gia hạn');
    expect(text).toContain('Bị đình chỉ');
    expect(text).toContain('19/11/2029');
    expect(text).toContain('Văn phòng UBND tỉnh');
    expect(text).not.toContain('suspended');
    await conflict.screenshot({ path: join(SCREENSHOTS, 'ngo-sync-conflict.png') });

    const kept = (await ledgerCall<NgoDetail>(page, 'ngo.get', { id: vcf })).certificates[0]!.status;
    await page.getByTestId('conflict-other').click();
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    const taken = (await ledgerCall<NgoDetail>(page, 'ngo.get', { id: vcf })).certificates[0]!;
    expect(taken.status).not.toBe(kept);
    expect(['extended', 'suspended']).toContain(taken.status);
  });
});
