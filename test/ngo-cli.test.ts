/** `ngo list` and `ngo show` as users run them: a child process, results on stdout, errors on stderr. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { runCli as cli } from './cli-run';
import { FIXTURE, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => dir.remove());
const db = join(dir.dir, 'ngo.sqlite');
let tzuChi: string;
let certificateId: string;
let itemId: string;

beforeAll(async () => {
  expect(cli('init', '--db', db, '--site', 'Sở Ngoại vụ Cao Bằng').status).toBe(0);
  expect(cli('demo', '--db', db, '--fixture', FIXTURE).status).toBe(0);
  const ledger = await openLedger(db);
  try {
    const service = createLedgerService(ledger);
    tzuChi = (await service.invoke('ngo.list', {})).find((n) => n.name === 'Tổ chức Tzu Chi')!.donorId;
    // Issued after the demo's 2022 aid: the item and its pledges were dated before it.
    certificateId = (
      await service.invoke('ngo.addCertificate', {
        donorId: tzuChi,
        kind: 'operation',
        number: '88/BNG-GĐK',
        issuedOn: '2023-01-05',
        validUntil: '2026-01-04',
        provinces: ['04'],
        fields: ['social'],
      })
    ).id;
    itemId = (await service.invoke('items.list', {})).find((i) => i.donorId === tzuChi)!.id;
  } finally {
    await ledger.close();
  }
});

describe('ngo list and show', () => {
  it('list every foreign NGO with its certificates and the warnings on its items and pledges (--json)', () => {
    const run = cli('ngo', 'list', '--db', db, '--json');
    expect(run.status).toBe(0);
    const listed = JSON.parse(run.stdout) as {
      donorId: string;
      name: string;
      certificates: Record<string, unknown>[];
      warnings: { subject: string; id: string; date: string; reasons: string[] }[];
    }[];
    expect(listed.map((n) => n.name).sort()).toEqual([
      "Blue Dragon Children's Foundation",
      'The VinaCapital Foundation',
      'Tổ chức Tzu Chi',
    ]);
    const tzu = listed.find((n) => n.donorId === tzuChi)!;
    expect(tzu.certificates).toEqual([
      {
        kind: 'operation',
        number: '88/BNG-GĐK',
        issued: '2023-01-05',
        validUntil: '2026-01-04',
        status: 'in_force',
        provinces: ['04'],
        fields: ['social'],
      },
    ]);
    // Dated in 2022, before the certificate was issued.
    expect(tzu.warnings.length).toBeGreaterThan(0);
    expect(tzu.warnings.every((w) => w.date < '2023-01-05' && w.reasons.join() === 'expired')).toBe(true);
    expect(tzu.warnings.map((w) => w.subject)).toContain('item');
    expect(tzu.warnings.find((w) => w.subject === 'item')!.id).toBe(itemId);
    // An NGO without a certificate: every record of it flagged as having none.
    const other = listed.find((n) => n.name === 'The VinaCapital Foundation')!;
    expect(other.certificates).toEqual([]);
    expect(other.warnings.every((w) => w.reasons.join() === 'no_certificate')).toBe(true);
  });

  it('show one NGO by name or id, in words or as JSON', () => {
    const words = cli('ngo', 'show', '--db', db, 'tzu chi');
    expect(words.status).toBe(0);
    expect(words.stdout).toContain('Tổ chức Tzu Chi');
    expect(words.stdout).toContain('88/BNG-GĐK · 05/01/2023–04/01/2026');
    const json = cli('ngo', 'show', '--db', db, tzuChi, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      summary: { donorId: tzuChi, certificateCount: 1 },
      certificates: [{ id: certificateId, provinceNames: ['Tỉnh Cao Bằng'] }],
    });
  });

  it('refuse an unknown NGO or action on stderr, with a usage error', () => {
    const unknown = cli('ngo', 'show', '--db', db, 'Không có tổ chức này');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('No foreign NGO "Không có tổ chức này"');
    expect(unknown.stdout).toBe('');
    const action = cli('ngo', 'frobnicate', '--db', db);
    expect(action.status).toBe(2);
    expect(action.stderr).toContain('ngo list | show');
  });
});
