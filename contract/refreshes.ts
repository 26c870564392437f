/**
 * What each write changes, named as the reads that show it: after a write the UI reads again only these (a screen
 * not on view reads them when it next opens), so a saved pledge does not wait behind reads it cannot have changed.
 * `'all'`: the write may change anything the ledger holds (a backup restored, a bundle merged, an import). A write
 * missing from `REFRESHES` refreshes every read: a screen shown stale would be worse than a slow one.
 */
import type { Method } from './index';

/** Every method that only reads: what the UI keeps on screen and reads again when a write changed it. */
export const READS = [
  'app.info',
  'settings.get',
  'donors.list',
  'pledges.list',
  'pledges.summary',
  'pledges.get',
  'rates.list',
  'rates.propose',
  'rates.missing',
  'totals',
  'imports.template',
  'sync.preview',
  'sync.status',
  'sync.folder',
  'sync.deletions',
  'backups.list',
  'places.list',
  'places.setup',
  'reports.preview',
  'reports.list',
  'reports.file',
  'reports.due',
  'items.list',
  'items.get',
  'items.sectors',
  'items.deadlines',
  'items.overview',
  'items.summary',
  'offices.card',
  'offices.list',
  'deletions.list',
  'search.find',
  'reports.print',
  'ngo.list',
  'ngo.get',
  'ngo.check',
  'ngo.warnings',
  'ngo.todo',
  'ngo.holidays',
  'ngo.export',
] as const satisfies readonly Method[];

export type ReadMethod = (typeof READS)[number];

export type Refresh = readonly ReadMethod[] | 'all';

/**
 * The reads that show a pledge or a delivery: the ledger and its sums, the totals, the items' lines and deadlines
 * (the annual report is due once a pledge is), the report, the rates it lacks, the donors' pledge counts, and the
 * changes not yet sent.
 */
const PLEDGE_READS = [
  'pledges.list',
  'pledges.summary',
  'pledges.get',
  'totals',
  'items.list',
  'items.get',
  'items.overview',
  'items.summary',
  'items.deadlines',
  'reports.preview',
  'rates.missing',
  'rates.propose',
  'donors.list',
  'sync.status',
  'search.find',
  // A pledge, an item or a stage dated outside its NGO's certificate is flagged.
  'ngo.warnings',
  'ngo.list',
  'ngo.get',
] as const satisfies readonly ReadMethod[];

/** A deleted record can be listed among the deletions and its history read again. */
const DELETION_READS = [...PLEDGE_READS, 'sync.deletions', 'deletions.list'] as const satisfies readonly ReadMethod[];

/** The reads that show a donor: its name is on every pledge, total and report line. */
const DONOR_READS = PLEDGE_READS;

/** The reads that show an aid item: its own lists and detail, and the pledges' lines that name it. */
const ITEM_READS = [...PLEDGE_READS, 'items.sectors'] as const satisfies readonly ReadMethod[];

/** The reads that show a unit: the places themselves, and every pledge, total and report line named by one. */
const PLACE_READS = [...PLEDGE_READS, 'places.list', 'app.info'] as const satisfies readonly ReadMethod[];

/** The reads that show an NGO's certificates: the registry, the warnings they raise, the to-dos. */
const CERTIFICATE_READS = [
  'ngo.list',
  'ngo.get',
  'ngo.warnings',
  'ngo.check',
  'ngo.todo',
  'sync.status',
] as const satisfies readonly ReadMethod[];

/** The reads that show the offices this one exchanges with. */
const OFFICE_READS = [
  'offices.list',
  'offices.card',
  'sync.status',
  'sync.folder',
] as const satisfies readonly ReadMethod[];

/** For each write, the reads it changes, in the order they are read again: what the user waits for first. */
export const REFRESHES: { readonly [M in Method]?: Refresh } = {
  // The department's name, the site, the report's rules and letterhead, the exchange folder, the reminders' days.
  'settings.update': [
    'app.info',
    'settings.get',
    'reports.due',
    'reports.preview',
    'items.deadlines',
    'sync.status',
    'sync.folder',
    'offices.card',
  ],
  'donors.create': DONOR_READS,
  'donors.update': DONOR_READS,
  'donors.delete': DELETION_READS,
  'donors.merge': DONOR_READS,
  'pledges.create': PLEDGE_READS,
  'pledges.update': PLEDGE_READS,
  'pledges.delete': DELETION_READS,
  'deliveries.create': PLEDGE_READS,
  'deliveries.update': PLEDGE_READS,
  'deliveries.delete': DELETION_READS,
  // A rate converts every line of its currency from its date on.
  'rates.set': ['rates.list', ...PLEDGE_READS],
  'imports.files': 'all',
  // Records when this office last sent its changes.
  'sync.export': ['sync.status', 'sync.folder'],
  'sync.import': 'all',
  'sync.resolve': 'all',
  'sync.send': ['sync.status', 'sync.folder'],
  'sync.receive': 'all',
  'sync.undelete': 'all',
  'backups.create': ['backups.list'],
  'backups.restore': 'all',
  'backups.relocate': 'all',
  'places.create': PLACE_READS,
  'places.update': PLACE_READS,
  // The province's units put into a new ledger: everything read before was of a ledger without places.
  'places.choose': 'all',
  // A report written is kept as sent: the list of those, and what is due next.
  'reports.xlsx': ['reports.list', 'reports.preview', 'reports.due'],
  'items.create': ITEM_READS,
  'items.update': ITEM_READS,
  'items.stage': ITEM_READS,
  'items.attach': ITEM_READS,
  'items.delete': [...DELETION_READS, 'items.sectors'],
  // A record put back with the parts deleted with it, and any parent it needed: whatever kind it is.
  'deletions.undo': 'all',
  'offices.accept': OFFICE_READS,
  // An office recorded from one of its bundles, whose records may then be merged.
  'offices.admit': 'all',
  'offices.revoke': OFFICE_READS,
  // Its validity against the registration at home is shown with its certificates.
  'ngo.saveProfile': ['ngo.get', 'sync.status'],
  'ngo.addCertificate': CERTIFICATE_READS,
  'ngo.updateCertificate': CERTIFICATE_READS,
  'ngo.deleteCertificate': CERTIFICATE_READS,
  'ngo.saveContact': ['ngo.get', 'sync.status'],
  'ngo.deleteContact': ['ngo.get', 'sync.status'],
  // A plan or report received leaves the to-dos.
  'ngo.addPlan': ['ngo.get', 'ngo.todo', 'sync.status'],
  'ngo.deletePlan': ['ngo.get', 'ngo.todo', 'sync.status'],
  'ngo.addYearReport': ['ngo.get', 'ngo.todo', 'sync.status'],
  'ngo.deleteYearReport': ['ngo.get', 'ngo.todo', 'sync.status'],
  'ngo.acknowledge': ['ngo.warnings', 'ngo.list', 'ngo.get', 'items.get', 'sync.status'],
  // The working days every deadline counts.
  'ngo.setHolidays': ['ngo.holidays', 'ngo.todo', 'ngo.get'],
  // New donors, their certificates (and so every warning and to-do), profiles and contacts: as an import of lists.
  'ngo.import': 'all',
};

/** The reads a call changes: none for a read, everything for a write not declared above. */
export function refreshesAfter(method: string): Refresh {
  if ((READS as readonly string[]).includes(method)) return [];
  return REFRESHES[method as Method] ?? 'all';
}
