/**
 * Xuất sổ theo dõi: the register "Sổ theo dõi tổ chức PCPNN hoạt động trên địa bàn" of a period (this year unless
 * changed; either end may be left empty) saved as a workbook.
 */
import { App as AntApp, Form, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayText } from '../../../contract/dates';
import { localToday } from '../dates';
import { saveFile } from '../download';
import { call } from '../queries';
import { DateInput, dateRule, isoDay } from './DateInput';
import { DIALOG_LAYOUT } from './dialog';
import { yearOf } from './ngoImport';
import { useBusyWork } from './useBusyWork';

export function NgoExportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ from?: string; to?: string }>();
  const { busy, run } = useBusyWork();
  const year = yearOf(localToday());

  const save = async () => {
    // A date the form refuses is named under its field; nothing is asked of the ledger.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(async () => {
      const from = isoDay(values.from);
      const to = isoDay(values.to);
      const file = await call('ngo.export', { ...(from ? { from } : {}), ...(to ? { to } : {}) });
      saveFile(file.fileName, file.base64);
      message.success(t('ngoIo.exported', { file: file.fileName }));
      onClose();
    });
  };

  return (
    <Modal
      open
      {...DIALOG_LAYOUT}
      title={t('ngoIo.exportTitle')}
      okText={t('ngoIo.exportSave')}
      cancelText={t('common.close')}
      onOk={save}
      onCancel={onClose}
      okButtonProps={{ loading: busy, 'data-testid': 'ngo-export-save' } as never}
    >
      <Typography.Paragraph type="secondary">{t('ngoIo.exportHelp')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ from: dayText(year.from), to: dayText(year.to) }}
        onFinish={save}
        data-testid="ngo-export"
      >
        <Space>
          <Form.Item name="from" label={t('ngoIo.from')} rules={[dateRule(t, false)]}>
            <DateInput autoFocus data-testid="ngo-export-from" />
          </Form.Item>
          <Form.Item name="to" label={t('ngoIo.to')} rules={[dateRule(t, false)]}>
            <DateInput data-testid="ngo-export-to" />
          </Form.Item>
        </Space>
        {/* Enter in a date field saves. */}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
