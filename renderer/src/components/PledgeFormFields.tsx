/** The pledge form's rows: who pledged what where, the amount, its rate, the status and approval, and the reason. */
import { Col, Form, type FormInstance, Input, Row, Select } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FIELDS_NEEDING_REASON,
  PLEDGE_KINDS,
  PLEDGE_STATUSES,
  type PledgeRow,
  type RateProposal,
} from '../../../contract';
import { CURRENCY_CODES } from '../../../contract/money';
import { money } from '../format';
import { vocabulary } from '../i18n';
import { AidItemPicker } from './AidItemPicker';
import { quantityProblem, rateRules } from './amountRules';
import { dateRule, DateInput } from './DateInput';
import { MoneyInput } from './MoneyInput';
import { DonorPicker, PlacePicker, searchByLabel, tabMovesOn, usePlaces } from './pickers';
import {
  type AmountHint,
  moneyFieldProblem,
  type PledgeFormValues as Values,
  rateHint,
  rateRequiredMessage,
  reasonProblem,
} from './pledgeForm';

/** The pledge's date, donor (a new one made from the name typed) and place; its kind and description. */
export function PledgeWhoRows({
  pledgeDate,
  onCreateDonor,
}: {
  /** The pledge's day as typed so far (YYYY-MM-DD): the places offered are those of that day. */
  pledgeDate: string | undefined;
  onCreateDonor: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  const kindOptions = PLEDGE_KINDS.map((k) => ({ value: k, label: words.pledgeKind[k] }));
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item
            name="pledgeDate"
            label={t('form.pledgeDate')}
            required
            rules={[dateRule(t, true)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput autoFocus />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="donorId" label={t('form.donor')} rules={[{ required: true, message: t('common.required') }]}>
            <DonorPicker onCreate={onCreateDonor} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="placeId" label={t('form.place')} rules={[{ required: true, message: t('common.required') }]}>
            <PlacePicker {...(pledgeDate ? { onDate: pledgeDate } : {})} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              options={kindOptions}
              showSearch={searchByLabel}
              onKeyDown={tabMovesOn}
              notFoundContent={t('common.noMatch')}
            />
          </Form.Item>
        </Col>
        <Col span={18}>
          <Form.Item
            name="description"
            label={t('form.description')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/**
 * "Nay thuộc": for a place that is a former unit become several, which of them the aid went to (left empty, the
 * pledge counts apart, under the former unit, in today's units). Shown only for such a place; a choice that is not
 * among the place's successors (the place changed) is taken back.
 */
export function PledgeTodayInRow({ placeId }: { placeId: string | undefined }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const places = usePlaces();
  const successors = useMemo(() => {
    const all = places.data ?? [];
    const place = all.find((p) => p.id === placeId);
    return (place?.successorIds ?? [])
      .map((id) => all.find((p) => p.id === id))
      .filter((p) => p !== undefined)
      .map((p) => ({ value: p.id, label: p.displayName }));
  }, [places.data, placeId]);
  const chosen = Form.useWatch('todayPlaceId', form);
  useEffect(() => {
    if (chosen && !successors.some((s) => s.value === chosen)) form.setFieldValue('todayPlaceId', undefined);
  }, [chosen, successors, form]);
  if (successors.length < 2) return null;
  return (
    <Row gutter={12}>
      <Col span={12}>
        <Form.Item name="todayPlaceId" label={t('form.todayIn')} extra={t('form.todayInHelp')}>
          <Select
            options={successors}
            allowClear
            placeholder={t('form.todayInNone')}
            showSearch={searchByLabel}
            onKeyDown={tabMovesOn}
            notFoundContent={t('common.noMatch')}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Quantity, unit, unit value, the amount (or quantity × unit value) and the currency. */
export function PledgeAmountRow({
  currency,
  hint,
  onCurrencyChange,
}: {
  currency: string;
  hint: AmountHint;
  onCurrencyChange: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // Rules read the form's values when they run, not the values of the last render: Enter pressed right after a key
  // (before the form has drawn again) is checked against what was typed.
  const moneyRule =
    (required: boolean) =>
    ({ getFieldValue }: { getFieldValue: (name: keyof Values) => string | undefined }) => ({
      validator: async (_: unknown, text: string | undefined) => {
        const problem = moneyFieldProblem(text, required, getFieldValue, lang, t);
        if (problem) throw new Error(problem);
      },
    });
  const quantityRule = {
    validator: async (_: unknown, text?: string) => {
      const problem = quantityProblem(text, lang, t);
      if (problem) throw new Error(problem);
    },
  };
  return (
    <Row gutter={12}>
      <Col span={4}>
        <Form.Item name="quantity" label={t('form.quantity')} rules={[quantityRule]}>
          <Input inputMode="decimal" />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name="unit" label={t('form.unit')}>
          {/* A plain field with suggestions: Tab always moves on, as in every other field. */}
          <Input list="pledge-units" />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name="unitValueMinor" label={t('form.unitValue')} rules={[moneyRule(false)]}>
          <MoneyInput currency={currency} language={lang} />
        </Form.Item>
      </Col>
      <Col span={7}>
        <Form.Item
          name="amountMinor"
          label={t('form.amount')}
          dependencies={['quantity', 'unitValueMinor', 'currency']}
          rules={[moneyRule(true)]}
          extra={<AmountHintText hint={hint} currency={currency} />}
        >
          <MoneyInput currency={currency} language={lang} />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name="currency" label={t('form.currency')} rules={[{ required: true }]}>
          <Select
            showSearch={searchByLabel}
            onKeyDown={tabMovesOn}
            notFoundContent={t('common.noMatch')}
            options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
            onChange={onCurrencyChange}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Beneath the amount: the product it differs from, the product it will be, or how it is made. */
function AmountHintText({ hint, currency }: { hint: AmountHint; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (hint.kind === 'mismatch')
    return (
      <span className="warning-text">
        {t('form.productMismatch', { product: money(hint.product, currency, lang) })}
      </span>
    );
  return hint.kind === 'product' ? `= ${money(hint.product, currency, lang)}` : t('form.amountComputed');
}

/** A foreign-currency pledge's rate and its source, with the rate proposed, and the VND equivalent it comes to. */
export function PledgeRateRow({
  currency,
  proposal,
  vndPreview,
  onEdited,
}: {
  currency: string;
  proposal: RateProposal | null | undefined;
  vndPreview: number | null;
  onEdited: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item
          name="rate"
          label={t('form.rate', { currency })}
          rules={rateRules(lang, t, rateRequiredMessage(proposal, currency, t))}
          extra={rateHint(proposal, currency, lang, t)}
        >
          <Input inputMode="decimal" onChange={onEdited} />
        </Form.Item>
      </Col>
      <Col span={10}>
        <Form.Item name="rateSource" label={t('form.rateSource')}>
          <Input onChange={onEdited} />
        </Form.Item>
      </Col>
      <Col span={6}>
        <div className="vnd-preview" data-testid="vnd-preview">
          {vndPreview !== null ? t('form.vndEquivalent', { vnd: money(vndPreview, 'VND', lang) }) : ''}
        </div>
      </Col>
    </Row>
  );
}

/**
 * The pledge's status, beneficiaries, and the approval decision's number and date; then the aid item it belongs to
 * (after them: the keys typed for the fields every pledge has go where they did).
 */
export function PledgeStatusRow() {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  const statusOptions = PLEDGE_STATUSES.map((s) => ({ value: s, label: words.pledgeStatus[s] }));
  const donorId = Form.useWatch<string | undefined>('donorId');
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="status" label={t('form.status')} rules={[{ required: true }]}>
            <Select
              options={statusOptions}
              showSearch={searchByLabel}
              onKeyDown={tabMovesOn}
              notFoundContent={t('common.noMatch')}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="beneficiaries"
            label={t('form.beneficiaries')}
            rules={[{ pattern: /^\d{0,9}$/, message: t('form.badNumber') }]}
          >
            <Input inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="approvalNumber" label={t('form.approvalNumber')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item
            name="approvalDate"
            label={t('form.approvalDate')}
            rules={[dateRule(t, false)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={24}>
          <Form.Item name="itemId" label={t('aidLinks.item')}>
            <AidItemPicker donorId={donorId} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** Why an amendment was made: required when it changes a field that needs one (checked again as those change). */
export function ReasonField({ pledge, form }: { pledge: PledgeRow; form: FormInstance<Values> }) {
  const { t, i18n } = useTranslation();
  return (
    <Form.Item
      name="reason"
      label={t('form.reason')}
      dependencies={[...FIELDS_NEEDING_REASON]}
      rules={[
        {
          validator: async (_, text?: string) => {
            const problem = reasonProblem(text, pledge, form.getFieldsValue(true) as Values, i18n.language, t);
            if (problem) throw new Error(problem);
          },
        },
      ]}
    >
      <Input placeholder={t('form.reasonPlaceholder')} />
    </Form.Item>
  );
}
