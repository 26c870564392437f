/** What merging a bundle did: shared by the sync area and the quarter's files (`imports.files`), which merge bundles too. */

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  deleted: number;
  /** Donors found twice (the same name entered at two offices) and merged into one. */
  donorsMerged: number;
}
