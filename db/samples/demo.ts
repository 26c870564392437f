/**
 * Loads the public Cao Bằng 2022 aid events (seed-aid-events.json) as demo data, in one transaction.
 * Amendments in the file ("amended_to") are applied as recorded changes, so the history shows them.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Currency, type DonorKind, type PledgeKind } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { parseAmount } from '../../contract/money';
import { contextFor, type Ctx } from '../core/context';
import { createDonor, findDonorByName } from '../donors';
import type { Ledger } from '../core/open';
import { findPlace } from '../places/match';
import { createPledge, updatePledge } from '../pledges/writes';
import { createItem } from '../items';
import type { AidModality } from '../../contract/items';
import { setRate } from '../rates';
import { chooseProvince } from '../places/install';
import { CAO_BANG_CODE } from '../places/catalogue';

const FixtureEvent = z.object({
  date: z.string(),
  donor: z.string(),
  place: z.string(),
  kind: z.string(),
  description: z.string(),
  quantity: z.number().optional(),
  unit: z.string().optional(),
  amount: z.number(),
  currency: Currency,
  rate: z.number().optional(),
  amended_to: z
    .object({
      amount: z.number(),
      unit_value: z.number().optional(),
      quantity: z.number().optional(),
      unit: z.string().optional(),
      note: z.string(),
    })
    .optional(),
});

export const Fixture = z.object({
  province: z.string(),
  donors: z.array(
    z.object({ key: z.string(), name: z.string(), short: z.string(), country: z.string(), kind: z.string() }),
  ),
  events: z.array(FixtureEvent),
  checks: z.record(z.string(), z.number()),
});
export type Fixture = z.infer<typeof Fixture>;

const DONOR_KINDS: Record<string, DonorKind> = {
  'foreign NGO': 'foreign_ngo',
  'domestic intermediary': 'domestic_intermediary',
  foundation: 'foundation',
  company: 'company',
  individual: 'individual',
};

/** Rate implied by the articles (10,000 USD ≈ 230 million VND), for events that state none. */
const DEMO_USD_RATE = { rate: '23000', source: 'Quy đổi theo tin bài: 10.000 USD ≈ 230 triệu đồng' };

export function readFixture(path: string): Fixture {
  return Fixture.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** Exact number from the fixture, written without going through float formatting. */
function amountText(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`Fixture amount ${value} is not an integer`);
  return String(value);
}

async function placeOf(ctx: Ctx, text: string, date: string): Promise<{ placeId: string; note: string | null }> {
  const names = text
    .split(';')
    .map((n) => n.replace(/\(.*\)/, '').trim())
    .filter(Boolean);
  if (names.length === 1) return { placeId: (await findPlace(ctx, names[0]!, date)).id, note: null };
  // Several districts in one pledge: recorded at their common parent, naming them.
  const places = await Promise.all(names.map((n) => findPlace(ctx, n, date)));
  const parentId = places[0]!.parentId;
  if (!parentId || places.some((p) => p.parentId !== parentId)) throw new Error(`Places ${text} have no common parent`);
  return { placeId: parentId, note: places.map((p) => p.displayName).join(', ') };
}

export interface DemoSummary {
  donors: number;
  pledges: number;
  amendments: number;
  items: number;
}

/**
 * The aid items the 2022 events belong to, one per donor (all non-project aid). The articles state no approval
 * decision, so the items enter at "đề xuất" with the date of their first line; the department records the rest.
 */
const DEMO_ITEMS: Record<string, { name: string; modality: AidModality; sector: string }> = {
  vufo: { name: 'Hỗ trợ an sinh xã hội tỉnh Cao Bằng năm 2022', modality: 'non_project', sector: 'social' },
  tzuchi: {
    name: 'Hỗ trợ làm nhà và quà Tết cho hộ nghèo huyện Bảo Lạc, Nguyên Bình',
    modality: 'non_project',
    sector: 'social',
  },
  bdcf: { name: 'Xây nhà ở cho gia đình học sinh', modality: 'non_project', sector: 'social' },
  vcf: { name: 'Học bổng cho học sinh nghèo tỉnh Cao Bằng', modality: 'non_project', sector: 'education' },
};

export async function loadDemo(ledger: Ledger, fixture: Fixture): Promise<DemoSummary> {
  return ledger.db.transaction().execute(async (trx) => {
    const ctx = contextFor(ledger, trx);
    // A ledger without places gets Cao Bằng's, where the demo's aid went.
    const hasPlaces = await ctx.db.selectFrom('places').select('id').limit(1).executeTakeFirst();
    if (!hasPlaces) await chooseProvince(ctx, { province: CAO_BANG_CODE });
    const donorIds = await addDemoDonors(ctx, fixture);
    const months = new Set(fixture.events.filter((e) => e.currency === 'USD').map((e) => e.date.slice(0, 7)));
    for (const month of months) await setRate(ctx, { currency: 'USD', validOn: month, ...DEMO_USD_RATE });
    const itemIds = await addDemoItems(ctx, fixture, donorIds);
    const { pledges, amendments } = await addDemoPledges(ctx, fixture, donorIds, itemIds);
    return { donors: fixture.donors.length, pledges, amendments, items: itemIds.size };
  });
}

/** A date as the events give it: a day, or a month (recorded on its first day). */
const dayOf = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? date : `${date}-01`);

/** The fixture's donors, refused whole if one is already in the ledger; their ids by the fixture's keys. */
async function addDemoDonors(ctx: Ctx, fixture: Fixture): Promise<Map<string, string>> {
  const donorIds = new Map<string, string>();
  for (const donor of fixture.donors) {
    if (await findDonorByName(ctx, donor.name)) {
      throw new LedgerError('duplicate', {
        vi: `Dữ liệu mẫu đã có trong tệp này (nhà tài trợ "${donor.name}")`,
        en: `The demo data is already in this file (donor "${donor.name}")`,
      });
    }
    const kind = DONOR_KINDS[donor.kind];
    if (!kind) throw new Error(`Unknown donor kind ${donor.kind}`);
    const created = await createDonor(ctx, { name: donor.name, shortName: donor.short, country: donor.country, kind });
    donorIds.set(donor.key, created.id);
  }
  return donorIds;
}

/** Each donor's item, made before its lines so they are created in it (their history is as the events recorded it). */
async function addDemoItems(ctx: Ctx, fixture: Fixture, donorIds: Map<string, string>): Promise<Map<string, string>> {
  const itemIds = new Map<string, string>();
  for (const [donor, known] of Object.entries(DEMO_ITEMS)) {
    const events = fixture.events.filter((e) => e.donor === donor);
    if (!events.length || !donorIds.has(donor)) continue;
    const placeIds: string[] = [];
    for (const e of events) {
      const { placeId } = await placeOf(ctx, e.place, dayOf(e.date));
      if (!placeIds.includes(placeId)) placeIds.push(placeId);
    }
    const item = await createItem(ctx, {
      ...known,
      donorId: donorIds.get(donor)!,
      governingBody: 'UBND tỉnh Cao Bằng',
      placeIds,
      stage: 'proposed',
      stageDate: events.map((e) => dayOf(e.date)).sort()[0]!,
      notes: 'Tin bài không nêu quyết định phê duyệt.',
    });
    itemIds.set(donor, item.id);
  }
  return itemIds;
}

/** Each event as a pledge line of its donor's item, and its amendment where the event was amended. */
async function addDemoPledges(
  ctx: Ctx,
  fixture: Fixture,
  donorIds: Map<string, string>,
  itemIds: Map<string, string>,
): Promise<{ pledges: number; amendments: number }> {
  let pledges = 0;
  let amendments = 0;
  for (const event of fixture.events) {
    const exactDay = /^\d{4}-\d{2}-\d{2}$/.test(event.date);
    const { placeId, note: placeNote } = await placeOf(ctx, event.place, dayOf(event.date));
    const notes =
      [
        exactDay ? null : `Tin bài chỉ nêu tháng ${event.date.slice(5, 7)}/${event.date.slice(0, 4)}; ghi ngày 01.`,
        placeNote ? `Địa bàn: ${placeNote}.` : null,
      ]
        .filter(Boolean)
        .join(' ') || null;
    const pledge = await createPledge(ctx, {
      donorId: donorIds.get(event.donor)!,
      placeId,
      kind: event.kind as PledgeKind,
      description: event.description.replace(/\s*\(initial pledge\)$/, '') + (placeNote ? ` (${placeNote})` : ''),
      quantity: event.quantity === undefined ? null : String(event.quantity),
      unit: event.unit ?? null,
      amountMinor: parseAmount(amountText(event.amount), event.currency, 'plain'),
      currency: event.currency,
      rate: event.rate === undefined ? null : String(event.rate),
      rateSource: event.rate === undefined ? null : 'Tỷ giá nêu trong tin bài',
      pledgeDate: dayOf(event.date),
      notes,
      itemId: itemIds.get(event.donor) ?? null,
    });
    pledges++;
    const amended = event.amended_to;
    if (amended) {
      await updatePledge(ctx, {
        id: pledge.id,
        amountMinor: parseAmount(amountText(amended.amount), event.currency, 'plain'),
        ...(amended.unit_value === undefined
          ? {}
          : { unitValueMinor: parseAmount(amountText(amended.unit_value), event.currency, 'plain') }),
        ...(amended.quantity === undefined ? {} : { quantity: String(amended.quantity) }),
        ...(amended.unit === undefined ? {} : { unit: amended.unit }),
        reason: amended.note,
      });
      amendments++;
    }
  }
  return { pledges, amendments };
}
