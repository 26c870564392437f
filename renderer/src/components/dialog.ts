/**
 * What every dialog shares: at the office screen's 1366×768 its buttons stay in view, and a long form scrolls inside
 * the dialog instead of pushing Save below the window's edge.
 */
import type { ModalProps } from 'antd';

export const DIALOG_LAYOUT: Pick<ModalProps, 'style' | 'styles' | 'maskClosable'> = {
  style: { top: 16, paddingBottom: 0 },
  styles: { body: { maxHeight: 'calc(100vh - 160px)', overflowY: 'auto', overflowX: 'hidden', paddingRight: 4 } },
  maskClosable: false,
};
