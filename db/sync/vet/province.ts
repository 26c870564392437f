/**
 * A ledger serves one province (or, a national ledger, every one), and takes bundles of that province only: a bundle
 * says the province of the ledger that made it, and one of another province is refused whole, naming both. A bundle
 * of an earlier release says none, and a national ledger's speaks for every province: these are judged by where their
 * pledges and aid items lie. A national ledger takes every province's bundles.
 */
import type { LedgerError } from '../../../contract/errors';
import type { Ctx } from '../../core/context';
import { prepared } from '../../core/statements';
import {
  ledgerProvinceName,
  type ProvinceName,
  provinceOfUnit,
  sameProvince,
  type TreeUnit,
} from '../../places/ledger-province';
import { type Bundle, refuse, type Row } from '../contents';
import type { Signer } from '../read';

/** What a bundle's ledger serves, as its head says: a province's code and name, or 'all' for the whole country. */
export type BundleProvince = { code: string; name: string };

/** The code a national ledger's bundle says. */
export const WHOLE_COUNTRY = 'all';

/** The province a ledger writes into the head of its bundles (none for a ledger with no places yet). */
export async function bundleProvince(ctx: Ctx): Promise<BundleProvince | undefined> {
  const served = await ledgerProvinceName(ctx);
  if (served === null) return undefined;
  if (served === 'all') return { code: WHOLE_COUNTRY, name: 'Toàn quốc' };
  return { code: served.code ?? '', name: served.name };
}

/** Where a bundle is from: the province of the ledger that made it, when known, and its refusal if it is another's. */
export interface BundleFrom {
  /** Shown with the file in the import's preview. */
  province: string | null;
  refusal: LedgerError | null;
}

/**
 * The province a bundle is from and, when it is not this ledger's, its refusal naming the bundle's province and this
 * ledger's (thrown by the caller before anything is written).
 */
export async function vetProvince(ctx: Ctx, bundle: Bundle, signer: Signer): Promise<BundleFrom> {
  const ours = await ledgerProvinceName(ctx);
  const declared = bundle.province;
  const theirs: ProvinceName | null =
    declared && declared.code !== WHOLE_COUNTRY ? { code: declared.code || null, name: declared.name } : null;
  if (ours === null || ours === 'all') return { province: declared?.name ?? null, refusal: null };
  if (theirs) {
    if (sameProvince(theirs, ours)) return { province: theirs.name, refusal: null };
    return {
      province: theirs.name,
      refusal: refuse(
        `gói do sổ của ${theirs.name} tạo ra (${signer.name}), còn sổ này là sổ của ${ours.name}; mỗi sổ chỉ nhận gói của sổ cùng tỉnh (sổ toàn quốc nhận gói của mọi tỉnh); sổ không bị thay đổi`,
        `it was made by a ledger of ${theirs.name} (${signer.name}), and this ledger is one of ${ours.name}; a ledger takes only bundles of ledgers of its own province (a national ledger takes every province's); the ledger was not changed`,
      ),
    };
  }
  const foreign = foreignPlaces(ctx, bundle, ours);
  if (!foreign.size) return { province: declared?.name ?? null, refusal: null };
  const listed = [...foreign].map(([province, units]) => `${province} (${units.slice(0, 3).join(', ')})`).join('; ');
  return {
    province: [...foreign.keys()].join(', '),
    refusal: refuse(
      `gói có cam kết hoặc khoản viện trợ tại ${listed}, ngoài ${ours.name} mà sổ này theo dõi: gói do sổ của tỉnh khác tạo ra (${signer.name}); sổ không bị thay đổi`,
      `it holds pledges or aid items in ${listed}, outside ${ours.name}, which this ledger serves: it was made by a ledger of another province (${signer.name}); the ledger was not changed`,
    ),
  };
}

/** The units of the bundle's pledges and aid items that lie outside this ledger's province, by their province. */
function foreignPlaces(ctx: Ctx, bundle: Bundle, ours: ProvinceName): Map<string, string[]> {
  const carried = new Map<string, Row>((bundle.records.places ?? []).map((r) => [r.id, r]));
  const links = new Map<string, string[]>();
  for (const link of bundle.records.place_successors ?? [])
    if (typeof link.place_id === 'string' && typeof link.successor_id === 'string')
      links.set(link.place_id, [...(links.get(link.place_id) ?? []), link.successor_id]);
  const held = prepared(
    ctx.sqlite,
    'SELECT name, unit_type AS unitType, level, parent_id AS parentId, code, valid_to AS validTo FROM places WHERE id = ?',
  );
  const heldLinks = prepared(ctx.sqlite, 'SELECT successor_id AS id FROM place_successors WHERE place_id = ?');
  const unitOf = (id: string): TreeUnit | undefined => {
    const row = carried.get(id);
    if (!row) return held.get(id) as TreeUnit | undefined;
    const text = (value: unknown) => (typeof value === 'string' ? value : null);
    return {
      name: String(row.name ?? ''),
      unitType: text(row.unit_type),
      level: String(row.level ?? ''),
      parentId: text(row.parent_id),
      code: text(row.code),
      validTo: text(row.valid_to),
    };
  };
  const successorsOf = (id: string) => [
    ...(links.get(id) ?? []),
    ...(heldLinks.all(id) as { id: string }[]).map((l) => l.id),
  ];
  const foreign = new Map<string, string[]>();
  for (const id of placesUsed(bundle)) {
    const province = provinceOfUnit(id, unitOf, successorsOf);
    if (!province || sameProvince(province, ours)) continue;
    const unit = unitOf(id)!;
    const shown = unit.unitType ? `${unit.unitType} ${unit.name}` : unit.name;
    foreign.set(province.name, [...(foreign.get(province.name) ?? []), shown]);
  }
  return foreign;
}

/** The units the bundle's pledges and aid items name. */
function placesUsed(bundle: Bundle): Set<string> {
  const ids = new Set<string>();
  for (const pledge of bundle.records.pledges ?? [])
    for (const id of [pledge.place_id, pledge.today_place_id]) if (typeof id === 'string') ids.add(id);
  for (const item of bundle.records.aid_items ?? []) {
    try {
      const listed: unknown = JSON.parse(String(item.place_ids));
      if (Array.isArray(listed)) for (const id of listed) if (typeof id === 'string') ids.add(id);
    } catch {
      // An unreadable list is the rules' to refuse (`rules.ts`).
    }
  }
  return ids;
}
