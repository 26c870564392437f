/** Cài đặt: language, the department's name and report form, this installation's name. */
import {
  App as AntApp,
  AutoComplete,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Select,
  Spin,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, ReportFormSettings, ReportRules, Settings as LedgerSettings } from '../../../contract';
import { HolidaysEditor } from '../components/HolidaysEditor';
import { ReportRulesFields } from '../components/ReportRulesFields';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { useFormSubmit } from '../components/formSubmit';
import { departmentExample, ledgerProvinceName } from './settingsProvince';

interface Values extends ReportFormSettings, ReportRules {
  language: Language;
  departmentName: string;
  userName: string;
  siteName: string;
  exchangeFolder: string | null;
  reminderDays: number;
}

export function Settings({ onLanguage }: { onLanguage: (language: Language) => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const settings = useLedger('settings.get', {});
  const info = useLedger('app.info', {});
  const setup = useLedger('places.setup', {});
  const province = setup.data ? ledgerProvinceName(setup.data, t) : null;
  const update = useLedgerMutation('settings.update');
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(formValues(settings.data));
  }, [settings.data, form]);

  async function save(values: Values) {
    try {
      const saved = await update.mutateAsync({ ...values, exchangeFolder: values.exchangeFolder?.trim() || null });
      onLanguage(saved.language);
      message.success(t('common.saved'));
    } catch (error) {
      // A folder this computer cannot reach is said on its field; anything else above the form.
      showSaveError(form, error, i18n.language, Object.keys(values), (text) => message.error(text));
    }
  }

  return (
    <div className="screen narrow" data-testid="settings-screen">
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      {province && (
        <Typography.Paragraph>
          {t('settings.province')}: <strong data-testid="settings-province">{province}</strong>
        </Typography.Paragraph>
      )}
      {/* Shown once the settings are read: typing into a form the loaded values then overwrote was lost. */}
      {!settings.data ? (
        <Spin />
      ) : (
        <Form
          form={form}
          layout="vertical"
          {...submit}
          name="settings"
          style={{ maxWidth: 560 }}
          initialValues={formValues(settings.data)}
        >
          <Form.Item name="language" label={t('settings.language')}>
            <Select
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
          <Form.Item name="departmentName" label={t('settings.departmentName')}>
            <Input
              placeholder={t('settings.departmentPlaceholder', {
                example: departmentExample(setup.data, settings.data.reportFormDefaults),
              })}
            />
          </Form.Item>
          <ReportFormFields defaults={settings.data.reportFormDefaults} />
          <Form.Item
            name="userName"
            label={t('settings.userName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input placeholder={t('who.userNamePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="siteName"
            label={t('settings.siteName')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input placeholder={t('who.siteNamePlaceholder')} />
          </Form.Item>
          <Form.Item name="exchangeFolder" label={t('settings.exchangeFolder')}>
            <Input placeholder={t('settings.exchangeFolderPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="reminderDays"
            label={t('settings.reminderDays')}
            rules={[{ required: true, type: 'integer', min: 1, max: 365, message: t('form.badNumber') }]}
          >
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
          <ReportRulesFields />
          <Button type="primary" htmlType="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      )}
      <HolidaysEditor />
      {info.data && (
        <Descriptions column={1} size="small" className="about" bordered>
          <Descriptions.Item label={t('settings.version')}>
            {info.data.name} {info.data.version}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.database')}>{info.data.databasePath}</Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}

/** The settings' values as the form holds them: the report form's lines beside the others. */
function formValues(settings: LedgerSettings) {
  const { reportForm, reportFormDefaults: _defaults, siteId: _siteId, ...rest } = settings;
  return { ...rest, ...reportForm };
}

/**
 * The report's letterhead and addressees (Decree 30/2020/NĐ-CP, Mẫu 1.4), in a block of their own: each empty line
 * shows what the report prints, the default from the ledger's province.
 */
function ReportFormFields({ defaults }: { defaults: ReportFormSettings }) {
  const { t } = useTranslation();
  const line = (name: keyof ReportFormSettings, label: string, input = <Input placeholder={defaults[name]} />) => (
    <Form.Item name={name} label={label}>
      {input}
    </Form.Item>
  );
  const addressee = (name: keyof ReportFormSettings, label: string) =>
    line(name, label, <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={defaults[name]} />);
  return (
    <fieldset className="report-form-settings" data-testid="report-form-settings">
      <Typography.Title level={5}>{t('settings.form.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('settings.form.help')}</Typography.Paragraph>
      {line('reportGoverningBody', t('settings.form.governingBody'))}
      {line(
        'reportOffice',
        t('settings.form.office'),
        <AutoComplete
          placeholder={defaults.reportOffice}
          options={[
            { value: 'SỞ NGOẠI VỤ', label: t('settings.form.officeOptions.so') },
            { value: 'VĂN PHÒNG', label: t('settings.form.officeOptions.vp') },
          ]}
        />,
      )}
      {line('reportSymbol', t('settings.form.symbol'))}
      {line('reportPlace', t('settings.form.place'))}
      {addressee('addresseeQuarter', t('settings.form.addresseeQuarter'))}
      {addressee('addresseeHalf', t('settings.form.addresseeHalf'))}
      {addressee('addresseeYear', t('settings.form.addresseeYear'))}
      <Typography.Paragraph type="secondary">{t('settings.form.addresseeHelp')}</Typography.Paragraph>
    </fieldset>
  );
}
