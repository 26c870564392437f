/**
 * A deterministic synthetic ledger for scale tests and benchmarks: N pledges over ten years, 300 donors,
 * Cao Bằng's units before and after the 2025 reform, deliveries on 60% of pledges, 10% in USD or EUR; nine pledges in
 * ten belong to an aid item, about ten to an item (one item per ten pledges, of every modality, sector and stage).
 * Rows are written with prepared statements in one transaction; every derived column (VND equivalent,
 * folded search text) is computed by the same functions the app uses.
 */
import type { Ledger } from '../core/open';
import { PLEDGE_KINDS, PLEDGE_STATUSES } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { vndEquivalent } from '../../contract/money';
import { foldText } from '../../contract/text';
import { contextFor } from '../core/context';
import { catalogueId } from '../places/catalogue';
import { seedPlaces } from '../seed';
import { withTotalsDeferredSync } from '../totals-bulk';
import { seededId, seededRandom } from '../core/ids';

const DESCRIPTIONS: Record<string, string[]> = {
  house: ['Xây nhà đại đoàn kết', 'Hỗ trợ làm nhà cho hộ nghèo', 'Sửa chữa nhà tình nghĩa'],
  gift: ['Quà Tết cho hộ nghèo', 'Quà an sinh xã hội', 'Quà Trung thu cho trẻ em'],
  scholarship: ['Học bổng cho học sinh nghèo vượt khó', 'Học bổng sinh viên dân tộc thiểu số'],
  cash: ['Hỗ trợ tiền mặt sau lũ', 'Hỗ trợ sinh kế'],
  equipment: ['Trang thiết bị y tế cho trạm y tế xã', 'Máy lọc nước cho trường học'],
  project: ['Dự án nước sạch', 'Dự án cầu dân sinh', 'Dự án dinh dưỡng trẻ em'],
  other: ['Hỗ trợ khác'],
};
const UNITS: Record<string, string> = { house: 'căn', gift: 'suất', scholarship: 'học bổng', equipment: 'bộ' };
const COUNTRIES = [
  'Hoa Kỳ',
  'Australia',
  'Nhật Bản',
  'Hàn Quốc',
  'Đức',
  'Pháp',
  'Đài Loan (Trung Quốc)',
  'Anh',
  'Việt Nam',
];
const COMMUNE_NAMES = [
  'Hưng Đạo',
  'Quang Trung',
  'Lê Lợi',
  'Thanh Long',
  'Minh Khai',
  'Bình Dương',
  'Hồng Quang',
  'Kim Đồng',
];

export interface SyntheticOptions {
  rows: number;
  seed?: number;
  donors?: number;
  /** Called every 50,000 pledges. */
  onProgress?: (done: number) => void;
}

const GENERATED_DONOR = 'Tổ chức tài trợ số';

export async function generateLedger(
  ledger: Ledger,
  options: SyntheticOptions,
): Promise<{ pledges: number; deliveries: number; items: number }> {
  const rnd = seededRandom(options.seed ?? 20_221_231);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const db = ledger.sqlite;
  // Its records are made from a seeded stream of ids and numbered names: a second run would make the same ones.
  if (db.prepare(`SELECT 1 FROM donors WHERE name = ?`).get(`${GENERATED_DONOR} 1`))
    throw new LedgerError('invalid_input', {
      vi: 'Sổ này đã có dữ liệu tạo tự động (lệnh generate); hãy tạo trên một sổ mới',
      en: 'This ledger already holds generated data (the generate command); generate into a new ledger',
    });
  await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
  const now = new Date().toISOString();

  const places = db.prepare(`SELECT id, name, level, parent_id AS parentId FROM places`).all() as {
    id: string;
    name: string;
    level: string;
    parentId: string | null;
  }[];
  const province = places.find((p) => p.level === 'province')!;
  const districts = places.filter((p) => p.level === 'district');

  let pledgeCount = 0;
  let deliveryCount = 0;
  const items: string[] = [];
  // Totals are deferred and folded once at the end, as bundle merges do.
  db.transaction(() =>
    withTotalsDeferredSync(db, ledger.tracking, () => {
      const insertPlace =
        db.prepare(`INSERT INTO places (id, name, name_folded, level, parent_id, code, valid_from, valid_to, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`);
      const oldCommunes: typeof places = [];
      for (const district of districts) {
        for (const name of COMMUNE_NAMES.slice(0, 4)) {
          const id = seededId(rnd);
          const full = `Xã ${name} (${district.name})`;
          insertPlace.run(id, full, foldText(full), 'commune', district.id, null, '2025-06-30', now, now);
          oldCommunes.push({ id, name: full, level: 'commune', parentId: district.id });
        }
      }
      // After 1 July 2025: communes directly under the province.
      const newCommunes: typeof places = [];
      for (let i = 0; i < 56; i++) {
        const id = seededId(rnd);
        const full = `${i < 4 ? 'Phường' : 'Xã'} ${COMMUNE_NAMES[i % COMMUNE_NAMES.length]} ${i + 1}`;
        insertPlace.run(id, full, foldText(full), 'commune', province.id, '2025-07-01', null, now, now);
        newCommunes.push({ id, name: full, level: 'commune', parentId: province.id });
      }
      // Each former commune became one new commune, as most did in 2025 (links drawn without the random stream, so the
      // same seed still gives the same pledges as before they existed).
      const insertSuccessor = db.prepare(
        `INSERT INTO place_successors (id, place_id, successor_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
      );
      oldCommunes.forEach((old, i) => {
        insertSuccessor.run(
          catalogueId(`synthetic-successor:${old.id}`),
          old.id,
          newCommunes[i % newCommunes.length]!.id,
          now,
          now,
        );
      });

      const insertDonor = db.prepare(
        `INSERT INTO donors (id, name, name_key, short_name, country, kind, notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)`,
      );
      const donorKinds = ['foreign_ngo', 'foundation', 'company', 'individual', 'domestic_intermediary'];
      const donors: { id: string; text: string }[] = [];
      for (let i = 0; i < (options.donors ?? 300); i++) {
        const id = seededId(rnd);
        const name = `${GENERATED_DONOR} ${i + 1}`;
        const short = `TC${i + 1}`;
        const country = pick(COUNTRIES);
        insertDonor.run(id, name, foldText(name), short, country, pick(donorKinds), now, now);
        donors.push({ id, text: `${name} ${short} ${country}` });
      }

      // Aid items, drawn without the random stream (the same seed gives the same pledges as before items existed).
      const modalities = ['programme', 'project', 'non_project'];
      const sectors = ['health', 'education', 'social', 'socioeconomic', 'agriculture', 'environment', 'other'];
      const stages = ['proposed', 'appraised', 'approved', 'implementing', 'ended', 'settled', 'rejected', 'revoked'];
      // A ledger opened at an earlier schema (upgrade tests) has no items.
      const hasItems =
        db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'aid_items'`).get() !== undefined;
      const insertItem = hasItems
        ? db.prepare(`INSERT INTO aid_items (id, name, name_folded, modality, sector, donor_id, stage, stage_date, approval_number, approval_date, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        : null;
      for (let k = 0; hasItems && k < Math.ceil(options.rows / 10); k++) {
        const id = catalogueId(`synthetic-item:${options.seed ?? 20_221_231}:${k}`);
        const name = `Khoản viện trợ số ${k + 1}`;
        const stage = stages[k % stages.length]!;
        const approved = ['approved', 'implementing', 'ended', 'settled', 'revoked'].includes(stage);
        insertItem!.run(
          id,
          name,
          foldText(name),
          modalities[k % 3],
          sectors[k % 7],
          donors[k % donors.length]!.id,
          stage,
          '2020-01-01',
          approved ? `${k + 1}/QĐ-UBND` : null,
          approved ? '2020-01-01' : null,
          now,
          now,
        );
        items.push(id);
      }
      const insertPledge =
        db.prepare(`INSERT INTO pledges (id, donor_id, place_id, kind, description, quantity_milli, unit, unit_value_minor, amount_minor,
      currency, rate, rate_date, rate_source, vnd_equivalent, pledge_date, status, beneficiaries, approval_number, approval_date, notes, ${hasItems ? 'item_id, ' : ''}search_text, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ${hasItems ? '?, ' : ''}'', ?, ?)`);
      // Pledges are inserted without their search words; one update writes them all at the end, as merges do.
      db.exec(`CREATE TEMP TABLE synthetic_words (id TEXT PRIMARY KEY NOT NULL, words TEXT NOT NULL) WITHOUT ROWID`);
      const insertWords = db.prepare(`INSERT INTO synthetic_words (id, words) VALUES (?, ?)`);
      const insertDelivery =
        db.prepare(`INSERT INTO deliveries (id, pledge_id, delivery_date, amount_minor, quantity_milli, currency, rate, rate_date, rate_source, vnd_equivalent, notes, created_at, updated_at)
      VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, ?, ?)`);
      const start = Date.UTC(2016, 0, 1);
      const span = Date.UTC(2025, 11, 31) - start;
      for (let i = 0; i < options.rows; i++) {
        const date = new Date(start + Math.floor(rnd() * span)).toISOString().slice(0, 10);
        const reformed = date >= '2025-07-01';
        const place = reformed
          ? pick(newCommunes)
          : rnd() < 0.1
            ? province
            : rnd() < 0.5
              ? pick(districts)
              : pick(oldCommunes);
        const donor = pick(donors);
        const kind = pick(PLEDGE_KINDS);
        const description = pick(DESCRIPTIONS[kind]!);
        const roll = rnd();
        const currency = roll < 0.07 ? 'USD' : roll < 0.1 ? 'EUR' : 'VND';
        const unit = UNITS[kind] ?? null;
        const quantity = unit ? 1 + Math.floor(rnd() * 50) : null;
        const unitValue =
          currency === 'VND' ? (1 + Math.floor(rnd() * 100)) * 1_000_000 : (1 + Math.floor(rnd() * 500)) * 10_000;
        const amount = quantity ? quantity * unitValue : unitValue * 10;
        const rate =
          currency === 'USD'
            ? String(22_000 + Math.floor(rnd() * 4_000))
            : currency === 'EUR'
              ? String(24_000 + Math.floor(rnd() * 5_000))
              : '1';
        const vnd = vndEquivalent(amount, currency, rate);
        const delivered = rnd() < 0.6;
        // A pledge with a delivery is not cancelled.
        const status = delivered ? pick(PLEDGE_STATUSES.filter((s) => s !== 'cancelled')) : pick(PLEDGE_STATUSES);
        const id = seededId(rnd);
        const search = foldText(`${description} ${unit ?? ''} ${donor.text} ${place.name}`);
        insertPledge.run(
          id,
          donor.id,
          place.id,
          kind,
          description,
          quantity === null ? null : quantity * 1000,
          unit,
          quantity ? unitValue : null,
          amount,
          currency,
          rate,
          currency === 'VND' ? null : date,
          currency === 'VND' ? null : 'Dữ liệu mô phỏng',
          vnd,
          date,
          status,
          Math.floor(rnd() * 500),
          ...(hasItems ? [i % 10 === 9 ? null : items[Math.floor(i / 10)]!] : []),
          now,
          now,
        );
        insertWords.run(id, search);
        pledgeCount++;
        if (delivered) {
          const share = Math.floor(amount * (0.2 + rnd() * 0.8));
          const deliveryDate = new Date(Date.parse(date) + Math.floor(rnd() * 200) * 86_400_000)
            .toISOString()
            .slice(0, 10);
          insertDelivery.run(
            seededId(rnd),
            id,
            deliveryDate,
            share,
            currency,
            rate,
            currency === 'VND' ? null : deliveryDate,
            currency === 'VND' ? null : 'Dữ liệu mô phỏng',
            vndEquivalent(share, currency, rate),
            now,
            now,
          );
          deliveryCount++;
        }
        if ((i + 1) % 50_000 === 0) options.onProgress?.(i + 1);
      }
      db.exec(`UPDATE pledges SET search_text = w.words FROM temp.synthetic_words w WHERE w.id = pledges.id`);
      db.exec(`DROP TABLE temp.synthetic_words`);
    }),
  )();
  return { pledges: pledgeCount, deliveries: deliveryCount, items: items.length };
}
