/** The first schema. Frozen once released: later changes go into new, higher-numbered migrations. */
import { sql, type Kysely } from 'kysely';

const statements = [
  `CREATE TABLE places (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_folded TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
    parent_id TEXT REFERENCES places(id),
    code TEXT,
    valid_from TEXT,
    valid_to TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
  )`,
  `CREATE UNIQUE INDEX places_code ON places(code) WHERE code IS NOT NULL`,
  `CREATE INDEX places_parent ON places(parent_id)`,
  `CREATE TABLE place_successors (
    id TEXT PRIMARY KEY NOT NULL,
    place_id TEXT NOT NULL REFERENCES places(id),
    successor_id TEXT NOT NULL REFERENCES places(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (place_id, successor_id),
    CHECK (place_id <> successor_id)
  )`,
  `CREATE TABLE donors (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key TEXT NOT NULL UNIQUE,
    short_name TEXT,
    country TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('foreign_ngo', 'foundation', 'company', 'individual', 'domestic_intermediary')),
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE TABLE pledges (
    id TEXT PRIMARY KEY NOT NULL,
    donor_id TEXT NOT NULL REFERENCES donors(id),
    place_id TEXT NOT NULL REFERENCES places(id),
    kind TEXT NOT NULL CHECK (kind IN ('house', 'gift', 'scholarship', 'cash', 'equipment', 'project', 'other')),
    description TEXT NOT NULL,
    quantity_milli INTEGER CHECK (quantity_milli IS NULL OR quantity_milli >= 0),
    unit TEXT,
    unit_value_minor INTEGER CHECK (unit_value_minor IS NULL OR unit_value_minor >= 0),
    amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    rate TEXT NOT NULL,
    rate_date TEXT,
    rate_source TEXT,
    vnd_equivalent INTEGER NOT NULL CHECK (vnd_equivalent >= 0),
    pledge_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pledged', 'in_progress', 'completed', 'cancelled')),
    beneficiaries INTEGER,
    approval_number TEXT,
    approval_date TEXT,
    notes TEXT,
    search_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
  `CREATE INDEX pledges_date ON pledges(pledge_date)`,
  `CREATE INDEX pledges_place_date ON pledges(place_id, pledge_date)`,
  `CREATE INDEX pledges_donor_date ON pledges(donor_id, pledge_date)`,
  `CREATE TABLE deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    pledge_id TEXT NOT NULL REFERENCES pledges(id),
    delivery_date TEXT NOT NULL,
    amount_minor INTEGER CHECK (amount_minor IS NULL OR amount_minor >= 0),
    quantity_milli INTEGER CHECK (quantity_milli IS NULL OR quantity_milli >= 0),
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    rate TEXT NOT NULL,
    rate_date TEXT,
    rate_source TEXT,
    vnd_equivalent INTEGER NOT NULL CHECK (vnd_equivalent >= 0),
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (amount_minor IS NOT NULL OR quantity_milli IS NOT NULL)
  )`,
  `CREATE INDEX deliveries_pledge ON deliveries(pledge_id)`,
  `CREATE INDEX deliveries_date ON deliveries(delivery_date)`,
  `CREATE TABLE exchange_rates (
    id TEXT PRIMARY KEY NOT NULL,
    currency TEXT NOT NULL CHECK (length(currency) = 3),
    valid_on TEXT NOT NULL,
    rate TEXT NOT NULL,
    source TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (currency, valid_on)
  )`,
  `CREATE TABLE audit_log (
    id TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    site_id TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    parent_id TEXT,
    before TEXT,
    after TEXT,
    note TEXT
  )`,
  `CREATE INDEX audit_entity ON audit_log(entity_id)`,
  `CREATE INDEX audit_parent ON audit_log(parent_id) WHERE parent_id IS NOT NULL`,
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
  )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
