/** What the donor and place pickers offer for what is typed: matches found accents and case aside. */
import type { TFunction } from 'i18next';
import type { Donor } from '../../../contract';
import { foldText } from '../../../contract/text';

/** The donor picker's entries that are not donors: the offer to create one, and the note that nothing matched. */
export const NEW_DONOR = '__new_donor__';
export const NO_MATCH = '__no_match__';

/** Whether any of the texts holds what was typed, accents and case aside ("nha" finds "Nhà ở"). */
export function matches(input: string, ...texts: (string | null | undefined)[]): boolean {
  const wanted = foldText(input);
  return texts.some((t) => t && foldText(t).includes(wanted));
}

/** A donor found by its name, short name, country or any other name it was recorded under. */
export function donorMatches(donor: Donor, text: string): boolean {
  return matches(text, donor.name, donor.shortName, donor.country, ...donor.aliases);
}

/** A donor as the pickers name it: its name, and its short name after it when it has one. */
export function donorLabel(donor: { name: string; shortName: string | null }): string {
  return donor.shortName ? `${donor.name} (${donor.shortName})` : donor.name;
}

export interface DonorOption {
  value: string;
  label: string;
  donor?: Donor;
  disabled?: boolean;
}

/**
 * The donors offered (all but `exclude`); with a name typed that matches none, a note saying so first; and, where a
 * donor can be made from the picker, the offer to make one (named as typed when nothing matched) last.
 */
export function donorOptions(
  donors: Donor[],
  typed: string,
  anyMatch: boolean,
  exclude: string | undefined,
  canCreate: boolean,
  t: TFunction,
): DonorOption[] {
  const list: DonorOption[] = donors
    .filter((d) => d.id !== exclude)
    .map((d) => ({ value: d.id, label: donorLabel(d), donor: d }));
  if (!anyMatch) list.unshift({ value: NO_MATCH, label: t('form.noDonorMatch', { text: typed }), disabled: true });
  if (canCreate)
    list.push({
      value: NEW_DONOR,
      label: typed && !anyMatch ? `+ ${t('form.newDonor')} "${typed}"` : `+ ${t('form.newDonor')}`,
    });
  return list;
}

/** Whether a name typed (trimmed) matches a donor offered; nothing typed matches. */
export function anyDonorMatch(donors: Donor[], typed: string, exclude: string | undefined): boolean {
  return !typed || donors.some((d) => d.id !== exclude && donorMatches(d, typed));
}

/** The first `limit` options whose folded names hold what was typed (every option while nothing is). */
export function firstMatches<O extends { folded: string }>(
  options: O[],
  search: string,
  limit: number,
  fold: (text: string) => string = foldText,
): O[] {
  const wanted = fold(search);
  if (!wanted) return options;
  const matched: O[] = [];
  for (const option of options) {
    if (option.folded.includes(wanted) && matched.push(option) >= limit) break;
  }
  return matched;
}
