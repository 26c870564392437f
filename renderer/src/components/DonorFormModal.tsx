/** Create or edit a donor; also opened from the pledge form's donor picker without leaving the form. */
import { Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DONOR_KINDS, type Donor } from '../../../contract';
import { vocabulary } from '../i18n';
import { showSaveError, useLedgerMutation } from '../queries';
import { DIALOG_LAYOUT } from './dialog';
import { focusFirstField } from './focus';
import { searchByLabel, tabMovesOn } from './pickers';
import { useFormSubmit } from './formSubmit';

interface Props {
  open: boolean;
  donor?: Donor | undefined;
  initialName?: string;
  onClose: () => void;
  onSaved?: (donor: Donor) => void;
}

interface Values {
  name: string;
  shortName?: string;
  country?: string;
  kind: Donor['kind'];
  notes?: string;
}

export function DonorFormModal({ open, donor, initialName, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('donors.create');
  const update = useLedgerMutation('donors.update');
  const words = vocabulary(i18n.language);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      donor
        ? {
            name: donor.name,
            shortName: donor.shortName ?? '',
            country: donor.country ?? '',
            kind: donor.kind,
            notes: donor.notes ?? '',
          }
        : { name: initialName ?? '', kind: 'foreign_ngo' },
    );
  }, [open, donor, initialName, form]);

  async function save(values: Values) {
    const input = {
      name: values.name,
      shortName: values.shortName || null,
      country: values.country || null,
      kind: values.kind,
      notes: values.notes || null,
    };
    try {
      const saved = donor ? await update.mutateAsync({ id: donor.id, ...input }) : await create.mutateAsync(input);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error, i18n.language, Object.keys(input), (text) =>
        form.setFields([{ name: 'name', errors: [text] }]),
      );
    }
  }

  return (
    <Modal
      open={open}
      title={donor ? t('donorForm.editTitle') : t('donorForm.createTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'name')}
    >
      <Form form={form} layout="vertical" {...submit} name="donor">
        <Form.Item
          name="name"
          label={t('donorForm.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="shortName" label={t('donorForm.shortName')}>
          <Input />
        </Form.Item>
        <Form.Item name="country" label={t('donorForm.country')}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('donorForm.kind')} rules={[{ required: true }]}>
          <Select
            showSearch={searchByLabel}
            onKeyDown={tabMovesOn}
            notFoundContent={t('common.noMatch')}
            options={DONOR_KINDS.map((k) => ({ value: k, label: words.donorKind[k] }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('donorForm.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
