/** Sao lưu: where the copies are, a backup made now, and a restore from any copy (the replaced ledger is kept). */
import { App as AntApp, Button, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../contract';
import { BackupTable } from '../components/BackupTable';
import { useBusyWork } from '../components/useBusyWork';
import { showDateTime } from '../format';
import { call, refreshAfter, useLedger } from '../queries';

export function Backups() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const overview = useLedger('backups.list', {});
  const { busy, run } = useBusyWork();

  const create = () =>
    run(async () => {
      const made = await call('backups.create', {});
      message.success(t('backups.created', { name: made.name }));
      await refreshAfter('backups.create');
    });

  const restore = (backup: BackupEntry) =>
    run(async () => {
      const result = await call('backups.restore', { name: backup.name });
      message.success(t('backups.restored', { at: showDateTime(backup.at), kept: result.replacedKeptAs ?? '—' }), 8);
      // Every figure on every screen now comes from the restored ledger.
      await refreshAfter('backups.restore');
    });

  return (
    <div className="screen" data-testid="backups-screen">
      <Typography.Title level={3}>{t('backups.title')}</Typography.Title>
      <p className="muted" style={{ maxWidth: 860 }}>
        {t('backups.hint')}
      </p>
      {overview.data && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 12, maxWidth: 860 }}>
          <Descriptions.Item label={t('backups.folder')}>
            <span data-testid="backup-folder">{overview.data.folder}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Button type="primary" onClick={create} loading={busy} style={{ marginBottom: 12 }} data-testid="backup-create">
        {t('backups.create')}
      </Button>
      <BackupTable backups={overview.data?.backups ?? []} busy={busy} onRestore={(backup) => void restore(backup)} />
    </div>
  );
}
