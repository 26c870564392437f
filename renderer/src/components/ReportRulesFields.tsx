/** Cài đặt's block of report rules: the period rule every report follows by default, and each report kind's deadline. */
import { Form, InputNumber, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportPeriodKind } from '../../../contract';

const KINDS: ReportPeriodKind[] = ['quarter', 'half', 'year'];

export function ReportRulesFields() {
  const { t } = useTranslation();
  return (
    <div data-testid="settings-report-rules">
      <Typography.Title level={5}>{t('settings.reportRules.title')}</Typography.Title>
      <Form.Item name="reportCutoff" label={t('settings.reportRules.cutoff')}>
        <Select
          data-testid="settings-report-cutoff"
          options={[
            { value: 'calendar', label: `${t('reports.cutoff.calendar')} — ${t('reports.cutoff.calendarHelp')}` },
            { value: 'statutory', label: `${t('reports.cutoff.statutory')} — ${t('reports.cutoff.statutoryHelp')}` },
          ]}
        />
      </Form.Item>
      {KINDS.map((kind) => (
        <Form.Item key={kind} label={t(`settings.reportRules.deadline.${kind}`)} required>
          <Space.Compact>
            <Form.Item
              name={['reportDeadlines', kind, 'day']}
              noStyle
              dependencies={[['reportDeadlines', kind, 'rule']]}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) => {
                    const dayOfMonth = getFieldValue(['reportDeadlines', kind, 'rule']) === 'dayOfMonth';
                    const ok =
                      Number.isInteger(value) &&
                      (value as number) >= (dayOfMonth ? 1 : 0) &&
                      (value as number) <= (dayOfMonth ? 31 : 90);
                    return ok ? Promise.resolve() : Promise.reject(new Error(t('form.badNumber')));
                  },
                }),
              ]}
            >
              <InputNumber
                min={0}
                max={90}
                precision={0}
                style={{ width: 80 }}
                data-testid={`settings-deadline-${kind}`}
              />
            </Form.Item>
            <Form.Item name={['reportDeadlines', kind, 'rule']} noStyle>
              <Select
                style={{ width: 340 }}
                options={[
                  { value: 'daysAfter', label: t('settings.reportRules.daysAfter') },
                  { value: 'dayOfMonth', label: t('settings.reportRules.dayOfMonth') },
                ]}
              />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
      ))}
      <Typography.Paragraph type="secondary">{t('settings.reportRules.help')}</Typography.Paragraph>
    </div>
  );
}
