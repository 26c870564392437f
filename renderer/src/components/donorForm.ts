/** The donor form's rules, apart from the dialog: the values as typed, and what a save sends. */
import type { Donor, MethodInput } from '../../../contract';

export interface DonorFormValues {
  name: string;
  shortName?: string;
  country?: string;
  kind: Donor['kind'];
  notes?: string;
}

/** A new donor starts as a foreign NGO, named as typed in the picker it was made from; an existing one as it is. */
export function initialDonorValues(
  donor: Donor | undefined,
  initialName: string | undefined,
): Partial<DonorFormValues> {
  if (!donor) return { name: initialName ?? '', kind: 'foreign_ngo' };
  return {
    name: donor.name,
    shortName: donor.shortName ?? '',
    country: donor.country ?? '',
    kind: donor.kind,
    notes: donor.notes ?? '',
  };
}

/** What a save sends: empty fields as none. */
export function donorInput(values: DonorFormValues): MethodInput<'donors.create'> {
  return {
    name: values.name,
    shortName: values.shortName || null,
    country: values.country || null,
    kind: values.kind,
    notes: values.notes || null,
  };
}
