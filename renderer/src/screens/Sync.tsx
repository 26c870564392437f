/** Đồng bộ: make a bundle for the province, merge bundles from districts with a preview, see conflicts side by side. */
import { Alert, App as AntApp, Button, Card, Col, Empty, Row, Space, Table, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeCounts, SyncConflict } from '../../../contract';
import { fieldLabel } from '../../../contract/validation';
import { readAsBase64, saveFile } from '../download';
import { milliToQuantity } from '../../../contract/money';
import { money, showDate, showDateTime, showQuantity } from '../format';
import { vocabulary } from '../i18n';
import { useBusyWork } from '../components/useBusyWork';
import { call, queryClient, useLedger } from '../queries';

const HIDDEN = new Set([
  'id',
  'version',
  'origin_site',
  'base_version',
  'search_text',
  'created_at',
  'updated_at',
  'name_folded',
  'name_key',
]);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Stored column names whose label differs from the field's. */
const LABEL_OF: Record<string, string> = { quantity_milli: 'quantity', valid_on: 'date' };

interface Names {
  donors: Map<string, string>;
  places: Map<string, string>;
  sites: Map<string, string>;
}

/** A stored value as the user reads it: money in its currency, dates as dd/mm/yyyy, names instead of ids. */
function showValue(key: string, value: unknown, row: Record<string, unknown>, names: Names, lang: string): string {
  if (value === null || value === undefined) return '∅';
  const words = vocabulary(lang);
  if ((key === 'amount_minor' || key === 'unit_value_minor') && typeof row.currency === 'string')
    return money(Number(value), row.currency, lang);
  if (key === 'vnd_equivalent') return money(Number(value), 'VND', lang);
  if (key === 'quantity_milli') return showQuantity(milliToQuantity(Number(value)), lang);
  if (key.endsWith('_date') || key === 'valid_on' || key === 'valid_from' || key === 'valid_to')
    return showDate(String(value));
  if (key === 'donor_id' || key === 'merged_into') return names.donors.get(String(value)) ?? String(value);
  if (key === 'place_id' || key === 'parent_id' || key === 'successor_id')
    return names.places.get(String(value)) ?? String(value);
  if (key === 'kind' && typeof value === 'string' && value in words.pledgeKind)
    return words.pledgeKind[value as keyof typeof words.pledgeKind];
  if (key === 'status' && typeof value === 'string' && value in words.pledgeStatus)
    return words.pledgeStatus[value as keyof typeof words.pledgeStatus];
  return String(value);
}

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
  const keys = [...new Set([...Object.keys(conflict.kept ?? {}), ...Object.keys(conflict.other ?? {})])].filter(
    (k) => !HIDDEN.has(k),
  );
  const rows = keys
    .map((k) => ({
      key: k,
      label: fieldLabel(LABEL_OF[k] ?? camel(k))[lang],
      kept: conflict.kept?.[k],
      other: conflict.other?.[k],
    }))
    .filter((r) => JSON.stringify(r.kept) !== JSON.stringify(r.other));
  const site = (id: string) => names.sites.get(id) ?? id.slice(0, 8);
  const entity = t(`sync.entity.${conflict.entity}`, { defaultValue: conflict.entity });
  const describe = String(
    conflict.kept?.description ?? conflict.other?.description ?? conflict.kept?.name ?? conflict.other?.name ?? '',
  );
  return (
    <Card
      size="small"
      title={`${entity}${describe ? ` · ${describe}` : ''} · ${showDateTime(conflict.detectedAt)}`}
      style={{ marginBottom: 8 }}
      data-testid="conflict"
    >
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t('sync.columns.field'), dataIndex: 'label', width: 180 },
          {
            title: `${t('sync.kept')} — ${site(conflict.keptSite)}`,
            dataIndex: 'kept',
            render: (v: unknown, r: { key: string }) =>
              conflict.kept ? showValue(r.key, v, conflict.kept, names, lang) : t('sync.deleted'),
          },
          {
            title: `${t('sync.other')} — ${site(conflict.otherSite)}`,
            dataIndex: 'other',
            render: (v: unknown, r: { key: string }) =>
              conflict.other ? showValue(r.key, v, conflict.other, names, lang) : t('sync.deleted'),
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
  const { message } = AntApp.useApp();
  const status = useLedger('sync.status', {});
  const settings = useLedger('settings.get', {});
  const donors = useLedger('donors.list', { includeMerged: true });
  const places = useLedger('places.list', {});
  const names: Names = useMemo(
    () => ({
      donors: new Map((donors.data ?? []).map((d) => [d.id, d.name])),
      places: new Map((places.data ?? []).map((p) => [p.id, p.displayName])),
      sites: new Map([
        ...(status.data?.peers ?? []).map((p) => [p.siteId, p.siteName] as const),
        ...(settings.data
          ? [[settings.data.siteId, `${settings.data.siteName} (${t('sync.thisSite')})`] as const]
          : []),
      ]),
    }),
    [donors.data, places.data, status.data, settings.data, t],
  );
  const countsText = (counts: Record<string, number>) =>
    Object.entries(counts)
      .filter(([, n]) => n)
      .map(([k, n]) => `${t(`sync.count.${k}`, { defaultValue: k })} ${n}`)
      .join(', ');
  const [file, setFile] = useState<{ fileName: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<MergeCounts | null>(null);
  const { busy, run } = useBusyWork();

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
            <p className="muted" data-testid="sync-last-export">
              {status.data?.lastExportAt
                ? t('sync.lastExport', { at: showDateTime(status.data.lastExportAt) })
                : t('sync.neverExported')}
            </p>
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
            <Upload.Dragger
              accept=".aidledger"
              multiple={false}
              showUploadList={false}
              beforeUpload={(chosen) => {
                void check(chosen);
                return false;
              }}
            >
              <p>{t('sync.drop')}</p>
              {file && <p className="muted">{file.fileName}</p>}
            </Upload.Dragger>
            {preview && (
              <div style={{ marginTop: 8 }} data-testid="sync-preview">
                <Alert
                  type={preview.conflicts ? 'warning' : 'info'}
                  showIcon
                  title={t('sync.preview', { ...preview })}
                  description={
                    preview.donorsMerged ? t('sync.donorsMerged', { count: preview.donorsMerged }) : undefined
                  }
                />
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
        status.data.conflicts.map((c) => (
          <ConflictCard key={c.id} conflict={c} names={names} onResolve={(keep) => resolve(c.id, keep)} />
        ))
      ) : (
        <Empty description={t('sync.noConflicts')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Typography.Title level={5} className="section-title">
        {t('sync.peers')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="siteId"
        pagination={false}
        dataSource={status.data?.peers ?? []}
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
            render: (c: Record<string, number>) => countsText(c),
          },
        ]}
      />
    </div>
  );
}
