/** The donors area of the contract: the NGOs, foundations, companies and people who pledge aid, and their merges. */
import { z } from 'zod';
import { Id, IdInput, LongText, Name, ShortText } from './fields';
import { method } from './method';

export const DONOR_KINDS = ['foreign_ngo', 'foundation', 'company', 'individual', 'domestic_intermediary'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

const donorFields = {
  name: Name,
  shortName: ShortText.nullish(),
  country: ShortText.nullish(),
  kind: z.enum(DONOR_KINDS),
  notes: LongText.nullish(),
};
export const DonorCreateInput = z.strictObject(donorFields);
export const DonorUpdateInput = z.strictObject({ id: Id, ...z.object(donorFields).partial().shape });
export const DonorListInput = z.strictObject({
  text: z.string().max(200).optional(),
  /** Donors merged into another are left out unless asked for. */
  includeMerged: z.boolean().optional(),
});
export const DonorMergeInput = z.strictObject({
  /** The donor recorded twice … */
  id: Id,
  /** … and the one its pledges count under from now on. */
  intoId: Id,
  note: LongText.nullish(),
});

export interface Donor {
  id: string;
  name: string;
  shortName: string | null;
  country: string | null;
  kind: DonorKind;
  notes: string | null;
  /** Set when this donor was merged into another: its pledges count under that one. */
  mergedInto: string | null;
  /** Names of the donors merged into this one (searched and shown with it). */
  aliases: string[];
  /** Pledges of this donor and of the donors merged into it. */
  pledgeCount: number;
  createdAt: string;
  updatedAt: string;
}

export const donorMethods = {
  'donors.list': method<Donor[]>()(DonorListInput),
  'donors.create': method<Donor>()(DonorCreateInput),
  'donors.update': method<Donor>()(DonorUpdateInput),
  'donors.delete': method<{ id: string }>()(IdInput),
  'donors.merge': method<Donor>()(DonorMergeInput),
} as const;
