/** What the report's queries gather, before `assembleReport` turns it into rows. */
import type { PledgeKind, ReportDetailRow } from '../../../contract';
import type { ItemScope } from '../../../contract/items';
import type { parsePeriod } from '../period';

/** What a report row sums: pledged and delivered in the period, and to the period's end. */
export interface Sums {
  pledgedVnd: number;
  deliveredVnd: number;
  cumulativeDeliveredVnd: number;
  pledgedToDateVnd: number;
}

export interface SummaryGroup extends Sums {
  kind: PledgeKind;
  placeId: string;
  placeName: string;
}

export interface DonorGroup extends Sums {
  donorId: string;
  donor: string;
  country: string | null;
}

export interface OriginalSum {
  kind: PledgeKind;
  placeId: string;
  currency: string;
  amount: number;
}

export interface ReportData {
  period: ReturnType<typeof parsePeriod>;
  departmentName: string;
  provinceName: string;
  provinceType: string;
  wholeProvince: boolean;
  placeName: string;
  unitsOf: string | null;
  /** Only the lines of these aid items (null: every line). */
  itemScope: ItemScope | null;
  dated: string;
  summaryGroups: SummaryGroup[];
  donorGroups: DonorGroup[];
  originals: OriginalSum[];
  pledges: ReportDetailRow[];
  deliveries: ReportDetailRow[];
  changes: {
    at: string;
    donor: string;
    description: string;
    currency: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    note: string | null;
    by: string;
  }[];
}
