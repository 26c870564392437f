/**
 * Bundles: the changes of one installation in one file, carried by USB stick, email or a shared folder. A bundle is
 * gzip-compressed JSON behind a header line with its SHA-256 and the signature of the office that made it, so a
 * tampered, truncated or foreign file, or one from an office this ledger does not know, is refused before anything is
 * read from it. Merging is by record id: a newer version based on ours replaces ours; two edits made without seeing
 * each other are a conflict — the later version is kept in the ledger and the other is kept beside it for the user to
 * choose — so nothing is lost and every installation ends up the same.
 *
 * This file says what a bundle holds; `format.ts` writes and reads the file (`checks.ts` checks what it holds),
 * `read.ts` reads one to merge (who signed it), `vet/` refuses what its office may not send, `export.ts` makes one,
 * `import.ts` merges one (`merge-records.ts`, `merge-deletions.ts`, `conflicts.ts`), and
 * `references.ts` keeps the rows a bundle's rows point to.
 */
import { LedgerError } from '../../contract/errors';

export const BUNDLE_FORMAT = 'aid-ledger-bundle';
/** Format 3 is signed by the office that made it (`format.ts`). */
export const BUNDLE_FORMAT_VERSION = 3;

/** Tables in the order rows must be applied (parents before children). */
export const BUNDLE_TABLES = [
  ['places', 'place'],
  ['place_successors', 'place_successor'],
  ['donors', 'donor'],
  ['aid_items', 'aid_item'],
  ['aid_item_stages', 'aid_item_stage'],
  ['pledges', 'pledge'],
  ['deliveries', 'delivery'],
  ['exchange_rates', 'exchange_rate'],
  // The NGO registry (migration 0025): bundles of earlier releases carry none of these.
  ['ngo_profiles', 'ngo_profile'],
  ['ngo_certificates', 'ngo_certificate'],
  ['ngo_contacts', 'ngo_contact'],
  ['ngo_plans', 'ngo_plan'],
  ['ngo_year_reports', 'ngo_year_report'],
  ['ngo_acknowledgements', 'ngo_acknowledgement'],
] as const;
export type Table = (typeof BUNDLE_TABLES)[number][0];
export type Row = Record<string, unknown> & { id: string; version: string; origin_site: string; base_version: string };

export interface Tombstone {
  entity: string;
  id: string;
  version: string;
  origin_site: string;
  deleted_at: string;
  /** The version the deletion removed ('' when not known: deleted before this was recorded). */
  base_version?: string;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  site: { id: string; name: string };
  createdAt: string;
  since: string;
  records: Record<Table, Row[]>;
  tombstones: Tombstone[];
  audit: Record<string, unknown>[];
  /** From a province's full bundle: settings its districts take over (the department's name). */
  reference?: { departmentName: string };
  /**
   * The province the ledger that made it serves (code 'all': the whole country); absent from bundles of earlier
   * releases and of ledgers with no places yet (`vet/province.ts`).
   */
  province?: { code: string; name: string };
}

export type Words = { vi: string; en: string };

export const refuse = (vi: string, en: string) =>
  new LedgerError('invalid_input', { vi: `Gói dữ liệu bị từ chối: ${vi}`, en: `Bundle refused: ${en}` });
