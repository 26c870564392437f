/** Merge a donor recorded twice into the other: its pledges then count under that one, here and, after sync, everywhere. */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donor } from '../../../contract';
import { showSaveError, useLedgerMutation } from '../queries';
import { DonorPicker } from './pickers';
import { DIALOG_LAYOUT } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';

interface Props {
  donor: Donor | null;
  onClose: () => void;
  onMerged?: (into: Donor) => void;
}

interface Values {
  intoId?: string;
  note?: string;
}

export function DonorMergeModal({ donor, onClose, onMerged }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const merge = useLedgerMutation('donors.merge');

  useEffect(() => {
    if (donor) form.resetFields();
  }, [donor, form]);

  async function save(values: Values) {
    if (!donor || !values.intoId) return;
    try {
      const into = await merge.mutateAsync({ id: donor.id, intoId: values.intoId, note: values.note || null });
      onMerged?.(into);
      onClose();
    } catch (error) {
      showSaveError(form, error, i18n.language, ['intoId', 'note'], (text) =>
        form.setFields([{ name: 'intoId', errors: [text] }]),
      );
    }
  }

  return (
    <Modal
      open={donor !== null}
      title={t('donorMerge.title', { name: donor?.name ?? '' })}
      onCancel={onClose}
      okText={t('donorMerge.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={merge.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'intoId')}
    >
      <Alert
        type="info"
        showIcon
        title={t('donorMerge.explain', { name: donor?.name ?? '', count: donor?.pledgeCount ?? 0 })}
        style={{ marginBottom: 12 }}
      />
      <Form form={form} layout="vertical" {...submit} name="donorMerge">
        <Form.Item
          name="intoId"
          label={t('donorMerge.into')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DonorPicker exclude={donor?.id} />
        </Form.Item>
        <Form.Item name="note" label={t('donorMerge.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
