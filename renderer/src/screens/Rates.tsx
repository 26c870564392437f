/** Tỷ giá: the rates used to propose a pledge's rate, per currency and month or day, with their source. */
import { Alert, Button, Card, Form, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExchangeRate } from '../../../contract';
import { rateRules } from '../components/amountRules';
import { dateRule, DateInput, monthRule } from '../components/DateInput';
import { searchByLabel, tabMovesOn } from '../components/pickers';
import { showDate, showRate } from '../format';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { useFormSubmit } from '../components/formSubmit';
import { RATE_CURRENCIES, type RateFormValues as Values, rateInput, type RatePeriodMode } from './rateEntry';

export function Rates() {
  const { t } = useTranslation();
  const rates = useLedger('rates.list', {});
  return (
    <div className="screen" data-testid="rates-screen">
      <Typography.Title level={3}>{t('rates.title')}</Typography.Title>
      <RateForm />
      <RatesTable rates={rates.data ?? []} loading={rates.isLoading} />
    </div>
  );
}

/** A rate for a currency, valid for a month or a day, with its source; the form keeps all but the rate after a save. */
function RateForm() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const set = useLedgerMutation('rates.set');
  const [mode, setMode] = useState<RatePeriodMode>('month');
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const [formError, setFormError] = useState<string | null>(null);

  async function save(values: Values) {
    setFormError(null);
    try {
      await set.mutateAsync(rateInput(values, mode, lang));
      form.resetFields(['rate']);
    } catch (error) {
      showSaveError(form, error, lang, ['currency', 'period', 'rate', 'source'], setFormError, { validOn: 'period' });
    }
  }

  return (
    <Card size="small" title={t('rates.add')} className="rate-form">
      <Form form={form} layout="inline" {...submit} initialValues={{ currency: 'USD' }} name="rate">
        {formError && <Alert type="error" showIcon title={formError} role="alert" />}
        <Form.Item name="currency" label={t('rates.currency')} rules={[{ required: true }]}>
          <Select
            showSearch={searchByLabel}
            onKeyDown={tabMovesOn}
            notFoundContent={t('common.noMatch')}
            style={{ width: 90 }}
            options={RATE_CURRENCIES.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <RatePeriodField
          mode={mode}
          onMode={(next) => {
            setMode(next);
            form.setFields([{ name: 'period', value: '', errors: [] }]);
          }}
        />
        <Form.Item name="rate" label={t('rates.rate')} rules={rateRules(lang, t, t('common.required'))}>
          <Input inputMode="decimal" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('rates.source')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input placeholder={t('rates.sourcePlaceholder')} style={{ width: 320 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={set.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The day or month a rate is valid on, typed as the mode chosen asks. */
function RatePeriodField({ mode, onMode }: { mode: RatePeriodMode; onMode: (mode: RatePeriodMode) => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('rates.validOn')}>
      <Space>
        <Segmented
          value={mode}
          onChange={(v) => onMode(v as RatePeriodMode)}
          options={[
            { value: 'month', label: t('rates.byMonth') },
            { value: 'day', label: t('rates.byDay') },
          ]}
        />
        <Form.Item
          name="period"
          noStyle
          rules={[mode === 'month' ? monthRule(t) : dateRule(t, true)]}
          validateTrigger={['onBlur', 'onChange']}
        >
          <DateInput picker={mode === 'month' ? 'month' : 'date'} style={{ width: 150 }} />
        </Form.Item>
      </Space>
    </Form.Item>
  );
}

/** The rates recorded, with their source and when each was last set. */
function RatesTable({ rates, loading }: { rates: ExchangeRate[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rates}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        { title: t('rates.currency'), dataIndex: 'currency' },
        { title: t('rates.validOn'), dataIndex: 'validOn', render: (v: string) => showDate(v) },
        {
          title: t('rates.rate'),
          dataIndex: 'rate',
          className: 'num',
          render: (r: string) => showRate(r, i18n.language),
        },
        { title: t('rates.source'), dataIndex: 'source' },
        { title: t('detail.history'), render: (_, r: ExchangeRate) => showDate(r.updatedAt.slice(0, 10)) },
      ]}
    />
  );
}
