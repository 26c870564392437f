/** A record's history as the ledger keeps it (pledges, deliveries, aid items, the NGO registry): who changed what, when and why. */
import type { BundleSource } from './deletions';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: 'create' | 'update' | 'delete';
  entity:
    | 'pledge'
    | 'delivery'
    | 'aid_item'
    | 'aid_item_stage'
    | 'ngo_profile'
    | 'ngo_certificate'
    | 'ngo_contact'
    | 'ngo_plan'
    | 'ngo_year_report'
    | 'ngo_acknowledgement';
  entityId: string;
  siteId: string;
  siteName: string;
  /** The person who made the change (null for changes made before installations knew their user). */
  userName: string | null;
  note: string | null;
  changes: FieldChange[];
  /**
   * The bundle the change came in, merged here (null: made here). With the note `UNDONE_DELETION_NOTE`: the bundle
   * whose deletion of the record was undone here.
   */
  received: BundleSource | null;
}
