/**
 * What every dialog shares: at the office screen's 1366×768 its buttons stay in view, and a long form scrolls inside
 * the dialog instead of pushing Save below the window's edge.
 */
import { App, type FormInstance, type ModalProps } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

export const DIALOG_LAYOUT: Pick<ModalProps, 'style' | 'styles' | 'maskClosable'> = {
  style: { top: 16, paddingBottom: 0 },
  styles: { body: { maxHeight: 'calc(100vh - 160px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 4 } },
  maskClosable: false,
};

/**
 * For a form dialog's Esc and Cancel: a form with fields typed into asks before throwing them away (Esc again, or
 * "Tiếp tục nhập", goes back to the form); one with nothing typed closes at once.
 */
export function useCloseAsking(form: Pick<FormInstance, 'isFieldsTouched'>, onClose: () => void): () => void {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  const asking = useRef(false);
  return () => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    if (asking.current) return;
    asking.current = true;
    modal.confirm({
      title: t('common.discardTitle'),
      content: t('common.discardBody'),
      okText: t('common.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.keepEditing'),
      onOk: onClose,
      afterClose: () => {
        asking.current = false;
      },
    });
  };
}
