/** The backups of the ledger, newest first, each restorable after a confirmation. */
import { Button, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../contract';
import { showBytes, showDateTime } from '../format';

export function BackupTable({
  backups,
  busy,
  onRestore,
}: {
  backups: BackupEntry[];
  busy: boolean;
  onRestore: (backup: BackupEntry) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="name"
      dataSource={backups}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="backup-table"
      locale={{ emptyText: t('backups.none') }}
      columns={[
        { title: t('backups.at'), dataIndex: 'at', render: (at: string) => showDateTime(at), width: 170 },
        {
          title: t('backups.kind'),
          dataIndex: 'kind',
          render: (kind: BackupEntry['kind']) => t(`backups.kinds.${kind}`),
          width: 220,
        },
        {
          title: t('backups.size'),
          dataIndex: 'bytes',
          className: 'num',
          render: (bytes: number) => showBytes(bytes, i18n.language),
          width: 120,
        },
        { title: '', dataIndex: 'name', className: 'muted' },
        {
          title: '',
          key: 'restore',
          width: 120,
          render: (_: unknown, backup: BackupEntry) => (
            <Popconfirm
              title={t('backups.restore')}
              description={
                <div style={{ maxWidth: 380 }}>{t('backups.restoreConfirm', { at: showDateTime(backup.at) })}</div>
              }
              okText={t('backups.restore')}
              cancelText={t('common.cancel')}
              onConfirm={() => onRestore(backup)}
            >
              <Button size="small" disabled={busy} data-testid="backup-restore">
                {t('backups.restore')}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
