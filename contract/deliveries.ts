/** The deliveries area of the contract: what was handed over on a pledge, when, and at what rate. */
import { z } from 'zod';
import { AmountMinor, Currency, Id, IdInput, IsoDate, LongText, Quantity, Rate, ShortText } from './fields';
import { method } from './method';

const deliveryFields = {
  pledgeId: Id,
  deliveryDate: IsoDate,
  amountMinor: AmountMinor.nullish(),
  quantity: Quantity.nullish(),
  /** Must be the pledge's currency; taken from the pledge when omitted. */
  currency: Currency.optional(),
  rate: Rate.nullish(),
  rateDate: IsoDate.nullish(),
  rateSource: ShortText.nullish(),
  notes: LongText.nullish(),
  /** Who received this hand-over (a household, a school, a health station), and their village. */
  recipient: ShortText.nullish(),
  village: ShortText.nullish(),
};
export const DeliveryCreateInput = z.strictObject(deliveryFields);
const { pledgeId: _pledgeId, ...deliveryEditable } = deliveryFields;
export const DeliveryUpdateInput = z.strictObject({ id: Id, ...z.object(deliveryEditable).partial().shape });

export interface Delivery {
  id: string;
  pledgeId: string;
  deliveryDate: string;
  amountMinor: number | null;
  quantity: string | null;
  currency: string;
  rate: string;
  rateDate: string | null;
  rateSource: string | null;
  vndEquivalent: number;
  notes: string | null;
  recipient: string | null;
  village: string | null;
  createdAt: string;
  updatedAt: string;
}

export const deliveryMethods = {
  'deliveries.create': method<Delivery>()(DeliveryCreateInput),
  'deliveries.update': method<Delivery>()(DeliveryUpdateInput),
  'deliveries.delete': method<{ id: string }>()(IdInput),
} as const;
