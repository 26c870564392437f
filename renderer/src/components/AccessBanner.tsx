/**
 * How the ledger is open, when it is not simply open for writing: read-only and why (held by another program, on a
 * network drive, in a synced folder, on read-only media), with "copy to this computer" where that helps; or, once, a
 * lock left behind by a crash that this program took over.
 */
import { Alert, App as AntApp, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerAccess } from '../../../contract';
import { call, errorText, refreshAfter } from '../queries';

export function AccessBanner({ access }: { access: LedgerAccess }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [copying, setCopying] = useState(false);
  const language = i18n.language === 'en' ? 'en' : 'vi';
  const { readOnly, notice } = access;

  const copyHere = async () => {
    setCopying(true);
    try {
      const { file } = await call('backups.relocate', {});
      void message.success(t('access.copied', { file }));
      await refreshAfter('backups.relocate');
    } catch (error) {
      void message.error(errorText(error, language));
    } finally {
      setCopying(false);
    }
  };

  if (readOnly) {
    return (
      <Alert
        className="access-banner"
        type="warning"
        showIcon
        title={t('access.readOnly')}
        description={readOnly.message[language]}
        action={
          readOnly.canCopyHere ? (
            <Button type="primary" loading={copying} onClick={() => void copyHere()}>
              {t('access.copyHere')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  if (notice) return <Alert className="access-banner" type="info" showIcon closable title={notice[language]} />;
  return null;
}
