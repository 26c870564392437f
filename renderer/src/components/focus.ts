/** Where the keyboard starts in a dialog. */
import type { FormInstance } from 'antd';

/**
 * For a dialog's `afterOpenChange`: puts the cursor in the form's first field once the dialog has finished opening,
 * unless the user has already started typing in one of its fields (on a slow PC the opening can end after they do,
 * and moving the cursor then would send their next keys, Enter included, to the wrong field).
 */
export function focusFirstField(form: Pick<FormInstance, 'focusField'>, name: string): (visible: boolean) => void {
  return (visible) => {
    if (!visible) return;
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('.ant-modal') && active.matches('input, textarea, select, [contenteditable="true"]')) return;
    form.focusField(name);
  };
}
