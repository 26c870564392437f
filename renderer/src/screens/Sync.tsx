/** Đồng bộ: make a bundle for the province, merge bundles from districts with a preview, see conflicts side by side. */
import { Alert, App as AntApp, Button, Card, Col, Empty, Row, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleMerge, SyncConflict, SyncStatus } from '../../../contract';
import { readAsBase64, saveFile } from '../download';
import { showDateTime } from '../format';
import { type BundleInput, useBundlePreview } from '../components/UnsignedBundles';
import { useBusyWork } from '../components/useBusyWork';
import { ExchangeFolderCard, OfficeActivityTable } from './SyncExchange';
import { call, refreshAfter, useLedger } from '../queries';
import { OfficesPanel } from './SyncOffices';
import {
  conflictRows,
  conflictTitle,
  countsText,
  type Names,
  namesOf,
  siteName,
  storedValueText,
} from './syncConflicts';
import { confirmDeletions, PreviewDeletions, ReceivedDeletions } from './SyncDeletions';

/** A conflict: the fields its two versions disagree on, side by side, and the choice of which one to keep. */
function ConflictCard({
  conflict,
  names,
  onResolve,
}: {
  conflict: SyncConflict;
  names: Names;
  onResolve: (keep: 'kept' | 'other') => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const entity = t(`sync.entity.${conflict.entity}`, { defaultValue: conflict.entity });
  return (
    <Card size="small" title={conflictTitle(conflict, entity)} style={{ marginBottom: 8 }} data-testid="conflict">
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={conflictRows(conflict, lang)}
        columns={[
          { title: t('sync.columns.field'), dataIndex: 'label', width: 180 },
          {
            title: `${t('sync.kept')} — ${siteName(names, conflict.keptSite)}`,
            dataIndex: 'kept',
            render: (v: unknown, r: { key: string }) =>
              conflict.kept ? storedValueText(r.key, v, conflict.kept, names, lang) : t('sync.deleted'),
          },
          {
            title: `${t('sync.other')} — ${siteName(names, conflict.otherSite)}`,
            dataIndex: 'other',
            render: (v: unknown, r: { key: string }) =>
              conflict.other ? storedValueText(r.key, v, conflict.other, names, lang) : t('sync.deleted'),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => onResolve('kept')} data-testid="conflict-keep">
          {t('sync.keepKept')}
        </Button>
        <Button onClick={() => onResolve('other')} data-testid="conflict-other">
          {t('sync.keepOther')}
        </Button>
      </Space>
    </Card>
  );
}

export function Sync() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const status = useLedger('sync.status', {});
  const names = useConflictNames(status.data);
  const [file, setFile] = useState<BundleInput | null>(null);
  const [preview, setPreview] = useState<BundleMerge | null>(null);
  const { busy, run } = useBusyWork();
  // An unsigned bundle (an earlier release's) is taken only when the user says so, from an office recorded as such.
  const checked = useBundlePreview();

  const exportBundle = (all: boolean) =>
    run(async () => {
      const bundle = await call('sync.export', { all });
      saveFile(bundle.fileName, bundle.base64);
      message.success(t('sync.exported', { file: bundle.fileName, records: bundle.records }));
      await refreshAfter('sync.export');
    });

  const check = (chosen: File) =>
    run(async () => {
      setPreview(null);
      const input = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setFile(input);
      const done = await checked.preview(input);
      if (done) {
        setFile(done.input);
        setPreview(done.counts);
      }
    });

  const apply = () =>
    run(async () => {
      if (!file || !preview) return;
      // Deletions the preview listed as needing confirmation are merged only once the user confirms them.
      const allowDeletions = preview.deletionsNeedConfirmation;
      if (allowDeletions && !(await confirmDeletions(modal, t, preview.deletions))) return;
      const counts = await call('sync.import', { ...file, allowDeletions });
      message.success(t('sync.done', { ...counts }));
      setPreview(null);
      setFile(null);
      await refreshAfter('sync.import');
    });

  const resolve = (conflictId: string, keep: 'kept' | 'other') =>
    run(async () => {
      await call('sync.resolve', { conflictId, keep });
      await refreshAfter('sync.resolve');
    });

  return (
    <div className="screen" data-testid="sync-screen">
      <Typography.Title level={3}>{t('sync.title')}</Typography.Title>
      <Row gutter={12}>
        <Col span={12}>
          <ExportCard lastExportAt={status.data?.lastExportAt ?? null} busy={busy} onExport={exportBundle} />
        </Col>
        <Col span={12}>
          <BundleImportCard
            file={file}
            preview={preview}
            busy={busy}
            onChoose={(chosen) => void check(chosen)}
            onApply={apply}
          />
        </Col>
      </Row>
      <ExchangeFolderCard />
      <OfficeActivityTable status={status.data} />
      <Typography.Title level={5} className="section-title">
        {t('sync.conflicts')}
      </Typography.Title>
      {status.data?.conflicts.length ? (
        status.data.conflicts.map((c) => (
          <ConflictCard key={c.id} conflict={c} names={names} onResolve={(keep) => resolve(c.id, keep)} />
        ))
      ) : (
        <Empty description={t('sync.noConflicts')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <ReceivedDeletions />
      <OfficesPanel />
      {checked.legacyModal}
      <Typography.Title level={5} className="section-title">
        {t('sync.peers')}
      </Typography.Title>
      <PeersTable peers={status.data?.peers ?? []} />
      <Typography.Title level={5} className="section-title">
        {t('sync.log')}
      </Typography.Title>
      <SyncLog log={status.data?.log ?? []} />
    </div>
  );
}

/** The names a conflict may refer to: donors (merged ones too), places, and the installations heard from. */
function useConflictNames(status: SyncStatus | undefined): Names {
  const { t } = useTranslation();
  const settings = useLedger('settings.get', {});
  const donors = useLedger('donors.list', { includeMerged: true });
  const places = useLedger('places.list', {});
  const setup = useLedger('places.setup', {});
  return useMemo(
    () => ({
      ...namesOf(donors.data ?? [], places.data ?? [], status?.peers ?? [], settings.data, t('sync.thisSite')),
      provinces: new Map((setup.data?.provinces ?? []).map((p) => [p.code, `${p.type} ${p.name}`])),
    }),
    [donors.data, places.data, status, settings.data, t, setup.data],
  );
}

/** Making a bundle: of what changed since the last one, or of everything; and when the last one was made. */
function ExportCard({
  lastExportAt,
  busy,
  onExport,
}: {
  lastExportAt: string | null;
  busy: boolean;
  onExport: (all: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('sync.exportTitle')}>
      <p className="muted">{t('sync.exportHint')}</p>
      <p className="muted" data-testid="sync-last-export">
        {lastExportAt ? t('sync.lastExport', { at: showDateTime(lastExportAt) }) : t('sync.neverExported')}
      </p>
      <Space>
        <Button type="primary" onClick={() => onExport(false)} loading={busy} data-testid="sync-export">
          {t('sync.export')}
        </Button>
        <Button onClick={() => onExport(true)}>{t('sync.exportAll')}</Button>
      </Space>
    </Card>
  );
}

/** A bundle from another office: dropped or chosen, checked, and what merging it will do. */
function BundleImportCard({
  file,
  preview,
  busy,
  onChoose,
  onApply,
}: {
  file: { fileName: string } | null;
  preview: BundleMerge | null;
  busy: boolean;
  onChoose: (chosen: File) => void;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('sync.importTitle')}>
      <Upload.Dragger
        accept=".aidledger"
        multiple={false}
        showUploadList={false}
        beforeUpload={(chosen) => {
          onChoose(chosen);
          return false;
        }}
      >
        <p>{t('sync.drop')}</p>
        {file && <p className="muted">{file.fileName}</p>}
      </Upload.Dragger>
      {preview && <MergePreview preview={preview} busy={busy} onApply={onApply} />}
    </Card>
  );
}

/** What merging a bundle will do, and the button that merges it. */
function MergePreview({ preview, busy, onApply }: { preview: BundleMerge; busy: boolean; onApply: () => void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginTop: 8 }} data-testid="sync-preview">
      <Alert
        type={preview.conflicts ? 'warning' : 'info'}
        showIcon
        title={t('sync.preview', { ...preview })}
        description={preview.donorsMerged ? t('sync.donorsMerged', { count: preview.donorsMerged }) : undefined}
      />
      <PreviewDeletions preview={preview} />
      <Button type="primary" onClick={onApply} loading={busy} style={{ marginTop: 8 }} data-testid="sync-apply">
        {t('sync.apply')}
      </Button>
    </div>
  );
}

/** The installations bundles came from, with what their bundles brought. */
function PeersTable({ peers }: { peers: SyncStatus['peers'] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="siteId"
      pagination={false}
      dataSource={peers}
      data-testid="sync-peers"
      locale={{ emptyText: <Empty description={t('common.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      columns={[
        { title: t('sync.peer'), dataIndex: 'siteName' },
        { title: t('sync.bundles'), dataIndex: 'bundles', className: 'num', width: 90 },
        {
          title: t('sync.lastReceived'),
          dataIndex: 'lastReceivedAt',
          render: (v: string) => showDateTime(v),
          width: 160,
        },
        { title: t('sync.columns.inserted'), dataIndex: 'inserted', className: 'num', width: 90 },
        { title: t('sync.columns.updated'), dataIndex: 'updated', className: 'num', width: 90 },
        { title: t('sync.columns.conflicts'), dataIndex: 'conflicts', className: 'num', width: 90 },
      ]}
    />
  );
}

/** The bundles made and merged, the most recent first, with their counts. */
function SyncLog({ log }: { log: SyncStatus['log'] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.at}-${r.fileName}`}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      dataSource={log}
      data-testid="sync-log"
      columns={[
        { title: t('sync.columns.at'), dataIndex: 'at', render: (v: string) => showDateTime(v), width: 150 },
        {
          title: t('sync.columns.direction'),
          dataIndex: 'direction',
          render: (d: 'export' | 'import') => (d === 'export' ? t('sync.exportWord') : t('sync.importWord')),
          width: 110,
        },
        { title: t('sync.columns.site'), dataIndex: 'siteName' },
        { title: t('sync.columns.file'), dataIndex: 'fileName' },
        {
          title: t('sync.columns.counts'),
          dataIndex: 'counts',
          render: (c: Record<string, number>) => countsText(c, t),
        },
      ]}
    />
  );
}
