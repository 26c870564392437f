/**
 * The registry's warnings over a whole generated ledger, judged in one pass, equal a straightforward check of each
 * record on its own: its NGO's certificates read anew, the rules of Decree 58/2022 applied one by one. The ledger and
 * its certificates are drawn from a fixed seed, printed when it fails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_STATUSES, type CertificateStatus, type WarningReason } from '../contract/ngo';
import { seededRandom } from '../db/core/ids';
import { generateLedger } from '../db/samples/synthetic';
import { tempLedger, type TestLedger } from './helpers';
import { seedFor } from './random';

const SEED = seedFor('ngo warnings: one pass against each record');
const PROVINCES = ['04', '01', '79', '08'];
const SECTORS = ['health', 'education', 'social', 'socioeconomic', 'agriculture', 'environment', 'other'];

interface StoredCertificate {
  id: string;
  donorId: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  decisionDate: string | null;
  provinces: string;
  fields: string;
}

/** The reasons a record of this donor, day and sector has, read from the certificates alone. */
function expectedReasons(all: StoredCertificate[], donorId: string, day: string, sector: string | null) {
  const mine = all
    .filter((c) => c.donorId === donorId)
    .sort((a, b) => (a.issuedOn === b.issuedOn ? (a.id < b.id ? -1 : 1) : a.issuedOn < b.issuedOn ? -1 : 1));
  if (mine.length === 0) return ['no_certificate'];
  const running = mine.filter((c) => c.issuedOn <= day && day <= c.validUntil);
  if (running.length === 0) return ['expired'];
  const stopped = (c: StoredCertificate) =>
    (c.status === 'suspended' || c.status === 'revoked') && (c.decisionDate ?? '') <= day;
  const active = running.filter((c) => !stopped(c));
  if (active.length === 0) return [running[running.length - 1]!.status];
  const reasons: WarningReason[] = [];
  if (!active.some((c) => (JSON.parse(c.provinces) as string[]).includes('04'))) reasons.push('province_not_covered');
  if (sector !== null && !active.some((c) => (JSON.parse(c.fields) as string[]).includes(sector)))
    reasons.push('sector_not_covered');
  return reasons.length ? reasons : null;
}

describe('the warnings of a generated ledger', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    await generateLedger(t.ledger, { rows: 4_000, seed: SEED, donors: 100 });
    const rnd = seededRandom(SEED);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const day = (from: number, span: number) =>
      new Date(Date.UTC(from, 0, 1) + Math.floor(rnd() * span) * 86_400_000).toISOString().slice(0, 10);
    const ngos = t.ledger.sqlite
      .prepare(`SELECT id FROM donors WHERE kind = 'foreign_ngo' ORDER BY id`)
      .pluck()
      .all() as string[];
    for (const donorId of ngos) {
      if (rnd() < 0.1) continue;
      for (let n = 1 + Math.floor(rnd() * 4); n > 0; n--) {
        const issuedOn = day(2015, 365 * 10);
        const years = 1 + Math.floor(rnd() * 3);
        const validUntil = `${Number(issuedOn.slice(0, 4)) + years}${issuedOn.slice(4, 8)}${issuedOn.slice(8) > '28' ? '28' : issuedOn.slice(8)}`;
        const certificate = await t.service.invoke('ngo.addCertificate', {
          donorId,
          kind: 'operation',
          number: `${Math.floor(rnd() * 900) + 100}/BNG-GĐK`,
          issuedOn,
          validUntil,
          provinces: PROVINCES.filter(() => rnd() < 0.6)
            .concat(rnd() < 0.2 ? [] : ['04'])
            .slice(0, 3),
          fields: SECTORS.filter(() => rnd() < 0.5).concat(pick(SECTORS)),
        });
        const status = pick(CERTIFICATE_STATUSES);
        if (status !== 'in_force')
          await t.service.invoke('ngo.updateCertificate', {
            id: certificate.id,
            status,
            decisionNumber: 'QĐ',
            decisionDate: new Date(
              Date.parse(`${issuedOn}T00:00:00Z`) + Math.floor(rnd() * (Date.parse(validUntil) - Date.parse(issuedOn))),
            )
              .toISOString()
              .slice(0, 10),
            reason: 'Quyết định của Bộ Ngoại giao',
          });
      }
    }
    // A few items move on to a later stage, dated on a day of their own.
    const items = t.ledger.sqlite
      .prepare(`SELECT id, stage_date AS stageDate FROM aid_items WHERE stage = 'approved' ORDER BY id LIMIT 30`)
      .all() as { id: string; stageDate: string }[];
    for (const { id, stageDate } of items) {
      const date = new Date(Date.parse(`${stageDate}T00:00:00Z`) + Math.floor(rnd() * 900) * 86_400_000);
      await t.service.invoke('items.stage', { id, stage: 'implementing', date: date.toISOString().slice(0, 10) });
    }
  }, 120_000);
  afterAll(() => t.close());

  it('equal each record checked on its own', async () => {
    try {
      const certificates = t.ledger.sqlite
        .prepare(
          `SELECT id, donor_id AS donorId, issued_on AS issuedOn, valid_until AS validUntil, status,
          decision_date AS decisionDate, provinces, fields FROM ngo_certificates`,
        )
        .all() as StoredCertificate[];
      const ngo = new Set(
        t.ledger.sqlite.prepare(`SELECT id FROM donors WHERE kind = 'foreign_ngo'`).pluck().all() as string[],
      );
      const expected = new Map<string, string[]>();
      const items = t.ledger.sqlite
        .prepare(
          `SELECT id, donor_id AS donorId, sector, approval_date AS approvalDate, stage_date AS stageDate FROM aid_items`,
        )
        .all() as { id: string; donorId: string; sector: string; approvalDate: string | null; stageDate: string }[];
      const stages = t.ledger.sqlite
        .prepare(`SELECT id, item_id AS itemId, stage, on_date AS onDate FROM aid_item_stages`)
        .all() as { id: string; itemId: string; stage: string; onDate: string }[];
      const itemDay = new Map<string, string>();
      for (const item of items) {
        const proposed = stages
          .filter((s) => s.itemId === item.id && s.stage === 'proposed')
          .map((s) => s.onDate)
          .sort()[0];
        const date = item.approvalDate ?? proposed ?? item.stageDate;
        itemDay.set(item.id, date);
        if (!ngo.has(item.donorId)) continue;
        const reasons = expectedReasons(certificates, item.donorId, date, item.sector);
        if (reasons) expected.set(`item:${item.id}`, reasons);
      }
      const itemOf = new Map(items.map((i) => [i.id, i]));
      for (const stage of stages) {
        const item = itemOf.get(stage.itemId)!;
        if (
          !ngo.has(item.donorId) ||
          ['rejected', 'revoked'].includes(stage.stage) ||
          stage.onDate === itemDay.get(item.id)
        )
          continue;
        const reasons = expectedReasons(certificates, item.donorId, stage.onDate, item.sector);
        if (reasons) expected.set(`stage:${stage.id}`, reasons);
      }
      const pledges = t.ledger.sqlite
        .prepare(
          `SELECT id, donor_id AS donorId, pledge_date AS date, item_id AS itemId FROM pledges WHERE status <> 'cancelled'`,
        )
        .all() as { id: string; donorId: string; date: string; itemId: string | null }[];
      for (const pledge of pledges) {
        if (!ngo.has(pledge.donorId)) continue;
        const sector = pledge.itemId ? itemOf.get(pledge.itemId)!.sector : null;
        const reasons = expectedReasons(certificates, pledge.donorId, pledge.date, sector);
        if (reasons) expected.set(`pledge:${pledge.id}`, reasons);
      }
      const warnings = await t.service.invoke('ngo.warnings', { includeAcknowledged: true });
      const got = new Map(warnings.map((w) => [`${w.subject}:${w.id}`, w.reasons as string[]]));
      // Every kind of verdict occurs, so the comparison tests each rule.
      const seen = new Set([...expected.values()].flat());
      expect(seen.size, [...seen].join(', ')).toBe(6);
      expect(got.size).toBe(expected.size);
      expect(Object.fromEntries(got)).toEqual(Object.fromEntries(expected));
      // And the form's check of a sample says the same.
      for (const pledge of pledges.filter((p) => ngo.has(p.donorId)).slice(0, 50)) {
        const sector = pledge.itemId ? itemOf.get(pledge.itemId)!.sector : null;
        const [check] = await t.service.invoke('ngo.check', { donorId: pledge.donorId, date: pledge.date, sector });
        expect(check?.reasons ?? null).toEqual(expected.get(`pledge:${pledge.id}`) ?? null);
      }
    } catch (error) {
      console.error(`ngo warnings: seed ${SEED} (AIDLEDGER_SEED replays it)`);
      throw error;
    }
  });
});
