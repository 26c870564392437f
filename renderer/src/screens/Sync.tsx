/** Đồng bộ: make a bundle for the province, merge bundles from districts with a preview, see conflicts side by side. */
import { Alert, App as AntApp, Button, Card, Col, Empty, Row, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeCounts, SyncConflict } from '../../../contract';
import { fieldLabel } from '../../../contract/validation';
import { readAsBase64, saveFile } from '../download';
import { showDateTime } from '../format';
import { call, errorText, queryClient, useLedger } from '../queries';

const HIDDEN = new Set(['id', 'version', 'origin_site', 'base_version', 'search_text', 'created_at', 'updated_at', 'name_folded', 'name_key']);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function ConflictCard({ conflict, onResolve }: { conflict: SyncConflict; onResolve: (keep: 'kept' | 'other') => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const keys = [...new Set([...Object.keys(conflict.kept ?? {}), ...Object.keys(conflict.other ?? {})])].filter((k) => !HIDDEN.has(k));
  const rows = keys
    .map((k) => ({ key: k, label: fieldLabel(camel(k))[lang], kept: conflict.kept?.[k], other: conflict.other?.[k] }))
    .filter((r) => JSON.stringify(r.kept) !== JSON.stringify(r.other));
  const show = (v: unknown) => (v === null || v === undefined ? '∅' : String(v));
  return (
    <Card size="small" title={`${conflict.entity} · ${showDateTime(conflict.detectedAt)}`} style={{ marginBottom: 8 }} data-testid="conflict">
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label', width: 180 },
          { title: t('sync.kept'), dataIndex: 'kept', render: (v: unknown) => (conflict.kept ? show(v) : t('sync.deleted')) },
          { title: t('sync.other'), dataIndex: 'other', render: (v: unknown) => (conflict.other ? show(v) : t('sync.deleted')) },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => onResolve('kept')}>{t('sync.keepKept')}</Button>
        <Button onClick={() => onResolve('other')}>{t('sync.keepOther')}</Button>
      </Space>
    </Card>
  );
}

export function Sync() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const status = useLedger('sync.status', {});
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<MergeCounts | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      message.error(errorText(error, lang));
    } finally {
      setBusy(false);
    }
  };

  const exportBundle = (all: boolean) =>
    run(async () => {
      const bundle = await call('sync.export', { all });
      saveFile(bundle.fileName, bundle.base64);
      message.success(t('sync.exported', { file: bundle.fileName, records: bundle.records }));
      await queryClient.invalidateQueries({ queryKey: ['sync.status'] });
    });

  const check = (chosen: File) =>
    run(async () => {
      setPreview(null);
      const input = { fileName: chosen.name, base64: await readAsBase64(chosen) };
      setFile(input);
      setPreview(await call('sync.preview', input));
    });

  const apply = () =>
    run(async () => {
      if (!file) return;
      const counts = await call('sync.import', file);
      message.success(t('sync.done', { ...counts }));
      setPreview(null);
      setFile(null);
      await queryClient.invalidateQueries();
    });

  const resolve = (conflictId: string, keep: 'kept' | 'other') =>
    run(async () => {
      await call('sync.resolve', { conflictId, keep });
      await queryClient.invalidateQueries();
    });

  return (
    <div className="screen" data-testid="sync-screen">
      <Typography.Title level={3}>{t('sync.title')}</Typography.Title>
      <Row gutter={12}>
        <Col span={12}>
          <Card size="small" title={t('sync.exportTitle')}>
            <p className="muted">{t('sync.exportHint')}</p>
            <Space>
              <Button type="primary" onClick={() => exportBundle(false)} loading={busy} data-testid="sync-export">
                {t('sync.export')}
              </Button>
              <Button onClick={() => exportBundle(true)}>{t('sync.exportAll')}</Button>
            </Space>
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title={t('sync.importTitle')}>
            <Upload.Dragger accept=".aidledger" multiple={false} showUploadList={false} beforeUpload={(chosen) => (void check(chosen), false)}>
              <p>{t('sync.drop')}</p>
              {file && <p className="muted">{file.fileName}</p>}
            </Upload.Dragger>
            {preview && (
              <div style={{ marginTop: 8 }} data-testid="sync-preview">
                <Alert type={preview.conflicts ? 'warning' : 'info'} showIcon title={t('sync.preview', { ...preview })} />
                <Button type="primary" onClick={apply} loading={busy} style={{ marginTop: 8 }} data-testid="sync-apply">
                  {t('sync.apply')}
                </Button>
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Typography.Title level={5} className="section-title">
        {t('sync.conflicts')}
      </Typography.Title>
      {status.data?.conflicts.length ? (
        status.data.conflicts.map((c) => <ConflictCard key={c.id} conflict={c} onResolve={(keep) => resolve(c.id, keep)} />)
      ) : (
        <Empty description={t('sync.noConflicts')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Typography.Title level={5} className="section-title">
        {t('sync.log')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.at}-${r.fileName}`}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={status.data?.log ?? []}
        data-testid="sync-log"
        columns={[
          { title: '', dataIndex: 'at', render: (v: string) => showDateTime(v), width: 150 },
          { title: '', dataIndex: 'direction', render: (d: 'export' | 'import') => (d === 'export' ? t('sync.exportWord') : t('sync.importWord')), width: 70 },
          { title: '', dataIndex: 'siteName' },
          { title: '', dataIndex: 'fileName' },
          { title: '', dataIndex: 'counts', render: (c: Record<string, number>) => Object.entries(c).filter(([, n]) => n).map(([k, n]) => `${k} ${n}`).join(', ') },
        ]}
      />
    </div>
  );
}
