/**
 * How every dialog saves: Enter (or the Save button) is never lost and never saves twice.
 *
 * The form library validates the whole form before it calls the save, and drops that submission without a word when
 * a field is validated again while it waits (its `outOfDate` case): a money field tidied as the cursor leaves it, a
 * field re-checked because one it depends on changed, a picker settling after its list closed. The user saw the
 * dialog stay open, their edit unsaved and no message. Here such a submission is made again, so it is decided by the
 * newest values; and a second Enter while a save is under way is ignored instead of saving (creating) twice.
 */
import type { FormInstance } from 'antd';
import { useRef } from 'react';
import { tabInOrder } from './focus';

interface FinishFailed {
  outOfDate: boolean;
  errorFields: { name: (string | number)[] }[];
}

export function useFormSubmit<V>(
  form: Pick<FormInstance<V>, 'submit' | 'focusField'>,
  save: (values: V) => Promise<void>,
) {
  const saving = useRef(false);
  return {
    // Tab too behaves the same in every dialog, whatever state its opening is in.
    onKeyDown: tabInOrder,
    // Enter saves from every field, a picker whose list is closed included (there it would only open the list again).
    onKeyDownCapture: (event: React.KeyboardEvent<HTMLElement>) => {
      const field = event.target as HTMLElement;
      if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.nativeEvent.isComposing)
        return;
      if (field.getAttribute('role') !== 'combobox' || field.getAttribute('aria-expanded') !== 'false') return;
      event.preventDefault();
      event.stopPropagation();
      form.submit();
    },
    onFinish: async (values: V) => {
      if (saving.current) return;
      saving.current = true;
      try {
        await save(values);
      } finally {
        saving.current = false;
      }
    },
    onFinishFailed: (info: FinishFailed) => {
      if (info.outOfDate) form.submit();
      // The cursor goes to the first field in error, so the user can fix it at once.
      else if (info.errorFields[0]) form.focusField(info.errorFields[0].name);
    },
  };
}
