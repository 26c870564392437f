/** Every migration in order. Names are zero-padded so they sort; released ones are never edited. */
import type { Kysely } from 'kysely';
import * as m0001 from './0001_initial';
import * as m0002 from './0002_imported_rows';
import * as m0003 from './0003_sync';
import * as m0004 from './0004_donor_merges';
import * as m0005 from './0005_monthly_totals';
import * as m0006 from './0006_search_index';
import * as m0007 from './0007_report_totals';
import * as m0008 from './0008_totals_in_bulk';
import * as m0009 from './0009_search_by_source';
import * as m0010 from './0010_amendments_and_reports';
import * as m0011 from './0011_places_catalogue';
import * as m0012 from './0012_aid_items';
import * as m0013 from './0013_totals_by_item';
import * as m0014 from './0014_report_scope';
import * as m0015 from './0015_import_layouts';
import * as m0016 from './0016_offices';
import * as m0017 from './0017_sane_versions';
import * as m0018 from './0018_received_changes';
import * as m0019 from './0019_partial_successors';
import * as m0020 from './0020_today_in';
import * as m0021 from './0021_recipients';
import * as m0022 from './0022_report_cutoff';
import * as m0023 from './0023_kept_deletions';
import * as m0025 from './0025_ngo_registry';

export interface Migration {
  name: string;
  up(db: Kysely<any>): Promise<void>;
  /** Rebuilds a table that others refer to: run with foreign keys off, and checked before it commits. */
  rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  { name: '0001_initial', up: m0001.up },
  { name: '0002_imported_rows', up: m0002.up },
  { name: '0003_sync', up: m0003.up },
  { name: '0004_donor_merges', up: m0004.up, rebuildsTables: true },
  { name: '0005_monthly_totals', up: m0005.up },
  { name: '0006_search_index', up: m0006.up },
  { name: '0007_report_totals', up: m0007.up },
  { name: '0008_totals_in_bulk', up: m0008.up },
  { name: '0009_search_by_source', up: m0009.up },
  { name: '0010_amendments_and_reports', up: m0010.up },
  { name: '0011_places_catalogue', up: m0011.up },
  { name: '0012_aid_items', up: m0012.up },
  { name: '0013_totals_by_item', up: m0013.up },
  { name: '0014_report_scope', up: m0014.up },
  { name: '0015_import_layouts', up: m0015.up },
  { name: '0016_offices', up: m0016.up },
  { name: '0017_sane_versions', up: m0017.up },
  { name: '0018_received_changes', up: m0018.up },
  { name: '0019_partial_successors', up: m0019.up },
  { name: '0020_today_in', up: m0020.up },
  { name: '0021_recipients', up: m0021.up },
  { name: '0022_report_cutoff', up: m0022.up },
  { name: '0023_kept_deletions', up: m0023.up },
  { name: '0025_ngo_registry', up: m0025.up },
];
