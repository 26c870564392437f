/**
 * Certificates as the registry reads them: stored rows turned into the contract's records, their standing on a day,
 * and the days an activity plan's 45 working days count from.
 */
import { CERTIFICATE_MAX_YEARS, type Certificate, PLAN_WORKING_DAYS } from '../../contract/ngo';
import type { NgoCertificatesTable } from '../core/schema';
import { provinceNameOf } from './provinces';
import { addWorkingDays } from './working-days';

export const parseList = (json: string): string[] => {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

/** Suspended or revoked by the day: from its decision's date (a decision not dated: from its issue). */
export function stoppedOn(row: Pick<NgoCertificatesTable, 'status' | 'decisionDate'>, day: string): boolean {
  return (row.status === 'suspended' || row.status === 'revoked') && (row.decisionDate ?? '') <= day;
}

/** In force on the day: issued, not past its end, neither suspended nor revoked by then. */
export function inForceOn(
  row: Pick<NgoCertificatesTable, 'issuedOn' | 'validUntil' | 'status' | 'decisionDate'>,
  day: string,
): boolean {
  return row.issuedOn <= day && day <= row.validUntil && !stoppedOn(row, day);
}

export function toCertificate(row: NgoCertificatesTable, on: string): Certificate {
  const provinces = parseList(row.provinces);
  return {
    id: row.id,
    donorId: row.donorId,
    kind: row.kind,
    number: row.number,
    issuedBy: row.issuedBy,
    issuedOn: row.issuedOn,
    validUntil: row.validUntil,
    status: row.status,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    provinces,
    provinceNames: provinces.map(provinceNameOf),
    fields: parseList(row.fields),
    officeCity: row.officeCity,
    notes: row.notes,
    inForce: inForceOn(row, on),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The days Art. 21(4)'s 45 working days run from: its issue, and its extension or amendment decision's date.
 */
export function planStarts(row: Pick<NgoCertificatesTable, 'issuedOn' | 'status' | 'decisionDate'>): string[] {
  const starts = [row.issuedOn];
  if ((row.status === 'extended' || row.status === 'amended') && row.decisionDate && row.decisionDate > row.issuedOn)
    starts.push(row.decisionDate);
  return starts;
}

/** The last day an activity plan is due after a start (Art. 21(4)). */
export function planDueOn(start: string, holidays: ReadonlySet<string>): string {
  return addWorkingDays(start, PLAN_WORKING_DAYS, holidays);
}

/** The same day `years` later (29 February: 28 February of a year without one). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The latest day a certificate may run to from its start (issue, or the extension's decision) (Art. 9(1)). */
export function latestValidUntil(kind: Certificate['kind'], from: string): string {
  return addYears(from, CERTIFICATE_MAX_YEARS[kind]);
}
