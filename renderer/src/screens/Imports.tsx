import { Alert, App as AntApp, Button, Card, Progress, Space, Spin, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../contract';
import type { ColumnMapping, ImportedFile, ImportFilesResult } from '../../../contract/imports';
import { ColumnMappingPanel, needsMapping } from '../components/ColumnMappingPanel';
import { PlaceTreePicker } from '../components/pickers';
import { readAsBase64, saveFile } from '../download';
import { useBusyWork } from '../components/useBusyWork';
import { call, errorText, queryClient } from '../queries';
import { TEMPLATE_HEADERS_EN } from '../../../contract/labels';

/** Nhập Excel: the template for an office, and the files a quarter brings — workbooks and bundles, one or many. */
export function Imports() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const [placeId, setPlaceId] = useState<string | undefined>();
  const [officeId, setOfficeId] = useState<string | undefined>();
  const [files, setFiles] = useState<{ fileName: string; base64: string }[]>([]);
  const [preview, setPreview] = useState<ImportFilesResult | null>(null);
  const [reading, setReading] = useState<{ done: number; of: number } | null>(null);
  const [imported, setImported] = useState<ImportFilesResult | null>(null);
  // The columns mapped by the user, by file (a file's header row read anew with them).
  const [mappings, setMappings] = useState<Map<string, ColumnMapping>>(new Map());
  const { busy, run } = useBusyWork();

  async function template() {
    if (!placeId) return;
    try {
      const result = await call('imports.template', { placeId });
      saveFile(result.fileName, result.base64);
    } catch (error) {
      message.error(errorText(error, lang));
    }
  }

  const office = (id: string | undefined) => (id ? { placeId: id } : {});
  const withMappings = (read: { fileName: string; base64: string }[], maps: Map<string, ColumnMapping>) =>
    read.map((f) => ({ ...f, ...(maps.get(f.fileName)?.length ? { mapping: maps.get(f.fileName)! } : {}) }));

  /** The files already read, checked again: for another office, or with columns mapped. */
  const recheck = (
    read: { fileName: string; base64: string }[],
    chosenOffice: string | undefined,
    maps: Map<string, ColumnMapping>,
  ) =>
    run(async () => {
      setPreview(
        await call('imports.files', { files: withMappings(read, maps), dryRun: true, ...office(chosenOffice) }),
      );
    });

  /** Every file chosen or dropped at once (a folder's too) is read, then checked together. */
  const check = (chosen: File[], chosenOffice = officeId) =>
    run(async () => {
      setPreview(null);
      setImported(null);
      setMappings(new Map());
      const accepted = chosen.filter((f) => ACCEPTED.test(f.name)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
      if (!accepted.length) {
        message.error(t('imports.noneAccepted'));
        return;
      }
      const read: { fileName: string; base64: string }[] = [];
      setReading({ done: 0, of: accepted.length });
      for (const file of accepted) {
        read.push({ fileName: file.name, base64: await readAsBase64(file) });
        setReading({ done: read.length, of: accepted.length });
      }
      setReading(null);
      setFiles(read);
      setPreview(await call('imports.files', { files: read, dryRun: true, ...office(chosenOffice) }));
    });

  const apply = () =>
    run(async () => {
      if (!files.length) return;
      const result = await call('imports.files', { files: withMappings(files, mappings), ...office(officeId) });
      if (!result.written) setPreview(result);
      else {
        message.success(
          t('imports.doneMany', {
            files: result.files.length,
            added: result.totals.added,
            skipped: result.totals.skipped,
            inserted: result.totals.inserted,
            updated: result.totals.updated,
          }),
        );
        setPreview(null);
        setFiles([]);
        setImported(result);
        await queryClient.invalidateQueries();
      }
    });

  // One batch of files arrives file by file: it is checked once, when its last file has arrived.
  const beforeUpload = (file: File, batch: File[]) => {
    if (file === batch[batch.length - 1]) void check(batch);
    return false;
  };
  const errors = preview?.files.flatMap((f) => f.errors.map((e) => ({ ...e, fileName: f.fileName }))) ?? [];
  const many = (preview?.files.length ?? 0) > 1;

  return (
    <div className="screen narrow" data-testid="imports-screen">
      <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
      <Card size="small" title={t('imports.templateTitle')} style={{ marginBottom: 12 }}>
        <Space>
          <PlaceTreePicker
            placeholder={t('imports.templatePlace')}
            style={{ width: 280 }}
            {...(placeId ? { value: placeId } : {})}
            onChange={setPlaceId}
          />
          <Button onClick={template} disabled={!placeId} data-testid="download-template">
            {t('imports.downloadTemplate')}
          </Button>
        </Space>
      </Card>
      <Card size="small" title={t('imports.fileTitle')}>
        <Space wrap style={{ marginBottom: 8 }}>
          <PlaceTreePicker
            placeholder={t('imports.office')}
            style={{ width: 440 }}
            {...(officeId ? { value: officeId } : {})}
            onChange={(id) => {
              setOfficeId(id);
              // The files already chosen are read again as that office's.
              if (files.length) void recheck(files, id, mappings);
            }}
          />
          <Upload
            accept={ACCEPT}
            directory
            showUploadList={false}
            beforeUpload={beforeUpload}
            data-testid="import-folder"
          >
            <Button>{t('imports.chooseFolder')}</Button>
          </Upload>
        </Space>
        <Upload.Dragger
          accept={ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={beforeUpload}
          data-testid="import-drop"
        >
          <p>{t('imports.drop')}</p>
          {files.length > 0 && <p className="muted">{files.map((f) => f.fileName).join(', ')}</p>}
        </Upload.Dragger>
        {reading && (
          <Progress
            percent={Math.round((reading.done / reading.of) * 100)}
            format={() => t('imports.reading', reading)}
            data-testid="import-reading"
          />
        )}
        {busy && !reading && (
          <Spin tip={t('imports.checking')} style={{ margin: 16 }}>
            <div style={{ height: 30 }} />
          </Spin>
        )}
        {preview && (many || preview.files[0]?.kind === 'bundle') && (
          <Table
            size="small"
            style={{ marginTop: 12 }}
            rowKey="fileName"
            pagination={false}
            dataSource={preview.files}
            data-testid="import-files"
            columns={[
              { title: t('imports.file'), dataIndex: 'fileName' },
              {
                title: t('imports.outcome'),
                render: (_: unknown, f: ImportedFile) =>
                  f.errors.length ? (
                    <Typography.Text type="danger">
                      {t('imports.fileErrors', { count: f.errors.length })}
                    </Typography.Text>
                  ) : f.kind === 'bundle' ? (
                    t('imports.bundleCounts', {
                      inserted: f.merge?.inserted ?? 0,
                      updated: f.merge?.updated ?? 0,
                      unchanged: f.merge?.unchanged ?? 0,
                      conflicts: f.merge?.conflicts ?? 0,
                    })
                  ) : (
                    t('imports.workbookCounts', { added: f.added, skipped: f.skipped })
                  ),
              },
              {
                title: t('imports.officeShort'),
                render: (_: unknown, f: ImportedFile) =>
                  f.officePlace
                    ? `${f.officePlace.name}${f.officePlace.from === 'letterhead' ? ` (${t('imports.fromLetterhead')})` : ''}`
                    : '',
              },
            ]}
          />
        )}
        {preview?.files.filter(needsMapping).map((f) => (
          <ColumnMappingPanel
            key={f.fileName}
            file={f}
            mapping={mappings.get(f.fileName) ?? []}
            onChange={(mapping) => {
              const next = new Map(mappings).set(f.fileName, mapping);
              setMappings(next);
              void recheck(files, officeId, next);
            }}
          />
        ))}
        {preview && errors.length > 0 && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 12 }}
              title={
                many
                  ? t('imports.rejectedMany', { count: errors.length, files: preview.totals.refusedFiles })
                  : t('imports.rejected', { count: errors.length })
              }
            />
            <Table
              size="small"
              rowKey={(_, i) => String(i)}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              dataSource={errors}
              data-testid="import-errors"
              columns={[
                ...(many ? [{ title: t('imports.file'), dataIndex: 'fileName', width: 180 }] : []),
                { title: t('imports.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('imports.column'),
                  dataIndex: 'column',
                  width: 200,
                  // The file's own header (Vietnamese), and in English what it means.
                  render: (column: string) =>
                    lang === 'en' && TEMPLATE_HEADERS_EN[column]
                      ? `${TEMPLATE_HEADERS_EN[column]} (${column})`
                      : column,
                },
                {
                  title: t('imports.message'),
                  key: 'message',
                  render: (_: unknown, issue: ImportIssue) => (lang === 'en' ? issue.messageEn : issue.message),
                },
              ]}
            />
          </>
        )}
        {preview && errors.length === 0 && (
          <div style={{ marginTop: 12 }} data-testid="import-ready">
            <Alert
              type="success"
              showIcon
              title={
                many || preview.files[0]?.kind === 'bundle'
                  ? t('imports.willAddMany', {
                      files: preview.files.length,
                      added: preview.totals.added,
                      skipped: preview.totals.skipped,
                      inserted: preview.totals.inserted,
                      updated: preview.totals.updated,
                      conflicts: preview.totals.conflicts,
                    })
                  : t('imports.willAdd', { added: preview.totals.added, skipped: preview.totals.skipped })
              }
            />
            {preview.files.some((f) => f.newDonors.length) && (
              <p className="muted">
                {t('imports.newDonors', { names: preview.files.flatMap((f) => f.newDonors).join(', ') })}
              </p>
            )}
            <Button
              type="primary"
              onClick={apply}
              loading={busy}
              disabled={preview.totals.added + preview.totals.inserted + preview.totals.updated === 0}
              style={{ marginTop: 8 }}
              data-testid="import-apply"
            >
              {t('imports.apply')}
            </Button>
          </div>
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="import-done"
            title={t('imports.doneMany', {
              files: imported.files.length,
              added: imported.totals.added,
              skipped: imported.totals.skipped,
              inserted: imported.totals.inserted,
              updated: imported.totals.updated,
            })}
            action={
              <Button
                type="primary"
                onClick={() => {
                  window.location.hash = 'reports';
                }}
                data-testid="import-make-report"
              >
                {t('imports.makeReport')}
              </Button>
            }
          />
        )}
      </Card>
    </div>
  );
}

const ACCEPT = '.xlsx,.xls,.ods,.csv,.aidledger';
const ACCEPTED = /\.(xlsx|xls|ods|csv|aidledger)$/i;
