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
import { donorInput, type DonorFormValues as Values, initialDonorValues } from './donorForm';

interface Props {
  open: boolean;
  donor?: Donor | undefined;
  initialName?: string;
  onClose: () => void;
  onSaved?: (donor: Donor) => void;
}

export function DonorFormModal({ open, donor, initialName, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('donors.create');
  const update = useLedgerMutation('donors.update');

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialDonorValues(donor, initialName));
  }, [open, donor, initialName, form]);

  async function save(values: Values) {
    const input = donorInput(values);
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
        <DonorFields />
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** The donor's name, short name, country, kind and notes. */
function DonorFields() {
  const { t, i18n } = useTranslation();
  const words = vocabulary(i18n.language);
  return (
    <>
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
    </>
  );
}
