/**
 * Shown instead of the app when the ledger failed its check at start: what is wrong, and the latest good backup to
 * restore (any other copy too). There is no way to carry on with the damaged file.
 */
import { Alert, App as AntApp, Button, Card, Collapse, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../contract';
import { BackupTable } from '../components/BackupTable';
import { showDateTime } from '../format';
import { call, errorText, useLedger } from '../queries';

export function Recovery({ onRestored }: { onRestored: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const overview = useLedger('backups.list', {});
  const [busy, setBusy] = useState(false);
  const data = overview.data;
  const latestGood = data?.backups.find((b) => b.name === data.damaged?.latestGood);

  const restore = async (backup: BackupEntry) => {
    setBusy(true);
    try {
      await call('backups.restore', { name: backup.name });
      message.success(t('recovery.restored'));
      onRestored();
    } catch (error) {
      message.error(errorText(error, i18n.language), 10);
      await overview.refetch();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="screen narrow recovery"
      data-testid="recovery-screen"
      style={{ maxWidth: 960, margin: '32px auto' }}
    >
      <Typography.Title level={2}>{t('recovery.title')}</Typography.Title>
      <Alert
        type="error"
        showIcon
        title={t('recovery.explain')}
        description={data?.ledgerFile}
        style={{ marginBottom: 16 }}
      />
      {data && (
        <LatestGoodCard
          latestGood={latestGood}
          folder={data.folder}
          busy={busy}
          onRestore={(backup) => void restore(backup)}
        />
      )}
      <Collapse
        size="small"
        items={[
          {
            key: 'problems',
            label: t('recovery.problems'),
            children: (
              <pre className="muted" data-testid="recovery-problems" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {(data?.damaged?.problems ?? []).join('\n')}
              </pre>
            ),
          },
          {
            key: 'others',
            label: t('recovery.others'),
            children: (
              <BackupTable backups={data?.backups ?? []} busy={busy} onRestore={(backup) => void restore(backup)} />
            ),
          },
        ]}
      />
    </div>
  );
}

/** The latest good backup, offered to restore at once; or, when there is none, where the backups were looked for. */
function LatestGoodCard({
  latestGood,
  folder,
  busy,
  onRestore,
}: {
  latestGood: BackupEntry | undefined;
  folder: string;
  busy: boolean;
  onRestore: (backup: BackupEntry) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      {latestGood ? (
        <>
          <p>{t('recovery.offer', { at: showDateTime(latestGood.at) })}</p>
          <Button
            type="primary"
            size="large"
            loading={busy}
            onClick={() => onRestore(latestGood)}
            autoFocus
            data-testid="recovery-restore-latest"
          >
            {t('recovery.restoreLatest', { at: showDateTime(latestGood.at) })}
          </Button>
        </>
      ) : (
        <Alert type="warning" showIcon title={t('recovery.noGood', { folder })} data-testid="recovery-no-good" />
      )}
    </Card>
  );
}
