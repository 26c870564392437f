/**
 * What an office may change. The province may change everything. A district or commune office may create or change
 * only: pledges whose place (before and after) lies in its area — its home place, what lies under it, and the units its
 * units became (a former commune merged into a new one) with what lies under those; deliveries of such pledges; aid
 * items all of whose places lie there, and their stages; donors it creates, and donors whose version here is its own;
 * a merge of donors entered twice, when it says what this ledger would; exchange rates for a (currency, month or
 * day) this ledger has not got; acknowledgements of warnings on such pledges, items and stages. It changes no place,
 * no place link and nothing of the NGO registry, which the province keeps. It deletes only what it may change. A bundle
 * with anything else is refused whole, naming the records.
 */
import type { Ctx } from '../../core/context';
import { prepared } from '../../core/statements';
import { type SettlingDonor, settledMerges } from '../../donors';
import { displayName } from '../../places/names';
import { sameContent } from '../conflicts';
import { BUNDLE_TABLES, type Bundle, type Row, type Table, type Tombstone, type Words } from '../contents';
import type { Signer } from '../read';
import {
  changesNothing,
  deletionChangesNothing,
  heldRow,
  heldTombstone,
  nameRecord,
  type Offence,
  refuseOffences,
  siteOfVersion,
  tableOf,
} from './held';

export function vetScope(ctx: Ctx, bundle: Bundle, signer: Signer): void {
  if (signer.role !== 'district') return;
  const area = new OfficeArea(ctx, bundle, signer);
  const offences: Offence[] = [];
  for (const [table, entity] of BUNDLE_TABLES) {
    for (const row of bundle.records[table] ?? []) {
      // Rows of other offices were vetted by who made them (`sender.ts`): they change nothing here.
      if (row.origin_site !== signer.siteId || changesNothing(ctx, table, entity, row)) continue;
      const why = area.whyNotChange(table, row);
      if (why) offences.push({ record: nameRecord(entity, row.id, row), why });
    }
  }
  for (const tomb of bundle.tombstones) {
    if (tomb.origin_site !== signer.siteId || deletionChangesNothing(ctx, tomb)) continue;
    const why = area.whyNotDelete(tomb);
    if (why) offences.push({ record: nameRecord(tomb.entity, tomb.id, area.before(tomb), true), why });
  }
  if (offences.length) {
    refuseOffences(
      {
        vi: `${signer.name} là đơn vị huyện, xã (${area.homeName}) và chỉ được thay đổi dữ liệu trên địa bàn của mình; gói có bản ghi ngoài phạm vi đó`,
        en: `${signer.name} is a district or commune office (${area.homeName}) and may change only what lies there; the bundle holds records out of that scope`,
      },
      offences,
    );
  }
}

const OUTSIDE: Words = { vi: 'ngoài địa bàn của đơn vị', en: "outside the office's place" };
const PLACES_ARE_THE_PROVINCES: Words = {
  vi: 'danh mục địa bàn chỉ tỉnh thay đổi',
  en: 'only the province changes the places',
};
const DONOR_OF_ANOTHER: Words = {
  vi: 'nhà tài trợ do đơn vị khác nhập hoặc sửa',
  en: 'a donor another office entered or changed',
};
/** Certificates are registered with the province (Decree 58/2022/NĐ-CP, Art. 21): it keeps the registry. */
const REGISTRY_IS_THE_PROVINCES: Words = {
  vi: 'sổ theo dõi tổ chức PCPNN chỉ tỉnh thay đổi',
  en: 'only the province changes the NGO registry',
};
const RATE_HELD: Words = {
  vi: 'tỷ giá của loại tiền và kỳ này đã có ở đây',
  en: 'this ledger has a rate for this currency and period',
};

/** An office's area and the rules of what it may change, read from the ledger as it stands and from the bundle. */
class OfficeArea {
  private readonly places: Set<string>;
  readonly homeName: string;
  private donorTargets: Map<string, { wanted: string | null }> | undefined;

  constructor(
    private readonly ctx: Ctx,
    private readonly bundle: Bundle,
    private readonly signer: Signer,
  ) {
    const home = signer.placeId
      ? (prepared(ctx.sqlite, 'SELECT name, unit_type AS unitType FROM places WHERE id = ?').get(signer.placeId) as
          | { name: string; unitType: string | null }
          | undefined)
      : undefined;
    this.homeName = home ? displayName(home) : '—';
    this.places = new Set(
      signer.placeId
        ? (
            prepared(
              ctx.sqlite,
              `WITH RECURSIVE area(id) AS (
                SELECT ?
                UNION SELECT p.id FROM places p JOIN area ON p.parent_id = area.id
                UNION SELECT s.successor_id FROM place_successors s JOIN area ON s.place_id = area.id
              ) SELECT id FROM area`,
            ).all(signer.placeId) as { id: string }[]
          ).map((r) => r.id)
        : [],
    );
  }

  /** The record as this ledger holds it, before the bundle. */
  before(tomb: Tombstone): Row | undefined {
    const table = tableOf(tomb.entity);
    return table ? heldRow(this.ctx, table, tomb.id) : undefined;
  }

  /** A row as it will be after the merge: the bundle's, else the ledger's. */
  private after(table: Table, id: unknown): Row | undefined {
    if (typeof id !== 'string') return undefined;
    return (this.bundle.records[table] ?? []).find((r) => r.id === id) ?? heldRow(this.ctx, table, id);
  }

  private inArea(placeId: unknown): boolean {
    return typeof placeId === 'string' && this.places.has(placeId);
  }

  /** A pledge lies in the area (one the merge would leave pointing at nothing is the references' to refuse). */
  private pledgeInArea(pledge: Row | undefined): boolean {
    return !pledge || this.inArea(pledge.place_id);
  }

  /** An aid item lies in the area when it has places and all of them do. */
  private itemInArea(item: Row | undefined): boolean {
    if (!item) return true;
    let ids: unknown;
    try {
      ids = JSON.parse(String(item.place_ids));
    } catch {
      return false;
    }
    return Array.isArray(ids) && ids.length > 0 && ids.every((id) => this.inArea(id));
  }

  /** Why the office may not create or change this row (null: it may). */
  whyNotChange(table: Table, row: Row): Words | null {
    const held = heldRow(this.ctx, table, row.id);
    switch (table) {
      case 'places':
      case 'place_successors':
        return PLACES_ARE_THE_PROVINCES;
      case 'pledges':
        return this.inArea(row.place_id) && this.pledgeInArea(held) ? null : OUTSIDE;
      case 'deliveries':
        return [row.pledge_id, held?.pledge_id].every(
          (id) => this.pledgeInArea(this.after('pledges', id)) && this.pledgeInArea(this.heldPledge(id)),
        )
          ? null
          : OUTSIDE;
      case 'aid_items':
        return this.itemInArea(row) && (!held || this.itemInArea(held)) ? null : OUTSIDE;
      case 'aid_item_stages':
        return [row.item_id, held?.item_id].every(
          (id) => this.itemInArea(this.after('aid_items', id)) && this.itemInArea(this.heldItem(id)),
        )
          ? null
          : OUTSIDE;
      case 'donors':
        return this.donorMayChange(row, held) ? null : DONOR_OF_ANOTHER;
      case 'exchange_rates':
        return held || this.rateHeld(row) ? RATE_HELD : null;
      case 'ngo_acknowledgements':
        return this.acknowledgedInArea(row) && (!held || this.acknowledgedInArea(held)) ? null : OUTSIDE;
      case 'ngo_profiles':
      case 'ngo_certificates':
      case 'ngo_contacts':
      case 'ngo_plans':
      case 'ngo_year_reports':
        return REGISTRY_IS_THE_PROVINCES;
    }
  }

  /** Why the office may not delete this record (null: it may, or the ledger does not hold it). */
  whyNotDelete(tomb: Tombstone): Words | null {
    const table = tableOf(tomb.entity);
    const held = this.before(tomb);
    if (!table || !held) return null;
    switch (table) {
      case 'places':
      case 'place_successors':
        return PLACES_ARE_THE_PROVINCES;
      case 'pledges':
        return this.pledgeInArea(held) ? null : OUTSIDE;
      case 'deliveries':
        return this.pledgeInArea(this.heldPledge(held.pledge_id)) ? null : OUTSIDE;
      case 'aid_items':
        return this.itemInArea(held) ? null : OUTSIDE;
      case 'aid_item_stages':
        return this.itemInArea(this.heldItem(held.item_id)) ? null : OUTSIDE;
      case 'donors':
        return held.origin_site === this.signer.siteId ? null : DONOR_OF_ANOTHER;
      case 'exchange_rates':
        return RATE_HELD;
      case 'ngo_acknowledgements':
        return this.acknowledgedInArea(held) ? null : OUTSIDE;
      case 'ngo_profiles':
      case 'ngo_certificates':
      case 'ngo_contacts':
      case 'ngo_plans':
      case 'ngo_year_reports':
        return REGISTRY_IS_THE_PROVINCES;
    }
  }

  /** A warning's acknowledgement lies where the record acknowledged lies: a pledge's place, an item's places. */
  private acknowledgedInArea(row: Row | undefined): boolean {
    if (!row) return false;
    switch (row.subject) {
      case 'pledge':
        return this.pledgeInArea(this.heldPledge(row.subject_id));
      case 'item':
        return this.itemInArea(this.heldItem(row.subject_id));
      case 'stage': {
        const stage =
          typeof row.subject_id === 'string' ? heldRow(this.ctx, 'aid_item_stages', row.subject_id) : undefined;
        return this.itemInArea(this.heldItem(stage?.item_id));
      }
      default:
        return false;
    }
  }

  private heldPledge(id: unknown): Row | undefined {
    return typeof id === 'string' ? heldRow(this.ctx, 'pledges', id) : undefined;
  }

  private heldItem(id: unknown): Row | undefined {
    return typeof id === 'string' ? heldRow(this.ctx, 'aid_items', id) : undefined;
  }

  private rateHeld(row: Row): boolean {
    return (
      prepared(this.ctx.sqlite, 'SELECT 1 FROM exchange_rates WHERE currency = ? AND valid_on = ? LIMIT 1').get(
        row.currency,
        row.valid_on,
      ) !== undefined
    );
  }

  /**
   * A donor the office creates, or whose version here is its own (or was, when it was deleted here); or a donor of
   * another office that it only merged into another, as settling donors entered twice here would too.
   */
  private donorMayChange(row: Row, held: Row | undefined): boolean {
    if (!held) {
      const deleted = heldTombstone(this.ctx, 'donor', row.id);
      return !deleted || siteOfVersion(deleted.base_version ?? '') === this.signer.siteId;
    }
    if (held.origin_site === this.signer.siteId) return true;
    const { merged_into: _theirs, ...theirRest } = row;
    const { merged_into: _ours, ...ourRest } = held;
    if (!sameContent(ourRest as Row, theirRest as Row)) return false;
    return (this.settledTargets().get(row.id)?.wanted ?? null) === (row.merged_into ?? null);
  }

  /**
   * Where donors entered twice would be merged here once the bundle is in: the donors here, with the bundle's own
   * donors, but with the merges it made of donors not its own left as they are here.
   */
  private settledTargets(): Map<string, { wanted: string | null }> {
    if (this.donorTargets) return this.donorTargets;
    const donors = new Map<string, SettlingDonor>();
    for (const d of prepared(
      this.ctx.sqlite,
      'SELECT id, name_key AS nameKey, merged_into AS mergedInto FROM donors',
    ).all() as SettlingDonor[])
      donors.set(d.id, d);
    for (const row of this.bundle.records.donors ?? []) {
      // Others' rows change nothing here (`sender.ts`); its merges of donors not its own are what is being checked.
      if (row.origin_site !== this.signer.siteId) continue;
      const held = heldRow(this.ctx, 'donors', row.id);
      if (held && held.origin_site !== this.signer.siteId) continue;
      donors.set(row.id, {
        id: row.id,
        nameKey: String(row.name_key),
        mergedInto: typeof row.merged_into === 'string' ? row.merged_into : null,
      });
    }
    this.donorTargets = settledMerges([...donors.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    return this.donorTargets;
  }
}
