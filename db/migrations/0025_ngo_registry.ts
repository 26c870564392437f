/**
 * The NGO registry (Decree 58/2022/NĐ-CP): for a donor that is a foreign NGO, its certificates over time, its profile
 * (home registration, representative office, head), contact persons, the activity plans and yearly reports the
 * province received, and the acknowledgements of the warnings its items, pledges and stages were flagged with.
 * - ngo_profiles: one per donor, its id the donor's, so two offices filling in one NGO's profile edit one record;
 * - ngo_certificates: the provinces and fields each permits as JSON lists (catalogue codes; sector keys);
 * - ngo_plans: the places an activity plan names as a JSON list of place ids;
 * - ngo_acknowledgements: one per flagged record, its id made from the record's kind and id, so two offices
 *   acknowledging one record edit one acknowledgement;
 * - ngo_holidays: the public holidays the working days skip, the ledger's own (not carried in bundles).
 * Every table but the holidays is tracked for merging like the other ledger tables (migrations 0003 and 0012).
 */
import { sql, type Kysely } from 'kysely';

export const NGO_TABLES = [
  ['ngo_profiles', 'ngo_profile'],
  ['ngo_certificates', 'ngo_certificate'],
  ['ngo_contacts', 'ngo_contact'],
  ['ngo_plans', 'ngo_plan'],
  ['ngo_year_reports', 'ngo_year_report'],
  ['ngo_acknowledgements', 'ngo_acknowledgement'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const tracked = `created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '', origin_site TEXT NOT NULL DEFAULT '', base_version TEXT NOT NULL DEFAULT ''`;
  await run(`CREATE TABLE ngo_profiles (
    id TEXT PRIMARY KEY NOT NULL,
    donor_id TEXT NOT NULL UNIQUE REFERENCES donors(id),
    home_country TEXT,
    home_registration TEXT,
    home_registration_until TEXT,
    office_address TEXT,
    office_city TEXT,
    head_name TEXT,
    notes TEXT,
    ${tracked}
  )`);
  await run(`CREATE TABLE ngo_certificates (
    id TEXT PRIMARY KEY NOT NULL,
    donor_id TEXT NOT NULL REFERENCES donors(id),
    kind TEXT NOT NULL CHECK (kind IN ('operation', 'representative_office')),
    number TEXT NOT NULL CHECK (length(trim(number)) > 0),
    issued_by TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_force', 'extended', 'amended', 'suspended', 'revoked')),
    decision_number TEXT,
    decision_date TEXT,
    provinces TEXT NOT NULL DEFAULT '[]',
    fields TEXT NOT NULL DEFAULT '[]',
    office_city TEXT,
    notes TEXT,
    ${tracked}
  )`);
  await run(`CREATE INDEX ngo_certificates_donor ON ngo_certificates (donor_id, issued_on)`);
  await run(`CREATE TABLE ngo_contacts (
    id TEXT PRIMARY KEY NOT NULL,
    donor_id TEXT NOT NULL REFERENCES donors(id),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    role TEXT,
    phone TEXT,
    email TEXT,
    ${tracked}
  )`);
  await run(`CREATE INDEX ngo_contacts_donor ON ngo_contacts (donor_id)`);
  await run(`CREATE TABLE ngo_plans (
    id TEXT PRIMARY KEY NOT NULL,
    donor_id TEXT NOT NULL REFERENCES donors(id),
    certificate_id TEXT REFERENCES ngo_certificates(id),
    received_on TEXT NOT NULL,
    period_from TEXT,
    period_to TEXT,
    place_ids TEXT NOT NULL DEFAULT '[]',
    summary TEXT,
    ${tracked}
  )`);
  await run(`CREATE INDEX ngo_plans_donor ON ngo_plans (donor_id)`);
  await run(`CREATE INDEX ngo_plans_certificate ON ngo_plans (certificate_id) WHERE certificate_id IS NOT NULL`);
  await run(`CREATE TABLE ngo_year_reports (
    id TEXT PRIMARY KEY NOT NULL,
    donor_id TEXT NOT NULL REFERENCES donors(id),
    year INTEGER NOT NULL,
    received_on TEXT NOT NULL,
    notes TEXT,
    ${tracked}
  )`);
  await run(`CREATE INDEX ngo_year_reports_donor ON ngo_year_reports (donor_id, year)`);
  await run(`CREATE TABLE ngo_acknowledgements (
    id TEXT PRIMARY KEY NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('item', 'pledge', 'stage')),
    subject_id TEXT NOT NULL,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    at TEXT NOT NULL,
    user_name TEXT,
    site_name TEXT,
    ${tracked}
  )`);
  await run(`CREATE INDEX ngo_acknowledgements_subject ON ngo_acknowledgements (subject, subject_id)`);
  await run(`CREATE TABLE ngo_holidays (
    date TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL
  )`);
  for (const [table, entity] of NGO_TABLES) {
    await run(`CREATE INDEX ${table}_version ON ${table}(version)`);
    // The same triggers as the other tracked tables (0003_sync, 0004_donor_merges, 0012_aid_items).
    await run(`CREATE TRIGGER ${table}_track_insert AFTER INSERT ON ${table} WHEN sync_applying() = 0 BEGIN
      UPDATE ${table} SET version = hlc_next(), origin_site = site_id(), base_version = '' WHERE rowid = NEW.rowid;
    END`);
    await run(`CREATE TRIGGER ${table}_track_update AFTER UPDATE ON ${table} WHEN sync_applying() = 0 AND NEW.version = OLD.version BEGIN
      UPDATE ${table} SET version = hlc_next(), origin_site = site_id(),
        base_version = CASE WHEN OLD.origin_site = site_id() THEN OLD.base_version ELSE OLD.version END
      WHERE rowid = NEW.rowid;
    END`);
    await run(`CREATE TRIGGER ${table}_track_delete AFTER DELETE ON ${table} WHEN sync_applying() = 0 BEGIN
      INSERT INTO tombstones (entity, id, version, origin_site, deleted_at, base_version) VALUES ('${entity}', OLD.id, hlc_next(), site_id(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.version)
      ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, origin_site = excluded.origin_site, deleted_at = excluded.deleted_at, base_version = excluded.base_version;
    END`);
  }
}
