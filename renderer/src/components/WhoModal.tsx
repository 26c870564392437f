/**
 * Asked once, at the first start of an installation: who is using it, and which office and computer it is. Every
 * change made here is recorded under these names ("Nguyễn Văn A — Sở Ngoại vụ, máy 2"); Cài đặt changes them later.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useLedger, useLedgerMutation } from '../queries';
import { DIALOG_LAYOUT } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';

interface Values {
  userName: string;
  siteName: string;
}

export function WhoModal() {
  const { t, i18n } = useTranslation();
  const settings = useLedger('settings.get', {});
  const update = useLedgerMutation('settings.update');
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const [later, setLater] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = Boolean(settings.data && !settings.data.userName && !later);

  useEffect(() => {
    if (open && settings.data) form.setFieldsValue({ userName: '', siteName: settings.data.siteName });
  }, [open, settings.data, form]);

  async function save(values: Values) {
    try {
      await update.mutateAsync({ userName: values.userName, siteName: values.siteName });
    } catch (failure) {
      setError(errorText(failure, i18n.language));
    }
  }

  return (
    <Modal
      open={open}
      title={t('who.title')}
      okText={t('common.save')}
      cancelText={t('who.later')}
      onOk={() => form.submit()}
      onCancel={() => setLater(true)}
      confirmLoading={update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'userName')}
    >
      <p>{t('who.explain')}</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" {...submit} name="who">
        <Form.Item
          name="userName"
          label={t('who.userName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoFocus placeholder={t('who.userNamePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="siteName"
          label={t('who.siteName')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          extra={t('who.siteNameHint')}
        >
          <Input placeholder={t('who.siteNamePlaceholder')} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
