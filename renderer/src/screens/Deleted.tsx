/**
 * "Đã xóa": every deletion in the ledger, made here or by a bundle received, the latest first — what was deleted in
 * words (with the records deleted with it), when, by whom or by which bundle — each with its Undo, which asks why.
 */
import { Button, Empty, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Deletion } from '../../../contract';
import { madeBy, showDateTime } from '../format';
import { type DeletionToUndo, useUndoDeletion } from '../components/UndoDeletionModal';
import { useLedger } from '../queries';

export function Deleted() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const deletions = useLedger('deletions.list', {});
  const { ask, dialog } = useUndoDeletion();
  return (
    <div data-testid="deleted-screen">
      <Typography.Title level={4}>{t('deleted.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('deleted.hint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="id"
        loading={deletions.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        dataSource={deletions.data ?? []}
        data-testid="deletions"
        locale={{ emptyText: <Empty description={t('deleted.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          {
            title: t('deleted.at'),
            key: 'at',
            width: 140,
            render: (_: unknown, d: Deletion) => showDateTime(d.deletedAt),
          },
          {
            title: t('deleted.record'),
            key: 'what',
            render: (_: unknown, d: Deletion) => <DeletionWhat deletion={d} lang={lang} t={t} />,
          },
          {
            title: t('deleted.by'),
            key: 'by',
            width: 240,
            render: (_: unknown, d: Deletion) =>
              d.bundle
                ? t('deleted.byBundle', { file: d.bundle.fileName, office: d.bundle.siteName })
                : madeBy(d.userName, d.siteName),
          },
          undoColumn(t, ask, t('deleted.undo'), 230),
        ]}
      />
      {dialog}
    </div>
  );
}

/** The column that undoes a deletion (asking why), or says when, by whom and why it was undone. */
export function undoColumn<D extends Deletion>(
  t: TFunction,
  ask: (deletion: DeletionToUndo) => void,
  label: string,
  width: number,
): ColumnType<D> {
  return {
    title: '',
    key: 'undo',
    width,
    render: (_: unknown, d: D) =>
      d.undoneAt ? (
        <DeletionUndone deletion={d} t={t} />
      ) : (
        <Button
          size="small"
          data-testid="deletion-undo"
          onClick={() => ask({ id: d.id, what: d.what, parts: d.parts.length })}
        >
          {label}
        </Button>
      ),
  };
}

/** A deletion in words, with the records deleted with it (listed on hover) and whether this office made it. */
export function DeletionWhat({ deletion, lang, t }: { deletion: Deletion; lang: 'vi' | 'en'; t: TFunction }) {
  return (
    <span data-testid="deletion-what">
      {deletion.what[lang]} {deletion.madeHere && deletion.bundle && <Tag color="orange">{t('deleted.madeHere')}</Tag>}
      {deletion.parts.length > 0 && (
        <div className="muted" title={deletion.parts.map((p) => p.what[lang]).join('\n')}>
          {t('deleted.withParts', { count: deletion.parts.length })}
        </div>
      )}
    </span>
  );
}

/** When a deletion was undone, by whom, and why. */
export function DeletionUndone({ deletion, t }: { deletion: Deletion; t: TFunction }) {
  return (
    <span className="muted" data-testid="deletion-undone">
      {t('deleted.undone', { at: showDateTime(deletion.undoneAt!), who: deletion.undoneBy ?? '' })}
      {deletion.undoReason && <div>{t('deleted.undoneReason', { reason: deletion.undoReason })}</div>}
    </span>
  );
}
