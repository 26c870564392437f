/** USD figures: the lines they leave out for want of a USD rate (see `db/usd.ts` for how each line is converted). */

/** Lines left out of USD figures for want of a USD rate on or before their date, with their VND values. */
export interface UnconvertedLines {
  pledgedVnd: number;
  deliveredVnd: number;
  pledgeCount: number;
  deliveryCount: number;
}

/** The lines no USD figure holds, and the months (YYYY-MM) of their dates. */
export interface UnconvertedInUsd extends UnconvertedLines {
  months: string[];
}
