/**
 * Undoing a deletion: the dialog names what comes back and asks why (required, kept in the restored record's
 * history). It opens on the reason's field; Enter undoes, Esc closes.
 */
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../contract';
import { errorText, useLedgerMutation } from '../queries';
import { DIALOG_LAYOUT, useCloseAsking } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';

/** A deletion to undo: its id, what it deleted, and how many parts come back with it. */
export interface DeletionToUndo {
  id: string;
  what: Bilingual;
  parts: number;
}

/** The dialog, and `ask` to open it for a deletion. */
export function useUndoDeletion(): { ask: (deletion: DeletionToUndo) => void; dialog: React.ReactNode } {
  const [deletion, setDeletion] = useState<DeletionToUndo | null>(null);
  return {
    ask: setDeletion,
    dialog: deletion && <UndoDeletionModal deletion={deletion} onClose={() => setDeletion(null)} />,
  };
}

function UndoDeletionModal({ deletion, onClose }: { deletion: DeletionToUndo; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = AntApp.useApp();
  const undo = useLedgerMutation('deletions.undo');
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const close = useCloseAsking(form, onClose);
  const submit = useFormSubmit<{ reason: string }>(form, async ({ reason }) => {
    try {
      const undone = await undo.mutateAsync({ id: deletion.id, reason: reason.trim() });
      message.success(t('deleted.restored', { count: undone.restored.length }));
      onClose();
    } catch (failure) {
      setError(errorText(failure, i18n.language));
    }
  });
  return (
    <Modal
      open
      title={t('deleted.undoTitle')}
      okText={t('deleted.undo')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={undo.isPending}
      okButtonProps={{ 'data-testid': 'undo-deletion-ok' } as never}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'reason')}
    >
      <div data-testid="undo-deletion">
        <p data-testid="undo-deletion-what">
          <strong>{deletion.what[lang]}</strong>
          {deletion.parts > 0 && <span className="muted"> · {t('deleted.withParts', { count: deletion.parts })}</span>}
        </p>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" {...submit} name="undoDeletion">
          <Form.Item
            name="reason"
            label={t('deleted.reason')}
            rules={[{ required: true, whitespace: true, message: t('deleted.reasonRequired') }]}
            extra={t('deleted.reasonHint')}
          >
            <Input autoFocus maxLength={300} placeholder={t('deleted.reasonPlaceholder')} />
          </Form.Item>
          <button type="submit" hidden />
        </Form>
      </div>
    </Modal>
  );
}
