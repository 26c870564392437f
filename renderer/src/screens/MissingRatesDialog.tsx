/**
 * Before a report with USD figures is written: the months of its lines without a USD rate of their own, each with its
 * lines and VND, and the rate to enter for it (the month's State Treasury rate, as on the rates screen). The report can
 * still be written; lines left without any rate are then named in it.
 */
import { Alert, Button, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodInput, MissingRateMonth } from '../../../contract';
import { rateRules } from '../components/amountRules';
import { useFormSubmit } from '../components/formSubmit';
import { money, showRate } from '../format';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { linesLeft, monthRateInput, monthText, treasurySource } from './missingRates';

interface Props {
  /** The report about to be written; the dialog is open while it is set. */
  input: MethodInput<'reports.xlsx'> | null;
  onWrite: () => void;
  onClose: () => void;
}

export function MissingRatesDialog({ input, onWrite, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const missing = useLedger('rates.missing', input ?? { period: '2000' }, { enabled: input !== null });
  const months = missing.data?.months ?? [];
  const left = missing.data ? linesLeft(missing.data) : 0;
  return (
    <Modal
      open={input !== null}
      title={t('reports.missingRates.title')}
      onCancel={onClose}
      width={760}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="write" type="primary" onClick={onWrite} data-testid="missing-rates-write">
          {left ? t('reports.missingRates.writeMarked', { count: left }) : t('reports.missingRates.write')}
        </Button>,
      ]}
    >
      <div data-testid="missing-rates">
        <Alert type="warning" showIcon title={t('reports.missingRates.explain')} style={{ marginBottom: 12 }} />
        {months.length === 0 && missing.data && (
          <Alert type="success" showIcon title={t('reports.missingRates.allThere')} data-testid="missing-rates-done" />
        )}
        <List
          dataSource={months}
          rowKey="month"
          renderItem={(m) => (
            <List.Item data-testid={`missing-rate-${m.month}`}>
              <MonthRate month={m} lang={lang} />
            </List.Item>
          )}
        />
      </div>
    </Modal>
  );
}

interface Values {
  rate: string;
  source: string;
}

/** One month: its lines, how they stand, and the form that enters its rate. */
function MonthRate({ month, lang }: { month: MissingRateMonth; lang: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const set = useLedgerMutation('rates.set');

  async function save(values: Values) {
    try {
      await set.mutateAsync(monthRateInput(month.month, values.rate, values.source, lang));
    } catch (error) {
      showSaveError(form, error, lang, ['rate', 'source'], (text) =>
        form.setFields([{ name: 'rate', errors: [text] }]),
      );
    }
  }

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text>
        <b>{t('reports.missingRates.month', { month: monthText(month.month) })}</b>
        {' — '}
        {t('reports.missingRates.lines', { count: month.lines, vnd: money(month.vnd, 'VND', lang) })}
        {' — '}
        {month.usedRate
          ? t('reports.missingRates.earlier', {
              rate: showRate(month.usedRate.rate, lang),
              month: monthText(month.usedRate.validOn.slice(0, 7)),
            })
          : t('reports.missingRates.none')}
      </Typography.Text>
      <Form
        form={form}
        layout="inline"
        {...submit}
        name={`rate-${month.month}`}
        initialValues={{ source: treasurySource(month.month) }}
      >
        <Form.Item name="rate" label={t('rates.rate')} rules={rateRules(lang, t, t('common.required'))}>
          <Input inputMode="decimal" style={{ width: 120 }} aria-label={t('rates.rate')} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('rates.source')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input style={{ width: 330 }} />
        </Form.Item>
        <Button htmlType="submit" loading={set.isPending} data-testid={`missing-rate-save-${month.month}`}>
          {t('common.save')}
        </Button>
      </Form>
    </Space>
  );
}
