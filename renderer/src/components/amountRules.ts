/** Rules the pledge and delivery forms share: a quantity or rate as typed, and the rate the rates table proposes. */
import type { FormRule } from 'antd';
import type { TFunction } from 'i18next';
import type { RateProposal } from '../../../contract';
import { parseQuantity, parseRateText, showDate, showRate } from '../format';

/** What is wrong with a quantity as typed (unreadable, or finer than a thousandth); null when it reads or is empty. */
export function quantityProblem(text: string | undefined, lang: string, t: TFunction): string | null {
  return parseQuantity(text ?? '', lang) === 'invalid' ? t('form.quantityInvalid', { text: text?.trim() }) : null;
}

/** What is wrong with a rate as typed (unreadable, zero, or too fine); null when it reads or is empty. */
export function rateProblem(text: string | undefined, lang: string, t: TFunction): string | null {
  return parseRateText(text ?? '', lang) === 'invalid' ? t('form.rateInvalid', { text: text?.trim() }) : null;
}

/** A rate field's rules: required (with its own message), and readable as a rate (see `rateProblem`). */
export function rateRules(lang: string, t: TFunction, requiredMessage: string): FormRule[] {
  return [
    { required: true, message: requiredMessage },
    {
      validator: async (_, text?: string) => {
        const problem = rateProblem(text, lang, t);
        if (problem) throw new Error(problem);
      },
    },
  ];
}

/** The rate the rates table proposes, where it comes from and the day it is valid on. */
export function proposedRateText(proposal: RateProposal, lang: string, t: TFunction): string {
  return t('form.rateProposed', {
    rate: showRate(proposal.rate, lang),
    source: proposal.source,
    validOn: showDate(proposal.validOn),
  });
}

/** A field's label with its unit after it: "Số lượng (căn)". */
export function withUnit(label: string, unit: string | null): string {
  return `${label}${unit ? ` (${unit})` : ''}`;
}
