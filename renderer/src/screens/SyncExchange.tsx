/**
 * The exchange folder on the Đồng bộ screen — what waits to go, the other offices' bundles found there — and the
 * offices this one exchanges with, with those silent for too long marked.
 */
import { Alert, App as AntApp, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderBundle, ImportFilesResult, SyncStatus } from '../../../contract';
import { showDateTime } from '../format';
import { useBusyWork } from '../components/useBusyWork';
import { call, refreshAfter, useLedger } from '../queries';
import { doneText, fileOutcomeText, readyText, rejectedText } from './importFiles';
import { folderStateText, reminderText, sentText, silenceText } from './syncExchange';

export function ExchangeFolderCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const folder = useLedger('sync.folder', {});
  const { busy, run } = useBusyWork();
  const [checked, setChecked] = useState<ImportFilesResult | null>(null);
  const status = folder.data;
  const offered = status?.offered.filter((f) => !f.tooLarge) ?? [];

  const send = () =>
    run(async () => {
      message.success(sentText(await call('sync.send', {}), t));
      await refreshAfter('sync.send');
    });
  const receive = (dryRun: boolean) =>
    run(async () => {
      const result = await call('sync.receive', { fileNames: offered.map((f) => f.fileName), dryRun });
      if (dryRun || !result.written) {
        setChecked(result);
        return;
      }
      setChecked(null);
      message.success(doneText(result, t));
      await refreshAfter('sync.receive');
    });

  return (
    <Card size="small" title={t('exchange.title')} data-testid="exchange-folder" style={{ marginTop: 12 }}>
      <p className="muted">{t('exchange.hint')}</p>
      {status && (
        <>
          {status.folder && <Typography.Text code>{status.folder}</Typography.Text>}
          <p data-testid="exchange-state">{folderStateText(status, t)}</p>
          <Button
            onClick={send}
            loading={busy}
            disabled={!status.folder || !!status.problem}
            data-testid="exchange-send"
          >
            {t('exchange.send')}
          </Button>
          <OfferedBundles files={status.offered} />
          {offered.length > 0 && (
            <Space style={{ marginTop: 8 }}>
              <Button onClick={() => receive(true)} loading={busy} data-testid="exchange-check">
                {t('exchange.check')}
              </Button>
              <Button type="primary" onClick={() => receive(false)} loading={busy} data-testid="exchange-receive">
                {t('exchange.receive')}
              </Button>
            </Space>
          )}
          {checked && <CheckedBundles result={checked} />}
        </>
      )}
    </Card>
  );
}

/** The other offices' bundles found in the folder and not yet received here, the oldest first. */
function OfferedBundles({ files }: { files: FolderBundle[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5} className="section-title">
        {t('exchange.offered')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="fileName"
        pagination={false}
        dataSource={files}
        data-testid="exchange-offered"
        locale={{ emptyText: <Empty description={t('exchange.noneOffered')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('exchange.file'), dataIndex: 'fileName' },
          {
            title: t('exchange.writtenAt'),
            dataIndex: 'writtenAt',
            render: (v: string) => showDateTime(v),
            width: 150,
          },
          {
            title: t('exchange.size'),
            dataIndex: 'bytes',
            className: 'num',
            width: 110,
            render: (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`,
          },
        ]}
      />
    </>
  );
}

/** What receiving the offered bundles will do, or why they are refused. */
function CheckedBundles({ result }: { result: ImportFilesResult }) {
  const { t } = useTranslation();
  const refused = result.files.some((f) => f.errors.length);
  return (
    <div style={{ marginTop: 8 }} data-testid="exchange-checked">
      <Alert
        type={refused ? 'error' : 'info'}
        showIcon
        title={refused ? rejectedText(result, result.totals.errors, t) : readyText(result, t)}
        description={
          <ul className="plain-list">
            {result.files.map((f) => (
              <li key={f.fileName}>
                {f.fileName}: {fileOutcomeText(f, t)}
                {f.errors.map((e) => (
                  <div key={`${e.row}-${e.column}-${e.message}`} className="muted">
                    {e.message}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        }
      />
    </div>
  );
}

/** The offices this one exchanges with: when each last sent a bundle here, overdue ones marked. */
export function OfficeActivityTable({ status }: { status: SyncStatus | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5} className="section-title">
        {t('exchange.offices')}
      </Typography.Title>
      {status && (
        <p className="muted" data-testid="exchange-sent">
          {t('exchange.remindAfter', { days: status.reminderDays })} ·{' '}
          {status.lastExportAt
            ? t('exchange.lastSent', { at: showDateTime(status.lastExportAt) })
            : t('exchange.neverSent')}
        </p>
      )}
      {status?.reminders.map((r) => (
        <Alert key={`${r.kind}-${'siteId' in r ? r.siteId : ''}`} type="warning" showIcon title={reminderText(r, t)} />
      ))}
      <Table
        size="small"
        rowKey="siteId"
        pagination={false}
        dataSource={status?.offices ?? []}
        data-testid="exchange-offices"
        locale={{ emptyText: <Empty description={t('common.none')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('exchange.office'), dataIndex: 'siteName' },
          {
            title: t('exchange.lastReceived'),
            key: 'last',
            render: (_: unknown, office: SyncStatus['offices'][number]) => (
              <Space>
                {silenceText(office, t)}
                {office.overdue && <Tag color="red">{t('exchange.overdue')}</Tag>}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
