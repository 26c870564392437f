/**
 * Nhập từ Excel on Tổ chức PCPNN: the department's register (one or more workbooks) checked at once — each file's rows,
 * NGOs new, certificates added, changed and unchanged, its problems by row and column — a column not understood mapped
 * (checked again on each change), then imported, all files or none. Esc closes; nothing is written before "Nhập".
 */
import { Alert, App as AntApp, Button, Modal, Select, Spin, Table, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../../contract';
import {
  type NgoImportedFile,
  type NgoImportResult,
  REGISTRY_FIELDS,
  type RegistryColumnMapping,
  type RegistryLayout,
} from '../../../contract/ngo-io';
import { readAsBase64 } from '../download';
import { call, errorText, refreshAfter } from '../queries';
import type { ReadFile } from '../screens/importFiles';
import { DIALOG_LAYOUT } from './dialog';
import {
  asksMapping,
  chooseRegistryField,
  REGISTER_ACCEPT,
  registerChangesAnything,
  registerColumnText,
  registerErrors,
  registerFiles,
  registerInput,
  registerIssueMessage,
  registerOutcomeText,
  registerTotals,
  registryFieldLabel,
  shownRegistryField,
} from './ngoImport';
import { searchByLabel, tabMovesOn } from './pickers';
import { useBusyWork } from './useBusyWork';

export function NgoImportModal({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const [files, setFiles] = useState<ReadFile[]>([]);
  const [mappings, setMappings] = useState<Map<string, RegistryColumnMapping>>(new Map());
  const [preview, setPreview] = useState<NgoImportResult | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { busy, run } = useBusyWork();
  const errors = registerErrors(preview);
  // Only the latest check is shown: a mapping changed twice quickly must not show the first choice's outcome last.
  const latest = useRef(0);
  const body = useRef<HTMLDivElement>(null);

  const check = (read: ReadFile[], mapped: Map<string, RegistryColumnMapping>) =>
    run(async () => {
      setFailed(null);
      const asked = ++latest.current;
      try {
        const result = await call('ngo.import', registerInput(read, mapped, true));
        if (asked === latest.current) setPreview(result);
      } catch (error) {
        setFailed(errorText(error, i18n.language));
      }
    });

  // One batch of files arrives file by file: it is read and checked once, when its last file has arrived.
  const beforeUpload = (file: File, batch: File[]) => {
    if (file !== batch[batch.length - 1]) return false;
    const accepted = registerFiles(batch);
    if (!accepted.length) {
      message.error(t('ngoIo.noneAccepted'));
      return false;
    }
    void (async () => {
      const read: ReadFile[] = [];
      for (const f of accepted) read.push({ fileName: f.name, base64: await readAsBase64(f) });
      const fresh = new Map<string, RegistryColumnMapping>();
      setFiles(read);
      setMappings(fresh);
      setPreview(null);
      await check(read, fresh);
    })();
    return false;
  };

  const mapColumns = (fileName: string, mapping: RegistryColumnMapping) => {
    const next = new Map(mappings).set(fileName, mapping);
    setMappings(next);
    void check(files, next);
  };

  const apply = () =>
    run(async () => {
      setFailed(null);
      try {
        const result = await call('ngo.import', registerInput(files, mappings, false));
        if (!result.written) {
          setPreview(result);
          return;
        }
        message.success(t('ngoIo.done', registerTotals(result)));
        await refreshAfter('ngo.import');
        onClose();
      } catch (error) {
        setFailed(errorText(error, i18n.language));
      }
    });

  const ready = preview !== null && errors.length === 0 && registerChangesAnything(preview);
  return (
    <Modal
      open
      width={980}
      {...DIALOG_LAYOUT}
      title={t('ngoIo.importTitle')}
      onCancel={onClose}
      // Opened, the dialog waits on its file area: Enter opens the file chooser.
      afterOpenChange={(opened) => {
        if (opened) body.current?.querySelector<HTMLElement>('.ant-upload[role=button]')?.focus();
      }}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button
          key="import"
          type="primary"
          disabled={!ready}
          loading={busy}
          onClick={apply}
          data-testid="ngo-import-apply"
        >
          {t('ngoIo.apply')}
        </Button>,
      ]}
    >
      <div data-testid="ngo-import" ref={body}>
        <Typography.Paragraph type="secondary">{t('ngoIo.importHelp')}</Typography.Paragraph>
        <Upload.Dragger
          accept={REGISTER_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={beforeUpload}
          data-testid="ngo-import-drop"
        >
          <p>{t('ngoIo.drop')}</p>
          {files.length > 0 && <p className="muted">{files.map((f) => f.fileName).join(', ')}</p>}
        </Upload.Dragger>
        {busy && (
          <Spin tip={t('ngoIo.checking')} style={{ margin: 16 }}>
            <div style={{ height: 30 }} />
          </Spin>
        )}
        {failed && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={failed} />}
        {preview && <CheckedRegisters files={preview.files} />}
        {preview?.files.filter(asksMapping).map((f) => (
          <RegisterMapping
            key={f.fileName}
            file={f}
            mapping={mappings.get(f.fileName) ?? []}
            onChange={(mapping) => mapColumns(f.fileName, mapping)}
          />
        ))}
        {preview && errors.length > 0 && <RegisterProblems many={preview.files.length > 1} errors={errors} />}
        {preview && errors.length === 0 && (
          <Alert
            type={ready ? 'success' : 'info'}
            showIcon
            style={{ marginTop: 12 }}
            data-testid="ngo-import-ready"
            title={t(ready ? 'ngoIo.ready' : 'ngoIo.nothingNew', registerTotals(preview))}
            description={
              preview.files.some((f) => f.newNgos.length)
                ? t('ngoIo.newNgos', { names: preview.files.flatMap((f) => f.newNgos).join(', ') })
                : undefined
            }
          />
        )}
      </div>
    </Modal>
  );
}

/** The files checked, one row each: what it brings, or how many problems it has. */
function CheckedRegisters({ files }: { files: NgoImportedFile[] }) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      style={{ marginTop: 12 }}
      rowKey="fileName"
      pagination={false}
      dataSource={files}
      data-testid="ngo-import-files"
      columns={[
        { title: t('imports.file'), dataIndex: 'fileName', width: 220 },
        {
          title: t('imports.outcome'),
          render: (_: unknown, f: NgoImportedFile) =>
            f.errors.length ? (
              <Typography.Text type="danger">{t('imports.fileErrors', { count: f.errors.length })}</Typography.Text>
            ) : (
              registerOutcomeText(f, t)
            ),
        },
      ]}
    />
  );
}

/** A file's columns with the field each is read as; one not understood shows its first values and asks for a field. */
function RegisterMapping({
  file,
  mapping,
  onChange,
}: {
  file: NgoImportedFile;
  mapping: RegistryColumnMapping;
  onChange: (mapping: RegistryColumnMapping) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const layout = file.layout as RegistryLayout;
  const options = [
    { value: 'ignore', label: t('imports.mapping.ignore') },
    ...REGISTRY_FIELDS.map((f) => ({ value: f, label: registryFieldLabel(f, t, en) })),
  ];
  return (
    <div style={{ marginTop: 12 }} data-testid="ngo-import-mapping">
      <Alert
        type="warning"
        showIcon
        title={t('imports.mapping.title', { file: file.fileName, row: layout.headerRow })}
        description={t('ngoIo.mappingHelp')}
      />
      <Table
        size="small"
        rowKey="header"
        pagination={false}
        dataSource={layout.columns}
        columns={[
          { title: t('imports.mapping.header'), dataIndex: 'header', width: 200 },
          {
            title: t('imports.mapping.samples'),
            dataIndex: 'samples',
            render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' · ')}</Typography.Text>,
          },
          {
            title: t('imports.mapping.field'),
            width: 320,
            render: (_: unknown, c: RegistryLayout['columns'][number]) =>
              c.field === 'stt' ? (
                <Typography.Text type="secondary">{t('imports.mapping.stt')}</Typography.Text>
              ) : (
                <>
                  <Select
                    allowClear={c.from === 'chosen'}
                    aria-label={`${t('imports.mapping.field')}: ${c.header}`}
                    placeholder={t('imports.mapping.choose')}
                    style={{ width: 300 }}
                    status={c.field === null && !shownRegistryField(c, mapping) ? 'warning' : undefined}
                    value={shownRegistryField(c, mapping)}
                    options={options}
                    showSearch={searchByLabel}
                    onKeyDown={tabMovesOn}
                    onChange={(field: string | undefined) => onChange(chooseRegistryField(mapping, c.header, field))}
                  />
                  {c.from === 'remembered' && (
                    <Typography.Text type="secondary"> ({t('imports.mapping.remembered')})</Typography.Text>
                  )}
                  {c.field === null && c.could?.length ? (
                    <div>
                      <Typography.Text type="secondary">
                        {t('imports.remap.could', {
                          fields: c.could.map((f) => registryFieldLabel(f, t, en)).join(', '),
                        })}
                      </Typography.Text>
                    </div>
                  ) : null}
                </>
              ),
          },
        ]}
      />
    </div>
  );
}

/** A refused check: each problem by file, row and column, in the user's language. */
function RegisterProblems({ many, errors }: { many: boolean; errors: (ImportIssue & { fileName: string })[] }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ marginTop: 12 }}
        title={t('ngoIo.rejected', { count: errors.length })}
      />
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        dataSource={errors}
        data-testid="ngo-import-errors"
        columns={[
          ...(many ? [{ title: t('imports.file'), dataIndex: 'fileName', width: 180 }] : []),
          { title: t('imports.row'), dataIndex: 'row', width: 70 },
          {
            title: t('imports.column'),
            dataIndex: 'column',
            width: 200,
            render: (column: string) => registerColumnText(column, t, en),
          },
          {
            title: t('imports.message'),
            key: 'message',
            render: (_: unknown, issue: ImportIssue) => registerIssueMessage(issue, en),
          },
        ]}
      />
    </>
  );
}
