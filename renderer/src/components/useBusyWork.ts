/** Work started by a button: `busy` while it runs (for spinners and disabled buttons), a failure shown as a message. */
import { App as AntApp } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../queries';

export function useBusyWork(): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const { i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      try {
        await work();
      } catch (error) {
        message.error(errorText(error, i18n.language));
      } finally {
        setBusy(false);
      }
    },
    [message, i18n],
  );
  return { busy, run };
}
