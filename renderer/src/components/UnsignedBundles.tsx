/**
 * A bundle made by an earlier release of the app carries no signature: it is refused unless taken on purpose, and
 * only from an office recorded here as on that release. Checking a bundle asks for both, in turn: whether to take it
 * unsigned, then (if its office is not recorded yet) the office's role and place, to record it from this bundle.
 */
import { Alert, App as AntApp, Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleMerge, Office } from '../../../contract';
import { ClientError } from '../api';
import { call, showSaveError } from '../queries';
import { DIALOG_LAYOUT } from './dialog';
import { PlacePicker } from './pickers';

/** A bundle as the sync methods take it. */
export interface BundleInput {
  fileName: string;
  base64: string;
  acceptUnsigned?: boolean;
}

/**
 * The preview of a bundle, asking on the way what an unsigned one needs; null when the user declines. `legacyModal`
 * is the dialog recording an office on an earlier release, to render beside the screen.
 */
export function useBundlePreview(): {
  preview: (input: BundleInput) => Promise<{ input: BundleInput; counts: BundleMerge } | null>;
  legacyModal: React.ReactNode;
} {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [asking, setAsking] = useState<{ input: BundleInput; done: (recorded: boolean) => void } | null>(null);

  const confirmUnsigned = () =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: t('offices.unsignedTitle'),
        content: t('offices.unsignedText'),
        okText: t('offices.unsignedOk'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });

  const preview = async (
    input: BundleInput,
    recorded = false,
  ): Promise<{ input: BundleInput; counts: BundleMerge } | null> => {
    try {
      return { input, counts: await call('sync.preview', input) };
    } catch (error) {
      if (!(error instanceof ClientError)) throw error;
      if (error.shape.code === 'unsigned_bundle' && !input.acceptUnsigned) {
        return (await confirmUnsigned()) ? preview({ ...input, acceptUnsigned: true }) : null;
      }
      // Its office is not known here: record it from this bundle (once), then check the bundle again.
      if (error.shape.code === 'unknown_office' && input.acceptUnsigned && !recorded) {
        const done = await new Promise<boolean>((resolve) => setAsking({ input, done: resolve }));
        setAsking(null);
        return done ? preview(input, true) : null;
      }
      throw error;
    }
  };

  const legacyModal = asking && <LegacyOfficeModal input={asking.input} onDone={asking.done} />;
  return { preview, legacyModal };
}

interface LegacyValues {
  role?: Office['role'];
  placeId?: string;
}

/** Records the office that sent an unsigned bundle, as an office on an earlier release: its role and place here. */
function LegacyOfficeModal({ input, onDone }: { input: BundleInput; onDone: (recorded: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<LegacyValues>();
  const role = Form.useWatch('role', form);
  const [saving, setSaving] = useState(false);
  const save = async (values: LegacyValues) => {
    setSaving(true);
    try {
      await call('offices.admit', {
        fileName: input.fileName,
        base64: input.base64,
        role: values.role ?? 'district',
        placeId: values.role === 'district' ? (values.placeId ?? null) : null,
      });
      onDone(true);
    } catch (error) {
      showSaveError(form, error, i18n.language, ['role', 'placeId'], (text) =>
        form.setFields([{ name: 'role', errors: [text] }]),
      );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={t('offices.legacyTitle')}
      okText={t('offices.legacyOk')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => onDone(false)}
      confirmLoading={saving}
      destroyOnHidden
      {...DIALOG_LAYOUT}
    >
      <Alert type="warning" showIcon title={t('offices.legacyText')} style={{ marginBottom: 12 }} />
      <Form
        form={form}
        layout="vertical"
        name="legacyOffice"
        initialValues={{ role: 'district' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="role" label={t('offices.role')}>
          <Select
            options={(['province', 'district'] as const).map((r) => ({ value: r, label: t(`offices.roles.${r}`) }))}
          />
        </Form.Item>
        {role === 'district' && (
          <Form.Item
            name="placeId"
            label={t('offices.place')}
            extra={t('offices.placeHint')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <PlacePicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
