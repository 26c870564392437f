/**
 * The NGO registry as the screens show it: a certificate's standing and its colour, the to-dos in words, and the
 * forms' values turned into the contract's inputs. What is judged (in force, late, flagged) comes from the ledger.
 */
import type { TFunction } from 'i18next';
import type {
  Certificate,
  CertificateKind,
  CertificateStatus,
  Holiday,
  NgoProfile,
  RegistryTodo,
  RegistryWarning,
} from '../../../contract';
import type { MethodInput } from '../../../contract';
import { dayText } from '../../../contract/dates';
import { isoDay } from '../dates';
import { showDate } from '../format';

/** What `ngo.check` is asked. */
export type CheckInput = MethodInput<'ngo.check'>;

/** A certificate's standing in words and its tag's colour: an in-force status past its date reads "expired". */
export function certificateStanding(certificate: Certificate, t: TFunction): { text: string; color: string } {
  const { status } = certificate;
  if (status === 'suspended') return { text: t('ngo.statuses.suspended'), color: 'orange' };
  if (status === 'revoked') return { text: t('ngo.statuses.revoked'), color: 'red' };
  if (!certificate.inForce) return { text: t('ngo.expired'), color: 'red' };
  return { text: t(`ngo.statuses.${status}`), color: status === 'in_force' ? 'green' : 'blue' };
}

/** The to-dos of the registry, each as one line: its tag's text and colour, and what is to be done. */
export function registryTodoLines(
  todo: RegistryTodo | undefined,
  t: TFunction,
): { key: string; tag: string; color: string; text: string }[] {
  if (!todo) return [];
  return [
    ...todo.expiring.map((e) => ({
      key: `expiring-${e.certificate.id}`,
      tag: t('todo.due', { date: showDate(e.certificate.validUntil) }),
      color: e.daysLeft <= 30 ? 'red' : 'gold',
      text: t('ngo.todo.expiring', {
        number: e.certificate.number,
        name: e.donorName,
        date: showDate(e.certificate.validUntil),
        days: e.daysLeft,
      }),
    })),
    ...todo.plansMissing.map((p) => ({
      key: `plan-${p.certificate.id}`,
      tag: t('todo.overdue', { date: showDate(p.dueOn) }),
      color: 'red',
      text: t('ngo.todo.planMissing', { name: p.donorName, number: p.certificate.number, date: showDate(p.dueOn) }),
    })),
    ...todo.reportsMissing.map((r) => ({
      key: `report-${r.donorId}-${r.year}`,
      tag: t('todo.overdue', { date: showDate(r.dueOn) }),
      color: 'red',
      text: t('ngo.todo.reportMissing', { name: r.donorName, year: r.year, date: showDate(r.dueOn) }),
    })),
  ];
}

/**
 * What a form asks the registry: the donor on the day, at each of the places chosen (none: the ledger's province), in
 * the sector. Nothing to ask until a donor and a valid day are there.
 */
export function checkInputs(
  donorId: string | undefined,
  dateText: string | undefined,
  placeIds: readonly (string | undefined)[],
  sector: string | undefined,
): CheckInput[] {
  const date = dateText ? (isoDay(dateText) ?? (/^\d{4}-\d{2}-\d{2}$/.test(dateText) ? dateText : null)) : null;
  if (!donorId || !date) return [];
  const places = placeIds.filter((p): p is string => Boolean(p));
  return (places.length ? places : [null]).map((placeId) => ({
    donorId,
    date,
    placeId,
    ...(sector ? { sector } : {}),
  }));
}

/** The warnings of several checks, each said once (two places of one province give the same warning). */
export function distinctWarnings(lists: RegistryWarning[][]): RegistryWarning[] {
  const seen = new Set<string>();
  return lists.flat().filter((w) => {
    const key = `${w.message.vi}|${w.reasons.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface CertificateFormValues {
  kind: CertificateKind;
  number?: string;
  issuedBy?: string;
  issuedOn?: string;
  validUntil?: string;
  provinces?: string[];
  fields?: string[];
  officeCity?: string;
  notes?: string;
  status?: CertificateStatus;
  decisionNumber?: string;
  decisionDate?: string;
  reason?: string;
}

/** A new certificate's form: an operation certificate from the Ministry of Foreign Affairs; an existing one as held. */
export function initialCertificateValues(certificate: Certificate | undefined): CertificateFormValues {
  if (!certificate) return { kind: 'operation', issuedBy: 'Bộ Ngoại giao', provinces: [], fields: [] };
  return {
    kind: certificate.kind,
    number: certificate.number,
    issuedBy: certificate.issuedBy,
    issuedOn: dayText(certificate.issuedOn),
    validUntil: dayText(certificate.validUntil),
    provinces: certificate.provinces,
    fields: certificate.fields,
    officeCity: certificate.officeCity ?? undefined,
    notes: certificate.notes ?? undefined,
    status: certificate.status,
    decisionNumber: certificate.decisionNumber ?? undefined,
    decisionDate: dayText(certificate.decisionDate) || undefined,
  };
}

/** The certificate's fields as the contract takes them (dates typed dd/mm/yyyy read as days). */
export function certificateFields(values: CertificateFormValues) {
  return {
    kind: values.kind,
    number: values.number?.trim() ?? '',
    issuedBy: values.issuedBy?.trim() || null,
    issuedOn: isoDay(values.issuedOn) ?? '',
    validUntil: isoDay(values.validUntil) ?? '',
    provinces: values.provinces ?? [],
    fields: values.fields ?? [],
    officeCity: values.kind === 'representative_office' ? values.officeCity || null : null,
    notes: values.notes?.trim() || null,
  };
}

/** A status change: the new standing, the decision that made it, and why. */
export function statusChangeInput(id: string, values: CertificateFormValues) {
  return {
    id,
    ...(values.status ? { status: values.status } : {}),
    ...(values.validUntil ? { validUntil: isoDay(values.validUntil) ?? '' } : {}),
    decisionNumber: values.decisionNumber?.trim() || null,
    decisionDate: isoDay(values.decisionDate) ?? null,
    reason: values.reason?.trim() ?? '',
  };
}

export interface ProfileFormValues {
  homeCountry?: string;
  homeRegistration?: string;
  homeRegistrationUntil?: string;
  officeAddress?: string;
  officeCity?: string;
  headName?: string;
  notes?: string;
  reason?: string;
}

export function initialProfileValues(profile: NgoProfile): ProfileFormValues {
  return {
    homeCountry: profile.homeCountry ?? undefined,
    homeRegistration: profile.homeRegistration ?? undefined,
    homeRegistrationUntil: dayText(profile.homeRegistrationUntil) || undefined,
    officeAddress: profile.officeAddress ?? undefined,
    officeCity: profile.officeCity ?? undefined,
    headName: profile.headName ?? undefined,
    notes: profile.notes ?? undefined,
  };
}

export function profileInput(donorId: string, values: ProfileFormValues) {
  const text = (v: string | undefined) => v?.trim() || null;
  return {
    donorId,
    homeCountry: text(values.homeCountry),
    homeRegistration: text(values.homeRegistration),
    homeRegistrationUntil: isoDay(values.homeRegistrationUntil) ?? null,
    officeAddress: text(values.officeAddress),
    officeCity: values.officeCity || null,
    headName: text(values.headName),
    notes: text(values.notes),
    ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
  };
}

export interface HolidayRow {
  key: string;
  date?: string;
  name?: string;
}

/** The holidays as the editor holds them (dates typed dd/mm/yyyy), and back, sorted by date. */
export function holidayRows(holidays: Holiday[]): HolidayRow[] {
  return holidays.map((h, i) => ({ key: `h${i}`, date: dayText(h.date), name: h.name }));
}

export function holidaysInput(rows: HolidayRow[]): Holiday[] {
  return rows
    .filter((r) => r.date?.trim() || r.name?.trim())
    .map((r) => ({ date: isoDay(r.date) ?? (r.date ?? '').trim(), name: (r.name ?? '').trim() }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** The year a row's date (dd/mm/yyyy) falls in; none while it is being typed. */
export const yearOfRow = (row: HolidayRow) => /^\d{1,2}\/\d{1,2}\/(\d{4})$/.exec(row.date?.trim() ?? '')?.[1];

/** The years the holidays cover, newest first, with the one shown. */
export function holidayYears(rows: HolidayRow[], shown: string): string[] {
  const years = new Set(rows.map(yearOfRow).filter((y): y is string => Boolean(y)));
  years.add(shown);
  return [...years].sort().reverse();
}

/** A year's rows, and those not yet dated (a row just added). */
export function rowsOfYear(rows: HolidayRow[], year: string): HolidayRow[] {
  return rows.filter((r) => {
    const of = yearOfRow(r);
    return of === undefined || of === year;
  });
}
