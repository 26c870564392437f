/**
 * The quarter's close, for `npm run bench -- --only close`: a province ledger with ten years of history receives one
 * quarter's files from 56 offices — half of them bundles from the offices' own ledgers, half workbooks (the template,
 * and lists in an office's own layout), about 40 rows each — merges them in one call and writes the quarter's report,
 * through the app's own path. The floor, in the same run: the same bundles' rows and the same workbooks' rows inserted
 * with raw prepared statements, and the bare exceljs writer writing the report's cells.
 */
import ExcelJS from 'exceljs';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import * as XLSX from 'xlsx';
import type { Report } from '../contract';
import { contextFor } from '../db/core/context';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { openLedger } from '../db/core/open';
import { seedPlaces } from '../db/seed';
import { createLedgerService } from '../db/service';
import { BUNDLE_TABLES } from '../db/sync/contents';
import { decodeBundle } from '../db/sync/format';
import { generateLedger } from '../db/samples/synthetic';

const ROWS_PER_FILE = 40;
const PERIOD = { key: '2022-Q3', from: '2022-07-01', days: 92 };
const DISTRICTS = [
  'Bảo Lạc',
  'Bảo Lâm',
  'Hà Quảng',
  'Hạ Lang',
  'Hòa An',
  'Nguyên Bình',
  'Quảng Hòa',
  'Thạch An',
  'Trùng Khánh',
];
const KINDS = [
  ['Nhà ở', 'house', 'Sửa nhà cho hộ nghèo'],
  ['Quà', 'gift', 'Quà Tết cho hộ nghèo'],
  ['Học bổng', 'scholarship', 'Học bổng cho học sinh nghèo'],
] as const;

export interface CloseFixture {
  province: string;
  files: { fileName: string; base64: string }[];
  /** For the floor: the workbooks' rows as inserted, and the bundles' bytes. */
  sheetRows: {
    date: string;
    donor: string;
    country: string;
    place: string;
    kind: string;
    description: string;
    amount: number;
  }[];
  bundles: Buffer[];
  records: number;
  offices: number;
}

const dayOf = (i: number) => {
  const d = new Date(Date.parse(`${PERIOD.from}T00:00:00Z`) + (i % PERIOD.days) * 86_400_000);
  return {
    iso: d.toISOString().slice(0, 10),
    vi: `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`,
  };
};

/** The province's ledger and the offices' files, made once (not timed). */
export async function closeFixture(
  work: string,
  provinceRows: number,
  offices: number,
  log: (line: string) => void,
): Promise<CloseFixture> {
  const province = join(work, 'close-province.sqlite');
  const ledger = await openLedger(province, { create: true, siteName: 'Sở Ngoại vụ' });
  await generateLedger(ledger, { rows: provinceRows, seed: 7 });
  await ledger.close();

  const files: CloseFixture['files'] = [];
  const bundles: Buffer[] = [];
  const sheetRows: CloseFixture['sheetRows'] = [];
  // Half the offices send bundles from their own ledgers (the catalogue's units, seeded apart, are the same records).
  for (let office = 0; office < Math.floor(offices / 2); office++) {
    const file = join(work, `office-${office}.sqlite`);
    const own = await openLedger(file, { create: true, siteName: `Văn phòng ${office + 1}` });
    const service = createLedgerService(own);
    await own.db.transaction().execute((trx) => seedPlaces(contextFor(own, trx)));
    const places = (await service.invoke('places.list', {})).filter(
      (p) => p.level === 'district' && DISTRICTS.includes(p.name),
    );
    const donors = [];
    for (let d = 0; d < 3; d++)
      donors.push(
        await service.invoke('donors.create', {
          name: `Tổ chức ${office}-${d}`,
          country: 'Hoa Kỳ',
          kind: 'foreign_ngo',
        }),
      );
    for (let r = 0; r < ROWS_PER_FILE; r++) {
      const [, kind, description] = KINDS[r % KINDS.length]!;
      await service.invoke('pledges.create', {
        donorId: donors[r % 3]!.id,
        placeId: places[(office + r) % places.length]!.id,
        kind,
        description,
        amountMinor: 1_000_000 * (10 + ((office * 7 + r) % 90)),
        currency: 'VND',
        pledgeDate: dayOf(office + r).iso,
      });
    }
    const bundle = await service.invoke('sync.export', { all: false });
    await own.close();
    bundles.push(Buffer.from(bundle.base64, 'base64'));
    files.push({ fileName: `van-phong-${office + 1}.aidledger`, base64: bundle.base64 });
  }
  // The other half send workbooks: the template, or a list in the office's own layout.
  for (let office = Math.floor(offices / 2); office < offices; office++) {
    const rows = Array.from({ length: ROWS_PER_FILE }, (_, r) => {
      const [kindLabel, kind, description] = KINDS[r % KINDS.length]!;
      const day = dayOf(office + r);
      return {
        date: day.iso,
        vi: day.vi,
        donor: `Quỹ ${office}-${r % 3}`,
        country: 'Nhật Bản',
        place: DISTRICTS[(office + r) % DISTRICTS.length]!,
        kindLabel,
        kind,
        description,
        amount: 1_000_000 * (5 + ((office * 3 + r) % 95)),
      };
    });
    sheetRows.push(
      ...rows.map((r) => ({
        date: r.date,
        donor: r.donor,
        country: r.country,
        place: r.place,
        kind: r.kind,
        description: r.description,
        amount: r.amount,
      })),
    );
    let sheet: XLSX.WorkSheet;
    if (office % 2 === 0) {
      sheet = XLSX.utils.aoa_to_sheet([
        TEMPLATE_COLUMNS.slice(0, 15).map((c) => c.header),
        ...rows.map((r) => [
          r.vi,
          r.donor,
          r.country,
          r.place,
          r.kindLabel,
          r.description,
          '',
          '',
          '',
          r.amount,
          'VND',
          '',
          '',
          '',
          '',
        ]),
      ]);
    } else {
      // Letterhead, STT, one section per kind, a total row, signatures.
      const body: (string | number | null)[][] = [];
      for (const [kindLabel] of KINDS) {
        body.push([['I', 'II', 'III'][KINDS.findIndex((k) => k[0] === kindLabel)]!, kindLabel.toUpperCase()]);
        rows
          .filter((r) => r.kindLabel === kindLabel)
          .forEach((r, i) => {
            body.push([i + 1, r.donor, r.country, r.place, r.description, r.amount, r.vi]);
          });
      }
      sheet = XLSX.utils.aoa_to_sheet([
        [`UBND HUYỆN ${DISTRICTS[office % DISTRICTS.length]!.toUpperCase()}`],
        ['DANH SÁCH VIỆN TRỢ QUÝ III NĂM 2022'],
        [],
        ['STT', 'Tên nhà tài trợ', 'Quốc gia', 'Huyện', 'Nội dung hỗ trợ', 'Số tiền (đồng)', 'Thời gian'],
        ...body,
        [null, 'Tổng cộng', null, null, null, rows.reduce((s, r) => s + r.amount, 0)],
        [],
        [null, 'NGƯỜI LẬP BIỂU'],
      ]);
    }
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, office % 2 === 0 ? 'Nhập liệu' : 'DS');
    files.push({
      fileName: `van-phong-${office + 1}.xlsx`,
      base64: (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64'),
    });
  }
  const records =
    bundles.reduce((n, b) => n + Object.values(decodeBundle(b).records).reduce((m, rows) => m + rows.length, 0), 0) +
    sheetRows.length;
  log(
    `close: ${offices} files (${bundles.length} bundles, ${offices - bundles.length} workbooks), ${records} records, into ${provinceRows} pledges`,
  );
  return { province, files, sheetRows, bundles, records, offices };
}

type Measure = (
  name: string,
  target: { ratio: number; ms?: number },
  ours: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  reps?: number,
) => Promise<unknown>;

export async function closeBench(work: string, fixture: CloseFixture, reps: number, measure: Measure) {
  // Every run starts from the same province ledger: copies made beforehand, not timed.
  let copies = 0;
  const pool: string[] = [];
  const refill = () => {
    while (pool.length < 2) {
      const file = join(work, `close-run-${copies++}.sqlite`);
      copyFileSync(fixture.province, file);
      pool.push(file);
    }
  };
  refill();
  const nextCopy = () => {
    const file = pool.shift()!;
    return file;
  };

  const ours = async () => {
    const ledger = await openLedger(nextCopy());
    const service = createLedgerService(ledger);
    const merged = await service.invoke('imports.files', { files: fixture.files });
    if (!merged.written) throw new Error(`close: refused ${JSON.stringify(merged.files.find((f) => f.errors.length))}`);
    await service.invoke('reports.xlsx', { period: PERIOD.key });
    await ledger.close();
    refill();
  };

  // The report as the app built it after the merge, for the floor's writer.
  const preview = await openLedger(nextCopy());
  const previewService = createLedgerService(preview);
  await previewService.invoke('imports.files', { files: fixture.files });
  const built: Report = await previewService.invoke('reports.preview', { period: PERIOD.key });
  await preview.close();
  refill();

  const floor = async () => {
    const ledger = await openLedger(nextCopy());
    const db = ledger.sqlite;
    const now = new Date().toISOString();
    const places = new Map(
      (db.prepare(`SELECT id, name FROM places WHERE level = 'district'`).all() as { id: string; name: string }[]).map(
        (p) => [p.name, p.id],
      ),
    );
    ledger.tracking.applying = true;
    db.transaction(() => {
      for (const bytes of fixture.bundles) {
        const bundle = decodeBundle(bytes);
        for (const [table] of BUNDLE_TABLES) {
          const rows = bundle.records[table];
          if (!rows.length) continue;
          const columns = Object.keys(rows[0]!);
          const insert = db.prepare(
            `INSERT OR IGNORE INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          for (const row of rows) insert.run(...columns.map((c) => row[c] as never));
        }
      }
      // The workbooks: read, then their rows inserted as they are.
      for (const file of fixture.files.filter((f) => f.fileName.endsWith('.xlsx')))
        XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' });
      const donors = new Map<string, string>();
      const insertDonor = db.prepare(
        `INSERT INTO donors (id, name, name_key, country, kind, created_at, updated_at) VALUES (?, ?, ?, ?, 'foreign_ngo', ?, ?)`,
      );
      const insertPledge =
        db.prepare(`INSERT INTO pledges (id, donor_id, place_id, kind, description, amount_minor, currency, rate, vnd_equivalent, pledge_date, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'VND', '1', ?, ?, 'pledged', ?, ?)`);
      for (const r of fixture.sheetRows) {
        let donor = donors.get(r.donor);
        if (!donor) {
          donor = crypto.randomUUID();
          insertDonor.run(donor, r.donor, r.donor.toLowerCase(), r.country, now, now);
          donors.set(r.donor, donor);
        }
        insertPledge.run(
          crypto.randomUUID(),
          donor,
          places.get(r.place)!,
          r.kind,
          r.description,
          r.amount,
          r.amount,
          r.date,
          now,
          now,
        );
      }
    })();
    ledger.tracking.applying = false;
    await writeReportCellsBare(built);
    await ledger.close();
    refill();
  };
  return measure(
    `close: one quarter's files from ${fixture.offices} offices (${fixture.records} records) merged in one call, and its report written`,
    { ratio: 1.5, ms: 5000 },
    ours,
    floor,
    reps,
  );
}

/** The bare exceljs streaming writer writing a built report's cells: the floor of every report written. */
export async function writeReportCellsBare(built: Report): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream });
  const sheet = (name: string, rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  };
  const figures = (f: Report['summaryTotal']) => [
    f.pledgedVnd,
    f.deliveredVnd,
    f.cumulativeDeliveredVnd,
    f.remainingVnd,
  ];
  sheet(
    'Tổng hợp',
    built.summary.map((r, i) => [i + 1, r.kindLabel, r.placeName, ...figures(r), r.original]),
  );
  sheet(
    'Chi tiết',
    [...built.pledges, ...built.deliveries].map((r, i) => [
      i + 1,
      r.date,
      r.donor,
      r.placeName,
      r.kindLabel,
      r.description,
      r.quantity,
      r.unit,
      r.amountText,
      r.currency,
      r.rate,
      r.vnd,
    ]),
  );
  sheet(
    'Theo nhà tài trợ',
    built.donors.map((r, i) => [i + 1, r.donor, r.country, ...figures(r)]),
  );
  sheet(
    'Điều chỉnh',
    built.changes.map((c, i) => [i + 1, c.date, c.donor, c.description, c.changes, c.reason]),
  );
  await workbook.commit();
  return Buffer.concat(chunks);
}
