import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Progress,
  Space,
  Spin,
  Switch,
  Table,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../contract';
import type { ColumnMapping, ImportedFile, ImportFilesResult, ReceiptChoice } from '../../../contract/imports';
import { ColumnMappingPanel } from '../components/ColumnMappingPanel';
import { canMap } from '../components/columnMapping';
import { PlaceTreePicker } from '../components/pickers';
import { ReceiptMatches } from '../components/ReceiptMatches';
import { readAsBase64, saveFile } from '../download';
import { useBusyWork } from '../components/useBusyWork';
import { call, errorText, refreshAfter } from '../queries';
import { importedQuarter } from './importedPeriod';
import { openReportAfterImport } from './reportOpening';
import { confirmDeletions, FileDeletions } from './SyncDeletions';
import {
  ACCEPT,
  acceptedFiles,
  changesAnything,
  doneText,
  fileOfficeText,
  fileOriginText,
  fileOutcomeText,
  importErrors,
  isMany,
  issueColumnText,
  issueMessage,
  newDonorNames,
  type ImportChoices,
  importInput,
  type ReadFile,
  readAsReceipts,
  readyText,
  rejectedText,
  showsFiles,
} from './importFiles';

/** Nhập Excel: the template for an office, and the files a quarter brings — workbooks and bundles, one or many. */
export function Imports() {
  const { t } = useTranslation();
  const work = useImportFiles();
  const { files, preview, reading, mappings, busy } = work;
  const errors = importErrors(preview);

  return (
    <div className="screen narrow" data-testid="imports-screen">
      <Typography.Title level={3}>{t('imports.title')}</Typography.Title>
      <TemplateCard />
      <Card size="small" title={t('imports.fileTitle')}>
        <FileChooser
          officeId={work.officeId}
          onOffice={work.chooseOffice}
          receipts={work.receipts}
          onReceipts={work.chooseReceipts}
          files={files}
          beforeUpload={work.beforeUpload}
        />
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
        {preview && showsFiles(preview) && <CheckedFiles files={preview.files} />}
        {preview && !showsFiles(preview) && <FileOrigin file={preview.files[0]} />}
        {preview?.files.filter(canMap).map((f) => (
          <ColumnMappingPanel
            key={f.fileName}
            file={f}
            mapping={mappings.get(f.fileName) ?? []}
            onChange={(mapping) => work.mapColumns(f.fileName, mapping)}
          />
        ))}
        {preview?.files
          .filter((f) => f.receipts?.length)
          .map((f) => (
            <ReceiptMatches
              key={`receipts-${f.fileName}`}
              file={f}
              choices={work.choices.get(f.fileName) ?? []}
              onChoose={(chosen) => work.chooseMatches(f.fileName, chosen)}
            />
          ))}
        {preview && (
          <FileDeletions preview={preview} confirmed={work.allowDeletions} onConfirm={work.confirmFileDeletions} />
        )}
        {preview && errors.length > 0 && <ImportProblems preview={preview} errors={errors} />}
        {preview && errors.length === 0 && <ImportReady preview={preview} busy={busy} onApply={work.apply} />}
        {work.imported && <ImportDone imported={work.imported} />}
      </Card>
    </div>
  );
}

/** The files of an import: read, checked (again, for another office, with columns mapped or pledges chosen), imported. */
function useImportFiles() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const [files, setFiles] = useState<ReadFile[]>([]);
  const [preview, setPreview] = useState<ImportFilesResult | null>(null);
  const [reading, setReading] = useState<{ done: number; of: number } | null>(null);
  const [imported, setImported] = useState<ImportFilesResult | null>(null);
  // The office, the columns mapped and pledges chosen by file, the deletions confirmed, whether the lists are receipts.
  const [chosen, setChosen] = useState<ImportChoices>({
    officeId: undefined,
    mappings: new Map(),
    choices: new Map(),
    allowDeletions: false,
    receipts: undefined,
  });
  const { busy, run } = useBusyWork();

  /** A choice changed: the files already read are checked again with it. */
  const choose = (change: Partial<ImportChoices>) => {
    const next = { ...chosen, ...change };
    setChosen(next);
    if (!files.length) return Promise.resolve();
    return run(async () => {
      setPreview(await call('imports.files', { ...importInput(files, next), dryRun: true }));
    });
  };

  /** Every file chosen or dropped at once (a folder's too) is read, then checked together. */
  const check = (batch: File[]) =>
    run(async () => {
      setPreview(null);
      setImported(null);
      // The office and the kind of list stay chosen; the mappings, pledges and deletions were the earlier files'.
      const fresh = { ...chosen, mappings: new Map(), choices: new Map(), allowDeletions: false };
      setChosen(fresh);
      const accepted = acceptedFiles(batch);
      if (!accepted.length) {
        message.error(t('imports.noneAccepted'));
        return;
      }
      const read: ReadFile[] = [];
      setReading({ done: 0, of: accepted.length });
      for (const file of accepted) {
        read.push({ fileName: file.name, base64: await readAsBase64(file) });
        setReading({ done: read.length, of: accepted.length });
      }
      setReading(null);
      setFiles(read);
      setPreview(await call('imports.files', { ...importInput(read, fresh), dryRun: true }));
    });

  const apply = () =>
    run(async () => {
      if (!files.length) return;
      const result = await call('imports.files', importInput(files, chosen));
      if (!result.written) setPreview(result);
      else {
        message.success(doneText(result, t));
        setPreview(null);
        setFiles([]);
        setImported(result);
        await refreshAfter('imports.files');
      }
    });

  // One batch of files arrives file by file: it is checked once, when its last file has arrived.
  const beforeUpload = (file: File, batch: File[]) => {
    if (file === batch[batch.length - 1]) void check(batch);
    return false;
  };

  /** The bundles' deletions listed and confirmed, then the files checked again with them allowed. */
  const confirmFileDeletions = async () => {
    const deletions = (preview?.files ?? []).flatMap((f) => (f.deletionsNeedConfirmation ? (f.deletions ?? []) : []));
    if (!(await confirmDeletions(modal, t, deletions))) return;
    await choose({ allowDeletions: true });
  };

  return {
    ...chosen,
    receipts: readAsReceipts(chosen.receipts, preview),
    files,
    preview,
    reading,
    imported,
    busy,
    beforeUpload,
    // The files already chosen are read again as that office's.
    chooseOffice: (officeId: string | undefined) => void choose({ officeId }),
    chooseReceipts: (receipts: boolean) => void choose({ receipts }),
    mapColumns: (fileName: string, mapping: ColumnMapping) =>
      void choose({ mappings: new Map(chosen.mappings).set(fileName, mapping) }),
    chooseMatches: (fileName: string, matches: ReceiptChoice[]) =>
      void choose({ choices: new Map(chosen.choices).set(fileName, matches) }),
    apply,
    confirmFileDeletions,
  };
}

/**
 * The office the files are read as, whether they are lists of receipts, and the files: a folder chosen, or files
 * dropped or chosen.
 */
function FileChooser({
  officeId,
  onOffice,
  receipts,
  onReceipts,
  files,
  beforeUpload,
}: {
  officeId: string | undefined;
  onOffice: (id: string | undefined) => void;
  receipts: boolean;
  onReceipts: (receipts: boolean) => void;
  files: ReadFile[];
  beforeUpload: (file: File, batch: File[]) => boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {/* What the switch means, on hovering it or reaching it by Tab. */}
      <Tooltip title={t('imports.receiptsListHint')} trigger={['hover', 'focus']} placement="topLeft">
        <Space style={{ marginBottom: 8 }}>
          <Switch id="import-receipts" checked={receipts} onChange={onReceipts} data-testid="import-receipts" />
          <label htmlFor="import-receipts">{t('imports.receiptsList')}</label>
        </Space>
      </Tooltip>
      <Space wrap style={{ marginBottom: 8 }}>
        <PlaceTreePicker
          placeholder={t('imports.office')}
          style={{ width: 440 }}
          {...(officeId ? { value: officeId } : {})}
          onChange={onOffice}
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
    </>
  );
}

/** The import template for an office, to send to it. */
function TemplateCard() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [placeId, setPlaceId] = useState<string | undefined>();

  async function template() {
    if (!placeId) return;
    try {
      const result = await call('imports.template', { placeId });
      saveFile(result.fileName, result.base64);
    } catch (error) {
      message.error(errorText(error, i18n.language));
    }
  }

  return (
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
  );
}

/** The files checked, one row each: what it brings (or how many problems it has) and the office it was read as. */
function CheckedFiles({ files }: { files: ImportedFile[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      style={{ marginTop: 12 }}
      rowKey="fileName"
      pagination={false}
      dataSource={files}
      data-testid="import-files"
      columns={[
        { title: t('imports.file'), dataIndex: 'fileName' },
        {
          title: t('imports.outcome'),
          render: (_: unknown, f: ImportedFile) =>
            f.errors.length ? (
              <Typography.Text type="danger">{t('imports.fileErrors', { count: f.errors.length })}</Typography.Text>
            ) : (
              fileOutcomeText(f, t)
            ),
        },
        { title: t('imports.officeShort'), render: (_: unknown, f: ImportedFile) => fileOfficeText(f, t) },
        { title: t('fileOrigin.province'), render: (_: unknown, f: ImportedFile) => f.province ?? '' },
      ]}
    />
  );
}

/** Where the one file checked is from: its office and its province, when they are known. */
function FileOrigin({ file }: { file: ImportedFile | undefined }) {
  const { t } = useTranslation();
  const text = file ? fileOriginText(file, t) : '';
  if (!text) return null;
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="import-origin">
      {text}
    </Typography.Paragraph>
  );
}

/** A refused check: how many problems, and each by file, row and column. */
function ImportProblems({
  preview,
  errors,
}: {
  preview: ImportFilesResult;
  errors: (ImportIssue & { fileName: string })[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ marginTop: 12 }}
        title={rejectedText(preview, errors.length, t)}
      />
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={errors}
        data-testid="import-errors"
        columns={[
          ...(isMany(preview) ? [{ title: t('imports.file'), dataIndex: 'fileName', width: 180 }] : []),
          { title: t('imports.row'), dataIndex: 'row', width: 70 },
          {
            title: t('imports.column'),
            dataIndex: 'column',
            width: 200,
            render: (column: string) => issueColumnText(column, lang),
          },
          {
            title: t('imports.message'),
            key: 'message',
            render: (_: unknown, issue: ImportIssue) => issueMessage(issue, lang),
          },
        ]}
      />
    </>
  );
}

/** A clean check: what the import will do, the donors it will add, and the button that imports. */
function ImportReady({ preview, busy, onApply }: { preview: ImportFilesResult; busy: boolean; onApply: () => void }) {
  const { t } = useTranslation();
  const newDonors = newDonorNames(preview);
  return (
    <div style={{ marginTop: 12 }} data-testid="import-ready">
      <Alert type="success" showIcon title={readyText(preview, t)} />
      {newDonors.length > 0 && <p className="muted">{t('imports.newDonors', { names: newDonors.join(', ') })}</p>}
      <Button
        type="primary"
        onClick={onApply}
        loading={busy}
        disabled={!changesAnything(preview)}
        style={{ marginTop: 8 }}
        data-testid="import-apply"
      >
        {t('imports.apply')}
      </Button>
    </div>
  );
}

/** What the import did, and the way on to the quarter's report. */
function ImportDone({ imported }: { imported: ImportFilesResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="import-done"
      title={doneText(imported, t)}
      action={
        <Button
          type="primary"
          onClick={() => openReportAfterImport(importedQuarter(imported))}
          data-testid="import-make-report"
        >
          {t('imports.makeReport')}
        </Button>
      }
    />
  );
}
