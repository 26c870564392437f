/**
 * The deletions bundles bring, on the sync screen: what a bundle deletes here (with the records this office made
 * marked), the confirmation it needs before it is merged, and the deletions received, each with its Undo.
 */
import { Alert, type App as AntApp, Button, Empty, List, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BundleDeletion, BundleMerge, ImportFilesResult, ReceivedDeletion } from '../../../contract';
import { showDateTime } from '../format';
import { useUndoDeletion } from '../components/UndoDeletionModal';
import { useLedger } from '../queries';
import { DeletionWhat, undoColumn } from './Deleted';

const langOf = (language: string) => (language === 'en' ? 'en' : 'vi');

/** The records a bundle deletes here, each as a person reads it, those this office made marked. */
export function BundleDeletionList({ deletions }: { deletions: BundleDeletion[] }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <List
      size="small"
      bordered
      style={{ maxHeight: 280, overflowY: 'auto', marginTop: 8 }}
      data-testid="bundle-deletions"
      header={<strong>{t('sync.deletions.listTitle', { count: deletions.length })}</strong>}
      dataSource={deletions}
      renderItem={(d) => (
        <List.Item data-testid="bundle-deletion">
          <span>
            {d.what[lang]} {d.madeHere && <Tag color="orange">{t('sync.deletions.madeHere')}</Tag>}
          </span>
        </List.Item>
      )}
    />
  );
}

/** What a bundle's preview says of its deletions: the list, and a warning when they need confirming. */
export function PreviewDeletions({ preview }: { preview: BundleMerge }) {
  const { t } = useTranslation();
  if (!preview.deletions.length) return null;
  return (
    <>
      {preview.deletionsNeedConfirmation && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="deletions-need-confirmation"
          title={t('sync.deletions.needConfirmation', {
            count: preview.deletions.length,
            ours: preview.deletions.filter((d) => d.madeHere).length,
          })}
        />
      )}
      <BundleDeletionList deletions={preview.deletions} />
    </>
  );
}

/** The quarter's files: what each bundle deletes here, and the button confirming the deletions that need it. */
export function FileDeletions({
  preview,
  confirmed,
  onConfirm,
}: {
  preview: ImportFilesResult;
  confirmed: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const bundles = preview.files.filter((f) => f.deletions?.length);
  if (!bundles.length) return null;
  const waiting = !confirmed && bundles.some((f) => f.deletionsNeedConfirmation);
  return (
    <div data-testid="file-deletions" style={{ marginTop: 12 }}>
      {bundles.map((f) => (
        <div key={f.fileName}>
          <Typography.Text strong>{f.fileName}</Typography.Text>
          <BundleDeletionList deletions={f.deletions ?? []} />
        </div>
      ))}
      {waiting && (
        <Button danger style={{ marginTop: 8 }} onClick={onConfirm} data-testid="file-deletions-confirm">
          {t('sync.deletions.confirm')}
        </Button>
      )}
    </div>
  );
}

/** Asks the user to confirm a bundle's deletions, listing them; resolves to their answer. */
export function confirmDeletions(
  modal: ReturnType<typeof AntApp.useApp>['modal'],
  t: TFunction,
  deletions: BundleDeletion[],
): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: t('sync.deletions.confirmTitle', { count: deletions.length }),
      width: 640,
      content: (
        <div data-testid="deletions-confirm">
          <p>{t('sync.deletions.confirmText')}</p>
          <BundleDeletionList deletions={deletions} />
        </div>
      ),
      okText: t('sync.deletions.confirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'deletions-confirm-ok' },
      cancelText: t('common.cancel'),
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}

/** The deletions bundles made here, the latest first, each with the bundle and office, and its Undo (asking why). */
export function ReceivedDeletions() {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const deletions = useLedger('sync.deletions', {});
  const { ask, dialog } = useUndoDeletion();
  return (
    <>
      <Typography.Title level={5} className="section-title">
        {t('sync.deletions.receivedTitle')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={deletions.data ?? []}
        data-testid="received-deletions"
        locale={{
          emptyText: <Empty description={t('sync.deletions.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} />,
        }}
        columns={[
          {
            title: t('sync.deletions.receivedAt'),
            key: 'at',
            width: 150,
            render: (_: unknown, d: ReceivedDeletion) => showDateTime(d.bundle.receivedAt),
          },
          {
            title: t('sync.deletions.record'),
            key: 'what',
            render: (_: unknown, d: ReceivedDeletion) => <DeletionWhat deletion={d} lang={lang} t={t} />,
          },
          {
            title: t('sync.columns.site'),
            key: 'office',
            width: 170,
            render: (_: unknown, d: ReceivedDeletion) => d.bundle.siteName,
          },
          {
            title: t('sync.deletions.bundle'),
            key: 'bundle',
            render: (_: unknown, d: ReceivedDeletion) => (
              <span title={`SHA-256 ${d.bundle.sha256}`}>{d.bundle.fileName}</span>
            ),
          },
          undoColumn(t, ask, t('sync.deletions.undo'), 190),
        ]}
      />
      {dialog}
    </>
  );
}
