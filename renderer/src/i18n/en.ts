/** Every English string of the UI. */
import type { Catalog } from './vi';

export const en: Catalog = {
  appTitle: 'Aid Ledger',
  appSubtitle: 'Foreign non-governmental aid',
  version: 'Version',
  installation: 'Installation',
  database: 'Database file',
  loading: 'Loading…',
  loadFailed: 'Could not load the data',
  search: 'Search (accents optional)',
  pledges: 'Pledges',
  pledgeCount: (shown, total) => `Showing ${shown} of ${total} pledges`,
  empty: 'No pledges yet',
  totalsByDonor: 'Totals by donor',
  totalsByKind: 'Totals by kind of aid',
  grandTotal: 'Total',
  columns: {
    date: 'Pledge date',
    donor: 'Donor',
    place: 'Place',
    kind: 'Kind',
    description: 'Description',
    amount: 'Amount',
    vnd: 'VND equivalent',
    status: 'Status',
    pledged: 'Pledged (VND)',
    delivered: 'Delivered (VND)',
    group: 'Group',
  },
  language: 'Tiếng Việt',
};
