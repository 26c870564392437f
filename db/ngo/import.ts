/**
 * The registry imported from the department's own register: each file read (`io-read.ts`), each row a certificate of
 * an NGO found by its name (or short name, ignoring case and accents) or created as a foreign NGO with its country;
 * its certificate added, or changed where a certificate of that number says otherwise (with the file and row as the
 * reason, kept in the history), or left as it is; its office, head and contact person added to its profile. All
 * files or none: a refused row names its row and column and nothing of any file is kept; importing a file again adds
 * nothing. A layout whose columns were mapped is remembered, so the next register of that layout goes straight through.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { LedgerError } from '../../contract/errors';
import type { ImportIssue } from '../../contract/imports';
import {
  CertificateCreateInput,
  CertificateUpdateInput,
  ContactInput,
  type NgoProfile,
  OFFICE_CITY_CODES,
  ProfileInput,
} from '../../contract/ngo';
import {
  type NgoImportedFile,
  type NgoImportInput,
  type NgoImportResult,
  REGISTRY_FIELD_HEADERS,
  type RegistryColumnMapping,
  type RegistryField,
} from '../../contract/ngo-io';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import { readRows as readSql } from '../core/statements';
import { undoPoint } from '../core/undo';
import { addDonor, findDonorByName } from '../donors';
import { layoutKey, mappingKey } from '../imports/layout';
import { readSheet } from '../imports/read-sheet';
import { fileIssue } from '../imports/sheet';
import { latestValidUntil } from './certificates';
import { findHeader, missingColumns, type RegistryMapping, type RegistryRow, readRows } from './io-read';
import { saveContact } from './records';
import { addCertificate, saveProfile, updateCertificate } from './registry';

const minDay = (a: string, b: string) => (a < b ? a : b);

/** Registers' layouts are kept with the aid lists' (`import_layouts`), apart by this prefix to their key. */
const LAYOUT_PREFIX = 'ngo-registry: ';

export async function importRegistry(ctx: Ctx, input: z.output<typeof NgoImportInput>): Promise<NgoImportResult> {
  const start = await undoPoint(ctx, 'ngo_import');
  const files: NgoImportedFile[] = [];
  try {
    const remembered = await rememberedLayouts(ctx);
    for (const file of input.files) {
      const done = await importFile(ctx, file, remembered);
      files.push(done);
      // A file refused: the files after it are not read (nothing of any will be kept).
      if (done.errors.length) break;
    }
  } catch (error) {
    await start.undo();
    await start.keep();
    throw error;
  }
  const written = !input.dryRun && files.length === input.files.length && files.every((f) => !f.errors.length);
  if (!written) await start.undo();
  await start.keep();
  return { dryRun: input.dryRun, written, files };
}

async function rememberedLayouts(ctx: Ctx): Promise<Map<string, RegistryColumnMapping>> {
  const stored = await ctx.db
    .selectFrom('importLayouts')
    .select(['layoutKey', 'mapping'])
    .where('layoutKey', 'like', `${LAYOUT_PREFIX}%`)
    .execute();
  return new Map(stored.map((l) => [l.layoutKey, JSON.parse(l.mapping) as RegistryColumnMapping]));
}

async function importFile(
  ctx: Ctx,
  file: z.output<typeof NgoImportInput>['files'][number],
  remembered: Map<string, RegistryColumnMapping>,
): Promise<NgoImportedFile> {
  const done: NgoImportedFile = {
    fileName: file.fileName,
    rows: 0,
    newNgos: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    contacts: 0,
    errors: [],
  };
  const sheet = await readSheet(file.fileName, Buffer.from(file.base64, 'base64'));
  if ('problem' in sheet) {
    done.errors.push(sheet.problem);
    return done;
  }
  const chosen = file.mapping ?? [];
  const mappingFor = (texts: string[]): RegistryMapping => {
    const mapping: RegistryMapping = new Map();
    for (const m of remembered.get(LAYOUT_PREFIX + layoutKey(texts)) ?? [])
      mapping.set(mappingKey(m.header), { field: m.field, from: 'remembered' });
    for (const m of chosen) mapping.set(mappingKey(m.header), { field: m.field, from: 'chosen' });
    return mapping;
  };
  const header = findHeader(sheet, mappingFor);
  if (!header) {
    done.errors.push(
      fileIssue(
        'Không tìm thấy dòng tiêu đề của sổ theo dõi (Tên tổ chức, Số giấy đăng ký, Ngày cấp, Thời hạn, Địa bàn hoạt động, Lĩnh vực hoạt động…) trong 30 dòng đầu',
        'No header row of a register (Tên tổ chức, Số giấy đăng ký, Ngày cấp, Thời hạn, Địa bàn hoạt động, Lĩnh vực hoạt động…) in the first 30 rows',
      ),
    );
    return done;
  }
  done.layout = header.layout;
  const missing = missingColumns(header);
  if (missing.length) {
    done.errors.push(...missing);
    return done;
  }
  const { rows, errors } = readRows(sheet, header);
  done.rows = rows.length + new Set(errors.map((e) => e.row)).size;
  if (errors.length) {
    done.errors.push(...errors);
    return done;
  }
  if (!rows.length) {
    done.errors.push(fileIssue('Không có dòng nào dưới dòng tiêu đề', 'No rows under the header row'));
    return done;
  }
  for (const row of rows) {
    try {
      await writeRow(ctx, row, file.fileName, done);
    } catch (error) {
      if (error instanceof LedgerError) done.errors.push(rowIssue(row.row, error));
      else if (error instanceof z.ZodError) done.errors.push(zodIssue(row.row, error));
      else throw error;
    }
  }
  if (!done.errors.length) await rememberLayout(ctx, header.texts, header.layout.columns, file.fileName);
  return done;
}

/** The register's column a write's field is in. */
const COLUMN_OF: Record<string, RegistryField> = {
  name: 'name',
  donorId: 'name',
  kind: 'kind',
  number: 'number',
  issuedBy: 'issuedBy',
  issuedOn: 'issuedOn',
  validUntil: 'validUntil',
  provinces: 'provinces',
  fields: 'fields',
  officeCity: 'officeAddress',
  status: 'status',
  decisionNumber: 'decision',
  decisionDate: 'decision',
  headName: 'headName',
  officeAddress: 'officeAddress',
  phone: 'phone',
  email: 'email',
  role: 'contactRole',
};

function rowIssue(row: number, error: LedgerError): ImportIssue {
  const field = error.field ? COLUMN_OF[error.field] : undefined;
  return {
    row,
    column: field ? REGISTRY_FIELD_HEADERS[field] : '',
    message: error.bilingual.vi,
    messageEn: error.bilingual.en,
  };
}

function zodIssue(row: number, error: z.ZodError): ImportIssue {
  const first = error.issues[0];
  const key = String(first?.path[0] ?? '');
  const field = COLUMN_OF[key];
  return {
    row,
    column: field ? REGISTRY_FIELD_HEADERS[field] : key,
    message: `giá trị không hợp lệ (${first?.message ?? '?'})`,
    messageEn: `invalid value (${first?.message ?? '?'})`,
  };
}

/** The city of a representative office its address names (Art. 8(2): Hà Nội, Đà Nẵng or TP. Hồ Chí Minh). */
function officeCityOf(row: RegistryRow): string | null {
  const texts = foldText(row.officeAddress ?? '');
  if (/\bha noi\b/.test(texts)) return OFFICE_CITY_CODES[0];
  if (/\bda nang\b/.test(texts)) return OFFICE_CITY_CODES[1];
  if (/\b(ho chi minh|hcm|sai gon)\b/.test(texts)) return OFFICE_CITY_CODES[2];
  const only = row.provinces.length === 1 ? row.provinces[0]! : null;
  return only && (OFFICE_CITY_CODES as readonly string[]).includes(only) ? only : null;
}

interface StoredCertificate {
  id: string;
  kind: string;
  number: string;
  issuedBy: string;
  issuedOn: string;
  validUntil: string;
  status: string;
  provinces: string;
  fields: string;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

async function writeRow(ctx: Ctx, row: RegistryRow, fileName: string, done: NgoImportedFile) {
  const reason = `Nhập từ sổ theo dõi "${fileName}", dòng ${row.row}`;
  let donor = await findDonorByName(ctx, row.name);
  if (!donor && row.shortName) donor = await findDonorByName(ctx, row.shortName);
  let donorId: string;
  if (donor) donorId = donor.id;
  else {
    donorId = (
      await addDonor(ctx, {
        name: row.name,
        shortName: row.shortName,
        country: row.country,
        kind: 'foreign_ngo',
        notes: null,
      })
    ).id;
    done.newNgos.push(row.name);
  }
  const stored = readSql<StoredCertificate>(
    ctx,
    sql`SELECT id, kind, number, issued_by AS issuedBy, issued_on AS issuedOn, valid_until AS validUntil, status,
      provinces, fields FROM ngo_certificates WHERE donor_id = ${donorId}`,
  ).find((c) => foldText(c.number).replace(/\s+/g, '') === foldText(row.number).replace(/\s+/g, ''));
  const officeCity = row.kind === 'representative_office' ? officeCityOf(row) : null;
  const decision = { decisionNumber: row.decisionNumber, decisionDate: row.decisionDate };
  if (!stored) {
    // Issued, then changed by its decision (Art. 7): an extension may run past the years counted from the issue.
    const issuedUntil =
      row.status === 'extended' ? minDay(row.validUntil, latestValidUntil(row.kind, row.issuedOn)) : row.validUntil;
    const added = await addCertificate(
      ctx,
      CertificateCreateInput.parse({
        donorId,
        kind: row.kind,
        number: row.number,
        issuedBy: row.issuedBy,
        issuedOn: row.issuedOn,
        validUntil: issuedUntil,
        provinces: row.provinces,
        fields: row.fields,
        officeCity,
        notes: row.notes,
      }),
    );
    if (row.status !== 'in_force')
      await updateCertificate(
        ctx,
        CertificateUpdateInput.parse({
          id: added.id,
          status: row.status,
          ...decision,
          ...(issuedUntil !== row.validUntil ? { validUntil: row.validUntil } : {}),
          reason,
        }),
      );
    done.added++;
  } else {
    const change: Record<string, unknown> = {};
    if (stored.kind !== row.kind) change.kind = row.kind;
    if (stored.issuedOn !== row.issuedOn) change.issuedOn = row.issuedOn;
    if (stored.validUntil !== row.validUntil) change.validUntil = row.validUntil;
    if (row.issuedBy && stored.issuedBy !== row.issuedBy) change.issuedBy = row.issuedBy;
    if (!sameList(JSON.parse(stored.provinces) as string[], row.provinces)) change.provinces = row.provinces;
    if (!sameList(JSON.parse(stored.fields) as string[], row.fields)) change.fields = row.fields;
    // A register not saying otherwise leaves a standing recorded here (in force is what an empty cell reads as).
    if (row.status !== 'in_force' && stored.status !== row.status)
      Object.assign(change, { status: row.status, ...decision });
    if (Object.keys(change).length) {
      await updateCertificate(ctx, CertificateUpdateInput.parse({ id: stored.id, ...change, reason }));
      done.updated++;
    } else done.unchanged++;
  }
  await writeProfile(ctx, donorId, row, officeCity);
  await writeContact(ctx, donorId, row, done);
}

/** The profile's fields the row gives, where they differ from those recorded; the others kept. */
async function writeProfile(ctx: Ctx, donorId: string, row: RegistryRow, officeCity: string | null) {
  const given = {
    homeCountry: row.country,
    officeAddress: row.officeAddress,
    headName: row.headName,
    officeCity,
  };
  if (Object.values(given).every((v) => v === null)) return;
  const stored = readSql<Omit<NgoProfile, 'donorId'>>(
    ctx,
    sql`SELECT home_country AS homeCountry, home_registration AS homeRegistration,
      home_registration_until AS homeRegistrationUntil, office_address AS officeAddress, office_city AS officeCity,
      head_name AS headName, notes FROM ngo_profiles WHERE donor_id = ${donorId}`,
  )[0];
  const merged = {
    homeCountry: stored?.homeCountry ?? null,
    homeRegistration: stored?.homeRegistration ?? null,
    homeRegistrationUntil: stored?.homeRegistrationUntil ?? null,
    officeAddress: stored?.officeAddress ?? null,
    officeCity: stored?.officeCity ?? null,
    headName: stored?.headName ?? null,
    notes: stored?.notes ?? null,
  };
  let changed = false;
  for (const [key, value] of Object.entries(given) as [keyof typeof given, string | null][]) {
    if (value !== null && merged[key] !== value) {
      merged[key] = value;
      changed = true;
    }
  }
  if (changed) await saveProfile(ctx, ProfileInput.parse({ donorId, ...merged }));
}

/** The row's contact person (its head, when it names a phone or e-mail and no one else), unless already recorded. */
async function writeContact(ctx: Ctx, donorId: string, row: RegistryRow, done: NgoImportedFile) {
  const name = row.contactName ?? (row.phone || row.email ? row.headName : null);
  if (!name) return;
  const role = row.contactName ? row.contactRole : (row.contactRole ?? 'Người đứng đầu');
  const known = readSql<{ name: string }>(ctx, sql`SELECT name FROM ngo_contacts WHERE donor_id = ${donorId}`);
  if (known.some((c) => foldText(c.name) === foldText(name))) return;
  await saveContact(ctx, ContactInput.parse({ donorId, name, role, phone: row.phone, email: row.email }));
  done.contacts++;
}

/** The layout's mapping remembered when any column was mapped (chosen now or remembered before). */
async function rememberLayout(
  ctx: Ctx,
  headers: string[],
  columns: { header: string; field: RegistryField | 'ignore' | 'stt' | null; from: string | null }[],
  fileName: string,
) {
  const key = LAYOUT_PREFIX + layoutKey(headers);
  const mapped = columns
    .filter((c) => (c.from === 'chosen' || c.from === 'remembered') && c.field !== null && c.field !== 'stt')
    .map((c) => ({ header: c.header, field: c.field }));
  if (!mapped.length) return;
  const mapping = JSON.stringify(mapped);
  await ctx.db
    .insertInto('importLayouts')
    .values({ layoutKey: key, headers: JSON.stringify(headers.filter(Boolean)), mapping, fileName, savedAt: ctx.now })
    .onConflict((oc) => oc.column('layoutKey').doUpdateSet({ mapping, fileName, savedAt: ctx.now }))
    .execute();
}
