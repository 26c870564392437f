/**
 * Who made what a bundle carries is the office that signed it, never what its rows say. The bundle's site must be the
 * signer; every row and deletion must say who made it consistently (its origin and its version's site); nobody but
 * this office authors this office's records (a row or deletion in its name must be one it holds, or older); a district
 * or commune office sends only its own changes (rows of others it carries, as references or in a full bundle, must
 * change nothing here); and every history entry is the signer's. The province is trusted to relay others' records.
 */
import type { Ctx } from '../../core/context';
import { BUNDLE_TABLES, type Bundle, refuse, type Words } from '../contents';
import type { Signer } from '../read';
import {
  changesNothing,
  deletionChangesNothing,
  heldRow,
  nameRecord,
  type Offence,
  refuseOffences,
  siteOfVersion,
  tableOf,
} from './held';

/** A record as the vetting sees it: who it says made it, and whether merging it would change anything here. */
interface Carried {
  /** The record as a refusal names it (read only then: a deletion's record is looked up here). */
  name: () => Words;
  origin: string;
  version: string;
  changesNothing: () => boolean;
}

function carried(ctx: Ctx, bundle: Bundle): Carried[] {
  const all: Carried[] = [];
  for (const [table, entity] of BUNDLE_TABLES) {
    for (const row of bundle.records[table] ?? []) {
      all.push({
        name: () => nameRecord(entity, row.id, row),
        origin: row.origin_site,
        version: row.version,
        changesNothing: () => changesNothing(ctx, table, entity, row),
      });
    }
  }
  for (const tomb of bundle.tombstones) {
    const table = tableOf(tomb.entity);
    all.push({
      name: () => nameRecord(tomb.entity, tomb.id, table ? heldRow(ctx, table, tomb.id) : undefined, true),
      origin: tomb.origin_site,
      version: tomb.version,
      changesNothing: () => deletionChangesNothing(ctx, tomb),
    });
  }
  return all;
}

export function vetSender(ctx: Ctx, bundle: Bundle, signer: Signer): void {
  if (bundle.site.id !== signer.siteId) {
    throw refuse(
      `gói ghi là của đơn vị ${bundle.site.id.slice(0, 100)} nhưng được ký bởi ${signer.name}`,
      `it says it comes from the office ${bundle.site.id.slice(0, 100)} but was signed by ${signer.name}`,
    );
  }
  const records = carried(ctx, bundle);
  const mixed = records.filter((r) => r.origin !== siteOfVersion(r.version));
  if (mixed.length) {
    refuseOffences(
      { vi: 'có bản ghi ghi sai đơn vị đã tạo ra nó', en: 'records say inconsistently which office made them' },
      mixed.map((r) => ({ record: r.name() })),
    );
  }
  const inOurName = records.filter((r) => r.origin === ctx.site.id && !r.changesNothing());
  if (inOurName.length) {
    refuseOffences(
      {
        vi: `gói mang thay đổi nhân danh chính đơn vị này (${ctx.site.name}) mà đơn vị này không có; chỉ đơn vị này được thay đổi các bản ghi của mình`,
        en: `it carries changes in the name of this office (${ctx.site.name}) that this office does not hold; only this office changes its own records`,
      },
      inOurName.map((r) => ({ record: r.name() })),
    );
  }
  if (signer.role === 'district') {
    const others = records.filter((r) => r.origin !== signer.siteId && r.origin !== ctx.site.id && !r.changesNothing());
    if (others.length) {
      refuseOffences(
        {
          vi: `gói của ${signer.name} mang thay đổi do đơn vị khác tạo ra; đơn vị huyện, xã chỉ gửi thay đổi của chính mình`,
          en: `the bundle of ${signer.name} carries a change made by another office; a district or commune office sends only its own changes`,
        },
        others.map((r) => ({ record: r.name() })),
      );
    }
  }
  const foreignHistory: Offence[] = [];
  bundle.audit.forEach((entry, n) => {
    if (entry.site_id !== signer.siteId) {
      const id = typeof entry.id === 'string' ? entry.id.slice(0, 60) : `#${n + 1}`;
      foreignHistory.push({ record: { vi: `mục lịch sử ${id}`, en: `the history entry ${id}` } });
    }
  });
  if (foreignHistory.length) {
    refuseOffences(
      {
        vi: `gói mang mục lịch sử không do ${signer.name} ghi`,
        en: `it carries history entries not written by ${signer.name}`,
      },
      foreignHistory,
    );
  }
}
