/** The rate the rates table proposes for a currency on a date, filled into a form until the user types their own. */
import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { showRate } from '../format';
import { useLedger } from '../queries';

export function useProposedRate(
  form: FormInstance<{ rate?: string; rateSource?: string }>,
  options: {
    open: boolean;
    currency: string;
    date: string | undefined;
    needsRate: boolean;
    rateEdited: boolean;
    lang: string;
  },
) {
  const { open, currency, date, needsRate, rateEdited, lang } = options;
  const proposal = useLedger(
    'rates.propose',
    { currency, date: date ?? '' },
    { enabled: open && needsRate && Boolean(date) },
  );
  useEffect(() => {
    if (!open || !needsRate || rateEdited || proposal.isFetching) return;
    form.setFieldsValue({
      rate: proposal.data ? showRate(proposal.data.rate, lang) : '',
      rateSource: proposal.data?.source ?? '',
    });
  }, [open, needsRate, rateEdited, proposal.data, proposal.isFetching, form, lang]);
  return proposal;
}
