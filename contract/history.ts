/** A record's history as the ledger keeps it (pledges, deliveries, aid items): who changed what, when and why. */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: 'create' | 'update' | 'delete';
  entity: 'pledge' | 'delivery' | 'aid_item';
  entityId: string;
  siteId: string;
  siteName: string;
  /** The person who made the change (null for changes made before installations knew their user). */
  userName: string | null;
  note: string | null;
  changes: FieldChange[];
}
